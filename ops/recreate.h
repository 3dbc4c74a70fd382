#ifndef BERTH_OPS_RECREATE_H
#define BERTH_OPS_RECREATE_H

#include <stddef.h>

#include "api/client.h"
#include "api/error.h"
#include "ops/job.h"

/*
 * Lossless recreate: a new container made from the old one's full inspect
 * (Config, HostConfig, every network, anonymous volumes carried over),
 * swapped in under the same name, with a rollback when it does not stay
 * up.  A state machine on the client's multi, one request at a time:
 *
 *   inspect -> create (temporary name) -> connect each network ->
 *   stop old -> rename old aside -> rename new -> start new ->
 *   watch it stay up (the engine's die events for the grace period,
 *   timed by the engine's own clock) -> confirm -> remove old
 *
 * and on failure after the create: remove new -> rename old back ->
 * start old, saying why and whether the old one is back.
 */

struct recreate_opts {
	const char *image; /* NULL: the container's own Config.Image */
	int grace_ms;	   /* the new container must stay up this long */
	int stop_timeout;  /* seconds to stop the old one; -1: its own */
};

#define RECREATE_GRACE_MS_DEFAULT 3000

/* Fills o with the defaults: own image, 3 s grace, own stop timeout. */
void recreate_opts_init(struct recreate_opts *o);

/* new_id is the new container's ("" on failure); err says why. */
typedef void (*recreate_end_fn)(void *ud, api_code code, const char *new_id,
				const struct api_error *err);

/* Starts it.  Steps go to rep->step with subject; o may be NULL for the
 * defaults; everything given is copied.  On API_OK *out (may be NULL) is
 * the running job and end will be called once; otherwise err says why
 * and nothing runs. */
api_code recreate_start(struct api_client *c, const char *id_or_name,
			const struct recreate_opts *o,
			const struct job_report *rep, const char *subject,
			recreate_end_fn end, void *ud, struct job **out,
			struct api_error *err);

/* Blocking, for tests and scripts: runs the same machine to its end. */
api_code recreate_run(struct api_client *c, const char *id_or_name,
		      const struct recreate_opts *o,
		      const struct job_report *rep, char *new_id,
		      size_t new_id_len, struct api_error *err);

#endif
