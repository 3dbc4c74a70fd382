#ifndef BERTH_VIEWS_APP_IMPL_H
#define BERTH_VIEWS_APP_IMPL_H

/* The app's insides, shared by views/app*.c only. */

#include "tui/dialog.h"
#include "tui/lineedit.h"
#include "views/app.h"
#include "views/conn.h"
#include "views/cstore.h"

#define APP_MAX_VIEWS 12
#define APP_TABS 4 /* panes with a number key: the first four */

struct app {
	const struct app_start *start;
	struct options opts;
	struct api_client *client;
	struct loop *loop;
	struct conn *conn;
	struct cstore *containers;
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
