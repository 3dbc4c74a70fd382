#include <cjson/cJSON.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "api/container_inspect.h"
#include "api/container_top.h"
#include "api/events.h"
#include "cli/cli.h"
#include "ops/watch_rules.h"
#include "posture/engine_facts.h"
#include "posture/rules.h"
#include "views/console.h"

/*
 * berth watch: follows the engine's events and reports, one line each,
 * what an operator must hear about.  Survives engine restarts: it says so
 * and resubscribes from the last event's time, dropping what it already
 * saw.  --once reports what happened since --since and exits.
 */

#define USAGE                                                                  \
	"usage: berth watch [--format json|text] [--syslog] [--once]\n"        \
	"                   [--since DURATION] [--restarts N] [--window "      \
	"MIN]\n"                                                               \
	"                   [--min-severity S] [--name GLOB] [--label K=V]\n"  \
	"                   [-H HOST]\n"

struct watch {
	struct watch_rules rules;
	struct api_client *c;
	struct api_events_stream *s;
	int text, use_syslog, once;
	int min_sev;
	int64_t since_s;
	int64_t last_time;
	char **check; /* ids of created or updated containers to inspect */
	size_t n_check;
	int ended;
	const char *host;
	/* the engine's facts, as the posture pane judges with them */
	struct posture_engine_facts ef;
	struct posture_policy policy; /* the config's judging policy */
};

/* Read again on each (re)connect: a restarted daemon may have other
 * defaults.  Without them the verdicts would not be the pane's. */
static int refresh_facts(struct watch *w)
{
	struct api_error err = {0};

	posture_engine_facts_free(&w->ef);
	w->ef.e.policy = &w->policy;
	if (posture_engine_facts_fetch(w->c, &w->ef, &err) == API_OK)
		return 0;
	cli_fail("watch: engine facts", &err);
	return -1;
}

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

struct field {
	const char *key;
	const char *str;
	long long num;
};

/* One report line; fields with neither str nor num are left out. */
static void report(struct watch *w, const char *event, const char *name,
		   const char *id, const struct field *f, size_t nf)
{
	cJSON *o = cJSON_CreateObject();
	char *line = NULL, text[1024];
	size_t i, used;

	if (!o)
		return;
	cJSON_AddNumberToObject(o, "time", (double)time(NULL));
	cJSON_AddStringToObject(o, "event", event);
	if (name)
		cJSON_AddStringToObject(o, "container", name);
	if (id)
		cJSON_AddStringToObject(o, "id", id);
	used = (size_t)snprintf(text, sizeof(text), "%s%s%s", event,
				name ? " " : "", name ? name : "");
	for (i = 0; i < nf; i++) {
		if (f[i].str)
			cJSON_AddStringToObject(o, f[i].key, f[i].str);
		else
			cJSON_AddNumberToObject(o, f[i].key, (double)f[i].num);
		if (used < sizeof(text) && f[i].str)
			used += (size_t)snprintf(text + used,
						 sizeof(text) - used, " %s=%s",
						 f[i].key, f[i].str);
		else if (used < sizeof(text))
			used += (size_t)snprintf(
				text + used, sizeof(text) - used, " %s=%lld",
				f[i].key, f[i].num);
	}
	if (w->use_syslog) {
		syslog(LOG_WARNING, "%s", text);
	} else if (w->text) {
		cli_put(stdout, text, 0);
		putchar('\n');
	} else if ((line = cJSON_PrintUnformatted(o)) != NULL) {
		/* cJSON escapes control characters: the line is safe. */
		puts(line);
	}
	fflush(stdout);
	free(line);
	cJSON_Delete(o);
}

static void queue_check(struct watch *w, const char *id)
{
	char **v = realloc(w->check, (w->n_check + 1) * sizeof(*v));

	if (!v)
		return;
	w->check = v;
	v[w->n_check] = strdup(id);
	if (v[w->n_check])
		w->n_check++;
}

static void report_due(struct watch *w, int64_t now);

