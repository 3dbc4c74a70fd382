#ifndef BERTH_VIEWS_BARS_H
#define BERTH_VIEWS_BARS_H

#include <curses.h>

#include "tui/keymap.h"
#include "tui/screen.h"
#include "model/conn.h"

/* What the top bar says about the engine and the pane. */
struct bar_info {
	const char *host;
	int several_engines; /* then the host says which: keep it shown */
	const char *engine_version;
	const char *api_version;
	enum conn_state conn;
	long retry_ms;
	int running, paused, stopped;
	int alerts;
	int read_only;
	int plain_tcp; /* tcp:// without TLS: everything in the clear */
	const char *host_figures; /* "2 CPU 23.5GiB, limits ..." or "" */
	int overcommit;		  /* the limits pass the host's memory */
	const char *pane_title;
	const char *pane_names[8]; /* tabs, in key order 1..n */
	int pane_count;
	int pane_active; /* index in pane_names, -1 for another pane */
};

/* One line; segments that do not fit are left out, least useful first. */
void bars_draw_top(WINDOW *w, const struct rect *r, const struct bar_info *b);
/* The message line: text in the OK or error slot. */
void bars_draw_status(WINDOW *w, const struct rect *r, const char *text,
		      int is_error);
/* The keys flagged for the bar in ctx and its parents: "s stop  S start". */
void bars_draw_keys(WINDOW *w, const struct rect *r, const struct keymap *km,
		    enum key_context ctx);

#endif
