#ifndef BERTH_VIEWS_VIEW_H
#define BERTH_VIEWS_VIEW_H

#include <curses.h>

#include "tui/keymap.h"
#include "tui/screen.h"

struct app;
struct api_event;

/* What a view's handler asks of the app after a key or action. */
#define VIEW_UNHANDLED 0u
#define VIEW_HANDLED 0x1u /* the key was the view's */
#define VIEW_REDRAW 0x2u  /* something on screen changed */

/*
 * A pane: a const table of operations plus the view's own data (tmux's
 * window_mode, curl's Curl_cftype).  The app owns the loop, the engine
 * connection, the status line, dialogs and the key dispatch; a view
 * draws its regions and reacts to actions and engine events.
 */
struct view_ops {
	const char *name;	 /* "containers": command line and tabs */
	const char *title;	 /* "Containers": shown in the top bar */
	enum key_context keyctx; /* its key table */
	int wants_detail;	 /* give it a detail region when room */
	void *(*create)(struct app *app);
	void (*destroy)(void *data);
	/* Becoming the active pane; arg names an object to select (from
	 * the command line: `berth containers web-1`), or NULL. */
	void (*show)(void *data, const char *arg);
	void (*hide)(void *data);
	/* Draws main (and detail, when detail->h > 0). */
	void (*draw)(void *data, WINDOW *w, const struct rect *main,
		     const struct rect *detail);
	/* An action from the key table; VIEW_* flags. */
	unsigned (*action)(void *data, enum action a);
	/* A key no table bound (typing into a view's own prompt), or NULL. */
	unsigned (*key)(void *data, int key);
	/* An engine event (every view gets every event); may be NULL. */
	void (*engine_event)(void *data, const struct api_event *ev);
	/* The engine connection came (back): re-list, re-attach. */
	void (*engine_up)(void *data);
	/* Mouse click at a row of the main region (0 = first row); or NULL. */
	unsigned (*click)(void *data, int row, int col);
};

#endif
