#ifndef BERTH_POSTURE_LINT_IMAGE_H
#define BERTH_POSTURE_LINT_IMAGE_H

#include <stddef.h>

#include "api/error.h"
#include "api/image_ops.h"
#include "api/images.h"
#include "posture/dockerfile.h"

/*
 * The image a Dockerfile would build, as far as its text tells: the
 * record the image rules read from an engine (history, config, the
 * references it comes from), so a Dockerfile is judged by the same
 * rules, through the same entry point, as a built image.
 *
 * - History: every stage's RUN, ADD, COPY and ENV, newest first, in the
 *   forms the builders record ("|N K=V /bin/sh -c CMD" for a RUN after
 *   build args, "COPY src dst" as BuildKit writes it).
 * - Config: the final stage's USER, HEALTHCHECK, ENV and LABEL, with
 *   what it inherits from earlier stages it is built FROM.
 * - RepoTags and RepoDigests: the final stage's base image (what the
 *   image is known by before it has a name of its own), as written with
 *   global ARGs substituted and ":latest" when there is no tag.  The
 *   other stages' bases are in from[], each judged by name as an image
 *   of its own (lint_base_image).
 */

/* Where in the Dockerfile a piece of the synthetic record came from:
 * a base image reference, a build arg's or an ENV's name. */
struct lint_from {
	char *ref; /* as RepoTags/RepoDigests hold it; the name */
	size_t line;
	int final_base; /* the base of the final stage */
};

struct lint_image {
	struct api_image_inspect img;
	struct api_image_history h;
	size_t *h_line; /* h.items[i] comes from line h_line[i] */
	size_t user_line, health_line; /* 0: none in the final stage */
	struct lint_from *from;	       /* FROM images outside the Dockerfile */
	size_t n_from;
	struct lint_from *names; /* ARGs (first line), final ENVs (last) */
	size_t n_names;
};

/* Builds out from d.  API_E_NOMEM; API_E_PARSE when d has no FROM. */
api_code lint_image_build(const struct dockerfile *d, struct lint_image *out,
			  struct api_error *err);
void lint_image_free(struct lint_image *li);

/* An image known only by its reference: what a FROM names. */
api_code lint_base_image(const char *ref, struct api_image_inspect *out,
			 struct api_error *err);
/* The line a name was set on (an ARG's first, an ENV's last), or 0. */
size_t lint_name_line(const struct lint_image *li, const char *name, size_t n);

#endif
