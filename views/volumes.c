#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/events.h"
#include "api/volumes.h"
#include "tui/draw.h"
#include "tui/theme.h"
#include "views/app.h"
#include "model/format.h"
#include "views/registry.h"
#include "views/resource_list.h"
#include "views/view.h"

/*
 * Volumes, with the containers that mount each one (from the shared
 * container store, so no request per volume) and the selected volume's
 * labels and options in the detail region.
 */

enum { C_NAME, C_DRIVER, C_MOUNT, C_USED, C_LABELS };

static const struct table_column columns[] = {
	{"NAME", 16, 2, 0, 0},	      {"DRIVER", 8, 0, 0, 0},
	{"MOUNTPOINT", 20, 2, 0, 90}, {"USED BY", 12, 2, 0, 0},
	{"LABELS", 6, 0, 1, 60},
};

struct volumes {
	struct reslist rl; /* first: the reslist_view_* ops */
	struct app *app;
	struct table table;
	struct api_volume_list list;
	unsigned long gen;
	char target[512];
};

/* Names of the containers mounting vol into buf; returns how many. */
static size_t users(const struct volumes *d, const char *vol, char *buf,
		    size_t n)
{
	const struct cstore *st = app_containers(d->app);
	size_t i, count = 0, len = 0;

	if (buf && n)
		buf[0] = '\0';
	for (i = 0; st && i < cstore_count(st); i++) {
		const struct api_container_summary *s = &cstore_at(st, i)->s;
		if (!res_uses_volume(s, vol))
			continue;
		count++;
		if (buf)
			res_join(buf, n, &len, api_str(s->name));
	}
	return count;
}

static size_t t_rows(void *model)
{
	return ((struct volumes *)model)->list.n;
}

static void t_cell(void *model, size_t row, int col, char *buf, size_t n)
{
	struct volumes *d = model;
	const struct api_volume *v = &d->list.items[row];

	switch (col) {
	case C_NAME:
		snprintf(buf, n, "%s", api_str(v->name));
		break;
	case C_DRIVER:
		snprintf(buf, n, "%s", api_str(v->driver));
		break;
	case C_MOUNT:
		snprintf(buf, n, "%s", api_str(v->mountpoint));
		break;
	case C_USED:
		if (!users(d, v->name, buf, n))
			snprintf(buf, n, "-");
		break;
	case C_LABELS:
		snprintf(buf, n, "%zu", v->labels.n);
		break;
	}
}

static int t_slot(void *model, size_t row, int col)
{
	struct volumes *d = model;

	if (col == C_USED && !users(d, d->list.items[row].name, NULL, 0))
		return TS_DIM;
	return -1;
}

static const char *t_key(void *model, size_t row)
{
	return api_str(((struct volumes *)model)->list.items[row].name);
}

static int t_compare(void *model, size_t a, size_t b, int col)
{
	struct volumes *d = model;
	const struct api_volume *x = &d->list.items[a], *y = &d->list.items[b];
	size_t ux, uy;

	switch (col) {
	case C_DRIVER:
		return strcmp(api_str(x->driver), api_str(y->driver));
	case C_MOUNT:
		return strcmp(api_str(x->mountpoint), api_str(y->mountpoint));
	case C_USED:
		ux = users(d, x->name, NULL, 0);
		uy = users(d, y->name, NULL, 0);
		return ux < uy ? -1 : ux > uy;
	case C_LABELS:
		return x->labels.n < y->labels.n ? -1
						 : x->labels.n > y->labels.n;
	default:
		return strcmp(api_str(x->name), api_str(y->name));
	}
}

static int t_match(void *model, size_t row, const char *filter)
{
	struct volumes *d = model;
	const struct api_volume *v = &d->list.items[row];
	char used[TABLE_CELL_MAX];

	if (strcasestr(api_str(v->name), filter) ||
	    strcasestr(api_str(v->driver), filter))
		return 1;
	users(d, v->name, used, sizeof(used));
	return strcasestr(used, filter) != NULL;
}

