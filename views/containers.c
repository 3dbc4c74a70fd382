/* The containers pane: the shared store as a grouped, filtered, sorted
 * table, the container actions, and the detail region. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/draw.h"
#include "tui/keyname.h"
#include "tui/table.h"
#include "tui/theme.h"
#include "views/app.h"
#include "views/container_actions.h"
#include "views/container_detail.h"
#include "views/container_export.h"
#include "views/container_rebuild.h"
#include "views/container_update.h"
#include "views/exec_shell.h"
#include "model/format.h"
#include "views/containers_impl.h"
#include "views/registry.h"

static int select_key(struct cview *v, const char *k)
{
	size_t i;

	for (i = 0; i < table_nlines(&v->t); i++) {
		const struct table_line *l = table_line(&v->t, i);
		if (l->kind == TABLE_ROW &&
		    strcmp(cview_key(v, l->row), k) == 0) {
			table_move(&v->t, (long)i - (long)v->t.sel);
			return 1;
		}
	}
	return 0;
}

static void select_pending(struct cview *v)
{
	const struct cstore_entry *e;

	if (!v->pending[0] || !cstore_listed(v->st))
		return;
	e = cstore_find(v->st, v->pending);
	if (!e || !e->s.id || !select_key(v, e->s.id))
		app_error(v->a, "no container named %s", v->pending);
	v->pending[0] = '\0';
}

/* Rebuilds the order when the store changed: before drawing and before
 * acting on a key, so rows never point at a store index gone stale. */
static void sync(struct cview *v)
{
	unsigned long g = cstore_generation(v->st);
	unsigned long pg = app_posture_gen(v->a);

	/* a new verdict re-sorts only a table sorted by it */
	if (pg != v->posture_gen) {
		v->posture_gen = pg;
		if (cview_col(v, v->t.sort_col) == C_RISK)
			table_invalidate(&v->t);
	}
	if (v->synced && g == v->gen)
		return;
	v->gen = g;
	v->synced = 1;
	cview_update_since(v);
	table_invalidate(&v->t);
	select_pending(v);
}

static const struct cstore_entry *selected(struct cview *v)
{
	size_t row;

	return table_selected(&v->t, &row) ? cview_entry(v, row) : NULL;
}

static void want_stats(struct cview *v)
{
	const char *ids[WANT_MAX];
	size_t n = 0, i;

	for (i = v->t.top;
	     app_options(v->a)->stats && n < WANT_MAX &&
	     i < table_nlines(&v->t) &&
	     i < v->t.top + (size_t)(v->t.height > 0 ? v->t.height : 0);
	     i++) {
		const struct table_line *l = table_line(&v->t, i);
		const struct cstore_entry *e = cview_entry(v, l->row);
		if (l->kind == TABLE_ROW && e && e->s.id && e->s.state &&
		    strcmp(e->s.state, "running") == 0)
			ids[n++] = e->s.id;
	}
	cstore_stats_want(v->st, ids, n);
}

static void draw(void *data, WINDOW *w, const struct rect *main,
		 const struct rect *detail)
{
	struct cview *v = data;
	const struct cstore_entry *e;
	const char *err = cstore_error(v->st);

	sync(v);
	table_draw(&v->t, w, main->y, main->x, main->h, main->w);
	if (!cstore_listed(v->st) && main->h > 1)
		draw_text(w, main->y + 1, main->x + 1, main->w - 1,
			  *err ? err : "listing containers\xe2\x80\xa6",
			  theme_attr(*err ? TS_STATUS_ERR : TS_DIM));
	e = selected(v);
	cdetail_select(v->detail, e ? e->s.id : NULL);
	if (detail->h > 0)
		cdetail_draw(v->detail, w, detail, e, v->detail_focus);
	else
		cdetail_off_screen(v->detail);
	if (detail->h <= 0)
		v->detail_focus = 0;
	want_stats(v);
}

static void filter_change(struct app *a, const char *text, void *ud)
{
	struct cview *v = ud;

	table_set_filter(&v->t, text);
	app_dirty(a);
}

static void filter_done(struct app *a, const char *text, void *ud)
{
	struct cview *v = ud;

	table_set_filter(&v->t, text ? text : v->saved_filter);
	app_dirty(a);
}