static void handle_event(const struct api_event *ev, void *ud)
{
	struct watch *w = ud;
	struct watch_alert a;
	struct field f[1];

	/* Resubscribing from the last second repeats what was seen. */
	if (watch_repeat(&w->rules, ev))
		return;
	if (ev->time > w->last_time)
		w->last_time = ev->time;
	/* a held SIGKILL die that this event settles is said first */
	watch_rules_settle(&w->rules, ev);
	report_due(w, (int64_t)time(NULL));
	/* Started: its processes are there to judge (5.7, one application),
	 * read once per start, as the posture pane does. */
	if (ev->actor_id && ev->type && strcmp(ev->type, "container") == 0 &&
	    strcmp(api_str(ev->action_base), "start") == 0)
		queue_check(w, ev->actor_id);
	switch (watch_classify(&w->rules, ev, &a)) {
	case WATCH_NONE:
		return;
	case WATCH_CHECK:
		queue_check(w, a.id);
		return;
	case WATCH_DIED:
		f[0] = (struct field){"exit_code", NULL, a.exit_code};
		report(w, "died", a.name, a.id, f, 1);
		return;
	case WATCH_RESTART_LOOP:
		f[0] = (struct field){"restarts", NULL, a.restarts};
		report(w, "restart_loop", a.name, a.id, f, 1);
		return;
	default:
		report(w, watch_kind_name(a.kind), a.name, a.id, NULL, 0);
	}
}

static void handle_end(api_code code, const struct api_error *err, void *ud)
{
	struct watch *w = ud;

	(void)code;
	(void)err;
	w->ended = 1;
}

/* The findings of pf worth saying: at --min-severity or above, not
 * accepted, not said before for key (a container's or an image's id).
 * image names the image they are about (NULL: the container). */
static void report_findings(struct watch *w, const struct posture_findings *pf,
			    const char *key, const char *name, const char *id,
			    const char *image)
{
	size_t i;

	for (i = 0; i < pf->n; i++) {
		const struct posture_finding *p = &pf->items[i];
		struct field f[4] = {
			{"rule", p->rule->id, 0},
			{"severity", posture_severity_name(p->severity), 0},
			{"title", p->rule->title, 0},
			{"image", image, 0},
		};
		/* an accepted risk is no news */
		if ((int)p->severity < w->min_sev ||
		    posture_finding_accepted(p) ||
		    watch_finding_new(&w->rules, key, p->rule->id) != 1)
			continue;
		report(w, "finding", name, id, f, image ? 4 : 3);
	}
}

/* The container's image, by the image rules, as the posture pane and
 * berth audit judge it: once per image id (an image does not change;
 * a rebuilt one has a new id), its findings said once. */
static void check_image(struct watch *w, const struct api_container_inspect *ci)
{
	struct api_image_inspect img = {0};
	struct api_image_history h = {0};
	struct posture_findings pf = {0};
	struct api_error err;
	int have_h;

	/* the rules' once-per-key record, keyed by the image, marks it */
	if (!ci->image || !*ci->image ||
	    watch_finding_new(&w->rules, ci->image, "(judged)") != 1 ||
	    api_image_inspect(w->c, ci->image, &img, &err) != API_OK)
		return;
	have_h = api_image_history(w->c, ci->image, &h, &err) == API_OK;
	if (posture_judge(
		    &(struct posture_subject){
			    .scope = POSTURE_SCOPE_IMAGE,
			    .engine = &w->ef.e,
			    .image = &img,
			    .history = have_h ? &h : NULL,
			    .image_name = img.repo_tags.n ? img.repo_tags.v[0]
							  : ci->config.image},
		    &pf) == API_OK &&
	    pf.n)
		report_findings(w, &pf, ci->image, ci->name, ci->id,
				pf.items[0].object);
	posture_findings_free(&pf);
	api_image_history_free(&h);
	api_image_inspect_free(&img);
}

/* Inspects the queued containers and reports their new findings, and
 * those of their images. */
