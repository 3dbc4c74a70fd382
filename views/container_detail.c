#include "views/container_detail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/container_top.h"
#include "tui/draw.h"
#include "tui/theme.h"
#include "model/format.h"
#include "views/container_changes.h"

#define SETTLE_MS 150
#define TOP_EVERY_MS 2000
#define KEY_COLS 16

static const char *const tab_names[CD_TABS] = {
	"Summary", "Env",	"Mounts", "Ports",   "Networks",
	"Labels",  "Processes", "Stats",  "Changes",
};

struct cdetail {
	struct app *a;
	char id[72];
	int tab;
	long scroll;
	struct api_container_inspect ins;
	int have_ins;
	char ins_err[sizeof(((struct api_error *)0)->msg)];
	struct api_request *ins_req;
	int ins_again;
	int settle_timer;
	struct api_top top;
	int have_top;
	char top_err[sizeof(((struct api_error *)0)->msg)];
	struct api_request *top_req;
	int top_timer;
	struct cchanges changes;
};

/* Lines of a tab, drawn as they are produced: nothing is kept. */
struct em {
	WINDOW *w;
	int y, x, h, wd;
	long skip;
	int line;
};

struct cdetail *cdetail_new(struct app *a)
{
	struct cdetail *d = calloc(1, sizeof(*d));

	if (d) {
		d->a = a;
		cchanges_init(&d->changes, a);
	}
	return d;
}

static void stop_top(struct cdetail *d)
{
	if (d->top_timer > 0)
		loop_timer_cancel(app_loop(d->a), d->top_timer);
	d->top_timer = 0;
	if (d->top_req)
		api_request_cancel(d->top_req);
	d->top_req = NULL;
}

static void forget(struct cdetail *d)
{
	if (d->settle_timer > 0)
		loop_timer_cancel(app_loop(d->a), d->settle_timer);
	d->settle_timer = 0;
	if (d->ins_req)
		api_request_cancel(d->ins_req);
	d->ins_req = NULL;
	d->ins_again = 0;
	stop_top(d);
	api_container_inspect_free(&d->ins);
	memset(&d->ins, 0, sizeof(d->ins));
	api_top_free(&d->top);
	memset(&d->top, 0, sizeof(d->top));
	d->have_ins = d->have_top = 0;
	d->ins_err[0] = d->top_err[0] = '\0';
	cchanges_forget(&d->changes);
}

void cdetail_free(struct cdetail *d)
{
	if (!d)
		return;
	forget(d);
	free(d);
}

const char *cdetail_id(const struct cdetail *d)
{
	return d->id;
}

static void fetch_inspect(struct cdetail *d);

static void ins_done(struct api_request *req, api_code code,
		     const struct api_response *resp,
		     const struct api_error *err, void *ud)
{
	struct cdetail *d = ud;
	struct api_container_inspect ci = {0};
	struct api_error perr = {0};

	(void)req;
	d->ins_req = NULL;
	if (code != API_OK) {
		snprintf(d->ins_err, sizeof(d->ins_err), "%s", err->msg);
	} else if (api_container_inspect_parse(resp->body, resp->body_len, &ci,
					       &perr) != API_OK) {
		snprintf(d->ins_err, sizeof(d->ins_err), "%s", perr.msg);
		api_container_inspect_free(&ci);
	} else {
		api_container_inspect_free(&d->ins);
		d->ins = ci;
		d->have_ins = 1;
		d->ins_err[0] = '\0';
	}
	app_dirty(d->a);
	if (d->ins_again) {
		d->ins_again = 0;
		fetch_inspect(d);
	}
}

static void fetch_inspect(struct cdetail *d)
{
	struct api_request_spec spec = {.on_done = ins_done, .ud = d};
	struct api_error err = {0};
	char *path;

	if (!d->id[0])
		return;
	if (d->ins_req) {
		d->ins_again = 1;
		return;
	}
	path = api_container_inspect_path(d->id);
	if (!path)
		return;
	spec.path = path;
	if (api_request_start(app_client(d->a), &spec, &d->ins_req, &err) !=
	    API_OK)
		snprintf(d->ins_err, sizeof(d->ins_err), "%s", err.msg);
	free(path);
}

static void settled(void *ud)
{
	struct cdetail *d = ud;

	d->settle_timer = 0;
	fetch_inspect(d);
	if (d->tab == CD_CHANGES)
		cchanges_fetch(&d->changes, d->id);
}

