#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/events.h"
#include "api/networks.h"
#include "tui/draw.h"
#include "tui/theme.h"
#include "views/app.h"
#include "views/registry.h"
#include "views/resource_list.h"
#include "views/view.h"

/*
 * Networks, with the containers attached to each one taken from the
 * shared container store (GET /networks leaves Containers empty, and an
 * inspect per network would cost a request per row).
 */

enum { C_NAME, C_ID, C_DRIVER, C_SCOPE, C_INTERNAL, C_USERS };

static const struct table_column columns[] = {
	{"NAME", 14, 2, 0, 0},	   {"ID", 12, 0, 0, 56},
	{"DRIVER", 8, 0, 0, 0},	   {"SCOPE", 6, 0, 0, 70},
	{"INTERNAL", 8, 0, 0, 80}, {"CONTAINERS", 12, 2, 0, 0},
};

struct networks {
	struct reslist rl; /* first: the reslist_view_* ops */
	struct app *app;
	struct table table;
	struct api_network_list list;
	unsigned long gen;
	char target[256]; /* the id the open dialog is about */
	char target_name[256];
};

static size_t users(const struct networks *d, const char *net, char *buf,
		    size_t n)
{
	const struct cstore *st = app_containers(d->app);
	size_t i, count = 0, len = 0;

	if (buf && n)
		buf[0] = '\0';
	for (i = 0; st && i < cstore_count(st); i++) {
		const struct api_container_summary *s = &cstore_at(st, i)->s;
		if (!res_on_network(s, net))
			continue;
		count++;
		if (buf)
			res_join(buf, n, &len, api_str(s->name));
	}
	return count;
}

static size_t t_rows(void *model)
{
	return ((struct networks *)model)->list.n;
}

static void t_cell(void *model, size_t row, int col, char *buf, size_t n)
{
	struct networks *d = model;
	const struct api_network *nw = &d->list.items[row];

	switch (col) {
	case C_NAME:
		snprintf(buf, n, "%s", api_str(nw->name));
		break;
	case C_ID:
		res_short_id(nw->id, buf, n);
		break;
	case C_DRIVER:
		snprintf(buf, n, "%s", api_str(nw->driver));
		break;
	case C_SCOPE:
		snprintf(buf, n, "%s", api_str(nw->scope));
		break;
	case C_INTERNAL:
		snprintf(buf, n, "%s", nw->internal ? "yes" : "no");
		break;
	case C_USERS:
		if (!users(d, nw->name, buf, n))
			snprintf(buf, n, "-");
		break;
	}
}

static int t_slot(void *model, size_t row, int col)
{
	struct networks *d = model;

	if (col == C_NAME && res_network_builtin(d->list.items[row].name))
		return TS_DIM;
	return -1;
}

static const char *t_key(void *model, size_t row)
{
	const struct api_network *nw =
		&((struct networks *)model)->list.items[row];

	return nw->id ? nw->id : api_str(nw->name);
}

static int t_compare(void *model, size_t a, size_t b, int col)
{
	struct networks *d = model;
	const struct api_network *x = &d->list.items[a], *y = &d->list.items[b];
	size_t ux, uy;

	switch (col) {
	case C_ID:
		return strcmp(api_str(x->id), api_str(y->id));
	case C_DRIVER:
		return strcmp(api_str(x->driver), api_str(y->driver));
	case C_SCOPE:
		return strcmp(api_str(x->scope), api_str(y->scope));
	case C_INTERNAL:
		return x->internal - y->internal;
	case C_USERS:
		ux = users(d, x->name, NULL, 0);
		uy = users(d, y->name, NULL, 0);
		return ux < uy ? -1 : ux > uy;
	default:
		return strcmp(api_str(x->name), api_str(y->name));
	}
}

