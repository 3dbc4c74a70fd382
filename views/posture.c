#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/containers.h"
#include "api/events.h"
#include "tui/draw.h"
#include "tui/theme.h"
#include "views/app.h"
#include "views/posture_impl.h"
#include "views/risk.h"
#include "views/registry.h"
#include "views/view.h"

/*
 * The posture pane: each container judged by the rules in posture/ from
 * its inspect, a few inspections at a time.  One full scan when the pane
 * is first shown and whenever the engine comes up; after that only the
 * containers an event names are inspected again.
 */

static const struct table_column columns[PV_COLS] = {
	{"NAME", 12, 1, 0, 0},	   {"CAPS", 8, 0, 0, 60},
	{"MOUNTS", 7, 0, 0, 0},	   {"PORTS", 7, 0, 0, 72},
	{"LIMITS", 8, 0, 0, 84},   {"PRIV", 4, 0, 0, 0},
	{"NS", 5, 0, 0, 64},	   {"USER", 4, 0, 0, 52},
	{"CONFINE", 11, 0, 0, 96}, {"PROCS", 6, 0, 0, 108},
	{"WORST", 8, 0, 0, 0},
};

static const struct pm_container *row_entry(const struct posture_view *d,
					    size_t row)
{
	return row < d->nvis && d->vis[row] < pv_scan(d)->m.n
		       ? &pv_scan(d)->m.items[d->vis[row]]
		       : NULL;
}

static size_t t_rows(void *model)
{
	return ((struct posture_view *)model)->nvis;
}

static void t_cell(void *model, size_t row, int col, char *buf, size_t n)
{
	const struct pm_container *e = row_entry(model, row);

	if (!e)
		return;
	if (col == PV_COL_NAME)
		snprintf(buf, n, "%s", e->name ? e->name : e->id);
	else if (!e->judged)
		snprintf(buf, n, "…");
	else if (col == PV_COL_WORST)
		snprintf(buf, n, "%s",
			 e->worst < 0
				 ? "clean"
				 : posture_severity_name(
					   (enum posture_severity)e->worst));
	else if (e->badges[col - PV_COL_FIRST_CONCERN].n)
		snprintf(buf, n, "%s",
			 e->badges[col - PV_COL_FIRST_CONCERN].text);
	else
		snprintf(buf, n, "ok");
}

static int t_slot(void *model, size_t row, int col)
{
	const struct pm_container *e = row_entry(model, row);

	if (!e || col < PV_COL_FIRST_CONCERN)
		return -1;
	if (!e->judged)
		return TS_DIM;
	if (col == PV_COL_WORST)
		return e->worst < 0 ? TS_HEALTH_OK : risk_sev_slot(e->worst);
	return risk_sev_slot(e->badges[col - PV_COL_FIRST_CONCERN].severity);
}

static const char *t_key(void *model, size_t row)
{
	const struct pm_container *e = row_entry(model, row);

	return e ? e->id : "";
}

static int t_compare(void *model, size_t a, size_t b, int col)
{
	const struct pm_container *x = row_entry(model, a);
	const struct pm_container *y = row_entry(model, b);
	int sx, sy;

	if (!x || !y)
		return 0;
	if (col == PV_COL_NAME)
		return strcmp(x->name ? x->name : x->id,
			      y->name ? y->name : y->id);
	if (col == PV_COL_WORST) {
		sx = x->worst;
		sy = y->worst;
	} else {
		sx = x->badges[col - PV_COL_FIRST_CONCERN].severity;
		sy = y->badges[col - PV_COL_FIRST_CONCERN].severity;
	}
	return (sx > sy) - (sx < sy);
}

static int t_match(void *model, size_t row, const char *filter)
{
	const struct pm_container *e = row_entry(model, row);

	return e && strcasestr(e->name ? e->name : e->id, filter) != NULL;
}

static const struct table_ops table_ops = {
	.columns = columns,
	.ncolumns = PV_COLS,
	.rows = t_rows,
	.cell = t_cell,
	.slot = t_slot,
	.key = t_key,
	.compare = t_compare,
	.match = t_match,
};

const struct pm_container *pv_selected(const struct posture_view *d)
{
	size_t row;

	return table_selected(&d->table, &row) ? row_entry(d, row) : NULL;
}

static int select_name(struct posture_view *d, const char *arg)
{
	size_t i, n = table_nlines(&d->table), l = strlen(arg);

	for (i = 0; i < n; i++) {
		const struct table_line *tl = table_line(&d->table, i);
		const struct pm_container *e = row_entry(d, tl->row);
		if (tl->kind == TABLE_ROW && e &&
		    ((e->name && strcmp(e->name, arg) == 0) ||
		     (l >= 4 && strncmp(e->id, arg, l) == 0))) {
			table_move(&d->table, (long)i - (long)d->table.sel);
			return 1;
		}
	}
	return 0;
}

/* The model changed: order, counts, the rows at the minimum severity. */
void pv_changed(struct posture_view *d)
{
	size_t i;

	pm_update(&pv_scan(d)->m);
	if (d->capvis < pv_scan(d)->m.n) {
		size_t cap = pv_scan(d)->m.n + 16,
		       *v = realloc(d->vis, cap * sizeof(*v));
		if (!v) {
			app_error(d->app, "posture: out of memory");
			d->nvis = 0;
			table_invalidate(&d->table);
			return;
		}
		d->vis = v;
		d->capvis = cap;
	}
	d->nvis = 0;
	for (i = 0; i < pv_scan(d)->m.n; i++)
		if (d->min_sev < 0 || !pv_scan(d)->m.items[i].judged ||
		    pv_scan(d)->m.items[i].worst >= d->min_sev)
			d->vis[d->nvis++] = i;
	table_invalidate(&d->table);
	if (d->select_arg && select_name(d, d->select_arg)) {
		free(d->select_arg);
		d->select_arg = NULL;
		d->moved = 1;
	} else if (!d->moved && !d->select_arg)
		table_top(&d->table); /* the worst, until the user moves */
	app_dirty(d->app);
}

