#include "views/resource_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/theme.h"
#include "views/app.h"
#include "views/view.h"

#define DEBOUNCE_MS 300

struct res_action {
	struct reslist *owner;
	struct api_request *req;
	reslist_ok_fn ok;
	char done_msg[256];
	struct res_action *next;
};

void reslist_init(struct reslist *r, struct app *a,
		  const struct reslist_ops *ops, void *ud, struct table *t)
{
	memset(r, 0, sizeof(*r));
	r->app = a;
	r->ops = ops;
	r->ud = ud;
	r->table = t;
}

void reslist_free(struct reslist *r)
{
	struct res_action *x, *next;

	if (r->req)
		api_request_cancel(r->req);
	r->req = NULL;
	if (r->timer > 0 && r->app)
		loop_timer_cancel(app_loop(r->app), r->timer);
	r->timer = 0;
	for (x = r->actions; x; x = next) {
		next = x->next;
		api_request_cancel(x->req);
		free(x);
	}
	r->actions = NULL;
	free(r->pending);
	r->pending = NULL;
}

static void list_done(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct reslist *r = ud;
	struct api_error perr;

	(void)req;
	r->req = NULL;
	if (code == API_OK) {
		api_error_clear(&perr);
		if (r->ops->parse(r->ud, resp->body, resp->body_len, &perr) ==
		    API_OK) {
			r->listed = 1;
			r->error[0] = '\0';
		} else
			snprintf(r->error, sizeof(r->error), "%s: %s",
				 r->ops->what, perr.msg);
	} else
		snprintf(r->error, sizeof(r->error), "cannot list %s: %s",
			 r->ops->what, err ? err->msg : "failed");
	app_dirty(r->app);
	if (r->again) {
		r->again = 0;
		reslist_refresh(r);
	}
}

void reslist_refresh(struct reslist *r)
{
	struct api_request_spec spec = {0};
	struct api_error err;
	char *path;

	if (r->req) {
		r->again = 1;
		return;
	}
	path = r->ops->path(r->ud);
	if (!path) {
		snprintf(r->error, sizeof(r->error), "out of memory");
		return;
	}
	spec.path = path;
	spec.on_done = list_done;
	spec.ud = r;
	if (api_request_start(app_client(r->app), &spec, &r->req, &err) !=
	    API_OK) {
		r->req = NULL;
		snprintf(r->error, sizeof(r->error), "cannot list %s: %s",
			 r->ops->what, err.msg);
	}
	free(path);
}

static void refresh_timer(void *ud)
{
	struct reslist *r = ud;

	r->timer = 0;
	reslist_refresh(r);
}

void reslist_refresh_soon(struct reslist *r)
{
	int id;

	if (r->timer > 0)
		return;
	id = loop_timer_add(app_loop(r->app), DEBOUNCE_MS, 0, refresh_timer, r);
	if (id > 0)
		r->timer = id;
	else
		reslist_refresh(r);
}

static void unlink_action(struct reslist *r, struct res_action *x)
{
	struct res_action **p;

	for (p = &r->actions; *p; p = &(*p)->next)
		if (*p == x) {
			*p = x->next;
			return;
		}
}

static void act_done(struct api_request *req, api_code code,
		     const struct api_response *resp,
		     const struct api_error *err, void *ud)
{
	struct res_action *x = ud;
	struct reslist *r = x->owner;
	char msg[512];

	(void)req;
	unlink_action(r, x);
	if (code == API_OK) {
		snprintf(msg, sizeof(msg), "%s", x->done_msg);
		if (x->ok)
			x->ok(resp, msg, sizeof(msg));
		app_status(r->app, "%s", msg);
	} else
		app_error(r->app, "%s", err ? err->msg : "failed");
	free(x);
	reslist_refresh_soon(r);
	app_dirty(r->app);
}

int reslist_act(struct reslist *r, const char *method, char *path,
		const char *progress, const char *done_msg, reslist_ok_fn ok)
{
	struct api_request_spec spec = {0};
	struct api_error err;
	struct res_action *x;

	x = path ? calloc(1, sizeof(*x)) : NULL;
	if (!x) {
		free(path);
		app_error(r->app, "out of memory");
		return -1;
	}
	x->owner = r;
	x->ok = ok;
	snprintf(x->done_msg, sizeof(x->done_msg), "%s", done_msg);
	spec.method = method;
	spec.path = path;
	spec.on_done = act_done;
	spec.ud = x;
	if (api_request_start(app_client(r->app), &spec, &x->req, &err) !=
	    API_OK) {
		free(path);
		free(x);
		app_error(r->app, "%s", err.msg);
		return -1;
	}
	free(path);
	x->next = r->actions;
	r->actions = x;
	app_status(r->app, "%s", progress);
	return 0;
}

static void filter_change(struct app *a, const char *text, void *ud)
{
	struct reslist *r = ud;

	table_set_filter(r->table, text);
	app_dirty(a);
}

static void filter_done(struct app *a, const char *text, void *ud)
{
	struct reslist *r = ud;

	/* Esc drops the filter; Enter keeps what was typed. */
	table_set_filter(r->table, text);
	app_dirty(a);
}