void cdetail_select(struct cdetail *d, const char *id)
{
	if (!id)
		id = "";
	if (strncmp(d->id, id, sizeof(d->id) - 1) == 0)
		return;
	forget(d);
	snprintf(d->id, sizeof(d->id), "%s", id);
	d->scroll = 0;
	if (d->id[0])
		d->settle_timer = loop_timer_add(app_loop(d->a), SETTLE_MS, 0,
						 settled, d);
	app_dirty(d->a);
}

void cdetail_refresh(struct cdetail *d)
{
	if (d->settle_timer > 0)
		loop_timer_cancel(app_loop(d->a), d->settle_timer);
	d->settle_timer = 0;
	fetch_inspect(d);
	if (d->tab == CD_CHANGES)
		cchanges_fetch(&d->changes, d->id);
}

static void top_done(struct api_request *req, api_code code,
		     const struct api_response *resp,
		     const struct api_error *err, void *ud)
{
	struct cdetail *d = ud;
	struct api_top t = {0};
	struct api_error perr = {0};

	(void)req;
	d->top_req = NULL;
	if (code != API_OK) {
		snprintf(d->top_err, sizeof(d->top_err), "%s", err->msg);
	} else if (api_container_top_parse(resp->body, resp->body_len, &t,
					   &perr) != API_OK) {
		snprintf(d->top_err, sizeof(d->top_err), "%s", perr.msg);
		api_top_free(&t);
	} else {
		api_top_free(&d->top);
		d->top = t;
		d->have_top = 1;
		d->top_err[0] = '\0';
	}
	app_dirty(d->a);
}

static void top_tick(void *ud)
{
	struct cdetail *d = ud;
	struct api_request_spec spec = {.on_done = top_done, .ud = d};
	char *path;

	if (d->top_req || !d->id[0])
		return;
	path = api_container_top_path(d->id, NULL);
	if (!path)
		return;
	spec.path = path;
	api_request_start(app_client(d->a), &spec, &d->top_req, NULL);
	free(path);
}

void cdetail_off_screen(struct cdetail *d)
{
	stop_top(d);
}

void cdetail_tab_step(struct cdetail *d, int delta)
{
	d->tab = ((d->tab + delta) % CD_TABS + CD_TABS) % CD_TABS;
	d->scroll = 0;
	if (d->tab != CD_PROCESSES)
		stop_top(d);
	if (d->tab == CD_CHANGES)
		cchanges_fetch(&d->changes, d->id);
	app_dirty(d->a);
}

void cdetail_scroll(struct cdetail *d, long delta)
{
	d->scroll += delta;
	if (d->scroll < 0)
		d->scroll = 0;
	app_dirty(d->a);
}

static int em_row(struct em *m)
{
	int row = m->line++ - (int)m->skip;

	return row >= 0 && row < m->h ? row : -1;
}

static void em_kv(struct em *m, const char *k, const char *v)
{
	int row = em_row(m), kw = m->wd >= 40 ? KEY_COLS : m->wd / 3;

	if (row < 0)
		return;
	draw_text(m->w, m->y + row, m->x, kw, k, theme_attr(TS_DIM));
	draw_text(m->w, m->y + row, m->x + kw + 1, m->wd - kw - 1, v,
		  theme_attr(TS_NORMAL));
}

static void em_text(struct em *m, const char *t, enum theme_slot slot)
{
	int row = em_row(m);

	if (row >= 0)
		draw_text(m->w, m->y + row, m->x, m->wd, t, theme_attr(slot));
}

static void em_strv_cmd(struct em *m, const char *k, const char *first,
			const struct api_strv *rest)
{
	char buf[1024];
	size_t len, i;

	len = (size_t)snprintf(buf, sizeof(buf), "%s", api_str(first));
	for (i = 0; i < rest->n && len < sizeof(buf); i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, " %s",
					rest->v[i]);
	em_kv(m, k, buf);
}