static void target_of(const struct cstore_entry *e, struct cact_target *t)
{
	const char *s = api_str(e->s.state);

	memset(t, 0, sizeof(*t));
	snprintf(t->id, sizeof(t->id), "%s", api_str(e->s.id));
	snprintf(t->name, sizeof(t->name), "%s", e->s.name ? e->s.name : t->id);
	t->running = strcmp(s, "running") == 0 ||
		     strcmp(s, "restarting") == 0 || strcmp(s, "paused") == 0;
	t->paused = strcmp(s, "paused") == 0;
}

/* The rows an action is on: the marked ones, else every row of a
 * selected group header (*project set to it), else the selected one. */
static size_t action_rows(struct cview *v, size_t *rows, size_t max,
			  const char **project)
{
	size_t n = table_marked_rows(&v->t, rows, max), i;
	const char *g = table_selected_group(&v->t), *rg;

	*project = NULL;
	if (n > max)
		n = max;
	if (n == 0 && g) {
		*project = g;
		for (i = 0; i < cstore_count(v->st) && n < max; i++)
			if ((rg = cview_group(v, i)) != NULL &&
			    strcmp(rg, g) == 0)
				rows[n++] = i;
	} else if (n == 0) {
		n = (size_t)table_selected(&v->t, &rows[0]);
	}
	return n;
}

static void run_action(struct cview *v, enum cact_kind kind)
{
	size_t rows_buf[MARKED_MAX];
	struct cact_target *t;
	const char *project;
	size_t n = action_rows(v, rows_buf, MARKED_MAX, &project), i, k = 0;
	const struct cstore_entry *e;

	t = calloc(n ? n : 1, sizeof(*t));
	if (!t) {
		app_error(v->a, "out of memory");
		return;
	}
	for (i = 0; i < n; i++)
		if ((e = cview_entry(v, rows_buf[i])) != NULL && e->s.id)
			target_of(e, &t[k++]);
	if (project)
		cact_run_project(v->acts, kind, project, t, k);
	else
		cact_run(v->acts, kind, t, k);
	free(t);
	if (kind != CACT_RENAME && k > 1)
		table_clear_marks(&v->t);
}

/* "ids:" and the marked containers' short ids; 0 when none is marked. */
static int marked_ids(struct cview *v, char *arg, size_t len)
{
	size_t rows[LOGS_MARKED_MAX], n, i, k;
	const struct cstore_entry *e;
	int w = snprintf(arg, len, "ids:");

	n = table_marked_rows(&v->t, rows, LOGS_MARKED_MAX);
	if (n > LOGS_MARKED_MAX)
		n = LOGS_MARKED_MAX;
	for (i = 0, k = 0; i < n && w > 0 && (size_t)w < len; i++) {
		if ((e = cview_entry(v, rows[i])) == NULL || !e->s.id)
			continue;
		w += snprintf(arg + w, len - (size_t)w, "%s%.12s",
			      k++ ? "," : "", e->s.id);
	}
	return k > 0;
}

/* Update or check the marked containers, else a selected project's,
 * else the selected one (the update asks first, listing them). */
static void update_action(struct cview *v, int check)
{
	size_t rows[64], i, k = 0;
	const char *names[64], *project;
	size_t n = action_rows(v, rows, 64, &project);
	const struct cstore_entry *e;

	for (i = 0; i < n; i++)
		if ((e = cview_entry(v, rows[i])) != NULL && e->s.name)
			names[k++] = e->s.name;
	cupdate_start(v->a, check, names, k);
}

/* As typed: the Changes tab follows the prompt. */
static void changes_filter(struct app *a, const char *text, void *ud)
{
	struct cview *v = ud;

	cdetail_changes_filter(v->detail, text);
	app_dirty(a);
}