static void run_checks(struct watch *w)
{
	while (w->n_check > 0) {
		char *id = w->check[--w->n_check];
		struct api_container_inspect ci = {0};
		struct posture_findings pf = {0};
		struct api_image_inspect img = {0};
		struct api_top top = {0};
		struct api_error err;
		int have_top = 0, have_img = 0;

		/* a running one's processes too, as the posture pane */
		if (api_container_inspect(w->c, id, &ci, &err) == API_OK) {
			have_top = ci.state.running &&
				   api_container_top(w->c, ci.id, NULL, &top,
						     &err) == API_OK;
			if (posture_container_image_fetch(
				    w->c, &ci, &img, &have_img, &err) != API_OK)
				have_img = 0;
		}
		if (ci.id &&
		    posture_judge(
			    &(struct posture_subject){
				    .scope = POSTURE_SCOPE_CONTAINER,
				    .engine = &w->ef.e,
				    .container = &ci,
				    .top = have_top ? &top : NULL,
				    .image_labels = have_img
							    ? &img.config.labels
							    : NULL},
			    &pf) == API_OK) {
			report_findings(w, &pf, id, ci.name, id, NULL);
			check_image(w, &ci);
		}
		posture_findings_free(&pf);
		if (have_img)
			api_image_inspect_free(&img);
		api_top_free(&top);
		api_container_inspect_free(&ci);
		free(id);
	}
}

static int subscribe(struct watch *w)
{
	struct api_events_opts o = {0};
	struct api_filter f = {"type", "container"};
	struct api_error err;

	o.since = w->last_time;
	o.filters = &f;
	o.n_filters = 1;
	w->ended = 0;
	return api_events_start(w->c, &o, handle_event, handle_end, w, &w->s,
				&err) == API_OK
		       ? 0
		       : -1;
}

/* The dies by SIGKILL whose oom did not come within the grace. */
static void report_due(struct watch *w, int64_t now)
{
	struct watch_alert a;
	struct field f[1];

	while (watch_rules_due(&w->rules, now, &a) == WATCH_DIED) {
		f[0] = (struct field){"exit_code", NULL, a.exit_code};
		report(w, "died", a.name, a.id, f, 1);
	}
}

static int follow(struct watch *w)
{
	int up = 1, delay = 1;
	struct api_error err;

	w->last_time = (int64_t)time(NULL);
	if (subscribe(w) != 0)
		return 1;
	while (!stop_requested) {
		if (!w->s) {
			sleep((unsigned)delay);
			if (stop_requested ||
			    api_client_negotiate(w->c, &err) != API_OK ||
			    refresh_facts(w) != 0 || subscribe(w) != 0) {
				delay = delay < 16 ? delay * 2 : 30;
				continue;
			}
			delay = 1;
			up = 1;
			report(w, "engine_up", NULL, NULL, NULL, 0);
		}
		api_client_wait(w->c, NULL, 0, 1000);
		api_client_process(w->c);
		report_due(w, (int64_t)time(NULL));
		run_checks(w);
		if (w->ended && w->s) {
			api_events_stop(w->s);
			w->s = NULL;
			if (up)
				report(w, "engine_down", NULL, NULL, NULL, 0);
			up = 0;
		}
	}
	if (w->s)
		api_events_stop(w->s);
	/* stopped inside a grace: what is known is said, not lost */
	report_due(w, INT64_MAX);
	return 0;
}

static int once(struct watch *w)
{
	struct api_events_opts o = {0};
	struct api_filter f = {"type", "container"};
	struct api_event_list l = {0};
	struct api_error err;
	size_t i;

	o.until = (int64_t)time(NULL);
	o.since = o.until - w->since_s;
	o.filters = &f;
	o.n_filters = 1;
	if (api_events_collect(w->c, &o, 0, &l, &err) != API_OK)
		return cli_fail("watch", &err);
	for (i = 0; i < l.n; i++)
		handle_event(&l.items[i], w);
	report_due(w, INT64_MAX);
	run_checks(w);
	api_event_list_free(&l);
	return 0;
}