static const struct table_ops table_ops = {
	.columns = columns,
	.ncolumns = sizeof(columns) / sizeof(columns[0]),
	.rows = t_rows,
	.cell = t_cell,
	.slot = t_slot,
	.key = t_key,
	.compare = t_compare,
	.match = t_match,
};

static int select_match(void *model, size_t row, const char *arg)
{
	return strcmp(t_key(model, row), arg) == 0;
}

static const struct api_volume *selected(const struct volumes *d)
{
	size_t row;

	if (!table_selected(&d->table, &row) || row >= d->list.n)
		return NULL;
	return &d->list.items[row];
}

static char *list_path(void *ud)
{
	(void)ud;
	return api_volumes_list_path(NULL, 0);
}

static api_code list_parse(void *ud, const char *body, size_t len,
			   struct api_error *err)
{
	struct volumes *d = ud;
	struct api_volume_list l = {0};
	api_code rc = api_volumes_list_parse(body, len, &l, err);

	if (rc != API_OK)
		return rc;
	api_volume_list_free(&d->list);
	d->list = l;
	table_invalidate(&d->table);
	reslist_select_pending(&d->rl);
	return API_OK;
}

RESLIST_FIRST(struct volumes);

static const struct reslist_ops list_ops = {
	.what = "volumes",
	.event_type = "volume",
	.path = list_path,
	.parse = list_parse,
	.select = select_match,
};

static void remove_answer(struct app *a, int yes, int checked, void *ud)
{
	struct volumes *d = ud;
	char progress[600], done[600];

	(void)checked;
	if (!yes) {
		app_status(a, "kept volume %s", d->target);
		return;
	}
	snprintf(progress, sizeof(progress), "removing volume %s…", d->target);
	snprintf(done, sizeof(done), "removed volume %s", d->target);
	reslist_act(&d->rl, "DELETE", api_volume_remove_path(d->target, 0),
		    progress, done, NULL);
}

static void do_remove(struct volumes *d)
{
	const struct api_volume *v = selected(d);
	char msg[700];

	if (app_refuse_if_read_only(d->app, "remove volume"))
		return;
	if (!v || !v->name) {
		app_status(d->app, "no volume selected");
		return;
	}
	snprintf(d->target, sizeof(d->target), "%s", v->name);
	snprintf(msg, sizeof(msg), "Remove volume %s and its data?", v->name);
	reslist_confirm(&d->rl, "Remove volume", msg, "Remove", remove_answer,
			d);
}

static void pruned_msg(const struct api_response *resp, char *msg, size_t n)
{
	struct api_volume_prune p = {0};
	struct api_error err;
	char size[32];

	if (!resp->body || api_volumes_prune_parse(resp->body, resp->body_len,
						   &p, &err) != API_OK)
		return;
	fmt_size((double)p.space_reclaimed, size, sizeof(size));
	snprintf(msg, n, "pruned %zu volumes, %s reclaimed", p.deleted.n, size);
	api_volume_prune_free(&p);
}

/* From API 1.42 the engine keeps named volumes unless all=true; older
 * engines prune them anyway and refuse the filter. */
static int prune_has_all(const struct volumes *d)
{
	return api_version_cmp(api_client_version(app_client(d->app)),
			       "1.42") >= 0;
}

static void prune_answer(struct app *a, int yes, int all, void *ud)
{
	struct volumes *d = ud;
	static const struct api_filter f_all = {"all", "true"};

	if (!yes) {
		app_status(a, "prune cancelled");
		return;
	}
	all = all && prune_has_all(d);
	reslist_act(&d->rl, "POST",
		    api_volumes_prune_path(all ? &f_all : NULL, all ? 1 : 0),
		    "pruning unused volumes…", "pruned unused volumes",
		    pruned_msg);
}

