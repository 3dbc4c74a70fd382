#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "views/console.h"
#include "cli/watch_impl.h"

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
	"                   [--exec CMD] [--webhook URL]\n"                    \
	"                   [--log-pattern REGEX] [--log-every SECONDS]\n"     \
	"                   [-H HOST]\n"

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
		watch_report(w, "died", a.name, a.id, f, 1);
		return;
	case WATCH_RESTART_LOOP:
		f[0] = (struct field){"restarts", NULL, a.restarts};
		watch_report(w, "restart_loop", a.name, a.id, f, 1);
		return;
	default:
		watch_report(w, watch_kind_name(a.kind), a.name, a.id, NULL, 0);
	}
}

static void handle_end(api_code code, const struct api_error *err, void *ud)
{
	struct watch *w = ud;

	(void)code;
	(void)err;
	w->ended = 1;
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
		watch_report(w, "died", a.name, a.id, f, 1);
	}
}

/* One wait on the engine and on the alerts' outputs, then a turn of
 * both: the outputs move on while the engine is quiet or gone. */
static void wait_turn(struct watch *w, int timeout_ms)
{
	struct curl_waitfd fds[16];
	unsigned n = 0;

	if (w->out) {
		/* what was queued since the last turn starts now */
		alert_out_turn(w->out);
		n = alert_out_waitfds(w->out, fds, 16, &timeout_ms);
	}
	api_client_wait(w->c, fds, n, timeout_ms);
	api_client_process(w->c);
	if (w->out)
		alert_out_turn(w->out);
}

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits ms while the outputs move on; a signal ends it early. */
static void pause_for(struct watch *w, int64_t ms)
{
	int64_t end = mono_ms() + ms;

	while (!stop_requested && mono_ms() < end)
		wait_turn(w, (int)(end - mono_ms()));
}

/* Alerts still on their way get up to ms to arrive, not lost at exit. */
static void drain(struct watch *w, int64_t ms)
{
	int64_t end = mono_ms() + ms;

	if (w->out)
		alert_out_turn(w->out);
	while (w->out && alert_out_pending(w->out) && mono_ms() < end)
		wait_turn(w, (int)(end - mono_ms()));
	if (w->out && alert_out_pending(w->out))
		fprintf(stderr, "berth: watch: %u alerts not delivered\n",
			alert_out_pending(w->out));
}

