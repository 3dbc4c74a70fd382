#ifndef BERTH_VIEWS_APP_H
#define BERTH_VIEWS_APP_H

#include <stdarg.h>

#include "api/client.h"
#include "tui/keymap.h"
#include "tui/loop.h"
#include "tui/options.h"
#include "tui/theme.h"
#include "model/cstore.h"
#include "model/posture_scan.h"
#include "views/view.h"

/*
 * The console: the panes, the engine connection they share, the top bar,
 * the status line, the key bar, dialogs and the help overlay.  Views reach
 * the app only through these functions.
 */

struct app;

enum app_conn {
	APP_CONNECTING,
	APP_CONNECTED,
	APP_DISCONNECTED,
};

#define APP_MAX_ENGINES 8

struct posture_policy;

struct app_start {
	const struct options *opts; /* its keymap included */
	/* the config's accepted risks, judged by every posture scan */
	const struct posture_policy *policy;
	const struct theme *theme;
	struct api_client_opts client;
	/* Several engines at once: each of these with client's other
	 * options; none: client.host alone. */
	const char *hosts[APP_MAX_ENGINES];
	int n_hosts;
	const char *pane;     /* "containers" (default), "images", ... */
	const char *pane_arg; /* an object to select, or NULL */
	int read_only;
	int exit_after_ms; /* > 0: quit by itself (tests, sanitizers) */
};

/* Runs the console until the user quits.  Returns the exit status; err
 * says why when it could not start. */
int app_run(const struct app_start *start, char *err, size_t errlen);

/* Services for views. */
struct api_client *app_client(struct app *a);
struct loop *app_loop(struct app *a);
/* The job runner (model/jobs.h): update and rebuild run there. */
struct jobs *app_jobs(struct app *a);
const struct options *app_options(const struct app *a);
/* The config's judging policy (accepted risks, trusted registries ...). */
const struct posture_policy *app_policy(const struct app *a);
const struct keymap *app_keys(const struct app *a);
/* The containers every pane shares (kept current from engine events). */
struct cstore *app_containers(struct app *a);
/* The selected engine's posture scan and model, and a counter bumped
 * whenever any engine's posture model changes (a pane compares it). */
struct pscan *app_posture(struct app *a);
/* The selected engine's image contents (read in the background). */
struct pcontents *app_contents(struct app *a);
unsigned long app_posture_gen(const struct app *a);
enum app_conn app_conn_state(const struct app *a);
/* Redraw at the next frame (something a person waits for changed). */
void app_dirty(struct app *a);
/* Redraw within refresh_ms: live numbers or streamed lines moved. */
void app_dirty_live(struct app *a);

/* The status line: an info message, or an error that stays longer. */
void app_status(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void app_error(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* An alert (a container died, was OOM-killed, turned unhealthy): counted
 * in the top bar and shown in the status line. */
void app_alert(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* In --read-only mode: shows why `what` is refused and returns 1, so a
 * mutating action starts with `if (app_refuse_if_read_only(a, "stop"))`. */
int app_refuse_if_read_only(struct app *a, const char *what);

/* Dialogs.  The callback runs once, when the user answers. */
typedef void (*app_confirm_fn)(struct app *a, int yes, int checked, void *ud);
void app_confirm(struct app *a, const char *title, const char *message,
		 const char *yes_label, const char *checkbox, app_confirm_fn fn,
		 void *ud);
/* A one-line prompt in the status line.  on_change (may be NULL) sees
 * every edit, for a filter that narrows as one types; on_done gets the
 * text on Enter, or NULL on Esc. */
typedef void (*app_prompt_fn)(struct app *a, const char *text, void *ud);
void app_prompt(struct app *a, const char *label, const char *initial,
		app_prompt_fn on_change, app_prompt_fn on_done, void *ud);
/* A message (newlines kept) shown over the screen until any key. */
void app_message(struct app *a, const char *title, const char *text);

/* The engines (one unless several were given); the panes show the
 * selected one. */
struct app_engine_info {
	const char *host;
	enum app_conn conn;
	const char *version;
	int running, paused, stopped;
	int alerts;
	const char *last_alert;
	/* its posture, from the background scan: the worst finding of its
	 * containers and itself (-1: none, -2: not judged yet) and the
	 * counts by severity */
	int worst;
	size_t findings[POSTURE_SEV_COUNT];
};
int app_engine_count(const struct app *a);
int app_engine_selected(const struct app *a);
void app_engine_info(struct app *a, int i, struct app_engine_info *out);
/* Engine i's host in one line (model/host_figures.h): CPUs, memory,
 * its running containers' limits, disk once a pane asked for it, free
 * space of a local data root.  *overcommit when the limits pass the
 * memory.  "" before the engine's facts are in. */
void app_engine_host(struct app *a, int i, char *buf, size_t n,
		     int *overcommit);
/* A pane that shows engine i's disk asks for it (then every 5 min). */
void app_engine_want_disk(struct app *a, int i);
/* Makes engine i the one every pane works on (they re-list). */
int app_select_engine(struct app *a, int i);

/* Switches pane by name, selecting arg there when given. */
int app_show_pane(struct app *a, const char *name, const char *arg);

#endif
