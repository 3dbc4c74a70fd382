#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/events.h"
#include "api/swarm.h"
#include "tui/theme.h"
#include "views/app.h"
#include "views/registry.h"
#include "views/resource_list.h"
#include "model/swarm_format.h"
#include "views/view.h"

/* Swarm nodes, like `docker node ls`; a manager only answers. */

enum { C_HOST, C_STATUS, C_AVAIL, C_ROLE, C_MANAGER, C_ENGINE, C_ADDR };

static const struct table_column columns[] = {
	{"HOSTNAME", 12, 2, 0, 0},	  {"STATUS", 7, 0, 0, 0},
	{"AVAILABILITY", 12, 0, 0, 0},	  {"ROLE", 7, 0, 0, 50},
	{"MANAGER STATUS", 14, 0, 0, 60}, {"ENGINE", 10, 1, 0, 70},
	{"ADDRESS", 10, 1, 0, 90},
};

struct nodes {
	struct reslist rl; /* first: the reslist_view_* ops */
	struct app *app;
	struct table table;
	struct api_node_list list;
};

static size_t t_rows(void *model)
{
	return ((struct nodes *)model)->list.n;
}

static void t_cell(void *model, size_t row, int col, char *buf, size_t n)
{
	const struct api_node *nd = &((struct nodes *)model)->list.items[row];
	const char *v = NULL;

	switch (col) {
	case C_HOST:
		v = nd->hostname;
		break;
	case C_STATUS:
		swarm_fmt_state(nd->state, buf, n);
		return;
	case C_AVAIL:
		swarm_fmt_state(nd->availability, buf, n);
		return;
	case C_ROLE:
		v = nd->role;
		break;
	case C_MANAGER:
		swarm_fmt_manager(nd, buf, n);
		return;
	case C_ENGINE:
		v = nd->engine_version;
		break;
	case C_ADDR:
		v = nd->addr;
		break;
	}
	snprintf(buf, n, "%s", api_str(v));
}

static int t_slot(void *model, size_t row, int col)
{
	const struct api_node *nd = &((struct nodes *)model)->list.items[row];

	if (col == C_STATUS && nd->state && strcmp(nd->state, "ready") != 0)
		return TS_STATUS_ERR;
	return -1;
}

static const char *t_key(void *model, size_t row)
{
	return api_str(((struct nodes *)model)->list.items[row].id);
}

static int t_compare(void *model, size_t a, size_t b, int col)
{
	char x[TABLE_CELL_MAX], y[TABLE_CELL_MAX];

	t_cell(model, a, col, x, sizeof(x));
	t_cell(model, b, col, y, sizeof(y));
	return strcmp(x, y);
}

static int t_match(void *model, size_t row, const char *filter)
{
	const struct api_node *nd = &((struct nodes *)model)->list.items[row];

	return strcasestr(api_str(nd->hostname), filter) ||
	       strcasestr(api_str(nd->role), filter);
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

static char *list_path(void *ud)
{
	(void)ud;
	return api_nodes_list_path(NULL, 0);
}

static api_code list_parse(void *ud, const char *body, size_t len,
			   struct api_error *err)
{
	struct nodes *d = ud;
	struct api_node_list l = {0};
	api_code rc = api_nodes_list_parse(body, len, &l, err);

	if (rc != API_OK)
		return rc;
	api_node_list_free(&d->list);
	d->list = l;
	table_invalidate(&d->table);
	return API_OK;
}

RESLIST_FIRST(struct nodes);

static const struct reslist_ops list_ops = {
	.what = "nodes",
	.path = list_path,
	.parse = list_parse,
	.event_type = "node",
	.lazy = 1,
};

static void *n_create(struct app *a)
{
	struct nodes *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->app = a;
	table_init(&d->table, &table_ops, d);
	reslist_init(&d->rl, a, &list_ops, d, &d->table);
	return d;
}

static void n_destroy(void *data)
{
	struct nodes *d = data;

	if (!d)
		return;
	reslist_free(&d->rl);
	table_free(&d->table);
	api_node_list_free(&d->list);
	free(d);
}

const struct view_ops view_nodes = {
	.name = "nodes",
	.title = "Nodes",
	.keyctx = KCTX_SWARM,
	.create = n_create,
	.destroy = n_destroy,
	.show = reslist_view_show,
	.draw = reslist_view_draw,
	.action = reslist_view_action,
	.engine_event = reslist_view_engine_event,
	.engine_up = reslist_view_engine_up,
	.click = reslist_view_click,
};