static void tab_summary(struct em *m, const struct api_container_inspect *c)
{
	const struct api_container_state *s = &c->state;
	char buf[256];

	em_kv(m, "Name", api_str(c->name));
	snprintf(buf, sizeof(buf), "%.12s", api_str(c->id));
	em_kv(m, "ID", buf);
	em_kv(m, "Image", api_str(c->config.image));
	snprintf(buf, sizeof(buf), "%s%s%s", api_str(s->status),
		 s->health_status ? ", " : "", api_str(s->health_status));
	em_kv(m, "State", buf);
	if (!s->running) {
		snprintf(buf, sizeof(buf), "%lld%s", (long long)s->exit_code,
			 s->oom_killed ? " (OOM killed)" : "");
		em_kv(m, "Exit code", buf);
	}
	if (s->error && *s->error)
		em_kv(m, "Error", s->error);
	em_kv(m, "Started", api_str(s->started_at));
	if (!s->running)
		em_kv(m, "Finished", api_str(s->finished_at));
	em_kv(m, "Created", api_str(c->created));
	em_strv_cmd(m, "Command", c->path, &c->args);
	snprintf(buf, sizeof(buf), "%s (restarted %lld times)",
		 c->host_config.restart_policy && *c->host_config.restart_policy
			 ? c->host_config.restart_policy
			 : "no",
		 (long long)c->restart_count);
	em_kv(m, "Restart", buf);
	em_kv(m, "User",
	      c->config.user && *c->config.user ? c->config.user
						: "(image default)");
	em_kv(m, "Workdir", api_str(c->config.working_dir));
	if (s->pid > 0) {
		snprintf(buf, sizeof(buf), "%lld", (long long)s->pid);
		em_kv(m, "PID", buf);
	}
}

static void tab_env(struct em *m, const struct api_container_inspect *c)
{
	char key[256];
	size_t i, kl;

	for (i = 0; i < c->config.env.n; i++) {
		const char *e = c->config.env.v[i], *eq = strchr(e, '=');
		kl = eq ? (size_t)(eq - e) : strlen(e);
		if (kl >= sizeof(key))
			kl = sizeof(key) - 1;
		memcpy(key, e, kl);
		key[kl] = '\0';
		em_kv(m, key, eq ? eq + 1 : "");
	}
	if (!c->config.env.n)
		em_text(m, "no environment variables", TS_DIM);
}

static void tab_mounts(struct em *m, const struct api_container_inspect *c)
{
	char buf[1024];
	size_t i;

	for (i = 0; i < c->n_mounts; i++) {
		const struct api_mount_point *p = &c->mounts[i];
		snprintf(buf, sizeof(buf), "%s -> %s (%s)",
			 p->name && *p->name ? p->name : api_str(p->source),
			 api_str(p->destination), p->rw ? "rw" : "ro");
		em_kv(m, api_str(p->type), buf);
	}
	if (!c->n_mounts)
		em_text(m, "no mounts", TS_DIM);
}

static void tab_ports(struct em *m, const struct api_container_inspect *c)
{
	char buf[512];
	size_t i, k, len;

	for (i = 0; i < c->ports.n; i++) {
		const struct api_port_map *p = &c->ports.items[i];
		buf[0] = '\0';
		for (k = 0, len = 0; k < p->n && len < sizeof(buf); k++) {
			const char *ip = api_str(p->bindings[k].host_ip);
			int v6 = strchr(ip, ':') != NULL;
			len += (size_t)snprintf(
				buf + len, sizeof(buf) - len, "%s%s%s%s:%s",
				k ? ", " : "", v6 ? "[" : "", ip, v6 ? "]" : "",
				api_str(p->bindings[k].host_port));
		}
		em_kv(m, api_str(p->port), p->n ? buf : "(not published)");
	}
	if (!c->ports.n)
		em_text(m, "no ports", TS_DIM);
}

static void tab_networks(struct em *m, const struct api_container_inspect *c)
{
	char buf[512];
	size_t i;

	for (i = 0; i < c->n_networks; i++) {
		const struct api_endpoint *e = &c->networks[i];
		snprintf(buf, sizeof(buf), "ip %s  gateway %s  mac %s",
			 e->ip_address && *e->ip_address ? e->ip_address : "-",
			 e->gateway && *e->gateway ? e->gateway : "-",
			 e->mac_address && *e->mac_address ? e->mac_address
							   : "-");
		em_kv(m, api_str(e->network), buf);
	}
	if (!c->n_networks)
		em_text(m, "no networks", TS_DIM);
}

static void tab_labels(struct em *m, const struct api_container_inspect *c)
{
	size_t i;

	for (i = 0; i < c->config.labels.n; i++)
		em_kv(m, c->config.labels.items[i].key,
		      api_str(c->config.labels.items[i].value));
	if (!c->config.labels.n)
		em_text(m, "no labels", TS_DIM);
}

