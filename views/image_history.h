#ifndef BERTH_VIEWS_IMAGE_HISTORY_H
#define BERTH_VIEWS_IMAGE_HISTORY_H

#include <curses.h>

#include "api/images.h"
#include "tui/screen.h"
#include "views/app.h"

/*
 * The images pane's detail region: the selected image's history, fetched
 * a moment after the selection settles so that scrolling through the
 * list does not fire a request per row.
 */
struct img_hist {
	struct app *app; /* set by the owner; the rest starts zeroed */
	struct api_image_history hist;
	char hist_id[160]; /* shown or loading */
	char want_id[160];
	struct api_request *req;
	int timer;
	int loading;
	char err[520];
};

/* The image to show ("" or NULL: none); fetched once it stays put. */
void img_hist_want(struct img_hist *d, const char *id);
/* Cancels the request and the timer; safe twice. */
void img_hist_free(struct img_hist *d);
void img_hist_draw(const struct img_hist *d, WINDOW *w, const struct rect *r);

#endif
