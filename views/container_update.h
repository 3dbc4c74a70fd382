#ifndef BERTH_VIEWS_CONTAINER_UPDATE_H
#define BERTH_VIEWS_CONTAINER_UPDATE_H

#include <stddef.h>

#include "views/app.h"

/* The containers pane's update (pull + recreate, after a confirm; refused
 * read-only) and check for updates, each run as a background
 * `berth update` whose progress shows in the status line. */
void cupdate_start(struct app *a, int check, const char *const *names,
		   size_t n);

#endif
