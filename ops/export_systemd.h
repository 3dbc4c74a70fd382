#ifndef BERTH_OPS_EXPORT_SYSTEMD_H
#define BERTH_OPS_EXPORT_SYSTEMD_H

#include "api/container_inspect.h"
#include "api/images.h"

/*
 * A systemd unit that runs the container in the foreground: the stale
 * container removed first, `docker run --rm` as the main process, a
 * `docker stop` with the container's timeout, Restart= from its restart
 * policy.  NULL out of memory; caller frees.
 */
char *export_systemd_unit(const struct api_container_inspect *ci,
			  const struct api_image_inspect *img);

/* s as one word of a unit's command line: bare, or in double quotes with
 * C escapes; '%' doubled (specifiers) and '$' doubled (variables). */
char *export_systemd_quote(const char *s);

#endif