static unsigned list_action(struct cview *v, enum action act)
{
	switch (act) {
	case ACT_LIST_UP:
	case ACT_LIST_DOWN:
		if (v->detail_focus) {
			cdetail_scroll(v->detail, act == ACT_LIST_UP ? -1 : 1);
			return VIEW_HANDLED | VIEW_REDRAW;
		}
		table_action(&v->t, act);
		break;
	case ACT_LIST_PAGE_UP:
	case ACT_LIST_PAGE_DOWN:
	case ACT_LIST_TOP:
	case ACT_LIST_BOTTOM:
		table_action(&v->t, act);
		break;
	case ACT_LIST_MARK:
		app_status(v->a, "%zu marked", table_toggle_mark(&v->t));
		break;
	case ACT_LIST_SORT:
		table_action(&v->t, act);
		if (v->t.sort_col >= 0)
			app_status(v->a, "sorted by %s%s",
				   v->cols[v->t.sort_col].title,
				   v->t.sort_desc ? " (descending)" : "");
		break;
	case ACT_LIST_FILTER:
		if (v->detail_focus && cdetail_on_changes(v->detail)) {
			/* the Changes tab in front: its own filter */
			app_prompt(v->a, "changes (A, C, D and/or a path):",
				   cdetail_changes_filter_text(v->detail),
				   changes_filter, changes_filter, v);
			break;
		}
		snprintf(v->saved_filter, sizeof(v->saved_filter), "%s",
			 v->t.filter);
		app_prompt(v->a, "filter:", v->t.filter, filter_change,
			   filter_done, v);
		break;
	case ACT_LIST_OPEN:
		if (table_selected_group(&v->t))
			table_group_toggle(&v->t);
		else
			v->detail_focus = !v->detail_focus;
		break;
	default:
		return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED | VIEW_REDRAW;
}

static unsigned action(void *data, enum action act)
{
	static const struct {
		enum action act;
		enum cact_kind kind;
	} acts[] = {
		{ACT_CONTAINER_START, CACT_START},
		{ACT_CONTAINER_STOP, CACT_STOP},
		{ACT_CONTAINER_RESTART, CACT_RESTART},
		{ACT_CONTAINER_PAUSE, CACT_PAUSE_TOGGLE},
		{ACT_CONTAINER_KILL, CACT_KILL},
		{ACT_CONTAINER_REMOVE, CACT_REMOVE},
		{ACT_CONTAINER_RENAME, CACT_RENAME},
	};
	struct cview *v = data;
	const struct cstore_entry *e;
	char arg[1024];
	size_t i;

	sync(v);
	for (i = 0; i < sizeof(acts) / sizeof(acts[0]); i++) {
		if (acts[i].act == act) {
			run_action(v, acts[i].kind);
			return VIEW_HANDLED | VIEW_REDRAW;
		}
	}
	if (act == ACT_CONTAINER_EXPORT) {
		cexport_start(v->a, (e = selected(v)) ? &e->s : NULL);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	if (act == ACT_CONTAINER_REBUILD) {
		crebuild_start(v->a, (e = selected(v)) ? &e->s : NULL);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	if (act == ACT_CONTAINER_UPDATE || act == ACT_CONTAINER_CHECK_UPDATES) {
		update_action(v, act == ACT_CONTAINER_CHECK_UPDATES);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	if (act == ACT_CONTAINER_INSPECT) {
		if ((e = selected(v)) != NULL && e->s.id) {
			snprintf(arg, sizeof(arg), "container:%s", e->s.id);
			app_show_pane(v->a, "inspect", arg);
		}
		return VIEW_HANDLED;
	}
	if (act == ACT_CONTAINER_EXEC || act == ACT_CONTAINER_ATTACH) {
		/* Copies: the store changes while the shell runs. */
		char id[128], name[128];
		if ((e = selected(v)) == NULL || !e->s.id)
			return VIEW_HANDLED;
		snprintf(id, sizeof(id), "%s", e->s.id);
		snprintf(name, sizeof(name), "%s", e->s.name ? e->s.name : id);
		if (act == ACT_CONTAINER_EXEC)
			exec_shell_open(v->a, id, name);
		else
			exec_shell_attach(v->a, id, name);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	if (act == ACT_CONTAINER_LOGS_RUNNING) {
		app_show_pane(v->a, "logs", "running:");
		return VIEW_HANDLED;
	}
	if (act == ACT_CONTAINER_LOGS) {
		/* marked rows: theirs, merged; a compose group header: every
		 * container of the project */
		if (marked_ids(v, arg, sizeof(arg))) {
			table_clear_marks(&v->t);
			app_show_pane(v->a, "logs", arg);
		} else if (table_selected_group(&v->t)) {
			snprintf(arg, sizeof(arg), "group:%s",
				 table_selected_group(&v->t));
			app_show_pane(v->a, "logs", arg);
		} else if ((e = selected(v)) != NULL && e->s.id) {
			app_show_pane(v->a, "logs", e->s.id);
		}
		return VIEW_HANDLED;
	}
	if (act == ACT_CONTAINER_LOGS || act == ACT_CONTAINER_EXEC) {
		app_status(v->a, "%s: not in this version",
			   act == ACT_CONTAINER_LOGS ? "logs" : "shell");
		return VIEW_HANDLED;
	}
	return list_action(v, act);
}

static unsigned on_key(void *data, int k)
{
	struct cview *v = data;

	sync(v);
	if (k == '[' || k == ']' ||
	    (v->detail_focus &&
	     (k == BKEY_FUNC(KEY_LEFT) || k == BKEY_FUNC(KEY_RIGHT)))) {
		int back = k == '[' || k == BKEY_FUNC(KEY_LEFT);
		cdetail_tab_step(v->detail, back ? -1 : 1);
	} else if (k == BKEY_FUNC(KEY_LEFT)) {
		table_group_collapse(&v->t);
	} else if (k == BKEY_FUNC(KEY_RIGHT)) {
		table_group_expand(&v->t);
	} else if (k == 0x1b && v->detail_focus) {
		v->detail_focus = 0;
	} else if (k == 0x1b && v->t.filter[0]) {
		table_set_filter(&v->t, NULL);
	} else {
		return VIEW_UNHANDLED;
	}
	app_dirty(v->a);
	return VIEW_HANDLED | VIEW_REDRAW;
}

static void engine_event(void *data, const struct api_event *ev)
{
	struct cview *v = data;
	const char *id = cdetail_id(v->detail);

	if (ev->type && strcmp(ev->type, "container") == 0 && ev->actor_id &&
	    *id && strcmp(ev->actor_id, id) == 0)
		cdetail_refresh(v->detail);
}

static void engine_up(void *data)
{
	struct cview *v = data;

	/* the app re-lists the store (another engine's, after a switch);
	 * the detail asks again */
	v->st = app_containers(v->a);
	cdetail_refresh(v->detail);
}

static void show(void *data, const char *arg)
{
	struct cview *v = data;

	v->visible = 1;
	if (arg && *arg) {
		snprintf(v->pending, sizeof(v->pending), "%s", arg);
		if (v->synced)
			select_pending(v);
	}
	app_dirty(v->a);
}

static void hide(void *data)
{
	struct cview *v = data;

	v->visible = 0;
	cdetail_off_screen(v->detail);
	cstore_stats_want(v->st, NULL, 0);
}

static unsigned click(void *data, int row, int col)
{
	struct cview *v = data;

	(void)col;
	sync(v);
	if (!table_click(&v->t, row + v->t.body_y - 1))
		return VIEW_UNHANDLED;
	app_dirty(v->a);
	return VIEW_HANDLED | VIEW_REDRAW;
}

static void *create(struct app *a)
{
	struct cview *v = calloc(1, sizeof(*v));

	if (!v)
		return NULL;
	v->a = a;
	v->st = app_containers(a);
	v->detail = cdetail_new(a);
	v->acts = cact_new(a);
	if (!v->detail || !v->acts) {
		cdetail_free(v->detail);
		cact_free(v->acts);
		free(v);
		return NULL;
	}
	cview_set_columns(v, app_options(a)->columns);
	table_init(&v->t, &v->ops, v);
	return v;
}

static void destroy(void *data)
{
	struct cview *v = data;

	if (!v)
		return;
	cdetail_free(v->detail);
	cact_free(v->acts);
	table_free(&v->t);
	free(v->since);
	free(v);
}

const struct view_ops view_containers = {
	.name = "containers",
	.title = "Containers",
	.keyctx = KCTX_CONTAINERS,
	.wants_detail = 1,
	.create = create,
	.destroy = destroy,
	.show = show,
	.hide = hide,
	.draw = draw,
	.action = action,
	.key = on_key,
	.engine_event = engine_event,
	.engine_up = engine_up,
	.click = click,
};
