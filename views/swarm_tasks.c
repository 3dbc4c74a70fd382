#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/events.h"
#include "api/swarm.h"
#include "tui/theme.h"
#include "views/app.h"
#include "model/format.h"
#include "views/registry.h"
#include "views/resource_list.h"
#include "model/swarm_format.h"
#include "views/view.h"

/*
 * The tasks of one service (opened from the services pane with its
 * name), like `docker service ps`; every task when opened without one.
 * Nodes are named by hostname from one /nodes request per listing.
 */

enum { C_NAME, C_NODE, C_DESIRED, C_CURRENT, C_ERROR };

static const struct table_column columns[] = {
	{"NAME", 10, 1, 0, 0},		 {"NODE", 8, 1, 0, 50},
	{"DESIRED STATE", 13, 0, 0, 60}, {"CURRENT STATE", 16, 1, 0, 0},
	{"ERROR", 10, 2, 0, 0},
};

struct tasks {
	struct reslist rl; /* first: the reslist_view_* ops */
	struct app *app;
	struct table table;
	struct api_task_list list;
	struct api_node_list nodes;
	struct api_request *nodes_req;
	char service[256]; /* "" for every service */
};

static size_t t_rows(void *model)
{
	return ((struct tasks *)model)->list.n;
}

static const char *node_name(const struct tasks *d, const char *id)
{
	size_t i;

	for (i = 0; id && i < d->nodes.n; i++)
		if (d->nodes.items[i].id && d->nodes.items[i].hostname &&
		    strcmp(d->nodes.items[i].id, id) == 0)
			return d->nodes.items[i].hostname;
	return api_str(id);
}

static void t_cell(void *model, size_t row, int col, char *buf, size_t n)
{
	struct tasks *d = model;
	const struct api_task *t = &d->list.items[row];
	char state[64], ago[64];

	switch (col) {
	case C_NAME:
		swarm_fmt_task_name(d->service[0] ? d->service : t->service_id,
				    t, buf, n);
		break;
	case C_NODE:
		snprintf(buf, n, "%s", node_name(d, t->node_id));
		break;
	case C_DESIRED:
		swarm_fmt_state(t->desired_state, buf, n);
		break;
	case C_CURRENT:
		swarm_fmt_state(t->state, state, sizeof(state));
		fmt_ago(swarm_parse_time(t->timestamp), (int64_t)time(NULL),
			ago, sizeof(ago));
		snprintf(buf, n, "%s %s", state, ago);
		break;
	case C_ERROR:
		snprintf(buf, n, "%s", api_str(t->error));
		break;
	}
}

static int t_slot(void *model, size_t row, int col)
{
	const struct api_task *t = &((struct tasks *)model)->list.items[row];

	if (col == C_ERROR)
		return TS_STATUS_ERR;
	if (col == C_CURRENT && t->state && strcmp(t->state, "running") == 0)
		return TS_STATE_RUNNING;
	return -1;
}

static const char *t_key(void *model, size_t row)
{
	return api_str(((struct tasks *)model)->list.items[row].id);
}

