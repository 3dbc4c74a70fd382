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
#include "views/format.h"
#include "views/registry.h"

#define LBL_PROJECT "com.docker.compose.project"
#define LBL_SERVICE "com.docker.compose.service"
#define LBL_NUMBER "com.docker.compose.container-number"
#define WANT_MAX 256
#define MARKED_MAX 1024

enum col {
	C_NAME,
	C_IMAGE,
	C_STATE,
	C_HEALTH,
	C_UPTIME,
	C_PORTS,
	C_CPU,
	C_MEM
};

static const struct table_column columns[] = {
	[C_NAME] = {"NAME", 12, 3, 0, 0},
	[C_IMAGE] = {"IMAGE", 10, 2, 0, 0},
	[C_STATE] = {"STATE", 12, 0, 0, 0},
	[C_HEALTH] = {"HEALTH", 9, 0, 0, 70},
	[C_UPTIME] = {"UPTIME", 10, 0, 0, 0},
	[C_PORTS] = {"PORTS", 12, 2, 0, 100},
	[C_CPU] = {"CPU %", 7, 0, 1, 60},
	[C_MEM] = {"MEM", 19, 0, 1, 90},
};

/* When a row's clock started, worked out once per Status text: the
 * summary says "Up 2 hours", which would not tick by itself. */
struct since {
	char id[72];
	unsigned long status_hash;
	long long at; /* 0: unknown */
	int up;	      /* at is a start, else an end */
};

struct cview {
	struct app *a;
	struct table t;
	struct cstore *st;
	unsigned long gen;
	int synced;
	struct since *since;
	size_t n_since;
	char pending[256];
	struct cdetail *detail;
	struct cactions *acts;
	int detail_focus;
	int visible;
	char saved_filter[TABLE_FILTER_MAX];
};

static const struct cstore_entry *entry(struct cview *v, size_t row)
{
	return cstore_at(v->st, row);
}

static const char *label(const struct cstore_entry *e, const char *k)
{
	return e ? api_kv_get(&e->s.labels, k) : NULL;
}

static int state_slot(const char *s)
{
	static const struct {
		const char *name;
		int slot;
	} m[] = {{"running", TS_STATE_RUNNING},
		 {"paused", TS_STATE_PAUSED},
		 {"exited", TS_STATE_EXITED},
		 {"dead", TS_STATE_DEAD},
		 {"created", TS_STATE_CREATED},
		 {"restarting", TS_STATE_RESTARTING},
		 {"removing", TS_STATE_RESTARTING}};
	size_t i;

	for (i = 0; s && i < sizeof(m) / sizeof(m[0]); i++)
		if (strcmp(s, m[i].name) == 0)
			return m[i].slot;
	return -1;
}

static int is_up(const struct cstore_entry *e)
{
	return e && e->s.state &&
	       (strcmp(e->s.state, "running") == 0 ||
		strcmp(e->s.state, "paused") == 0 ||
		strcmp(e->s.state, "restarting") == 0);
}