struct pscan *pv_scan(const struct posture_view *d)
{
	return app_posture(d->app);
}

/* The app scans each engine when it comes up; the pane shows it. */
static void v_engine_up(void *data)
{
	struct posture_view *d = data;

	d->gen = app_posture_gen(d->app) - 1;
}

static void v_show(void *data, const char *arg)
{
	struct posture_view *d = data;

	if (arg && arg[0] && select_name(d, arg))
		d->moved = 1;
	else if (arg && arg[0]) {
		free(d->select_arg);
		d->select_arg = strdup(arg);
	}
	pv_changed(d);
}

static void filter_change(struct app *a, const char *text, void *ud)
{
	struct posture_view *d = ud;

	table_set_filter(&d->table, text);
	app_dirty(a);
}

static void cycle_severity(struct posture_view *d)
{
	/* all -> low -> medium -> high -> critical -> all: info is what
	 * every container has, so it is not a useful floor */
	d->min_sev = d->min_sev < 0			  ? POSTURE_SEV_LOW
		     : d->min_sev >= POSTURE_SEV_CRITICAL ? -1
							  : d->min_sev + 1;
	pv_changed(d);
	app_status(d->app, "posture: showing %s",
		   d->min_sev < 0 ? "every container"
				  : posture_severity_name(
					    (enum posture_severity)d->min_sev));
}

static void rescan(struct posture_view *d)
{
	if (app_conn_state(d->app) != APP_CONNECTED) {
		app_error(d->app, "posture: not connected to the engine");
		return;
	}
	app_status(d->app, "posture: rescanning every container…");
	pscan_all(pv_scan(d));
}

static unsigned list_action(struct posture_view *d, enum action act)
{
	struct table *t = &d->table;

	if (table_action(t, act))
		return VIEW_HANDLED | VIEW_REDRAW;
	switch (act) {
	case ACT_LIST_FILTER:
		app_prompt(d->app, "filter:", t->filter, filter_change,
			   filter_change, d);
		break;
	default:
		return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED | VIEW_REDRAW;
}

static unsigned v_action(void *data, enum action act)
{
	struct posture_view *d = data;
	const struct pm_container *e;
	char arg[200];
	unsigned r;

	switch (act) {
	case ACT_POSTURE_RESCAN:
		rescan(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_POSTURE_SEVERITY:
		cycle_severity(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_LIST_OPEN:
	case ACT_CONTAINER_INSPECT:
		e = pv_selected(d);
		if (!e)
			return VIEW_HANDLED;
		snprintf(arg, sizeof(arg), "container:%s", e->id);
		app_show_pane(d->app, "inspect", arg);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_VIEW_CLOSE:
		/* Esc first drops a filter, then leaves the pane */
		if (!d->table.filter[0])
			return VIEW_UNHANDLED;
		table_set_filter(&d->table, NULL);
		return VIEW_HANDLED | VIEW_REDRAW;
	default:
		r = list_action(d, act);
		if (r && act != ACT_LIST_FILTER)
			d->moved = 1;
		return r;
	}
}

static void v_draw(void *data, WINDOW *w, const struct rect *main,
		   const struct rect *detail)
{
	struct posture_view *d = data;
	struct rect t = *main;
	int used;

	if (d->gen != app_posture_gen(d->app)) {
		d->gen = app_posture_gen(d->app);
		pv_changed(d);
	}
	used = pv_draw_summary(d, w, main);

	d->main_y = main->y;
	t.y += used;
	t.h -= used;
	if (t.h > 0 && t.w > 0)
		table_draw(&d->table, w, t.y, t.x, t.h, t.w);
	if (t.h > 1 && table_nlines(&d->table) == 0 &&
	    (pv_scan(d)->error[0] || !pv_scan(d)->m.n))
		draw_text(w, t.y + 1, t.x + 1, t.w - 1,
			  pv_scan(d)->error[0]	? pv_scan(d)->error
			  : pv_scan(d)->scanned ? "no containers"
						: "waiting for the engine…",
			  theme_attr(pv_scan(d)->error[0] ? TS_STATUS_ERR
							  : TS_DIM));
	if (detail && detail->h > 0 && detail->w > 0)
		pv_draw_detail(d, w, detail);
}

static unsigned v_click(void *data, int row, int col)
{
	struct posture_view *d = data;

	(void)col;
	if (!table_click(&d->table, d->main_y + row))
		return VIEW_UNHANDLED;
	d->moved = 1;
	return VIEW_HANDLED | VIEW_REDRAW;
}

static void *v_create(struct app *a)
{
	struct posture_view *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->app = a;
	d->min_sev = -1;
	table_init(&d->table, &table_ops, d);
	return d;
}

static void v_destroy(void *data)
{
	struct posture_view *d = data;

	if (!d)
		return;
	table_free(&d->table);
	free(d->vis);
	free(d->select_arg);
	free(d);
}

const struct view_ops view_posture = {
	.name = "posture",
	.title = "Posture",
	.keyctx = KCTX_POSTURE,
	.wants_detail = 1,
	.create = v_create,
	.destroy = v_destroy,
	.show = v_show,
	.hide = NULL,
	.draw = v_draw,
	.action = v_action,
	.key = NULL,
	.engine_event = NULL,
	.engine_up = v_engine_up,
	.click = v_click,
};
