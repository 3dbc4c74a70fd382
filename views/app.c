#include "views/app_impl.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/events.h"
#include "model/jobs.h"
#include "posture/contents_cache.h"
#include "tui/screen.h"
#include "tui/theme.h"
#include "views/registry.h"

#define STATUS_MS 5000
#define ERROR_MS 15000

struct api_client *app_client(struct app *a)
{
	return a->client;
}

unsigned long app_posture_gen(const struct app *a)
{
	return a->posture_gen;
}

const struct posture_policy *app_policy(const struct app *a)
{
	return a->start->policy;
}

struct jobs *app_jobs(struct app *a)
{
	return a->jobs;
}

struct loop *app_loop(struct app *a)
{
	return a->loop;
}

const struct options *app_options(const struct app *a)
{
	return &a->opts;
}

const struct keymap *app_keys(const struct app *a)
{
	return &a->opts.keys;
}

struct pscan *app_posture(struct app *a)
{
	return &a->engines[a->sel].posture;
}

struct pcontents *app_contents(struct app *a)
{
	return &a->engines[a->sel].contents;
}

struct cstore *app_containers(struct app *a)
{
	return a->containers;
}

enum app_conn app_conn_state(const struct app *a)
{
	switch (conn_state(a->conn)) {
	case CONN_UP:
		return APP_CONNECTED;
	case CONN_DOWN:
		return APP_DISCONNECTED;
	default:
		return APP_CONNECTING;
	}
}

void app_dirty(struct app *a)
{
	loop_dirty(a->loop);
}

void app_dirty_live(struct app *a)
{
	loop_dirty_live(a->loop);
}

static void status_v(struct app *a, int is_error, long ms, const char *fmt,
		     va_list ap)
{
	vsnprintf(a->status, sizeof(a->status), fmt, ap);
	a->status_error = is_error;
	a->status_until = loop_now_ms() + (uint64_t)ms;
	loop_dirty(a->loop);
}

void app_status(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status_v(a, 0, STATUS_MS, fmt, ap);
	va_end(ap);
}

void app_error(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status_v(a, 1, ERROR_MS, fmt, ap);
	va_end(ap);
}

void app_alert(struct app *a, const char *fmt, ...)
{
	va_list ap;

	a->alerts++;
	va_start(ap, fmt);
	status_v(a, 1, ERROR_MS, fmt, ap);
	va_end(ap);
}

int app_refuse_if_read_only(struct app *a, const char *what)
{
	if (!a->opts.read_only)
		return 0;
	app_error(a,
		  "read-only mode: %s refused (berth runs with "
		  "--read-only)",
		  what);
	return 1;
}

int app_show_pane(struct app *a, const char *name, const char *arg)
{
	int i;

	for (i = 0; i < a->n_views; i++) {
		if (strcmp(a->views[i]->name, name) != 0)
			continue;
		if (i != a->active) {
			if (a->views[a->active]->hide)
				a->views[a->active]->hide(a->data[a->active]);
			a->previous = a->active;
			a->active = i;
		}
		if (a->views[i]->show)
			a->views[i]->show(a->data[i], arg);
		loop_dirty(a->loop);
		return 0;
	}
	return -1;
}

/* Engine events that an operator must hear about.  For an engine that
 * is not on screen they are counted there, for the fleet pane. */
static void alert_on_event(struct app_engine *e, const struct api_event *ev)
{
	struct app *a = e->app;
	const char *base = ev->action_base ? ev->action_base : "";
	const char *name = ev->name ? ev->name : "?";
	char msg[sizeof(e->last_alert)];

	if (!ev->type || strcmp(ev->type, "container") != 0)
		return;
	if (strcmp(base, "die") == 0 && ev->exit_code > 0)
		snprintf(msg, sizeof(msg), "%s exited with code %d", name,
			 ev->exit_code);
	else if (strcmp(base, "oom") == 0)
		snprintf(msg, sizeof(msg), "%s was killed: out of memory",
			 name);
	else if (strcmp(base, "health_status") == 0 && ev->action_detail &&
		 strcmp(ev->action_detail, "unhealthy") == 0)
		snprintf(msg, sizeof(msg), "%s is unhealthy", name);
	else
		return;
	e->alerts++;
	memcpy(e->last_alert, msg, sizeof(msg));
	if (e == &a->engines[a->sel])
		app_alert(a, "%s", msg);
}

static int is_selected(const struct app_engine *e)
{
	return e == &e->app->engines[e->app->sel];
}

