#include "views/app_impl.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/events.h"
#include "tui/screen.h"
#include "tui/theme.h"
#include "views/bgjob.h"
#include "views/registry.h"

#define STATUS_MS 5000
#define ERROR_MS 15000

struct api_client *app_client(struct app *a)
{
	return a->client;
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

/* Engine events that an operator must hear about. */
static void alert_on_event(struct app *a, const struct api_event *ev)
{
	const char *base = ev->action_base ? ev->action_base : "";
	const char *name = ev->name ? ev->name : "?";

	if (!ev->type || strcmp(ev->type, "container") != 0)
		return;
	if (strcmp(base, "die") == 0 && ev->exit_code > 0)
		app_alert(a, "%s exited with code %d", name, ev->exit_code);
	else if (strcmp(base, "oom") == 0)
		app_alert(a, "%s was killed: out of memory", name);
	else if (strcmp(base, "health_status") == 0 && ev->action_detail &&
		 strcmp(ev->action_detail, "unhealthy") == 0)
		app_alert(a, "%s is unhealthy", name);
}

static void on_engine_event(const struct api_event *ev, void *ud)
{
	struct app *a = ud;
	int i;

	cstore_event(a->containers, ev);
	alert_on_event(a, ev);
	for (i = 0; i < a->n_views; i++)
		if (a->views[i]->engine_event)
			a->views[i]->engine_event(a->data[i], ev);
	loop_dirty(a->loop);
}

static void on_engine_up(void *ud)
{
	struct app *a = ud;
	int i;

	cstore_relist(a->containers);
	for (i = 0; i < a->n_views; i++)
		if (a->views[i]->engine_up)
			a->views[i]->engine_up(a->data[i]);
	if (a->status_error)
		app_status(a, "connected to %s", api_client_host(a->client));
}

static void on_engine_down(const char *why, void *ud)
{
	struct app *a = ud;

	cstore_disconnect(a->containers);
	app_error(a, "%s", why);
}

static void on_store_changed(void *ud, int structural)
{
	struct app *a = ud;

	(void)structural;
	loop_dirty(a->loop);
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

	/* An update still running must not outlive the console. */
	bgjob_kill_all();
	for (i = 0; i < a->n_views; i++)
		a->views[i]->destroy(a->data[i]);
	conn_free(a->conn);
	cstore_free(a->containers);
	loop_free(a->loop);
	api_client_free(a->client);
	options_free(&a->opts);
	free(a);
}

static int setup(struct app *a, char *err, size_t errlen)
{
	struct api_error aerr;
	struct loop_hooks hooks = {.on_key = app_on_key,
				   .on_resize = on_resize,
				   .draw = app_draw,
				   .on_quit_signal = on_quit_signal,
				   .ud = a,
				   .input_fd = STDIN_FILENO};
	struct conn_hooks ch = {.up = on_engine_up,
				.down = on_engine_down,
				.event = on_engine_event,
				.ud = a};

	hooks.frame_ms = (int)a->opts.refresh_ms;
	if (api_client_new(&a->start->client, &a->client, &aerr) != API_OK) {
		snprintf(err, errlen, "%s", aerr.msg);
		return -1;
	}
	if (loop_new(a->client, &hooks, &a->loop) != 0 ||
	    cstore_new(a->client, a->loop, on_store_changed, a,
		       &a->containers) != 0 ||
	    conn_new(a->client, a->loop, &ch, &a->conn) != 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
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
	conn_start(a->conn);
	rc = loop_run(a->loop);
	screen_end();
	if (rc != 0)
		snprintf(err, errlen, "the event loop failed");
	rc = rc ? 1 : a->exit_status;
	destroy(a);
	return rc;
}