/* Like docker service ps: by slot, the newest task of a slot first. */
static int t_compare(void *model, size_t a, size_t b, int col)
{
	struct tasks *d = model;
	const struct api_task *x = &d->list.items[a], *y = &d->list.items[b];
	char p[TABLE_CELL_MAX], q[TABLE_CELL_MAX];

	if (col == C_NAME && x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	if (col == C_NAME)
		return -strcmp(api_str(x->created_at), api_str(y->created_at));
	t_cell(d, a, col, p, sizeof(p));
	t_cell(d, b, col, q, sizeof(q));
	return strcmp(p, q);
}

static int t_match(void *model, size_t row, const char *filter)
{
	char buf[TABLE_CELL_MAX];
	int c;

	for (c = C_NAME; c <= C_ERROR; c++) {
		t_cell(model, row, c, buf, sizeof(buf));
		if (strcasestr(buf, filter))
			return 1;
	}
	return 0;
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

static void nodes_done(struct api_request *req, api_code code,
		       const struct api_response *resp,
		       const struct api_error *err, void *ud)
{
	struct tasks *d = ud;
	struct api_node_list l;
	struct api_error perr;

	(void)req;
	(void)err;
	d->nodes_req = NULL;
	if (code != API_OK || api_nodes_list_parse(resp->body, resp->body_len,
						   &l, &perr) != API_OK)
		return; /* node ids then stand for themselves */
	api_node_list_free(&d->nodes);
	d->nodes = l;
	app_dirty(d->app);
}

static void list_nodes(struct tasks *d)
{
	struct api_request_spec spec = {0};
	struct api_error err;
	char *path;

	if (d->nodes_req)
		return;
	path = api_nodes_list_path(NULL, 0);
	if (!path)
		return;
	spec.path = path;
	spec.on_done = nodes_done;
	spec.ud = d;
	if (api_request_start(app_client(d->app), &spec, &d->nodes_req, &err) !=
	    API_OK)
		d->nodes_req = NULL;
	free(path);
}

static char *list_path(void *ud)
{
	struct tasks *d = ud;

	list_nodes(d);
	return api_tasks_list_path(d->service[0] ? d->service : NULL);
}

static api_code list_parse(void *ud, const char *body, size_t len,
			   struct api_error *err)
{
	struct tasks *d = ud;
	struct api_task_list l = {0};
	api_code rc = api_tasks_list_parse(body, len, &l, err);

	if (rc != API_OK)
		return rc;
	api_task_list_free(&d->list);
	d->list = l;
	table_invalidate(&d->table);
	return API_OK;
}

RESLIST_FIRST(struct tasks);

static const struct reslist_ops list_ops = {
	.what = "tasks",
	.path = list_path,
	.parse = list_parse,
	.relists_on = swarm_event_changes_tasks,
	.lazy = 1,
};

static unsigned k_action(void *data, enum action act)
{
	struct tasks *d = data;

	switch (act) {
	case ACT_SERVICE_SCALE:
	case ACT_SERVICE_FORCE_UPDATE:
	case ACT_SERVICE_ROLLBACK:
	case ACT_SERVICE_REMOVE:
		app_status(d->app, "services are changed from the services "
				   "pane (W)");
		return VIEW_HANDLED;
	default:
		return reslist_list_action(&d->rl, act);
	}
}

static void k_draw(void *data, WINDOW *w, const struct rect *main,
		   const struct rect *detail)
{
	(void)detail;
	reslist_draw(&((struct tasks *)data)->rl, w, main);
}

static void k_show(void *data, const char *arg)
{
	struct tasks *d = data;

	d->rl.shown = 1;
	if (arg && strcmp(arg, d->service) != 0) {
		snprintf(d->service, sizeof(d->service), "%s", arg);
		api_task_list_free(&d->list);
		d->rl.listed = 0;
		table_invalidate(&d->table);
	}
	table_set_sort(&d->table, C_NAME, 0);
	reslist_refresh(&d->rl);
}

static void *k_create(struct app *a)
{
	struct tasks *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->app = a;
	table_init(&d->table, &table_ops, d);
	reslist_init(&d->rl, a, &list_ops, d, &d->table);
	return d;
}

static void k_destroy(void *data)
{
	struct tasks *d = data;

	if (!d)
		return;
	if (d->nodes_req)
		api_request_cancel(d->nodes_req);
	reslist_free(&d->rl);
	table_free(&d->table);
	api_task_list_free(&d->list);
	api_node_list_free(&d->nodes);
	free(d);
}

const struct view_ops view_tasks = {
	.name = "tasks",
	.title = "Tasks",
	.keyctx = KCTX_SWARM,
	.create = k_create,
	.destroy = k_destroy,
	.show = k_show,
	.draw = k_draw,
	.action = k_action,
	.engine_event = reslist_view_engine_event,
	.engine_up = reslist_view_engine_up,
	.click = reslist_view_click,
};
