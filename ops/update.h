#ifndef BERTH_OPS_UPDATE_H
#define BERTH_OPS_UPDATE_H

#include <stddef.h>

#include "api/client.h"
#include "ops/job.h"

/*
 * Update: pull each container's image reference again and recreate the
 * container (ops/recreate.h, with its rollback) when the pull brought a
 * different image.  Check: only ask the registry whether the reference
 * points at another image than the container's, pulling nothing.  The
 * containers go one after another; one failing does not stop the rest.
 * Each gets one rep->result; end's status is 0, or 1 if any failed.
 */

/* names are copied.  On API_OK *out (may be NULL) is the running job. */
api_code update_start(struct api_client *c, int check, const char *const *names,
		      size_t n, const struct job_report *rep, job_end_fn end,
		      void *ud, struct job **out, struct api_error *err);

#endif
