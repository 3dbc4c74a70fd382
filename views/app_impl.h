#ifndef BERTH_VIEWS_APP_IMPL_H
#define BERTH_VIEWS_APP_IMPL_H

/* The app's insides, shared by views/app*.c only. */

#include "tui/dialog.h"
#include "tui/lineedit.h"
#include "views/app.h"
#include "model/conn.h"
#include "model/sched.h"
#include "model/cstore.h"
#include "model/host_df.h"
#include "model/posture_contents.h"
#include "model/posture_scan.h"

#define APP_MAX_VIEWS 16
#define APP_TABS 4 /* panes with a number key: the first four */

/* One engine the console watches.  With several (-H A -H B), each keeps
 * its own link and container store; the panes work on the selected one. */
struct app_engine {
	struct app *app;
	struct api_client *client;
	struct conn *conn;
	struct cstore *containers;
	/* every container's posture, judged in the background: the RISK
	 * column and the posture pane read it */
	struct pscan posture;
	/* its images' contents: the disk cache, then read beside the loop */
	struct pcontents contents;
	int contents_fd_id;
	int alerts;
	char last_alert[160];
	/* up, and the rest waits for the store's first list; up_view was
	 * the pane on screen, told at once */
	int after_list;
	int up_view;
	/* its disk (/system/df), asked only while a pane shows it */
	struct host_df disk;
};

struct app {
	const struct app_start *start;
	struct options opts;
	/* the selected engine's, kept equal to engines[sel] */
	struct api_client *client;
	struct conn *conn;
	struct cstore *containers;
	CURLM *multi; /* every engine's requests: one loop waits on all */
	struct app_engine engines[APP_MAX_ENGINES];
	int n_engines;
	int sel;
	char host_label[300];	/* "[2/3] tcp://..." in the top bar */
	char host_figures[256]; /* the selected engine's, in the top bar */
	struct loop *loop;
	struct jobs *jobs; /* update and rebuild, on the engines' clients */
	unsigned long posture_gen; /* bumped whenever a posture model changes */
	struct sched sched;	   /* the loop, as the model sees it */
	struct layout layout;
	int rows, cols;

	const struct view_ops *views[APP_MAX_VIEWS];
	void *data[APP_MAX_VIEWS];
	int n_views;
	int active;
	int previous;

	int help_open;
	int help_scroll;
	int mouse;

	char status[512];
	int status_error;
	uint64_t status_until;
	int status_timer;
	uint64_t status_timer_due;
	int alerts;

	/* the minibuffer prompt */
	int prompting;
	char prompt_label[64];
	struct lineedit prompt;
	app_prompt_fn prompt_change, prompt_done;
	void *prompt_ud;

	/* a modal dialog */
	int dialog_open;
	struct dialog dialog;
	app_confirm_fn confirm_fn;
	void *confirm_ud;

	int exit_status;
};

/* views/app_draw.c */
void app_draw(void *ud);
void app_help_key(struct app *a, int key);

/* views/app_input.c */
void app_on_key(int key, void *ud);
int app_prompt_key(struct app *a, int key);
int app_dialog_key(struct app *a, int key);

#endif
