#include "views/bars.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/keyname.h"
#include "tui/theme.h"

/* A run of text with its slot; the top bar is a list of these. */
struct seg {
	char text[160];
	enum theme_slot slot;
	int priority; /* lower is dropped first */
};

#define MAX_SEGS 20

static void seg_add(struct seg *segs, int *n, int priority,
		    enum theme_slot slot, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void seg_add(struct seg *segs, int *n, int priority,
		    enum theme_slot slot, const char *fmt, ...)
{
	va_list ap;

	if (*n >= MAX_SEGS)
		return;
	va_start(ap, fmt);
	vsnprintf(segs[*n].text, sizeof(segs[*n].text), fmt, ap);
	va_end(ap);
	segs[*n].slot = slot;
	segs[*n].priority = priority;
	(*n)++;
}

static void conn_seg(struct seg *segs, int *n, const struct bar_info *b)
{
	switch (b->conn) {
	case CONN_UP:
		seg_add(segs, n, 9, TS_STATUS_OK, "● connected");
		break;
	case CONN_CONNECTING:
		seg_add(segs, n, 9, TS_DIM, "○ connecting");
		break;
	case CONN_DOWN:
		if (b->retry_ms > 0)
			seg_add(segs, n, 10, TS_STATUS_ERR,
				"✕ disconnected, retry in %lds",
				(b->retry_ms + 999) / 1000);
		else
			seg_add(segs, n, 10, TS_STATUS_ERR,
				"✕ disconnected, retrying");
		break;
	}
}

static void build_top(struct seg *segs, int *n, const struct bar_info *b)
{
	int i;

	seg_add(segs, n, 8, TS_TITLE, "berth");
	for (i = 0; i < b->pane_count; i++)
		seg_add(segs, n, i == b->pane_active ? 8 : 3,
			i == b->pane_active ? TS_SELECTED : TS_TITLE, "%d %s",
			i + 1, b->pane_names[i]);
	if (b->pane_active < 0 && b->pane_title)
		seg_add(segs, n, 8, TS_SELECTED, "%s", b->pane_title);
	conn_seg(segs, n, b);
	if (b->read_only)
		seg_add(segs, n, 7, TS_ALERT, "READ-ONLY");
	if (b->plain_tcp)
		seg_add(segs, n, 7, TS_ALERT, "⚠ NO TLS");
	if (b->alerts > 0)
		seg_add(segs, n, 7, TS_ALERT, "⚠ %d", b->alerts);
	seg_add(segs, n, 6, TS_TITLE, "%d running %d paused %d stopped",
		b->running, b->paused, b->stopped);
	if (b->engine_version && *b->engine_version)
		seg_add(segs, n, 4, TS_TITLE, "engine %s API %s",
			b->engine_version,
			b->api_version ? b->api_version : "?");
	seg_add(segs, n, b->several_engines ? 8 : 2, TS_DIM, "%s",
		b->host ? b->host : "");
	/* before the address of a single engine (a triage wants the
	 * figures), after its version; an overcommit is news */
	if (b->host_figures && *b->host_figures)
		seg_add(segs, n, b->overcommit ? 5 : 3,
			b->overcommit ? TS_ALERT : TS_DIM, "%s",
			b->host_figures);
}

void bars_draw_top(WINDOW *w, const struct rect *r, const struct bar_info *b)
{
	struct seg segs[MAX_SEGS];
	int n = 0, i, total, x, floor = 0;

	if (r->h <= 0 || r->w <= 0)
		return;
	build_top(segs, &n, b);
	/* Raise the bar for what is shown until the rest fits. */
	for (;;) {
		total = 0;
		for (i = 0; i < n; i++)
			if (segs[i].priority >= floor)
				total += text_width(segs[i].text) + 2;
		if (total <= r->w || floor > 10)
			break;
		floor++;
	}
	draw_fill(w, r->y, r->x, r->w, theme_attr(TS_TITLE));
	x = r->x;
	for (i = 0; i < n && x < r->x + r->w; i++) {
		int room = r->x + r->w - x, used;
		if (segs[i].priority < floor)
			continue;
		used = text_width(segs[i].text) + 2;
		if (used > room)
			used = room;
		draw_text(w, r->y, x, used, "", theme_attr(TS_TITLE));
		draw_text(w, r->y, x + 1, used - 1, segs[i].text,
			  theme_attr(segs[i].slot));
		x += used;
	}
}

void bars_draw_status(WINDOW *w, const struct rect *r, const char *text,
		      int is_error)
{
	if (r->h <= 0)
		return;
	draw_text(w, r->y, r->x, r->w, text ? text : "",
		  theme_attr(is_error ? TS_STATUS_ERR : TS_STATUS_OK));
}

void bars_draw_keys(WINDOW *w, const struct rect *r, const struct keymap *km,
		    enum key_context ctx)
{
	struct keymap_entry e;
	int x = r->x, c = (int)ctx;
	/* A key a pane binds hides what its parent context binds to it. */
	char shown[32][KEYNAME_MAX];
	int n_shown = 0, k, dup;

	if (r->h <= 0)
		return;
	draw_fill(w, r->y, r->x, r->w, theme_attr(TS_KEYBAR_LABEL));
	for (; c >= 0; c = keymap_parent((enum key_context)c)) {
		size_t pos = 0;
		while (keymap_next(km, (enum key_context)c, &pos, &e) == 0) {
			int kw, lw;
			if (!(e.flags & KB_BAR))
				continue;
			for (k = 0, dup = 0; k < n_shown && !dup; k++)
				dup = strcmp(shown[k], e.key) == 0;
			if (dup)
				continue;
			if (n_shown < 32)
				memcpy(shown[n_shown++], e.key, KEYNAME_MAX);
			kw = text_width(e.key);
			lw = text_width(e.help);
			if (x + kw + lw + 2 > r->x + r->w)
				return;
			draw_text(w, r->y, x, kw, e.key,
				  theme_attr(TS_KEYBAR_KEY));
			draw_text(w, r->y, x + kw + 1, lw, e.help,
				  theme_attr(TS_KEYBAR_LABEL));
			x += kw + lw + 3;
		}
	}
}
