#ifndef BERTH_VIEWS_RESOURCE_LIST_H
#define BERTH_VIEWS_RESOURCE_LIST_H

#include <curses.h>
#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/containers.h"
#include "api/events.h"
#include "views/app.h"
#include "tui/keymap.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "model/res_helpers.h"

/*
 * What the images, volumes and networks panes share: a table filled by
 * one list request, re-listed when the engine comes up and (debounced,
 * so a burst of events costs one request) when events of its kind
 * arrive; mutating requests that report progress and the engine's answer
 * in the status line; and the pure helpers behind their columns.
 */

/* The async list. */
struct reslist_ops {
	const char *what; /* "images": for messages */
	char *(*path)(void *ud);
	/* A 2xx body into the pane's model; the pane invalidates its
	 * table there. */
	api_code (*parse)(void *ud, const char *body, size_t len,
			  struct api_error *err);
	/* Whether row is the command line's object arg (a name, an id
	 * prefix); NULL: the pane selects nothing by name. */
	int (*select)(void *model, size_t row, const char *arg);
	/* Engine events of this type ("volume") re-list, debounced... */
	const char *event_type;
	/* ...or those this accepts, for a list several kinds change. */
	int (*relists_on)(const struct api_event *ev);
	/* Listed only once the pane is shown, and on each showing: the
	 * swarm lists fail on an engine that is no manager. */
	int lazy;
};

struct res_action;

struct reslist {
	struct app *app;
	const struct reslist_ops *ops;
	void *ud;
	struct table *table;
	struct api_request *req;
	int again; /* asked again while a list was running */
	int timer; /* the debounce timer, 0 when none */
	int listed;
	int shown;     /* the pane was shown at least once */
	char *pending; /* the command line's object, selected once listed */
	char error[640];
	struct res_action *actions; /* in flight, cancelled on free */
};

void reslist_init(struct reslist *r, struct app *a,
		  const struct reslist_ops *ops, void *ud, struct table *t);
/* Cancels the list and every action; safe twice. */
void reslist_free(struct reslist *r);
void reslist_refresh(struct reslist *r);
/* Within 300 ms, once however often it is called meanwhile. */
void reslist_refresh_soon(struct reslist *r);

/* A mutating request (path is taken and freed).  progress shows while
 * it runs; on success ok (may be NULL) words the outcome from the answer,
 * else done_msg is shown; on failure the engine's message.  The list is
 * refreshed afterwards.  Returns 0, or -1 (already reported). */
typedef void (*reslist_ok_fn)(const struct api_response *resp, char *msg,
			      size_t n);
int reslist_act(struct reslist *r, const char *method, char *path,
		const char *progress, const char *done_msg, reslist_ok_fn ok);

/* Moving, filtering and sorting, common to every list: VIEW_* flags. */
unsigned reslist_list_action(struct reslist *r, enum action act);
/* Selects the first row that match accepts (arg is the command line's
 * object); 1 when found. */
int reslist_select(struct reslist *r,
		   int (*match)(void *model, size_t row, const char *arg),
		   const char *arg);
/* A pane's show(arg): selects arg's row now, or once it is listed. */
void reslist_show(struct reslist *r, const char *arg);
/* From the pane's parse, after its table was invalidated: selects the
 * row show() could not find yet. */
void reslist_select_pending(struct reslist *r);
/* A click on row of main: VIEW_* flags. */
unsigned reslist_click(struct reslist *r, int row);
/* Asks with app_confirm when the options want destructive actions
 * confirmed, else answers yes at once. */
void reslist_confirm(struct reslist *r, const char *title, const char *msg,
		     const char *yes_label, app_confirm_fn fn, void *ud);
/* A "key  value" line of a detail region at row y; returns the next y. */
int res_draw_kv(WINDOW *w, const struct rect *r, int y, const char *k,
		const char *v);
/* Blanks a detail region. */
void res_draw_clear(WINDOW *w, const struct rect *r);

/*
 * The default view ops of a list pane, for a pane whose data starts with
 * its struct reslist (RESLIST_FIRST checks it): show selects the command
 * line's object (and lists a lazy pane), events and the engine coming up
 * re-list, a click selects, the list keys move, and draw draws the
 * table alone.  A pane sets those it has nothing to add to.
 */
#define RESLIST_FIRST(type)                                                    \
	_Static_assert(offsetof(type, rl) == 0,                                \
		       #type " must start with its struct reslist")
void reslist_view_show(void *data, const char *arg);
void reslist_view_engine_event(void *data, const struct api_event *ev);
void reslist_view_engine_up(void *data);
unsigned reslist_view_click(void *data, int row, int col);
unsigned reslist_view_action(void *data, enum action act);
void reslist_view_draw(void *data, WINDOW *w, const struct rect *main,
		       const struct rect *detail);

/* The column between main and a detail region beside it, which no
 * pane owns: a rule, so nothing a dialog left there stays. */
void reslist_draw_gap(WINDOW *w, const struct rect *main,
		      const struct rect *detail);
/* The table in main, or the list's error or "loading" over it. */
void reslist_draw(struct reslist *r, WINDOW *w, const struct rect *main);

#endif
