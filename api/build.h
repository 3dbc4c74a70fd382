#ifndef BERTH_API_BUILD_H
#define BERTH_API_BUILD_H

#include <stddef.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"

/*
 * POST /build: the context streamed as a tar (api/buildctx.h) and the
 * engine's JSON-lines output, one callback per line.
 */

struct build_opts {
	const char *context_dir;
	const char *dockerfile; /* relative to context_dir; NULL: Dockerfile */
	const char *tag;	/* t=; NULL: untagged */
	const char *target;	/* NULL: the last stage */
	const struct api_kvlist *buildargs;
};

/* "/build?t=...&dockerfile=...&target=...&buildargs={...}" (free it). */
char *api_build_path(const struct build_opts *o);

/* One line of the build's output. */
enum build_msg_kind {
	BUILD_MSG_OTHER,
	BUILD_MSG_STREAM, /* {"stream": "Step 1/3 : FROM ..."} */
	BUILD_MSG_STATUS, /* {"status": ...} from a pull inside the build */
	BUILD_MSG_AUX_ID, /* {"aux": {"ID": "sha256:..."}} */
	BUILD_MSG_ERROR,  /* {"error": ...} or {"errorDetail": ...} */
};

struct build_msg {
	enum build_msg_kind kind;
	char *text; /* the stream text, status, image id or error message */
};

api_code api_build_line_parse(const char *json, size_t len,
			      struct build_msg *out, struct api_error *err);
void api_build_msg_free(struct build_msg *m);

typedef void (*build_msg_fn)(const struct build_msg *m, void *ud);

/* The build ended: image_id is the built image's ("" on failure).  The
 * handle is gone by then. */
typedef void (*api_build_end_fn)(api_code code, const char *image_id,
				 const struct api_error *err, void *ud);
struct api_build;
/* Starts the build on c's multi (the context read from disk as curl asks
 * for it): fn (may be NULL) sees each output line, on_end is called once.
 * o is only read during the call.  out (may be NULL) gets the handle. */
api_code api_build_start(struct api_client *c, const struct build_opts *o,
			 build_msg_fn fn, api_build_end_fn on_end, void *ud,
			 struct api_build **out, struct api_error *err);
/* Stops it; on_end is not called.  Not from inside on_end. */
void api_build_cancel(struct api_build *r);
/* Blocking build: fn (may be NULL) sees each output line; image_id gets
 * the built image's id.  A build that reports an error is API_E_HTTP
 * with the engine's message, as is one that names no image. */
api_code api_image_build(struct api_client *c, const struct build_opts *o,
			 build_msg_fn fn, void *ud, char *image_id,
			 size_t id_len, struct api_error *err);

#endif