/* "90", "90s", "10m", "2h", "1d" as seconds; -1 if not one. */
static int64_t parse_duration(const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	if (end == s || v < 0)
		return -1;
	if (!*end || strcmp(end, "s") == 0)
		return v;
	if (strcmp(end, "m") == 0)
		return v * 60;
	if (strcmp(end, "h") == 0)
		return v * 3600;
	if (strcmp(end, "d") == 0)
		return v * 86400;
	return -1;
}

static int usage_error(const char *why)
{
	if (why)
		fprintf(stderr, "berth: watch: %s\n", why);
	fputs(USAGE, stderr);
	return 2;
}

static int parse_opt(int ch, struct watch *w, struct watch_cfg *cfg)
{
	enum posture_severity sev;
	char *eq;
	long n;

	switch (ch) {
	case 'f':
		if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0)
			return usage_error("--format: json or text");
		w->text = strcmp(optarg, "text") == 0;
		break;
	case 'S':
		w->use_syslog = 1;
		break;
	case 'o':
		w->once = 1;
		break;
	case 's':
		w->since_s = parse_duration(optarg);
		if (w->since_s < 0)
			return usage_error("--since: a duration like 10m");
		break;
	case 'r':
	case 'W':
		n = strtol(optarg, &eq, 10);
		if (*eq || n < 1 || n > 100000)
			return usage_error("--restarts, --window: a count");
		if (ch == 'r')
			cfg->restarts = (int)n;
		else
			cfg->window_s = n * 60;
		break;
	case 'm':
		if (posture_severity_parse(optarg, &sev) != 0)
			return usage_error("--min-severity: critical, high, "
					   "medium, low or info");
		w->min_sev = (int)sev;
		break;
	case 'n':
		cfg->name_glob = optarg;
		break;
	case 'l':
		/* optarg is argv's: splitting it in place is fine. */
		eq = strchr(optarg, '=');
		if (eq)
			*eq = '\0';
		cfg->label_key = optarg;
		cfg->label_value = eq ? eq + 1 : NULL;
		break;
	case 'H':
		w->host = optarg;
		break;
	case 'h':
		fputs(USAGE, stdout);
		return 0;
	default:
		return usage_error(NULL);
	}
	return -1;
}

int cli_cmd_watch(const struct cli_opts *o, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"syslog", no_argument, NULL, 'S'},
		{"once", no_argument, NULL, 'o'},
		{"since", required_argument, NULL, 's'},
		{"restarts", required_argument, NULL, 'r'},
		{"window", required_argument, NULL, 'W'},
		{"min-severity", required_argument, NULL, 'm'},
		{"name", required_argument, NULL, 'n'},
		{"label", required_argument, NULL, 'l'},
		{"host", required_argument, NULL, 'H'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct watch w = {.min_sev = POSTURE_SEV_HIGH, .since_s = 600};
	struct watch_cfg cfg = {.restarts = 3, .window_s = 300};
	struct cli_opts co = *o;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "f:H:h", opts, NULL)) != -1)
		if ((rc = parse_opt(ch, &w, &cfg)) >= 0)
			return rc;
	if (optind < argc)
		return usage_error("unexpected argument");
	if (w.host)
		co.client.host = w.host;
	if (console_config_policy(o->config_path, o->eol_file, &w.policy) != 0)
		return 2;
	w.c = cli_connect(&co);
	if (!w.c) {
		posture_policy_free(&w.policy);
		return 3;
	}
	if (refresh_facts(&w) != 0) {
		api_client_free(w.c);
		posture_policy_free(&w.policy);
		return 3;
	}
	watch_rules_init(&w.rules, &cfg);
	if (w.use_syslog)
		openlog("berth-watch", LOG_PID, LOG_DAEMON);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	rc = w.once ? once(&w) : follow(&w);
	while (w.n_check > 0)
		free(w.check[--w.n_check]);
	free(w.check);
	watch_rules_free(&w.rules);
	posture_engine_facts_free(&w.ef);
	posture_policy_free(&w.policy);
	api_client_free(w.c);
	return rc;
}
