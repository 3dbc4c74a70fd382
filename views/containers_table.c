/* The containers pane's table model: cells, colours, sorting,
 * filtering and compose grouping over the shared container store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/theme.h"
#include "views/containers_impl.h"
#include "model/format.h"
#include "model/posture_model.h"
#include "views/risk.h"

const struct table_column cview_columns[] = {
	[C_NAME] = {"NAME", 12, 3, 0, 0},
	[C_IMAGE] = {"IMAGE", 10, 2, 0, 0},
	[C_STATE] = {"STATE", 12, 0, 0, 0},
	[C_HEALTH] = {"HEALTH", 9, 0, 0, 70},
	[C_UPTIME] = {"UPTIME", 10, 0, 0, 0},
	[C_PORTS] = {"PORTS", 12, 2, 0, 100},
	[C_CPU] = {"CPU %", 7, 0, 1, 60},
	[C_MEM] = {"MEM", 19, 0, 1, 90},
	[C_NET] = {"NET RX/TX /s", 17, 0, 1, 110},
	[C_BLOCK] = {"BLOCK R/W /s", 17, 0, 1, 120},
	[C_PIDS] = {"PIDS", 5, 0, 1, 80},
	[C_RISK] = {"RISK", 6, 0, 0, 0},
};

/* As the config names them (tui/options.c checks the list). */
static const char *const col_keys[C_COUNT] = {
	[C_NAME] = "name",     [C_IMAGE] = "image",   [C_STATE] = "state",
	[C_HEALTH] = "health", [C_UPTIME] = "uptime", [C_PORTS] = "ports",
	[C_CPU] = "cpu",       [C_MEM] = "mem",	      [C_NET] = "net",
	[C_BLOCK] = "block",   [C_PIDS] = "pids",     [C_RISK] = "risk",
};

void cview_set_columns(struct cview *v, const char *list)
{
	const char *p = list && *list ? list : "name";
	int c;

	v->ncols = 0;
	while (*p && v->ncols < C_COUNT) {
		size_t n = strcspn(p, ",");
		for (c = 0; c < C_COUNT; c++)
			if (strlen(col_keys[c]) == n &&
			    strncmp(col_keys[c], p, n) == 0)
				break;
		if (c < C_COUNT) {
			v->colmap[v->ncols] = c;
			v->cols[v->ncols++] = cview_columns[c];
		}
		p += n + (p[n] == ',');
	}
	v->ops = cview_ops;
	v->ops.columns = v->cols;
	v->ops.ncolumns = v->ncols;
}

int cview_col(const struct cview *v, int i)
{
	return i >= 0 && i < v->ncols ? v->colmap[i] : -1;
}

/* "1.2kB / 340B": two rates a second, as docker stats words sizes. */
static void cell_rates(double a, double b, char *buf, size_t n)
{
	char x[32], y[32];

	fmt_size(a, x, sizeof(x));
	fmt_size(b, y, sizeof(y));
	snprintf(buf, n, "%s / %s", x, y);
}

/* The container's posture, from the app's background scan: NULL until
 * it is judged. */
static const struct pm_container *risk_of(struct cview *v,
					  const struct cstore_entry *e)
{
	const struct pm_container *p =
		e ? pm_find(&app_posture(v->a)->m, api_str(e->s.id)) : NULL;

	return p && p->judged ? p : NULL;
}

/* PRIV and SOCK say the worst at a glance; else the worst severity. */
static void cell_risk(const struct pm_container *p, char *buf, size_t n)
{
	if (!p)
		snprintf(buf, n, "%s", "");
	else if (p->badges[PM_PRIV].n)
		snprintf(buf, n, "PRIV");
	else if (strcmp(p->badges[PM_MOUNTS].text, "SOCK") == 0)
		snprintf(buf, n, "SOCK");
	else
		snprintf(buf, n, "%s", risk_word(p->worst));
}

static int risk_slot(const struct pm_container *p)
{
	if (!p)
		return -1;
	if (p->badges[PM_PRIV].n ||
	    strcmp(p->badges[PM_MOUNTS].text, "SOCK") == 0)
		return TS_SEV_CRITICAL;
	return risk_worst_slot(p->worst);
}