static unsigned long hash(const char *s)
{
	unsigned long h = 5381;

	while (s && *s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* The start (running) or end (stopped) time a Status stands for. */
static long long since_of(const struct cstore_entry *e, long long now, int *up)
{
	int64_t g, d = fmt_status_up(e->s.status, &g);

	*up = d >= 0;
	if (d >= 0) {
		/* Never restarted: Created is the exact start. */
		long long age = now - e->s.created;
		if (e->s.created > 0 && age >= d - g && age <= d + g + 5)
			return e->s.created;
		return now - d;
	}
	d = fmt_status_ago(e->s.status);
	return d >= 0 ? now - d : 0;
}

static void update_since(struct cview *v)
{
	size_t n = cstore_count(v->st), i, k;
	struct since *next = calloc(n ? n : 1, sizeof(*next));
	long long now = (long long)time(NULL);

	if (!next)
		return;
	for (i = 0; i < n; i++) {
		const struct cstore_entry *e = entry(v, i);
		snprintf(next[i].id, sizeof(next[i].id), "%s",
			 api_str(e->s.id));
		next[i].status_hash = hash(e->s.status);
		next[i].at = -1;
		for (k = 0; k < v->n_since; k++)
			if (v->since[k].status_hash == next[i].status_hash &&
			    strcmp(v->since[k].id, next[i].id) == 0)
				next[i] = v->since[k];
		if (next[i].at < 0)
			next[i].at = since_of(e, now, &next[i].up);
	}
	free(v->since);
	v->since = next;
	v->n_since = n;
}

static void cell_name(const struct cstore_entry *e, char *buf, size_t n)
{
	const char *svc = label(e, LBL_SERVICE), *num = label(e, LBL_NUMBER);

	if (label(e, LBL_PROJECT) && svc && *svc) {
		if (num && *num && strcmp(num, "1") != 0)
			snprintf(buf, n, "%s-%s", svc, num);
		else
			snprintf(buf, n, "%s", svc);
	} else {
		snprintf(buf, n, "%s", api_str(e->s.name));
	}
}

static void cell_state(const struct cstore_entry *e, char *buf, size_t n)
{
	const char *st = api_str(e->s.state), *p;
	long code;

	p = e->s.status ? strchr(e->s.status, '(') : NULL;
	if (strcmp(st, "exited") == 0 && p) {
		code = strtol(p + 1, NULL, 10);
		snprintf(buf, n, "%s (%ld)", st, code);
	} else {
		snprintf(buf, n, "%s", st);
	}
}

static void cell_uptime(struct cview *v, size_t row, char *buf, size_t n)
{
	long long at = row < v->n_since ? v->since[row].at : 0;
	char d[32];

	if (at <= 0) {
		snprintf(buf, n, "-");
		return;
	}
	fmt_duration((int64_t)time(NULL) - at, d, sizeof(d));
	snprintf(buf, n, "%s%s", d, v->since[row].up ? "" : " ago");
}

static void cell(void *model, size_t row, int col, char *buf, size_t n)
{
	struct cview *v = model;
	const struct cstore_entry *e = entry(v, row);

	buf[0] = '\0';
	if (!e)
		return;
	switch (col) {
	case C_NAME:
		cell_name(e, buf, n);
		break;
	case C_IMAGE:
		snprintf(buf, n, "%s", api_str(e->s.image));
		break;
	case C_STATE:
		cell_state(e, buf, n);
		break;
	case C_HEALTH:
		snprintf(buf, n, "%s", fmt_status_health(e->s.status));
		break;
	case C_UPTIME:
		cell_uptime(v, row, buf, n);
		break;
	case C_PORTS:
		fmt_ports(e->s.ports, e->s.n_ports, buf, n);
		break;
	case C_CPU:
		if (e->has_stats && is_up(e))
			fmt_percent(e->cpu_pct, buf, n);
		break;
	case C_MEM:
		if (e->has_stats && is_up(e))
			fmt_mem_usage(e->mem_usage, e->mem_limit, buf, n);
		break;
	}
}

static size_t rows(void *model)
{
	return cstore_count(((struct cview *)model)->st);
}

static int slot(void *model, size_t row, int col)
{
	const struct cstore_entry *e = entry(model, row);
	const char *h;

	if (!e)
		return -1;
	if (col == C_STATE)
		return state_slot(e->s.state);
	if (col == C_HEALTH) {
		h = fmt_status_health(e->s.status);
		return strcmp(h, "healthy") == 0 ? TS_HEALTH_OK
		       : *h			 ? TS_HEALTH_BAD
						 : -1;
	}
	return -1;
}

static const char *key(void *model, size_t row)
{
	const struct cstore_entry *e = entry(model, row);

	return e ? api_str(e->s.id) : "";
}

static int cmp_num(double a, double b)
{
	return a < b ? -1 : a > b;
}

static int compare(void *model, size_t a, size_t b, int col)
{
	struct cview *v = model;
	const struct cstore_entry *x = entry(v, a), *y = entry(v, b);
	char ca[TABLE_CELL_MAX], cb[TABLE_CELL_MAX];

	if (!x || !y)
		return 0;
	switch (col) {
	case C_UPTIME:
		/* the longest running first when ascending */
		return cmp_num(a < v->n_since ? (double)v->since[a].at : 0,
			       b < v->n_since ? (double)v->since[b].at : 0);
	case C_CPU:
		return cmp_num(x->has_stats ? x->cpu_pct : -1,
			       y->has_stats ? y->cpu_pct : -1);
	case C_MEM:
		return cmp_num(x->has_stats ? (double)x->mem_usage : -1,
			       y->has_stats ? (double)y->mem_usage : -1);
	default:
		cell(v, a, col, ca, sizeof(ca));
		cell(v, b, col, cb, sizeof(cb));
		return strcmp(ca, cb);
	}
}

static int match(void *model, size_t row, const char *filter)
{
	const struct cstore_entry *e = entry(model, row);
	const char *fields[4];
	size_t i;

	if (!e)
		return 0;
	fields[0] = e->s.name;
	fields[1] = e->s.image;
	fields[2] = e->s.state;
	fields[3] = label(e, LBL_PROJECT);
	for (i = 0; i < 4; i++)
		if (fields[i] && strcasestr(fields[i], filter))
			return 1;
	return 0;
}

static const char *group(void *model, size_t row)
{
	const char *p = label(entry(model, row), LBL_PROJECT);

	return p && *p ? p : NULL;
}

static const struct table_ops ops = {
	.columns = columns,
	.ncolumns = (int)(sizeof(columns) / sizeof(columns[0])),
	.rows = rows,
	.cell = cell,
	.slot = slot,
	.key = key,
	.compare = compare,
	.match = match,
	.group = group,
};

static int select_key(struct cview *v, const char *k)
{
	size_t i;

	for (i = 0; i < table_nlines(&v->t); i++) {
		const struct table_line *l = table_line(&v->t, i);
		if (l->kind == TABLE_ROW && strcmp(key(v, l->row), k) == 0) {
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

	if (v->synced && g == v->gen)
		return;
	v->gen = g;
	v->synced = 1;
	update_since(v);
	table_invalidate(&v->t);
	select_pending(v);
}

static const struct cstore_entry *selected(struct cview *v)
{
	size_t row;

	return table_selected(&v->t, &row) ? entry(v, row) : NULL;
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
		const struct cstore_entry *e = entry(v, l->row);
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

/* The marked rows, else the selected one (every row of a selected
 * group header). */
static void run_action(struct cview *v, enum cact_kind kind)
{
	size_t rows_buf[MARKED_MAX];
	struct cact_target *t;
	size_t n = table_marked_rows(&v->t, rows_buf, MARKED_MAX), i, k = 0;
	const char *g = table_selected_group(&v->t), *rg;
	const struct cstore_entry *e;

	if (n > MARKED_MAX)
		n = MARKED_MAX;
	if (n == 0 && g) {
		for (i = 0; i < cstore_count(v->st) && n < MARKED_MAX; i++)
			if ((rg = group(v, i)) != NULL && strcmp(rg, g) == 0)
				rows_buf[n++] = i;
	} else if (n == 0) {
		n = (size_t)table_selected(&v->t, &rows_buf[0]);
	}
	t = calloc(n ? n : 1, sizeof(*t));
	if (!t) {
		app_error(v->a, "out of memory");
		return;
	}
	for (i = 0; i < n; i++)
		if ((e = entry(v, rows_buf[i])) != NULL && e->s.id)
			target_of(e, &t[k++]);
	cact_run(v->acts, kind, t, k);
	free(t);
	if (kind != CACT_RENAME && k > 1)
		table_clear_marks(&v->t);
}

/* Update or check the marked containers, else the selected one. */
static void update_action(struct cview *v, int check)
{
	size_t rows[64], n = table_marked_rows(&v->t, rows, 64), i, k = 0;
	const char *names[64];
	const struct cstore_entry *e;

	if (n > 64)
		n = 64;
	if (n == 0)
		n = (size_t)table_selected(&v->t, &rows[0]);
	for (i = 0; i < n; i++)
		if ((e = entry(v, rows[i])) != NULL && e->s.name)
			names[k++] = e->s.name;
	cupdate_start(v->a, check, names, k);
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
		table_move(&v->t, act == ACT_LIST_UP ? -1 : 1);
		break;
	case ACT_LIST_PAGE_UP:
		table_page_up(&v->t);
		break;
	case ACT_LIST_PAGE_DOWN:
		table_page_down(&v->t);
		break;
	case ACT_LIST_TOP:
		table_top(&v->t);
		break;
	case ACT_LIST_BOTTOM:
		table_bottom(&v->t);
		break;
	case ACT_LIST_MARK:
		app_status(v->a, "%zu marked", table_toggle_mark(&v->t));
		break;
	case ACT_LIST_SORT:
		table_sort_next(&v->t);
		if (v->t.sort_col >= 0)
			app_status(v->a, "sorted by %s%s",
				   columns[v->t.sort_col].title,
				   v->t.sort_desc ? " (descending)" : "");
		break;
	case ACT_LIST_FILTER:
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
	char arg[128];
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
	if (act == ACT_CONTAINER_LOGS) {
		/* a compose group header: every container of the project */
		if (table_selected_group(&v->t)) {
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
	table_init(&v->t, &ops, v);
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
