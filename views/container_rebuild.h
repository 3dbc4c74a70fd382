#ifndef BERTH_VIEWS_CONTAINER_REBUILD_H
#define BERTH_VIEWS_CONTAINER_REBUILD_H

#include "api/containers.h"
#include "views/app.h"

/* The containers pane's rebuild: after a confirm naming the image and the
 * context (refused read-only), a background `berth rebuild` whose build
 * output and recreate steps show in the status line.  A container with
 * no known context is refused with how to give one. */
void crebuild_start(struct app *a, const struct api_container_summary *s);

#endif