static int t_match(void *model, size_t row, const char *filter)
{
	struct networks *d = model;
	const struct api_network *nw = &d->list.items[row];
	char used[TABLE_CELL_MAX];

	if (strcasestr(api_str(nw->name), filter) ||
	    strcasestr(api_str(nw->driver), filter) ||
	    strcasestr(api_str(nw->id), filter))
		return 1;
	users(d, nw->name, used, sizeof(used));
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

/* The command line's object: a name or an id prefix. */
static int select_match(void *model, size_t row, const char *arg)
{
	const struct api_network *nw =
		&((struct networks *)model)->list.items[row];
	size_t l = strlen(arg);

	return strcmp(api_str(nw->name), arg) == 0 ||
	       (l >= 4 && strncmp(api_str(nw->id), arg, l) == 0);
}

static const struct api_network *selected(const struct networks *d)
{
	size_t row;

	if (!table_selected(&d->table, &row) || row >= d->list.n)
		return NULL;
	return &d->list.items[row];
}

static char *list_path(void *ud)
{
	(void)ud;
	return api_networks_list_path(NULL, 0);
}

static api_code list_parse(void *ud, const char *body, size_t len,
			   struct api_error *err)
{
	struct networks *d = ud;
	struct api_network_list l = {0};
	api_code rc = api_networks_list_parse(body, len, &l, err);

	if (rc != API_OK)
		return rc;
	api_network_list_free(&d->list);
	d->list = l;
	table_invalidate(&d->table);
	reslist_select_pending(&d->rl);
	return API_OK;
}

RESLIST_FIRST(struct networks);

static const struct reslist_ops list_ops = {
	.what = "networks",
	.event_type = "network",
	.path = list_path,
	.parse = list_parse,
	.select = select_match,
};

static void remove_answer(struct app *a, int yes, int checked, void *ud)
{
	struct networks *d = ud;
	char progress[400], done[400];

	(void)checked;
	if (!yes) {
		app_status(a, "kept network %s", d->target_name);
		return;
	}
	snprintf(progress, sizeof(progress), "removing network %s…",
		 d->target_name);
	snprintf(done, sizeof(done), "removed network %s", d->target_name);
	reslist_act(&d->rl, "DELETE", api_network_remove_path(d->target),
		    progress, done, NULL);
}

static void do_remove(struct networks *d)
{
	const struct api_network *nw = selected(d);
	char msg[400];

	if (app_refuse_if_read_only(d->app, "remove network"))
		return;
	if (!nw || !nw->id) {
		app_status(d->app, "no network selected");
		return;
	}
	if (res_network_builtin(nw->name)) {
		app_error(d->app,
			  "%s is a built-in network: the engine keeps it",
			  nw->name);
		return;
	}
	snprintf(d->target, sizeof(d->target), "%s", nw->id);
	snprintf(d->target_name, sizeof(d->target_name), "%s",
		 api_str(nw->name));
	snprintf(msg, sizeof(msg), "Remove network %s?", d->target_name);
	reslist_confirm(&d->rl, "Remove network", msg, "Remove", remove_answer,
			d);
}

static void pruned_msg(const struct api_response *resp, char *msg, size_t n)
{
	struct api_network_prune p = {0};
	struct api_error err;

	if (!resp->body || api_networks_prune_parse(resp->body, resp->body_len,
						    &p, &err) != API_OK)
		return;
	snprintf(msg, n, "pruned %zu networks", p.deleted.n);
	api_network_prune_free(&p);
}

static void prune_answer(struct app *a, int yes, int checked, void *ud)
{
	struct networks *d = ud;

	(void)checked;
	if (!yes) {
		app_status(a, "prune cancelled");
		return;
	}
	reslist_act(&d->rl, "POST", api_networks_prune_path(NULL, 0),
		    "pruning unused networks…", "pruned unused networks",
		    pruned_msg);
}

static void do_prune(struct networks *d)
{
	if (app_refuse_if_read_only(d->app, "prune networks"))
		return;
	reslist_confirm(&d->rl, "Prune networks",
			"Remove every network no container uses?", "Prune",
			prune_answer, d);
}

static unsigned v_action(void *data, enum action act)
{
	struct networks *d = data;
	const struct api_network *nw;
	char arg[300];

	switch (act) {
	case ACT_NETWORK_INSPECT:
	case ACT_LIST_OPEN:
		nw = selected(d);
		if (!nw || !nw->id) {
			app_status(d->app, "no network selected");
			return VIEW_HANDLED;
		}
		snprintf(arg, sizeof(arg), "network:%s", nw->id);
		app_show_pane(d->app, "inspect", arg);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_NETWORK_REMOVE:
		do_remove(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_NETWORK_PRUNE:
		do_prune(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	default:
		return reslist_list_action(&d->rl, act);
	}
}

static void draw_detail(struct networks *d, WINDOW *w, const struct rect *r)
{
	const struct api_network *nw = selected(d);
	char line[TABLE_CELL_MAX];
	size_t i;
	int y;

	res_draw_clear(w, r);
	if (!nw)
		return;
	y = res_draw_kv(w, r, 0, "name", api_str(nw->name));
	y = res_draw_kv(w, r, y, "id", api_str(nw->id));
	snprintf(line, sizeof(line), "%s, scope %s%s%s%s", api_str(nw->driver),
		 api_str(nw->scope), nw->internal ? ", internal" : "",
		 nw->attachable ? ", attachable" : "",
		 nw->enable_ipv6 ? ", IPv6" : "");
	y = res_draw_kv(w, r, y, "driver", line);
	y = res_draw_kv(w, r, y, "created", api_str(nw->created));
	for (i = 0; i < nw->n_ipam_configs; i++) {
		const struct api_network_ipam_config *c = &nw->ipam_configs[i];
		snprintf(line, sizeof(line), "%s via %s", api_str(c->subnet),
			 c->gateway ? c->gateway : "-");
		y = res_draw_kv(w, r, y, i ? "" : "subnet", line);
	}
	users(d, nw->name, line, sizeof(line));
	y = res_draw_kv(w, r, y, "containers", line[0] ? line : "-");
	for (i = 0; i < nw->labels.n; i++) {
		snprintf(line, sizeof(line), "%s=%s",
			 api_str(nw->labels.items[i].key),
			 api_str(nw->labels.items[i].value));
		y = res_draw_kv(w, r, y, i ? "" : "labels", line);
	}
}

static void v_draw(void *data, WINDOW *w, const struct rect *main,
		   const struct rect *detail)
{
	struct networks *d = data;
	unsigned long gen = cstore_generation(app_containers(d->app));

	/* CONTAINERS comes from the container store: re-sort and re-filter
	 * only when it changed. */
	if (gen != d->gen) {
		d->gen = gen;
		if (d->table.sort_col == C_USERS || d->table.filter[0])
			table_invalidate(&d->table);
	}
	reslist_draw(&d->rl, w, main);
	reslist_draw_gap(w, main, detail);
	if (detail && detail->h > 0 && detail->w > 0)
		draw_detail(d, w, detail);
}

static void *v_create(struct app *a)
{
	struct networks *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->app = a;
	table_init(&d->table, &table_ops, d);
	reslist_init(&d->rl, a, &list_ops, d, &d->table);
	return d;
}

static void v_destroy(void *data)
{
	struct networks *d = data;

	if (!d)
		return;
	reslist_free(&d->rl);
	table_free(&d->table);
	api_network_list_free(&d->list);
	free(d);
}

const struct view_ops view_networks = {
	.name = "networks",
	.title = "Networks",
	.keyctx = KCTX_NETWORKS,
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
