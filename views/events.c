/* The events pane: the last engine events, newest at the bottom. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/events.h"
#include "tui/table.h"
#include "tui/theme.h"
#include "views/app.h"
#include "model/event_format.h"
#include "views/registry.h"

#define EVENTS_MAX 1000

/* One event as shown: its columns in one allocation, made when it came. */
struct ev_row {
	char *text; /* time, type, action, name, detail: NUL-separated */
	const char *col[5];
	char key[24]; /* a sequence number: stable while the ring turns */
	char kind[16];
	char *actor; /* inside text's block */
	int alert;
};

struct events {
	struct app *app;
	struct ev_row ring[EVENTS_MAX];
	size_t head, count; /* oldest at head */
	unsigned long long seq;
	struct table table;
	int follow;
	int main_y; /* screen row of the main region, for clicks */
};

static const struct table_column columns[] = {
	{"TIME", 8, 0, 0, 0},	  {"TYPE", 9, 0, 0, 50},
	{"ACTION", 14, 2, 0, 0},  {"NAME", 12, 2, 0, 0},
	{"DETAIL", 10, 3, 0, 60},
};

static struct ev_row *row_at(struct events *e, size_t i)
{
	return &e->ring[(e->head + i) % EVENTS_MAX];
}

static size_t ev_rows(void *model)
{
	return ((struct events *)model)->count;
}

static void ev_cell(void *model, size_t row, int col, char *buf, size_t n)
{
	const struct ev_row *r = row_at(model, row);

	snprintf(buf, n, "%s", col >= 0 && col < 5 ? r->col[col] : "");
}

static int ev_slot(void *model, size_t row, int col)
{
	(void)col;
	return row_at(model, row)->alert ? (int)TS_ALERT : -1;
}

static const char *ev_key(void *model, size_t row)
{
	return row_at(model, row)->key;
}

static int contains(const char *hay, const char *needle)
{
	size_t i, m = strlen(needle);

	for (; *hay; hay++) {
		for (i = 0; i < m && hay[i]; i++)
			if (tolower((unsigned char)hay[i]) !=
			    tolower((unsigned char)needle[i]))
				break;
		if (i == m)
			return 1;
	}
	return 0;
}

static int ev_match(void *model, size_t row, const char *filter)
{
	const struct ev_row *r = row_at(model, row);
	int c;

	for (c = 0; c < 5; c++)
		if (contains(r->col[c], filter))
			return 1;
	return 0;
}

static const struct table_ops ops = {
	.columns = columns,
	.ncolumns = 5,
	.rows = ev_rows,
	.cell = ev_cell,
	.slot = ev_slot,
	.key = ev_key,
	.match = ev_match,
};

static void row_free(struct ev_row *r)
{
	free(r->text);
	memset(r, 0, sizeof(*r));
}

/* Packs the formatted fields into one block. */
static int row_fill(struct ev_row *r, const struct api_event *ev,
		    unsigned long long seq)
{
	struct event_fields f;
	const char *parts[6];
	size_t len[6], total = 0, i;
	char *p;

	event_fields(ev, &f);
	parts[0] = f.time;
	parts[1] = f.type;
	parts[2] = f.action;
	parts[3] = f.name;
	parts[4] = f.detail;
	parts[5] = ev->actor_id ? ev->actor_id : "";
	for (i = 0; i < 6; i++)
		total += (len[i] = strnlen(parts[i], 512)) + 1;
	if (!(r->text = malloc(total)))
		return -1;
	for (p = r->text, i = 0; i < 6; i++) {
		memcpy(p, parts[i], len[i]);
		p[len[i]] = '\0';
		if (i < 5)
			r->col[i] = p;
		else
			r->actor = p;
		p += len[i] + 1;
	}
	snprintf(r->key, sizeof(r->key), "%llu", seq);
	snprintf(r->kind, sizeof(r->kind), "%.15s", f.type);
	r->alert = f.alert;
	return 0;
}