const struct cstore_entry *cview_entry(struct cview *v, size_t row)
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
	/* An inspect or an event gave the exact time. */
	if (e->s.state_since > 0)
		return e->s.state_since;
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

void cview_update_since(struct cview *v)
{
	size_t n = cstore_count(v->st), i, k;
	struct since *next = calloc(n ? n : 1, sizeof(*next));
	long long now = (long long)time(NULL);

	if (!next)
		return;
	for (i = 0; i < n; i++) {
		const struct cstore_entry *e = cview_entry(v, i);
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

static void cell_of(struct cview *v, size_t row, int col, char *buf, size_t n)
{
	const struct cstore_entry *e = cview_entry(v, row);

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
	case C_NET:
		if (e->has_rates && is_up(e))
			cell_rates(e->net_rx_rate, e->net_tx_rate, buf, n);
		break;
	case C_BLOCK:
		if (e->has_rates && is_up(e))
			cell_rates(e->blk_read_rate, e->blk_write_rate, buf, n);
		break;
	case C_PIDS:
		if (e->has_stats && is_up(e))
			snprintf(buf, n, "%llu", (unsigned long long)e->pids);
		break;
	case C_RISK:
		cell_risk(risk_of(v, e), buf, n);
		break;
	}
}

static void cell(void *model, size_t row, int col, char *buf, size_t n)
{
	struct cview *v = model;

	buf[0] = '\0';
	cell_of(v, row, cview_col(v, col), buf, n);
}

static size_t rows(void *model)
{
	return cstore_count(((struct cview *)model)->st);
}

static int slot(void *model, size_t row, int col)
{
	const struct cstore_entry *e = cview_entry(model, row);
	const char *h;

	col = cview_col(model, col);
	if (!e)
		return -1;
	if (col == C_STATE)
		return state_slot(e->s.state);
	if (col == C_RISK)
		return risk_slot(risk_of(model, e));
	if (col == C_HEALTH) {
		h = fmt_status_health(e->s.status);
		return strcmp(h, "healthy") == 0 ? TS_HEALTH_OK
		       : *h			 ? TS_HEALTH_BAD
						 : -1;
	}
	return -1;
}

const char *cview_key(void *model, size_t row)
{
	const struct cstore_entry *e = cview_entry(model, row);

	return e ? api_str(e->s.id) : "";
}

static int cmp_num(double a, double b)
{
	return a < b ? -1 : a > b;
}

static int compare(void *model, size_t a, size_t b, int col)
{
	struct cview *v = model;
	const struct cstore_entry *x = cview_entry(v, a),
				  *y = cview_entry(v, b);
	char ca[TABLE_CELL_MAX], cb[TABLE_CELL_MAX];

	if (!x || !y)
		return 0;
	switch ((col = cview_col(v, col))) {
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
	case C_NET:
		return cmp_num(
			x->has_rates ? x->net_rx_rate + x->net_tx_rate : -1,
			y->has_rates ? y->net_rx_rate + y->net_tx_rate : -1);
	case C_BLOCK:
		return cmp_num(
			x->has_rates ? x->blk_read_rate + x->blk_write_rate
				     : -1,
			y->has_rates ? y->blk_read_rate + y->blk_write_rate
				     : -1);
	case C_PIDS:
		return cmp_num(x->has_stats ? (double)x->pids : -1,
			       y->has_stats ? (double)y->pids : -1);
	default:
		ca[0] = cb[0] = '\0';
		cell_of(v, a, col, ca, sizeof(ca));
		cell_of(v, b, col, cb, sizeof(cb));
		return strcmp(ca, cb);
	}
}

static int match(void *model, size_t row, const char *filter)
{
	const struct cstore_entry *e = cview_entry(model, row);
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

const char *cview_group(void *model, size_t row)
{
	const char *p = label(cview_entry(model, row), LBL_PROJECT);

	return p && *p ? p : NULL;
}

const struct table_ops cview_ops = {
	.columns = cview_columns,
	.ncolumns = C_COUNT,
	.rows = rows,
	.cell = cell,
	.slot = slot,
	.key = cview_key,
	.compare = compare,
	.match = match,
	.group = cview_group,
};