static void top_line(struct em *m, const struct api_top *t, long r)
{
	int row = em_row(m), x = m->x, cw;
	size_t c, nc = t->titles.n;

	if (row < 0)
		return;
	draw_fill(m->w, m->y + row, m->x, m->wd, theme_attr(TS_NORMAL));
	for (c = 0; c < nc && x < m->x + m->wd; c++) {
		const char *s = r < 0 ? t->titles.v[c]
				      : api_top_cell(t, (size_t)r, (int)c);
		/* the last column (the command) takes what is left */
		cw = c + 1 == nc ? m->x + m->wd - x : 9;
		if (cw > m->x + m->wd - x)
			cw = m->x + m->wd - x;
		draw_text(m->w, m->y + row, x, cw, api_str(s),
			  theme_attr(r < 0 ? TS_HEADER : TS_NORMAL));
		x += cw + 1;
	}
}

static void tab_processes(struct cdetail *d, struct em *m,
			  const struct cstore_entry *e)
{
	size_t r;

	if (!e || !e->s.state ||
	    (strcmp(e->s.state, "running") != 0 &&
	     strcmp(e->s.state, "paused") != 0)) {
		stop_top(d);
		em_text(m, "not running", TS_DIM);
		return;
	}
	if (d->top_timer <= 0)
		d->top_timer = loop_timer_add(app_loop(d->a), 0, TOP_EVERY_MS,
					      top_tick, d);
	if (d->top_err[0])
		em_text(m, d->top_err, TS_STATUS_ERR);
	if (!d->have_top) {
		em_text(m, "loading\xe2\x80\xa6", TS_DIM);
		return;
	}
	top_line(m, &d->top, -1);
	for (r = 0; r < d->top.n; r++)
		top_line(m, &d->top, (long)r);
}

/* max 0: scaled to the largest sample (CPU % has no fixed ceiling). */
static void spark_line(struct em *m, const char *label, const char *now,
		       const float *hist, double max,
		       const struct cstore_entry *e)
{
	char spark[3 * 256 + 1];
	int row = em_row(m), lw = 26, sw = m->wd - lw - 1;

	if (row < 0)
		return;
	draw_text(m->w, m->y + row, m->x, 5, label, theme_attr(TS_DIM));
	draw_text(m->w, m->y + row, m->x + 5, lw - 5, now,
		  theme_attr(TS_NORMAL));
	if (sw > 256)
		sw = 256;
	if (sw <= 0)
		return;
	fmt_sparkline(hist, CSTORE_HIST, e->hist_n, e->hist_head, max, sw,
		      draw_utf8(), spark, sizeof(spark));
	draw_text(m->w, m->y + row, m->x + lw + 1, sw, spark,
		  theme_attr(TS_SPARK));
}

static void tab_stats(struct em *m, const struct cstore_entry *e)
{
	char a[64], b[64];

	if (!e || !e->has_stats) {
		em_text(m, "no stats: not running, not visible, or stats off",
			TS_DIM);
		return;
	}
	fmt_percent(e->cpu_pct, a, sizeof(a));
	spark_line(m, "CPU", a, e->cpu_hist, 0, e);
	fmt_mem_usage(e->mem_usage, e->mem_limit, a, sizeof(a));
	spark_line(m, "MEM", a, e->mem_hist, 100.0, e);
	snprintf(b, sizeof(b), "%llu", (unsigned long long)e->pids);
	em_kv(m, "PIDs", b);
	if (e->has_rates) {
		char x[32], y[32];
		fmt_size(e->net_rx_rate, x, sizeof(x));
		fmt_size(e->net_tx_rate, y, sizeof(y));
		snprintf(b, sizeof(b), "%s/s in, %s/s out", x, y);
		em_kv(m, "Network", b);
		fmt_size(e->blk_read_rate, x, sizeof(x));
		fmt_size(e->blk_write_rate, y, sizeof(y));
		snprintf(b, sizeof(b), "%s/s read, %s/s written", x, y);
		em_kv(m, "Block I/O", b);
	}
	snprintf(b, sizeof(b), "%u samples, one a second", e->hist_n);
	em_kv(m, "History", b);
}

static void change_line(void *ud, char letter, const char *path)
{
	struct em *m = ud;
	char k[2] = {letter, '\0'};
	int row = em_row(m);

	if (row < 0)
		return;
	draw_text(m->w, m->y + row, m->x, 2, k,
		  theme_attr(letter == 'D' ? TS_STATUS_ERR : TS_HEADER));
	draw_text(m->w, m->y + row, m->x + 2, m->wd - 2, path,
		  theme_attr(TS_NORMAL));
}