static void on_engine_event(const struct api_event *ev, void *ud)
{
	struct app_engine *e = ud;
	struct app *a = e->app;
	int i;

	cstore_event(e->containers, ev);
	pscan_event(&e->posture, ev);
	alert_on_event(e, ev);
	if (is_selected(e))
		for (i = 0; i < a->n_views; i++)
			if (a->views[i]->engine_event)
				a->views[i]->engine_event(a->data[i], ev);
	loop_dirty(a->loop);
}

static void views_engine_up(struct app *a)
{
	int i;

	for (i = 0; i < a->n_views; i++)
		if (a->views[i]->engine_up)
			a->views[i]->engine_up(a->data[i]);
}

/* The store's list goes out alone: it is what the first screen waits
 * for, and at a thousand containers the scan's own list and inspects,
 * sent beside it, made it land at twice the CLI's time. */
static void on_engine_up(void *ud)
{
	struct app_engine *e = ud;
	struct app *a = e->app;

	e->after_list = 1;
	cstore_relist(e->containers);
	if (!is_selected(e))
		return;
	e->up_view = a->active;
	if (a->views[a->active]->engine_up)
		a->views[a->active]->engine_up(a->data[a->active]);
	if (a->status_error)
		app_status(a, "connected to %s", api_client_host(e->client));
}

/* The list landed (or failed): the scan and the panes not on screen. */
static void after_first_list(struct app_engine *e)
{
	struct app *a = e->app;
	int i;

	e->after_list = 0;
	pscan_all(&e->posture);
	if (!is_selected(e))
		return;
	for (i = 0; i < a->n_views; i++)
		if (i != e->up_view && a->views[i]->engine_up)
			a->views[i]->engine_up(a->data[i]);
}

static void on_engine_down(const char *why, void *ud)
{
	struct app_engine *e = ud;

	e->after_list = 0;
	cstore_disconnect(e->containers);
	host_df_stop(&e->disk);
	if (is_selected(e))
		app_error(e->app, "%s", why);
}

static void on_store_changed(void *ud, int structural)
{
	struct app_engine *e = ud;

	if (e->after_list && !cstore_listing(e->containers))
		after_first_list(e);
	if (structural)
		loop_dirty(e->app->loop);
	else
		loop_dirty_live(e->app->loop);
}

int app_engine_count(const struct app *a)
{
	return a->n_engines;
}

int app_engine_selected(const struct app *a)
{
	return a->sel;
}

static void posture_of(const struct posture_model *m,
		       struct app_engine_info *out)
{
	size_t c[POSTURE_SEV_COUNT], s;
	int w = posture_findings_worst(&m->engine);

	if (!m->engine_judged) {
		out->worst = -2;
		return;
	}
	posture_findings_counts(&m->engine, c);
	for (s = 0; s < POSTURE_SEV_COUNT; s++) {
		out->findings[s] = m->counts[s] + c[s];
		if (m->counts[s] && (int)s > w)
			w = (int)s;
	}
	out->worst = w;
}

void app_engine_info(struct app *a, int i, struct app_engine_info *out)
{
	const struct app_engine *e = &a->engines[i];

	memset(out, 0, sizeof(*out));
	if (i < 0 || i >= a->n_engines)
		return;
	out->host = api_client_host(e->client);
	switch (conn_state(e->conn)) {
	case CONN_UP:
		out->conn = APP_CONNECTED;
		break;
	case CONN_DOWN:
		out->conn = APP_DISCONNECTED;
		break;
	default:
		out->conn = APP_CONNECTING;
		break;
	}
	out->version = conn_engine_version(e->conn);
	cstore_counts(e->containers, &out->running, &out->paused,
		      &out->stopped);
	out->alerts = e->alerts;
	posture_of(&e->posture.m, out);
	out->last_alert = e->last_alert;
}

int app_select_engine(struct app *a, int i)
{
	if (i < 0 || i >= a->n_engines)
		return -1;
	if (i == a->sel)
		return 0;
	a->sel = i;
	a->client = a->engines[i].client;
	a->conn = a->engines[i].conn;
	a->containers = a->engines[i].containers;
	a->alerts = a->engines[i].alerts;
	/* Every pane lists again, from the engine now on screen. */
	views_engine_up(a);
	app_status(a, "engine %d/%d: %s", i + 1, a->n_engines,
		   api_client_host(a->client));
	return 0;
}

static void on_resize(int rows, int cols, void *ud)
{
	struct app *a = ud;

	screen_resize(rows, cols);
	a->rows = rows;
	a->cols = cols;
}

static void on_quit_signal(int sig, void *ud)
{
	struct app *a = ud;

	(void)sig;
	loop_quit(a->loop);
}

static void exit_after(void *ud)
{
	struct app *a = ud;

	loop_quit(a->loop);
}

static void job_status(void *ud, int alert, const char *text)
{
	if (alert)
		app_alert(ud, "%s", text);
	else
		app_status(ud, "%s", text);
	app_dirty(ud);
}

