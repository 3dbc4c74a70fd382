#ifndef BERTH_CLI_WATCH_IMPL_H
#define BERTH_CLI_WATCH_IMPL_H

/* Shared by berth watch's files only: cli/cmd_watch.c (options, events,
 * the loop) and cli/watch_report.c (the report lines, and the checks of
 * created or started containers that may add findings to them). */

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/events.h"
#include "ops/alert_out.h"
#include "ops/watch_logs.h"
#include "ops/watch_rules.h"
#include "posture/engine_facts.h"
#include "posture/policy.h"

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
	/* --exec, --webhook: each alert's JSON goes there too */
	const char *exec_cmd, *webhook_url;
	struct alert_out *out;
	/* --log-pattern, --log-every */
	const char *log_pattern;
	int log_every;
	struct watch_logs *logs;
	/* --mem-above, --cpu-above (for --cpu-for seconds), --disk-above:
	 * sampled every --sample-every seconds */
	double mem_above, cpu_above, disk_above;
	int cpu_for;
	long health_fails; /* --health-fails N: a failing streak of N */
	int sample_every;
	int64_t sample_due; /* monotonic ms */
	int disk_high;	    /* said, not yet re-armed */
};

struct field {
	const char *key;
	const char *str;
	long long num;
};

/* One report line (and, with --exec or --webhook, one alert); fields
 * with neither str nor num are left out. */
void watch_report(struct watch *w, const char *event, const char *name,
		  const char *id, const struct field *f, size_t nf);
/* Inspects the queued containers and reports their new findings, and
 * those of their images. */
void watch_run_checks(struct watch *w);
/* --log-pattern: follows the running containers the filters select
 * (at start and when the engine is back). */
void watch_logs_existing(struct watch *w);
/* --mem-above, --cpu-above: one sample (one-shot stats) of each
 * running container the filters select; mem_high when one's memory
 * reaches the share of its limit, cpu_high when its CPU stayed above
 * the threshold for --cpu-for seconds.  --disk-above: the local data
 * root's file system, disk_high. */
void watch_sample(struct watch *w);
/* A line that matched, said as a log_match report. */
void watch_on_log_match(const struct watch_log_match *m, void *ud);

#endif