static void do_prune(struct volumes *d)
{
	int all = prune_has_all(d);

	if (app_refuse_if_read_only(d->app, "prune volumes"))
		return;
	if (!app_options(d->app)->confirm_destructive)
		prune_answer(d->app, 1, 0, d);
	else
		app_confirm(d->app, "Prune volumes",
			    all ? "Remove every unused anonymous volume?"
				: "Remove every unused volume, named ones "
				  "too, and their data?",
			    "Prune", all ? "named volumes too" : NULL,
			    prune_answer, d);
}

static unsigned v_action(void *data, enum action act)
{
	struct volumes *d = data;
	const struct api_volume *v;
	char arg[600];

	switch (act) {
	case ACT_VOLUME_INSPECT:
	case ACT_LIST_OPEN:
		v = selected(d);
		if (!v || !v->name) {
			app_status(d->app, "no volume selected");
			return VIEW_HANDLED;
		}
		snprintf(arg, sizeof(arg), "volume:%s", v->name);
		app_show_pane(d->app, "inspect", arg);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_VOLUME_REMOVE:
		do_remove(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_VOLUME_PRUNE:
		do_prune(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	default:
		return reslist_list_action(&d->rl, act);
	}
}

static int draw_pair(WINDOW *w, const struct rect *r, int y, const char *k,
		     const struct api_kv *kv)
{
	char line[TABLE_CELL_MAX];

	snprintf(line, sizeof(line), "%s=%s", api_str(kv->key),
		 api_str(kv->value));
	return res_draw_kv(w, r, y, k, line);
}

static void draw_detail(struct volumes *d, WINDOW *w, const struct rect *r)
{
	const struct api_volume *v = selected(d);
	char used[TABLE_CELL_MAX];
	size_t i;
	int y;

	res_draw_clear(w, r);
	if (!v)
		return;
	users(d, v->name, used, sizeof(used));
	y = res_draw_kv(w, r, 0, "name", api_str(v->name));
	y = res_draw_kv(w, r, y, "driver", api_str(v->driver));
	y = res_draw_kv(w, r, y, "scope", api_str(v->scope));
	y = res_draw_kv(w, r, y, "created", api_str(v->created_at));
	y = res_draw_kv(w, r, y, "mountpoint", api_str(v->mountpoint));
	y = res_draw_kv(w, r, y, "used by", used[0] ? used : "-");
	for (i = 0; i < v->labels.n; i++)
		y = draw_pair(w, r, y, i ? "" : "labels", &v->labels.items[i]);
	for (i = 0; i < v->options.n; i++)
		y = draw_pair(w, r, y, i ? "" : "options",
			      &v->options.items[i]);
}

static void v_draw(void *data, WINDOW *w, const struct rect *main,
		   const struct rect *detail)
{
	struct volumes *d = data;
	unsigned long gen = cstore_generation(app_containers(d->app));

	/* USED BY comes from the container store: re-sort and re-filter
	 * only when it changed. */
	if (gen != d->gen) {
		d->gen = gen;
		if (d->table.sort_col == C_USED || d->table.filter[0])
			table_invalidate(&d->table);
	}
	reslist_draw(&d->rl, w, main);
	reslist_draw_gap(w, main, detail);
	if (detail && detail->h > 0 && detail->w > 0)
		draw_detail(d, w, detail);
}

static void *v_create(struct app *a)
{
	struct volumes *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->app = a;
	table_init(&d->table, &table_ops, d);
	reslist_init(&d->rl, a, &list_ops, d, &d->table);
	return d;
}

static void v_destroy(void *data)
{
	struct volumes *d = data;

	if (!d)
		return;
	reslist_free(&d->rl);
	table_free(&d->table);
	api_volume_list_free(&d->list);
	free(d);
}

const struct view_ops view_volumes = {
	.name = "volumes",
	.title = "Volumes",
	.keyctx = KCTX_VOLUMES,
	.wants_detail = 1,
	.create = v_create,
	.destroy = v_destroy,
	.show = reslist_view_show,
	.draw = v_draw,
	.action = v_action,
	.engine_event = reslist_view_engine_event,
	.engine_up = reslist_view_engine_up,
	.click = reslist_view_click,
};