static int make_views(struct app *a, char *err, size_t errlen)
{
	size_t i, n;
	const struct view_ops *const *all = registry_views(&n);

	for (i = 0; i < n && i < APP_MAX_VIEWS; i++) {
		a->views[i] = all[i];
		a->data[i] = all[i]->create(a);
		if (!a->data[i]) {
			snprintf(err, errlen, "cannot create the %s pane",
				 all[i]->name);
			return -1;
		}
		a->n_views++;
	}
	return 0;
}

static void destroy(struct app *a)
{
	int i;

	/* An update still running must not outlive the console (nor the
	 * clients it runs on). */
	jobs_free(a->jobs);
	for (i = 0; i < a->n_views; i++)
		a->views[i]->destroy(a->data[i]);
	for (i = 0; i < a->n_engines; i++) {
		conn_free(a->engines[i].conn);
		pcontents_free(&a->engines[i].contents);
		pscan_free(&a->engines[i].posture);
		host_df_free(&a->engines[i].disk);
		cstore_free(a->engines[i].containers);
		api_client_free(a->engines[i].client);
	}
	loop_free(a->loop);
	if (a->multi)
		curl_multi_cleanup(a->multi);
	options_free(&a->opts);
	free(a);
}

static int add_client(struct app *a, const char *host, char *err, size_t errlen)
{
	struct app_engine *e = &a->engines[a->n_engines];
	struct api_client_opts o = a->start->client;
	struct api_error aerr;

	e->app = a;
	if (host)
		o.host = host;
	o.multi = a->multi;
	if (api_client_new(&o, &e->client, &aerr) != API_OK) {
		snprintf(err, errlen, "%s", aerr.msg);
		return -1;
	}
	/* Live numbers are drawn once per refresh: reading each stats
	 * sample the moment it comes would wake the loop once per row per
	 * second for nothing.  Half a refresh keeps them as fresh. */
	api_client_set_lazy_ms(e->client, a->opts.refresh_ms / 2);
	a->n_engines++;
	return 0;
}

/* The loop waits on the engines' sockets through the shared multi; its
 * own descriptors are few (signals, keyboard, a child's pipe or two). */
#define APP_WAIT_FDS 32
static int loop_wait_engines(void *ctx, struct loop_waitfd *fds, unsigned n,
			     int timeout_ms)
{
	struct curl_waitfd cfd[APP_WAIT_FDS];
	unsigned i;
	int rc;

	if (n > APP_WAIT_FDS)
		n = APP_WAIT_FDS;
	for (i = 0; i < n; i++) {
		cfd[i].fd = fds[i].fd;
		cfd[i].events =
			fds[i].events & LOOP_POLLIN ? CURL_WAIT_POLLIN : 0;
		cfd[i].revents = 0;
	}
	rc = api_client_wait(ctx, cfd, n, timeout_ms) == API_OK ? 0 : -1;
	for (i = 0; i < n; i++)
		fds[i].revents = cfd[i].revents ? LOOP_POLLIN : 0;
	return rc;
}

static void loop_process_engines(void *ctx)
{
	api_client_process(ctx);
}

/* The model's view of the loop (model/sched.h). */
static int sched_add(void *ctx, long delay_ms, long repeat_ms, sched_fn fn,
		     void *ud)
{
	return loop_timer_add(ctx, delay_ms, repeat_ms, fn, ud);
}

static void sched_cancel(void *ctx, int id)
{
	loop_timer_cancel(ctx, id);
}

static uint64_t sched_now(void *ctx)
{
	(void)ctx;
	return loop_now_ms();
}

static void sched_dirty(void *ctx)
{
	loop_dirty(ctx);
}

static void on_posture_changed(void *ud)
{
	struct app_engine *e = ud;

	/* counts and order for every reader (the fleet's too) */
	pm_update(&e->posture.m);
	e->app->posture_gen++;
	loop_dirty(e->app->loop);
}

/* The scan's words are the posture pane's: shown while it is open. */
static void on_posture_status(void *ud, int error, const char *text)
{
	struct app_engine *e = ud;
	struct app *a = e->app;

	if (!is_selected(e) || a->active < 0 ||
	    strcmp(a->views[a->active]->name, "posture") != 0)
		return;
	if (error)
		app_error(a, "%s", text);
	else
		app_status(a, "%s", text);
}

static const struct posture_image_contents *
on_posture_contents(void *ud, const char *image_id)
{
	struct app_engine *e = ud;

	return pcontents_get(&e->contents, image_id);
}

static void on_contents_fd(int fd, void *ud)
{
	struct app_engine *e = ud;

	(void)fd;
	pcontents_ready(&e->contents);
}