static int follow(struct watch *w)
{
	int up = 1, delay = 1;
	struct api_error err;

	w->last_time = (int64_t)time(NULL);
	if (subscribe(w) != 0)
		return 1;
	watch_logs_existing(w);
	while (!stop_requested) {
		if (!w->s) {
			pause_for(w, delay * 1000L);
			if (stop_requested ||
			    api_client_negotiate(w->c, &err) != API_OK ||
			    refresh_facts(w) != 0 || subscribe(w) != 0) {
				delay = delay < 16 ? delay * 2 : 30;
				continue;
			}
			delay = 1;
			up = 1;
			watch_report(w, "engine_up", NULL, NULL, NULL, 0);
			watch_logs_existing(w);
		}
		wait_turn(w, 1000);
		report_due(w, (int64_t)time(NULL));
		if ((w->mem_above > 0 || w->cpu_above > 0 ||
		     w->disk_above > 0 || w->health_fails > 0) &&
		    mono_ms() >= w->sample_due) {
			w->sample_due = mono_ms() + w->sample_every * 1000L;
			watch_sample(w);
		}
		watch_run_checks(w);
		if (w->ended && w->s) {
			api_events_stop(w->s);
			w->s = NULL;
			if (up)
				watch_report(w, "engine_down", NULL, NULL, NULL,
					     0);
			up = 0;
		}
	}
	if (w->s)
		api_events_stop(w->s);
	/* stopped inside a grace: what is known is said, not lost */
	report_due(w, INT64_MAX);
	stop_requested = 0;
	drain(w, 5000);
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
	watch_run_checks(w);
	api_event_list_free(&l);
	/* each POST's tries take up to 1+2+4+8 s of gaps and 5 answers */
	drain(w, 5 * ALERT_OUT_POST_S * 1000L + 15000);
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

static void say_stderr(void *ud, const char *text)
{
	(void)ud;
	fprintf(stderr, "berth: watch: %s\n", text);
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
	double d;

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
	case 'x':
		w->exec_cmd = optarg;
		break;
	case 'p':
		w->log_pattern = optarg;
		break;
	case 'M':
	case 'C':
	case 'D':
		d = strtod(optarg, &eq);
		/* CPU counts each core: 400% is four of them */
		if (*eq || !(d > 0 && d <= (ch == 'C' ? 100000 : 100)))
			return usage_error("--mem-above, --cpu-above, "
					   "--disk-above: a percent");
		*(ch == 'M'   ? &w->mem_above
		  : ch == 'C' ? &w->cpu_above
			      : &w->disk_above) = d;
		break;
	case 'K':
		n = strtol(optarg, &eq, 10);
		if (*eq || n < 1 || n > 100000)
			return usage_error("--health-fails: a count");
		w->health_fails = n;
		break;
	case 'F':
		n = strtol(optarg, &eq, 10);
		if (*eq || n < 0 || n > 86400)
			return usage_error("--cpu-for: seconds, 0 to 86400");
		w->cpu_for = (int)n;
		break;
	case 'E':
		n = strtol(optarg, &eq, 10);
		if (*eq || n < 1 || n > 86400)
			return usage_error("--sample-every: seconds, 1 to "
					   "86400");
		w->sample_every = (int)n;
		break;
	case 'e':
		n = strtol(optarg, &eq, 10);
		if (*eq || n < 0 || n > 86400)
			return usage_error("--log-every: seconds, 0 to 86400");
		w->log_every = (int)n;
		break;
	case 'w':
		if (strncmp(optarg, "http://", 7) != 0 &&
		    strncmp(optarg, "https://", 8) != 0)
			return usage_error("--webhook: an http:// or https:// "
					   "URL");
		w->webhook_url = optarg;
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
		{"exec", required_argument, NULL, 'x'},
		{"webhook", required_argument, NULL, 'w'},
		{"log-pattern", required_argument, NULL, 'p'},
		{"log-every", required_argument, NULL, 'e'},
		{"mem-above", required_argument, NULL, 'M'},
		{"cpu-above", required_argument, NULL, 'C'},
		{"cpu-for", required_argument, NULL, 'F'},
		{"disk-above", required_argument, NULL, 'D'},
		{"health-fails", required_argument, NULL, 'K'},
		{"sample-every", required_argument, NULL, 'E'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct watch w = {.min_sev = POSTURE_SEV_HIGH,
			  .since_s = 600,
			  .log_every = 60,
			  .sample_every = 30};
	struct watch_cfg cfg = {.restarts = 3, .window_s = 300};
	struct cli_opts co = *o;
	char why[200];
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
	if ((w.exec_cmd || w.webhook_url) &&
	    alert_out_new(&(struct alert_out_opts){.exec_cmd = w.exec_cmd,
						   .webhook_url = w.webhook_url,
						   .say = say_stderr},
			  &w.out) != 0) {
		fprintf(stderr, "berth: watch: out of memory\n");
		api_client_free(w.c);
		posture_policy_free(&w.policy);
		return 3;
	}
	watch_rules_init(&w.rules, &cfg);
	if (w.log_pattern && w.once) {
		rc = usage_error("--log-pattern follows live logs: not with "
				 "--once");
		goto out;
	}
	if (w.log_pattern &&
	    watch_logs_new(w.c, w.log_pattern, w.log_every, watch_on_log_match,
			   &w, &w.logs, why, sizeof(why)) != 0) {
		rc = usage_error(why);
		goto out;
	}
	if (w.use_syslog)
		openlog("berth-watch", LOG_PID, LOG_DAEMON);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	rc = w.once ? once(&w) : follow(&w);
out:
	while (w.n_check > 0)
		free(w.check[--w.n_check]);
	free(w.check);
	watch_rules_free(&w.rules);
	watch_logs_free(w.logs);
	alert_out_free(w.out);
	posture_engine_facts_free(&w.ef);
	posture_policy_free(&w.policy);
	api_client_free(w.c);
	return rc;
}
