#ifndef BERTH_API_REFERENCE_H
#define BERTH_API_REFERENCE_H

#include <stddef.h>

/*
 * An image reference as the engine normalises it (distribution's
 * ParseNormalizedNamed): "nginx" is docker.io/library/nginx:latest,
 * "me/app:1" is docker.io/me/app:1, "127.0.0.1:5000/app@sha256:..."
 * names another registry.  The first component is a registry when it
 * holds a '.' or a ':' or is "localhost".
 */

#define API_REF_HOST_MAX 256
#define API_REF_PATH_MAX 256
#define API_REF_TAG_MAX 129
#define API_REF_DIGEST_MAX 136

struct api_ref {
	char registry[API_REF_HOST_MAX]; /* "docker.io", "127.0.0.1:5000" */
	char path[API_REF_PATH_MAX];	 /* "library/nginx", "me/app" */
	char tag[API_REF_TAG_MAX];	 /* "" when none was given */
	char digest[API_REF_DIGEST_MAX]; /* "sha256:...", "" when none */
};

/* Parses s into *out.  Returns 0, or -1 for text that is no reference
 * (empty, upper case in the path, a bad tag or digest, too long); *out
 * is then zeroed. */
int api_ref_parse(const char *s, struct api_ref *out);

/* 1 for Docker Hub's official images: docker.io/library/NAME. */
int api_ref_official(const struct api_ref *r);

/* The namespace: "library", "me", the path's first component; for a
 * path of one component (another registry's "app") it is "". */
void api_ref_namespace(const struct api_ref *r, char *out, size_t n);

/* The familiar form the docker CLI prints: "nginx:1.25", "me/app",
 * "127.0.0.1:5000/app@sha256:...". */
void api_ref_familiar(const struct api_ref *r, char *out, size_t n);

#endif
