#ifndef BERTH_VIEWS_RESOURCE_LIST_H
#define BERTH_VIEWS_RESOURCE_LIST_H

#include <curses.h>
#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/containers.h"
#include "tui/keymap.h"
#include "tui/screen.h"
#include "tui/table.h"

/*
 * What the images, volumes and networks panes share: a table filled by
 * one list request, re-listed when the engine comes up and (debounced,
 * so a burst of events costs one request) when events of its kind
 * arrive; mutating requests that report progress and the engine's answer
 * in the status line; and the pure helpers behind their columns.
 */

struct app;

/* Pure helpers (unit-tested); sizes and ages are views/format.h's. */

/* The first 12 hex digits of an id, without its "sha256:". */
void res_short_id(const char *id, char *buf, size_t n);
/* Appends name to the ", "-separated list in buf (n bytes, *len used);
 * cuts cleanly when full. */
void res_join(char *buf, size_t n, size_t *len, const char *name);
int res_uses_image(const struct api_container_summary *s, const char *id);
int res_uses_volume(const struct api_container_summary *s, const char *vol);
int res_on_network(const struct api_container_summary *s, const char *net);
/* A layer's CreatedBy without the "/bin/sh -c #(nop) " a Dockerfile
 * instruction carries; "" for NULL. */
const char *res_created_by(const char *s);
/* host, none and bridge: the engine refuses to remove them. */
int res_network_builtin(const char *name);

/* The async list. */
struct reslist_ops {
	const char *what; /* "images": for messages */
	char *(*path)(void *ud);
	/* A 2xx body into the pane's model; the pane invalidates its
	 * table there. */
	api_code (*parse)(void *ud, const char *body, size_t len,
			  struct api_error *err);
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
/* The column between main and a detail region beside it, which no
 * pane owns: a rule, so nothing a dialog left there stays. */
void reslist_draw_gap(WINDOW *w, const struct rect *main,
		      const struct rect *detail);
/* The table in main, or the list's error or "loading" over it. */
void reslist_draw(struct reslist *r, WINDOW *w, const struct rect *main);

#endif
