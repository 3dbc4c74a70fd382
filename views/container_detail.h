#ifndef BERTH_VIEWS_CONTAINER_DETAIL_H
#define BERTH_VIEWS_CONTAINER_DETAIL_H

#include <curses.h>

#include "tui/screen.h"
#include "views/app.h"
#include "model/cstore.h"

/*
 * The detail region of the containers pane: tabs for the summary, env,
 * mounts, ports, networks, labels, processes, stats and file changes of
 * the selected container.  The inspect body is fetched once the selection has
 * settled and again when an event names the container; `top` is fetched every
 * 2 s only while the processes tab is on screen.
 */

enum cdetail_tab {
	CD_SUMMARY,
	CD_ENV,
	CD_MOUNTS,
	CD_PORTS,
	CD_NETWORKS,
	CD_LABELS,
	CD_PROCESSES,
	CD_STATS,
	CD_CHANGES,
	CD_TABS
};

struct cdetail;

struct cdetail *cdetail_new(struct app *a);
void cdetail_free(struct cdetail *d);

/* The selection moved to id (NULL: none): fetched after a short pause,
 * so scrolling through the list sends nothing. */
void cdetail_select(struct cdetail *d, const char *id);
/* The selected container changed (an event): fetch again now. */
void cdetail_refresh(struct cdetail *d);
/* The id shown, or "" for none. */
const char *cdetail_id(const struct cdetail *d);

void cdetail_tab_step(struct cdetail *d, int delta);
/* The Changes tab is shown. */
int cdetail_on_changes(const struct cdetail *d);
/* Its filter (kinds A, C, D and a piece of the path), and what it is. */
void cdetail_changes_filter(struct cdetail *d, const char *filter);
const char *cdetail_changes_filter_text(const struct cdetail *d);
void cdetail_scroll(struct cdetail *d, long delta);

/* Draws the region for entry e (may be NULL); focused: the detail has
 * the keys. */
void cdetail_draw(struct cdetail *d, WINDOW *w, const struct rect *r,
		  const struct cstore_entry *e, int focused);
/* Not on screen (pane hidden, no room): stop polling `top`. */
void cdetail_off_screen(struct cdetail *d);

#endif
