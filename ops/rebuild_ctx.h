#ifndef BERTH_OPS_REBUILD_CTX_H
#define BERTH_OPS_REBUILD_CTX_H

#include "api/error.h"
#include "api/json.h"

/*
 * Where a container's image is built from: for a Compose container, its
 * labels (project working_dir, config_files, service) and the build:
 * section; otherwise a directory the user gave once with --context,
 * remembered per container name in $XDG_STATE_HOME/berth/rebuild.
 */
struct rebuild_ctx {
	char *context_dir; /* absolute */
	char *dockerfile;  /* relative to context_dir; NULL: Dockerfile */
	char *target;
	struct api_kvlist args;
	const char *source; /* "compose", "remembered" or "given" */
};

void rebuild_ctx_free(struct rebuild_ctx *r);

/* From the Compose labels.  API_E_INVALID (with why) when the container
 * is not from Compose or its service has no build section. */
api_code rebuild_ctx_from_compose(const struct api_kvlist *labels,
				  struct rebuild_ctx *out,
				  struct api_error *err);

/* The state file's path (free it), NULL without $XDG_STATE_HOME/$HOME. */
char *rebuild_state_file(void);
/* API_E_INVALID when nothing is remembered for name. */
api_code rebuild_state_load(const char *file, const char *name,
			    struct rebuild_ctx *out, struct api_error *err);
api_code rebuild_state_save(const char *file, const char *name,
			    const struct rebuild_ctx *r, struct api_error *err);

/* given_dir/given_file (from the command line, may be NULL) win and are
 * remembered; then Compose; then what was remembered. */
api_code rebuild_ctx_resolve(const char *name, const struct api_kvlist *labels,
			     const char *given_dir, const char *given_file,
			     struct rebuild_ctx *out, struct api_error *err);

#endif