int cdetail_on_changes(const struct cdetail *d)
{
	return d->tab == CD_CHANGES;
}

void cdetail_changes_filter(struct cdetail *d, const char *filter)
{
	cchanges_set_filter(&d->changes, filter);
}

const char *cdetail_changes_filter_text(const struct cdetail *d)
{
	return d->changes.filter;
}

static void tab_changes(struct cdetail *d, struct em *m)
{
	const struct cchanges *c = &d->changes;
	char line[200];

	if (c->err[0])
		em_text(m, c->err, TS_STATUS_ERR);
	if (!c->have) {
		em_text(m, c->err[0] ? "" : "loading\xe2\x80\xa6", TS_DIM);
		return;
	}
	if (c->ch.n == 0) {
		em_text(m, "nothing changed against the image", TS_DIM);
		return;
	}
	if (c->filter[0]) {
		snprintf(line, sizeof(line), "%zu of %zu changes (/ %s)",
			 cchanges_shown(c), c->ch.n, c->filter);
		em_text(m, line, TS_DIM);
	}
	cchanges_each(c, change_line, m);
}

static void draw_tabs(struct cdetail *d, WINDOW *w, const struct rect *r,
		      int focused)
{
	int i, x = r->x, total = 0;
	char one[48];

	for (i = 0; i < CD_TABS; i++)
		total += text_width(tab_names[i]) + 2;
	draw_fill(w, r->y, r->x, r->w, theme_attr(TS_NORMAL));
	if (total > r->w) {
		snprintf(one, sizeof(one), "[%d/%d] %s", d->tab + 1, CD_TABS,
			 tab_names[d->tab]);
		draw_text(w, r->y, r->x, r->w, one,
			  theme_attr(focused ? TS_SELECTED : TS_HEADER));
		return;
	}
	for (i = 0; i < CD_TABS; i++) {
		int tw = text_width(tab_names[i]) + 2;
		snprintf(one, sizeof(one), " %s ", tab_names[i]);
		draw_text(w, r->y, x, tw, one,
			  theme_attr(i != d->tab ? TS_DIM
				     : focused	 ? TS_SELECTED
						 : TS_HEADER));
		x += tw;
	}
}

static void draw_body(struct cdetail *d, struct em *m,
		      const struct cstore_entry *e)
{
	const struct api_container_inspect *c = &d->ins;

	if (d->tab == CD_STATS) {
		tab_stats(m, e);
		return;
	}
	if (d->tab == CD_PROCESSES) {
		tab_processes(d, m, e);
		return;
	}
	if (d->tab == CD_CHANGES) {
		tab_changes(d, m);
		return;
	}
	if (d->ins_err[0])
		em_text(m, d->ins_err, TS_STATUS_ERR);
	if (!d->have_ins) {
		em_text(m, d->ins_err[0] ? "" : "loading\xe2\x80\xa6", TS_DIM);
		return;
	}
	switch (d->tab) {
	case CD_ENV:
		tab_env(m, c);
		break;
	case CD_MOUNTS:
		tab_mounts(m, c);
		break;
	case CD_PORTS:
		tab_ports(m, c);
		break;
	case CD_NETWORKS:
		tab_networks(m, c);
		break;
	case CD_LABELS:
		tab_labels(m, c);
		break;
	default:
		tab_summary(m, c);
		break;
	}
}

void cdetail_draw(struct cdetail *d, WINDOW *w, const struct rect *r,
		  const struct cstore_entry *e, int focused)
{
	struct em m = {w, r->y + 1, r->x, r->h - 1, r->w, d->scroll, 0};
	int i;

	if (r->h <= 0 || r->w <= 0) {
		stop_top(d);
		return;
	}
	draw_tabs(d, w, r, focused);
	for (i = 1; i < r->h; i++)
		draw_fill(w, r->y + i, r->x, r->w, theme_attr(TS_NORMAL));
	if (d->tab != CD_PROCESSES)
		stop_top(d);
	if (!d->id[0])
		em_text(&m, "no container selected", TS_DIM);
	else
		draw_body(d, &m, e);
	/* Scrolled past the end (the content shrank): come back. */
	if (d->scroll > 0 && m.line - m.h < d->scroll)
		d->scroll = m.line > m.h ? m.line - m.h : 0;
}