/* The reader's client is made as this engine's was. */
static int link_contents(struct app *a, struct app_engine *e)
{
	struct api_client_opts o = a->start->client;
	char *cache = contents_cache_dir();
	int rc, i = (int)(e - a->engines);

	if (a->start->n_hosts > 0)
		o.host = a->start->hosts[i];
	rc = pcontents_init(&e->contents, &o, cache, &e->posture);
	free(cache);
	if (rc == 0 && pcontents_fd(&e->contents) >= 0)
		e->contents_fd_id = loop_fd_add(
			a->loop, pcontents_fd(&e->contents), on_contents_fd, e);
	return rc;
}

static int link_engine(struct app *a, struct app_engine *e)
{
	struct conn_hooks ch = {.up = on_engine_up,
				.down = on_engine_down,
				.event = on_engine_event,
				.ud = e};

	pscan_init(&e->posture, e->client,
		   &(struct pscan_hooks){.changed = on_posture_changed,
					 .status = on_posture_status,
					 .ud = e,
					 .contents = on_posture_contents},
		   a->start->policy);
	e->posture.drift = a->opts.drift;
	host_df_init(&e->disk, e->client, &a->sched);
	if (link_contents(a, e) != 0)
		return -1;

	return cstore_new(e->client, &a->sched, on_store_changed, e,
			  &e->containers) != 0 ||
			       conn_new(e->client, &a->sched, &ch, &e->conn) !=
				       0
		       ? -1
		       : 0;
}

static int setup(struct app *a, char *err, size_t errlen)
{
	struct loop_hooks hooks = {.on_key = app_on_key,
				   .on_resize = on_resize,
				   .draw = app_draw,
				   .on_quit_signal = on_quit_signal,
				   .ud = a,
				   .input_fd = STDIN_FILENO};
	struct loop_wait engines_wait = {loop_wait_engines,
					 loop_process_engines, NULL};
	int i, n = a->start->n_hosts > 0 ? a->start->n_hosts : 1;

	hooks.frame_ms = (int)a->opts.refresh_ms;
	a->multi = curl_multi_init();
	if (!a->multi) {
		snprintf(err, errlen, "cannot create a curl multi handle");
		return -1;
	}
	for (i = 0; i < n && i < APP_MAX_ENGINES; i++)
		if (add_client(a, a->start->n_hosts ? a->start->hosts[i] : NULL,
			       err, errlen) != 0)
			return -1;
	/* Every client shares the multi handle, so the loop waiting on the
	 * first one waits on all of them. */
	engines_wait.ctx = a->engines[0].client;
	if (loop_new(&engines_wait, &hooks, &a->loop) != 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	a->sched = (struct sched){sched_add, sched_cancel, sched_now,
				  sched_dirty, a->loop};
	for (i = 0; i < a->n_engines; i++)
		if (link_engine(a, &a->engines[i]) != 0) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	a->jobs = jobs_new(&(struct jobs_hooks){job_status, a});
	if (!a->jobs) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	a->sel = 0;
	a->client = a->engines[0].client;
	a->conn = a->engines[0].conn;
	a->containers = a->engines[0].containers;
	return make_views(a, err, errlen);
}

int app_run(const struct app_start *start, char *err, size_t errlen)
{
	struct app *a = calloc(1, sizeof(*a));
	int rc;

	if (!a) {
		snprintf(err, errlen, "out of memory");
		return 1;
	}
	a->start = start;
	a->previous = -1;
	if (options_copy(&a->opts, start->opts) != 0 ||
	    setup(a, err, errlen) != 0) {
		destroy(a);
		return 1;
	}
	a->opts.read_only = a->opts.read_only || start->read_only;
	a->mouse = a->opts.mouse;
	if (screen_init(err, (unsigned)errlen) != 0) {
		destroy(a);
		return 1;
	}
	screen_install_crash_handlers();
	theme_init_curses(start->theme);
	getmaxyx(stdscr, a->rows, a->cols);
	if (a->mouse)
		mousemask(BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
			  NULL);
	if (app_show_pane(a, start->pane ? start->pane : "containers",
			  start->pane_arg) != 0) {
		screen_end();
		snprintf(err, errlen, "no pane named '%s'", start->pane);
		destroy(a);
		return 2;
	}
	if (start->exit_after_ms > 0)
		loop_timer_add(a->loop, start->exit_after_ms, 0, exit_after, a);
	for (rc = 0; rc < a->n_engines; rc++)
		conn_start(a->engines[rc].conn);
	rc = loop_run(a->loop);
	screen_end();
	if (rc != 0)
		snprintf(err, errlen, "the event loop failed");
	rc = rc ? 1 : a->exit_status;
	destroy(a);
	return rc;
}
