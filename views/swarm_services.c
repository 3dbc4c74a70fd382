#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/events.h"
#include "api/swarm_service.h"
#include "api/swarm_update.h"
#include "tui/draw.h"
#include "tui/theme.h"
#include "views/app.h"
#include "views/registry.h"
#include "views/resource_list.h"
#include "model/swarm_format.h"
#include "views/view.h"

/*
 * Swarm services (a manager only: elsewhere the engine's 503 message is
 * what the pane shows).  Scale, force update and rollback send the spec
 * the list holds back with its version: the list is re-read on every
 * service event, and a stale version is refused by the engine, whose
 * message then shows.  Enter lists the service's tasks.
 */

enum { C_NAME, C_MODE, C_REPLICAS, C_IMAGE, C_PORTS, C_UPDATE };

static const struct table_column columns[] = {
	{"NAME", 12, 2, 0, 0},	  {"MODE", 10, 0, 0, 50},
	{"REPLICAS", 8, 0, 1, 0}, {"IMAGE", 16, 2, 0, 0},
	{"PORTS", 10, 1, 0, 70},  {"UPDATE", 10, 1, 0, 90},
};

struct services {
	struct reslist rl; /* first: the reslist_view_* ops */
	struct app *app;
	struct table table;
	struct api_service_list list;
	struct api_request *req; /* the update in flight */
	char target[256];
	char done[320];
};

static size_t t_rows(void *model)
{
	return ((struct services *)model)->list.n;
}

static void t_cell(void *model, size_t row, int col, char *buf, size_t n)
{
	const struct api_service *s =
		&((struct services *)model)->list.items[row];

	switch (col) {
	case C_NAME:
		snprintf(buf, n, "%s", api_str(s->name));
		break;
	case C_MODE:
		snprintf(buf, n, "%s", s->mode ? s->mode : "?");
		break;
	case C_REPLICAS:
		swarm_fmt_replicas(s, buf, n);
		break;
	case C_IMAGE:
		snprintf(buf, n, "%s", api_str(s->image));
		break;
	case C_PORTS:
		swarm_fmt_ports(s, buf, n);
		break;
	case C_UPDATE:
		snprintf(buf, n, "%s", s->update_state ? s->update_state : "");
		break;
	}
}

static int t_slot(void *model, size_t row, int col)
{
	const struct api_service *s =
		&((struct services *)model)->list.items[row];

	if (col == C_REPLICAS && s->desired_tasks >= 0 &&
	    s->running_tasks < s->desired_tasks)
		return TS_STATUS_ERR;
	return -1;
}

static const char *t_key(void *model, size_t row)
{
	return api_str(((struct services *)model)->list.items[row].id);
}

static int t_compare(void *model, size_t a, size_t b, int col)
{
	struct services *d = model;
	char x[TABLE_CELL_MAX], y[TABLE_CELL_MAX];

	t_cell(d, a, col, x, sizeof(x));
	t_cell(d, b, col, y, sizeof(y));
	return strcmp(x, y);
}

