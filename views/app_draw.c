#include "views/app_impl.h"

#include <curses.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/keyname.h"
#include "tui/theme.h"
#include "views/bars.h"

static void fill_bar_info(struct app *a, struct bar_info *b)
{
	const struct view_ops *v = a->views[a->active];
	int i;

	memset(b, 0, sizeof(*b));
	b->host = api_client_host(a->client);
	if (a->n_engines > 1) {
		snprintf(a->host_label, sizeof(a->host_label), "[%d/%d] %s",
			 a->sel + 1, a->n_engines, b->host);
		b->host = a->host_label;
		b->several_engines = 1;
	}
	b->engine_version = conn_engine_version(a->conn);
	b->api_version = conn_state(a->conn) == CONN_UP
				 ? api_client_version(a->client)
				 : NULL;
	b->conn = conn_state(a->conn);
	b->retry_ms = conn_retry_in_ms(a->conn);
	cstore_counts(a->containers, &b->running, &b->paused, &b->stopped);
	b->alerts = a->alerts;
	b->read_only = a->opts.read_only;
	b->plain_tcp = api_client_is_plain_tcp(a->client);
	app_engine_host(a, a->sel, a->host_figures, sizeof(a->host_figures),
			&b->overcommit);
	b->host_figures = a->host_figures;
	b->pane_title = v->title;
	b->pane_active = a->active < APP_TABS ? a->active : -1;
	for (i = 0; i < a->n_views && i < APP_TABS; i++)
		b->pane_names[b->pane_count++] = a->views[i]->title;
}

static enum key_context active_ctx(const struct app *a)
{
	if (a->dialog_open)
		return KCTX_DIALOG;
	if (a->help_open)
		return KCTX_HELP;
	return a->views[a->active]->keyctx;
}

/* The help overlay: every binding of the pane's context and the ones it
 * falls back to, generated from the key tables themselves. */
static void draw_help(struct app *a)
{
	const struct rect *m = &a->layout.main;
	enum key_context ctx = a->views[a->active]->keyctx;
	struct keymap_entry e;
	int line = 0, y, c;

	for (y = 0; y < m->h; y++)
		draw_fill(stdscr, m->y + y, m->x, m->w, theme_attr(TS_NORMAL));
	for (c = (int)ctx; c >= 0; c = keymap_parent((enum key_context)c)) {
		size_t pos = 0;
		char title[64];
		snprintf(title, sizeof(title), "%s keys",
			 keymap_context_name((enum key_context)c));
		if (line >= a->help_scroll && line - a->help_scroll < m->h)
			draw_text(stdscr, m->y + line - a->help_scroll, m->x,
				  m->w, title, theme_attr(TS_HEADER));
		line++;
		while (keymap_next(&a->opts.keys, (enum key_context)c, &pos,
				   &e) == 0) {
			int row = line++ - a->help_scroll;
			if (row < 0 || row >= m->h)
				continue;
			draw_text(stdscr, m->y + row, m->x + 2, 10, e.key,
				  theme_attr(TS_KEYBAR_KEY));
			draw_text(stdscr, m->y + row, m->x + 12, 28, e.help,
				  theme_attr(TS_NORMAL));
			if (m->w > 44)
				draw_text(stdscr, m->y + row, m->x + 42,
					  m->w - 42, e.action,
					  theme_attr(TS_DIM));
		}
		line++;
	}
	if (a->help_scroll > line - m->h)
		a->help_scroll = line - m->h > 0 ? line - m->h : 0;
}

void app_help_key(struct app *a, int key)
{
	switch (keymap_lookup(&a->opts.keys, KCTX_LIST, key)) {
	case ACT_LIST_DOWN:
		a->help_scroll++;
		break;
	case ACT_LIST_UP:
		if (a->help_scroll > 0)
			a->help_scroll--;
		break;
	case ACT_LIST_PAGE_DOWN:
		a->help_scroll += a->layout.main.h;
		break;
	case ACT_LIST_PAGE_UP:
		a->help_scroll -= a->layout.main.h;
		if (a->help_scroll < 0)
			a->help_scroll = 0;
		break;
	default:
		a->help_open = 0;
		break;
	}
	loop_dirty(a->loop);
}

static void draw_status(struct app *a)
{
	const struct rect *r = &a->layout.status;

	if (r->h <= 0)
		return;
	if (a->prompting) {
		int lw = text_width(a->prompt_label) + 1;
		draw_text(stdscr, r->y, r->x, lw, a->prompt_label,
			  theme_attr(TS_HEADER));
		lineedit_draw(&a->prompt, stdscr, r->y, r->x + lw, r->w - lw,
			      theme_attr(TS_NORMAL));
		return;
	}
	if (a->status[0] && loop_now_ms() < a->status_until) {
		bars_draw_status(stdscr, r, a->status, a->status_error);
		return;
	}
	a->status[0] = '\0';
	bars_draw_status(stdscr, r, "", 0);
}

static void status_expired(void *ud)
{
	struct app *a = ud;

	a->status_timer = 0;
	a->status_timer_due = 0;
	loop_dirty(a->loop);
}

void app_draw(void *ud)
{
	struct app *a = ud;
	const struct view_ops *v = a->views[a->active];
	struct bar_info bi;

	/* Start from blank: what a closed dialog covered must not linger.
	 * curses sends only the difference, so this costs no output. */
	werase(stdscr);
	screen_layout(a->rows, a->cols, v->wants_detail && !a->help_open,
		      &a->layout);
	fill_bar_info(a, &bi);
	bars_draw_top(stdscr, &a->layout.top, &bi);
	if (a->help_open)
		draw_help(a);
	else
		v->draw(a->data[a->active], stdscr, &a->layout.main,
			&a->layout.detail);
	draw_status(a);
	bars_draw_keys(stdscr, &a->layout.keybar, &a->opts.keys, active_ctx(a));
	if (a->dialog_open)
		dialog_draw(&a->dialog, stdscr);
	curs_set(a->prompting ? 1 : 0);
	if (a->prompting) {
		int lw = text_width(a->prompt_label) + 1;
		move(a->layout.status.y,
		     a->layout.status.x + lw +
			     lineedit_scroll(&a->prompt,
					     a->layout.status.w - lw));
	}
	wnoutrefresh(stdscr);
	doupdate();
	/* A timed message must vanish even on an idle screen: one timer,
	 * moved when the message changes. */
	if (a->status[0] && a->status_timer_due != a->status_until) {
		loop_timer_cancel(a->loop, a->status_timer);
		a->status_timer = loop_timer_add(
			a->loop, (long)(a->status_until - loop_now_ms()) + 1, 0,
			status_expired, a);
		a->status_timer_due = a->status_until;
	}
}