static void engine_event(void *data, const struct api_event *ev)
{
	struct events *e = data;
	struct ev_row fresh;

	memset(&fresh, 0, sizeof(fresh));
	if (row_fill(&fresh, ev, e->seq++) != 0)
		return;
	if (e->count == EVENTS_MAX) {
		row_free(&e->ring[e->head]);
		e->head = (e->head + 1) % EVENTS_MAX;
		e->count--;
	}
	*row_at(e, e->count) = fresh;
	e->count++;
	table_invalidate(&e->table);
	if (e->follow)
		table_bottom(&e->table);
	app_dirty(e->app);
}

static void *create(struct app *a)
{
	struct events *e = calloc(1, sizeof(*e));

	if (!e)
		return NULL;
	e->app = a;
	e->follow = 1;
	table_init(&e->table, &ops, e);
	return e;
}

static void destroy(void *data)
{
	struct events *e = data;
	size_t i;

	if (!e)
		return;
	for (i = 0; i < EVENTS_MAX; i++)
		row_free(&e->ring[i]);
	table_free(&e->table);
	free(e);
}

static void show(void *data, const char *arg)
{
	struct events *e = data;

	if (arg && arg[0])
		table_set_filter(&e->table, arg);
	if (e->follow)
		table_bottom(&e->table);
}

static void draw(void *data, WINDOW *w, const struct rect *main,
		 const struct rect *detail)
{
	struct events *e = data;

	(void)detail;
	if (main->h <= 0 || main->w <= 0)
		return;
	e->main_y = main->y;
	table_draw(&e->table, w, main->y, main->x, main->h, main->w);
}

static void filter_change(struct app *a, const char *text, void *ud)
{
	struct events *e = ud;

	table_set_filter(&e->table, text);
	if (e->follow)
		table_bottom(&e->table);
	app_dirty(a);
}

static void filter_done(struct app *a, const char *text, void *ud)
{
	struct events *e = ud;

	/* Esc in the prompt drops the filter; Enter keeps it. */
	filter_change(a, text ? text : "", e);
}

/* Scrolling away from the newest line stops following; coming back to
 * it follows again. */
static void after_move(struct events *e)
{
	size_t n = table_nlines(&e->table);

	e->follow = n == 0 || e->table.sel + 1 >= n;
}

static void open_actor(struct events *e)
{
	size_t row;
	const struct ev_row *r;
	char arg[320];

	if (!table_selected(&e->table, &row))
		return;
	r = row_at(e, row);
	if (!r->actor[0] ||
	    (strcmp(r->kind, "container") && strcmp(r->kind, "image") &&
	     strcmp(r->kind, "volume") && strcmp(r->kind, "network"))) {
		app_status(e->app, "no object to inspect for this event");
		return;
	}
	snprintf(arg, sizeof(arg), "%s:%s", r->kind, r->actor);
	app_show_pane(e->app, "inspect", arg);
}

static unsigned action(void *data, enum action act)
{
	struct events *e = data;

	/* The events keep the engine's order: no sort. */
	if (act != ACT_LIST_SORT && table_action(&e->table, act)) {
		after_move(e);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	switch (act) {
	case ACT_LOGS_FOLLOW:
		e->follow = !e->follow;
		if (e->follow)
			table_bottom(&e->table);
		app_status(e->app, "events: follow %s",
			   e->follow ? "on" : "off");
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_LIST_OPEN:
		open_actor(e);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_VIEW_SEARCH:
	case ACT_LIST_FILTER:
		app_prompt(e->app, "filter:", e->table.filter, filter_change,
			   filter_done, e);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_VIEW_CLOSE:
		/* Esc clears the filter before it leaves the pane. */
		if (!e->table.filter[0])
			return VIEW_UNHANDLED;
		filter_change(e->app, "", e);
		return VIEW_HANDLED | VIEW_REDRAW;
	default:
		return VIEW_UNHANDLED;
	}
}

static unsigned click(void *data, int row, int col)
{
	struct events *e = data;

	(void)col;
	if (!table_click(&e->table, e->main_y + row))
		return VIEW_UNHANDLED;
	after_move(e);
	return VIEW_HANDLED | VIEW_REDRAW;
}

const struct view_ops view_events = {
	.name = "events",
	.title = "Events",
	.keyctx = KCTX_LOGS,
	.wants_detail = 0,
	.create = create,
	.destroy = destroy,
	.show = show,
	.draw = draw,
	.action = action,
	.engine_event = engine_event,
	.click = click,
};