static int t_match(void *model, size_t row, const char *filter)
{
	const struct api_service *s =
		&((struct services *)model)->list.items[row];

	return strcasestr(api_str(s->name), filter) ||
	       strcasestr(api_str(s->image), filter);
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

static const struct api_service *selected(const struct services *d)
{
	size_t row;

	if (!table_selected(&d->table, &row) || row >= d->list.n)
		return NULL;
	return &d->list.items[row];
}

static char *list_path(void *ud)
{
	struct services *d = ud;

	return api_services_list_path(
		api_version_cmp(api_client_version(app_client(d->app)),
				"1.41") >= 0);
}

static api_code list_parse(void *ud, const char *body, size_t len,
			   struct api_error *err)
{
	struct services *d = ud;
	struct api_service_list l = {0};
	api_code rc = api_services_list_parse(body, len, &l, err);

	if (rc != API_OK)
		return rc;
	api_service_list_free(&d->list);
	d->list = l;
	table_invalidate(&d->table);
	return API_OK;
}

RESLIST_FIRST(struct services);

static const struct reslist_ops list_ops = {
	.what = "services",
	.path = list_path,
	.parse = list_parse,
	.relists_on = swarm_event_changes_tasks,
	.lazy = 1, /* most engines are no manager */
};

static void update_done(struct api_request *req, api_code code,
			const struct api_response *resp,
			const struct api_error *err, void *ud)
{
	struct services *d = ud;

	(void)req;
	(void)resp;
	d->req = NULL;
	if (code == API_OK)
		app_status(d->app, "%s", d->done);
	else
		app_error(d->app, "%s: %s", d->target,
			  err ? err->msg : "failed");
	reslist_refresh_soon(&d->rl);
	app_dirty(d->app);
}

/* POST the spec (taken) as an update of the selected service. */
static void send_update(struct services *d, const struct api_service *s,
			char *spec, int rollback, const char *progress)
{
	struct api_request_spec rs = {0};
	struct api_error err;
	char *path = api_service_update_path(s->id, s->version, rollback);

	if (!path || !spec) {
		app_error(d->app, "out of memory");
		goto out;
	}
	rs.method = "POST";
	rs.path = path;
	rs.body = spec;
	rs.body_len = strlen(spec);
	rs.on_done = update_done;
	rs.ud = d;
	if (api_request_start(app_client(d->app), &rs, &d->req, &err) !=
	    API_OK) {
		d->req = NULL;
		app_error(d->app, "%s", err.msg);
		goto out;
	}
	app_status(d->app, "%s %s…", progress, d->target);
out:
	free(path);
	free(spec);
}

/* The selected service, named in d->target, when an update may start. */
static const struct api_service *pick(struct services *d, const char *what)
{
	const struct api_service *s;

	if (app_refuse_if_read_only(d->app, what))
		return NULL;
	s = selected(d);
	if (!s || !s->id || !s->spec_json) {
		app_status(d->app, "no service selected");
		return NULL;
	}
	if (d->req) {
		app_status(d->app, "an update of %s is still running",
			   d->target);
		return NULL;
	}
	snprintf(d->target, sizeof(d->target), "%s", api_str(s->name));
	return s;
}

static void scale_done(struct app *a, const char *text, void *ud)
{
	struct services *d = ud;
	const struct api_service *s = selected(d);
	struct api_error err;
	char *spec, *end;
	long long n;

	if (!text)
		return;
	n = strtoll(text, &end, 10);
	if (!s || end == text || *end) {
		app_error(a, "not a number: %s", text);
		return;
	}
	if (api_service_spec_scale(s->spec_json, n, &spec, &err) != API_OK) {
		app_error(a, "%s", err.msg);
		return;
	}
	snprintf(d->done, sizeof(d->done), "scaled %s to %lld", d->target, n);
	send_update(d, s, spec, 0, "scaling");
}

static void do_scale(struct services *d)
{
	const struct api_service *s = pick(d, "scale");
	char now[32];

	if (!s)
		return;
	if (s->replicas < 0) {
		app_error(d->app, "%s is %s: only replicated services scale",
			  d->target, s->mode ? s->mode : "not replicated");
		return;
	}
	snprintf(now, sizeof(now), "%lld", (long long)s->replicas);
	app_prompt(d->app, "replicas:", now, NULL, scale_done, d);
}

static void force_answer(struct app *a, int yes, int checked, void *ud)
{
	struct services *d = ud;
	const struct api_service *s = selected(d);
	struct api_error err;
	char *spec;

	(void)checked;
	if (!yes || !s) {
		app_status(a, "kept %s as it is", d->target);
		return;
	}
	if (api_service_spec_force(s->spec_json, &spec, &err) != API_OK) {
		app_error(a, "%s", err.msg);
		return;
	}
	snprintf(d->done, sizeof(d->done), "%s: every task is being replaced",
		 d->target);
	send_update(d, s, spec, 0, "force-updating");
}

static void rollback_answer(struct app *a, int yes, int checked, void *ud)
{
	struct services *d = ud;
	const struct api_service *s = selected(d);

	(void)checked;
	if (!yes || !s) {
		app_status(a, "kept %s as it is", d->target);
		return;
	}
	snprintf(d->done, sizeof(d->done), "%s: rolling back", d->target);
	send_update(d, s, strdup(s->spec_json), 1, "rolling back");
}

static void remove_answer(struct app *a, int yes, int checked, void *ud)
{
	struct services *d = ud;
	const struct api_service *s = selected(d);
	char progress[320], done[320];

	(void)checked;
	if (!yes || !s) {
		app_status(a, "kept %s", d->target);
		return;
	}
	snprintf(progress, sizeof(progress), "removing service %s…", d->target);
	snprintf(done, sizeof(done), "removed service %s", d->target);
	reslist_act(&d->rl, "DELETE", api_service_remove_path(s->id), progress,
		    done, NULL);
}

static void ask(struct services *d, const char *what, const char *title,
		const char *question, const char *yes, app_confirm_fn fn)
{
	char msg[400];

	if (!pick(d, what))
		return;
	if (!app_options(d->app)->confirm_destructive) {
		fn(d->app, 1, 0, d);
		return;
	}
	snprintf(msg, sizeof(msg), question, d->target);
	app_confirm(d->app, title, msg, yes, NULL, fn, d);
}

static unsigned s_action(void *data, enum action act)
{
	struct services *d = data;
	const struct api_service *s;
	char arg[96];

	switch (act) {
	case ACT_LIST_OPEN:
		s = selected(d);
		if (!s || !s->name) {
			app_status(d->app, "no service selected");
			return VIEW_HANDLED;
		}
		app_show_pane(d->app, "tasks", s->name);
		break;
	case ACT_SERVICE_LOGS:
		s = selected(d);
		if (!s || !s->id) {
			app_status(d->app, "no service selected");
			return VIEW_HANDLED;
		}
		snprintf(arg, sizeof(arg), "service:%s", s->id);
		app_show_pane(d->app, "logs", arg);
		break;
	case ACT_SERVICE_SCALE:
		do_scale(d);
		break;
	case ACT_SERVICE_FORCE_UPDATE:
		ask(d, "force update", "Force update",
		    "Replace every task of %s?", "Update", force_answer);
		break;
	case ACT_SERVICE_ROLLBACK:
		ask(d, "rollback", "Rollback",
		    "Roll %s back to its previous spec?", "Rollback",
		    rollback_answer);
		break;
	case ACT_SERVICE_REMOVE:
		ask(d, "remove service", "Remove service",
		    "Remove service %s and all its tasks?", "Remove",
		    remove_answer);
		break;
	default:
		return reslist_list_action(&d->rl, act);
	}
	return VIEW_HANDLED | VIEW_REDRAW;
}

static void s_draw(void *data, WINDOW *w, const struct rect *main,
		   const struct rect *detail)
{
	struct services *d = data;

	(void)detail;
	reslist_draw(&d->rl, w, main);
}

static void *s_create(struct app *a)
{
	struct services *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->app = a;
	table_init(&d->table, &table_ops, d);
	reslist_init(&d->rl, a, &list_ops, d, &d->table);
	return d;
}

static void s_destroy(void *data)
{
	struct services *d = data;

	if (!d)
		return;
	if (d->req)
		api_request_cancel(d->req);
	reslist_free(&d->rl);
	table_free(&d->table);
	api_service_list_free(&d->list);
	free(d);
}

const struct view_ops view_services = {
	.name = "services",
	.title = "Services",
	.keyctx = KCTX_SWARM,
	.wants_detail = 0,
	.create = s_create,
	.destroy = s_destroy,
	.show = reslist_view_show,
	.draw = s_draw,
	.action = s_action,
	.engine_event = reslist_view_engine_event,
	.engine_up = reslist_view_engine_up,
	.click = reslist_view_click,
};
