#ifndef BERTH_OPS_REBUILD_H
#define BERTH_OPS_REBUILD_H

#include "api/client.h"
#include "ops/job.h"
#include "ops/rebuild_ctx.h"

/*
 * Rebuild: build the container's image again from its context
 * (ops/rebuild_ctx.h), tagged as the reference the container was created
 * from, then recreate the container on it (ops/recreate.h, with its
 * rollback) when the build made another image.  end's status: 0 rebuilt
 * or unchanged, 1 the build or the recreate failed (the container is left
 * as it was), 2 not approved, 3 no build context is known.
 */

struct rebuild_args {
	const char *name;
	const char *context, *file; /* given once (remembered); may be NULL */
	/* Asked once the context is known, before anything is built: 1 to
	 * go ahead.  NULL: already approved (the console asked first). */
	int (*approve)(void *ud, const char *ref, const struct rebuild_ctx *x);
};

/* args are copied.  On API_OK *out (may be NULL) is the running job. */
api_code rebuild_start(struct api_client *c, const struct rebuild_args *args,
		       const struct job_report *rep, job_end_fn end, void *ud,
		       struct job **out, struct api_error *err);

#endif
