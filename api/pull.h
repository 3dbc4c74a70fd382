#ifndef BERTH_API_PULL_H
#define BERTH_API_PULL_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"

/*
 * POST /images/create?fromImage=&tag=: the engine answers with one JSON
 * progress document per line; an {"error": ...} line inside a 200 stream
 * is a failed pull.
 */

struct api_pull_event {
	char *id;		/* layer id, or the tag for whole-image lines */
	char *status;		/* "Downloading", "Pull complete", ... */
	int64_t current, total; /* progressDetail, bytes; 0 when absent */
	char *error;		/* set: the pull failed with this message */
};

api_code api_pull_event_parse(const char *line, size_t len,
			      struct api_pull_event *out,
			      struct api_error *err);
void api_pull_event_free(struct api_pull_event *e);

/* Splits "host:5000/a/b:tag" into name and tag ("latest" when none; a
 * digest "@sha256:..." goes into tag whole).  Caller frees both. */
int api_image_ref_split(const char *ref, char **name, char **tag);
/* "docker.io" for Hub references, else the registry host[:port]. */
char *api_image_ref_registry(const char *ref);

/* NULL on allocation failure or a bad reference. */
char *api_image_pull_path(const char *ref);

typedef void (*api_pull_fn)(const struct api_pull_event *ev, void *ud);
/* The pull ended: API_OK, or why (an error line in the stream too).  The
 * handle is gone by then. */
typedef void (*api_pull_end_fn)(api_code code, const struct api_error *err,
				void *ud);
struct api_pull;
/* Starts the pull on c's multi: fn (may be NULL) sees every progress
 * line, on_end is called once.  out (may be NULL) gets the handle. */
api_code api_pull_start(struct api_client *c, const char *ref, api_pull_fn fn,
			api_pull_end_fn on_end, void *ud, struct api_pull **out,
			struct api_error *err);
/* Stops it; on_end is not called.  Not from inside on_end. */
void api_pull_cancel(struct api_pull *p);
/* Blocking; fn (may be NULL) sees every progress line. */
api_code api_image_pull(struct api_client *c, const char *ref, api_pull_fn fn,
			void *ud, struct api_error *err);

/* The X-Registry-Auth value (base64url JSON) for ref's registry from a
 * docker config.json text (`auths`: "auth" base64 user:pass, or username
 * and password), or NULL when it holds none. */
char *api_registry_auth_from_config(const char *ref, const char *json,
				    size_t len);
/* The same from $DOCKER_CONFIG/config.json or ~/.docker/config.json. */
char *api_registry_auth_load(const char *ref);

#endif