unsigned reslist_list_action(struct reslist *r, enum action act)
{
	struct table *t = r->table;

	if (table_action(t, act))
		return VIEW_HANDLED | VIEW_REDRAW;
	switch (act) {
	case ACT_LIST_FILTER:
		app_prompt(r->app, "filter:", t->filter, filter_change,
			   filter_done, r);
		break;
	default:
		return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED | VIEW_REDRAW;
}

int reslist_select(struct reslist *r,
		   int (*match)(void *model, size_t row, const char *arg),
		   const char *arg)
{
	struct table *t = r->table;
	size_t i, n = table_nlines(t);

	if (!arg || !arg[0])
		return 0;
	for (i = 0; i < n; i++) {
		const struct table_line *l = table_line(t, i);
		if (l->kind == TABLE_ROW && match(t->model, l->row, arg)) {
			table_move(t, (long)i - (long)t->sel);
			return 1;
		}
	}
	return 0;
}

void reslist_draw(struct reslist *r, WINDOW *w, const struct rect *m)
{
	const char *note = NULL;

	if (m->h <= 0 || m->w <= 0)
		return;
	table_draw(r->table, w, m->y, m->x, m->h, m->w);
	if (r->error[0])
		note = r->error;
	else if (!r->listed)
		note = "loading…";
	if (note && m->h > 1 && table_nlines(r->table) == 0)
		draw_text(w, m->y + 1, m->x + 1, m->w - 1, note,
			  theme_attr(r->error[0] ? TS_STATUS_ERR : TS_DIM));
	else if (note && r->error[0])
		draw_text(w, m->y + m->h - 1, m->x, m->w, note,
			  theme_attr(TS_STATUS_ERR));
}

void reslist_draw_gap(WINDOW *w, const struct rect *m, const struct rect *d)
{
	int x, y;

	if (!d || d->h <= 0 || d->x <= m->x + m->w || d->y != m->y)
		return;
	for (x = m->x + m->w; x < d->x; x++)
		for (y = 0; y < d->h; y++)
			mvwaddch(w, d->y + y, x,
				 ACS_VLINE | theme_attr(TS_BORDER));
}

void reslist_show(struct reslist *r, const char *arg)
{
	if (!arg || !arg[0] || !r->ops->select ||
	    reslist_select(r, r->ops->select, arg))
		return;
	free(r->pending);
	r->pending = strdup(arg);
}

void reslist_select_pending(struct reslist *r)
{
	if (r->pending && r->ops->select &&
	    reslist_select(r, r->ops->select, r->pending)) {
		free(r->pending);
		r->pending = NULL;
	}
}

unsigned reslist_click(struct reslist *r, int row)
{
	if (!table_click(r->table, r->table->body_y + row - 1))
		return VIEW_UNHANDLED;
	return VIEW_HANDLED | VIEW_REDRAW;
}

void reslist_confirm(struct reslist *r, const char *title, const char *msg,
		     const char *yes_label, app_confirm_fn fn, void *ud)
{
	if (!app_options(r->app)->confirm_destructive)
		fn(r->app, 1, 0, ud);
	else
		app_confirm(r->app, title, msg, yes_label, NULL, fn, ud);
}

int res_draw_kv(WINDOW *w, const struct rect *r, int y, const char *k,
		const char *v)
{
	if (y >= r->h)
		return y;
	draw_text(w, r->y + y, r->x, 12, k, theme_attr(TS_HEADER));
	if (r->w > 12)
		draw_text(w, r->y + y, r->x + 12, r->w - 12, v,
			  theme_attr(TS_NORMAL));
	return y + 1;
}

void res_draw_clear(WINDOW *w, const struct rect *r)
{
	int y;

	for (y = 0; y < r->h; y++)
		draw_fill(w, r->y + y, r->x, r->w, theme_attr(TS_NORMAL));
}

void reslist_view_show(void *data, const char *arg)
{
	struct reslist *r = data;

	r->shown = 1;
	if (r->ops->lazy)
		reslist_refresh(r);
	reslist_show(r, arg);
}

void reslist_view_engine_event(void *data, const struct api_event *ev)
{
	struct reslist *r = data;
	int wanted =
		r->ops->relists_on ? r->ops->relists_on(ev)
		: r->ops->event_type
			? ev->type && strcmp(ev->type, r->ops->event_type) == 0
			: 0;

	if (wanted && (r->shown || !r->ops->lazy))
		reslist_refresh_soon(r);
}

void reslist_view_engine_up(void *data)
{
	struct reslist *r = data;

	if (r->shown || !r->ops->lazy)
		reslist_refresh(r);
}

unsigned reslist_view_click(void *data, int row, int col)
{
	(void)col;
	return reslist_click(data, row);
}

unsigned reslist_view_action(void *data, enum action act)
{
	return reslist_list_action(data, act);
}

void reslist_view_draw(void *data, WINDOW *w, const struct rect *main,
		       const struct rect *detail)
{
	(void)detail;
	reslist_draw(data, w, main);
}
