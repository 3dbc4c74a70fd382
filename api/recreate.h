#ifndef BERTH_API_RECREATE_H
#define BERTH_API_RECREATE_H

#include <stddef.h>

#include "api/client.h"
#include "api/error.h"

/*
 * Lossless recreate: a new container made from the old one's full inspect
 * (Config, HostConfig, every network, anonymous volumes carried over),
 * swapped in under the same name, with a rollback when it does not stay up.
 */

struct recreate_opts {
	const char *image; /* NULL: the container's own Config.Image */
	int grace_ms;	   /* the new container must stay up this long */
	int stop_timeout;  /* seconds to stop the old one; -1: its own */
};

#define RECREATE_GRACE_MS_DEFAULT 3000

/* Fills o with the defaults: own image, 3 s grace, own stop timeout. */
void recreate_opts_init(struct recreate_opts *o);

/* Called before each step ("creating web-1 (new)", "stopping ...", ...). */
typedef void (*recreate_progress_fn)(const char *step, void *ud);

/* Blocking: create new (temporary name) -> stop old -> rename old aside ->
 * rename new -> start new -> wait grace -> on failure roll back (old
 * renamed back and started, new removed) and say why in err; on success
 * remove the old one.  new_id (may be NULL) gets the new container's id.
 * o may be NULL for the defaults. */
api_code api_container_recreate(struct api_client *c, const char *id_or_name,
				const struct recreate_opts *o,
				recreate_progress_fn progress, void *ud,
				char *new_id, size_t new_id_len,
				struct api_error *err);

#endif
