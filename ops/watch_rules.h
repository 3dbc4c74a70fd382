#ifndef BERTH_OPS_WATCH_RULES_H
#define BERTH_OPS_WATCH_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "api/events.h"

/*
 * What `berth watch` reports, decided from the engine's events alone:
 * pure, so recorded event streams can be replayed in tests.  A die after
 * a kill (docker stop, rm -f) or an OOM kill is not a crash; a restart is
 * a start that follows a die.  The engine sends an OOM kill's "oom" and
 * "die" in either order, so a die by SIGKILL (137) with no kill before it
 * waits WATCH_OOM_GRACE_S for its oom before it is a crash
 * (watch_rules_due).
 */

#define WATCH_OOM_GRACE_S 2

enum watch_kind {
	WATCH_NONE,
	WATCH_DIED,	    /* exited with a non-zero code */
	WATCH_OOM,	    /* killed for memory */
	WATCH_UNHEALTHY,    /* turned unhealthy */
	WATCH_RESTART_LOOP, /* restarts within the window reached the limit */
	WATCH_CHECK,	    /* created or updated: inspect it for findings */
};

struct watch_cfg {
	int restarts;		 /* this many restarts ... */
	int64_t window_s;	 /* ... within this many seconds is a loop */
	const char *name_glob;	 /* NULL: every container */
	const char *label_key;	 /* NULL: no label filter */
	const char *label_value; /* NULL: any value */
};

struct watch_alert {
	enum watch_kind kind;
	int64_t time; /* the event's, seconds */
	const char *id;
	const char *name;
	int exit_code;
	int restarts; /* WATCH_RESTART_LOOP: within the window */
};

#define WATCH_MAX_TIMES 64

struct watch_ctr {
	char *id;
	int64_t times[WATCH_MAX_TIMES]; /* restarts in the window, oldest 1st */
	size_t n_times;
	int died;      /* a die not yet followed by a start */
	int killed;    /* a kill or oom since the last start */
	int unhealthy; /* the last health status was unhealthy */
	int looping;   /* the loop was reported, not yet re-armed */
	int mem_high;  /* memory above the threshold was reported */
	/* CPU: the last sample's counters, since when it is above the
	 * threshold (0: it is not), and whether that was reported */
	uint64_t cpu_total, cpu_system;
	int64_t cpu_time; /* the last sample's, seconds */
	int64_t cpu_above_since;
	int cpu_high;
	int health_said; /* the failing streak was reported */
	/* a die by SIGKILL waiting for its oom: exit code, time, name */
	int pending;
	int pending_due; /* another event came: its oom will not */
	int pending_exit;
	int64_t pending_time;
	char *pending_name;
	char **findings; /* rule ids already reported */
	size_t n_findings;
};

/* Events remembered to drop the repeats a resubscription brings: the
 * engine replays from a whole second, and several goroutines log events,
 * so times are not in order and "older than the last" proves nothing. */
#define WATCH_SEEN 4096

struct watch_rules {
	struct watch_cfg cfg;
	struct watch_ctr *c;
	size_t n, cap;
	uint64_t seen[WATCH_SEEN];
	size_t seen_n, seen_head;
	int64_t max_nano;
};

void watch_rules_init(struct watch_rules *r, const struct watch_cfg *cfg);
void watch_rules_free(struct watch_rules *r);
/* A container (its name and labels) the filters select. */
int watch_match_container(const struct watch_cfg *cfg, const char *name,
			  const struct api_kvlist *labels);
/* The event is about a container the filters select. */
int watch_match(const struct watch_cfg *cfg, const struct api_event *ev);
/* Updates the state; out is filled (and its strings point into ev) when
 * the result is not WATCH_NONE.  Out of memory yields WATCH_NONE. */
enum watch_kind watch_classify(struct watch_rules *r,
			       const struct api_event *ev,
			       struct watch_alert *out);
/* An event for a container whose SIGKILL die waits for its oom: any
 * but that oom settles it (the die is due at once), so a restart or a
 * second die never hides the first.  Call before watch_classify. */
void watch_rules_settle(struct watch_rules *r, const struct api_event *ev);

/* A die that waited WATCH_OOM_GRACE_S (by now, seconds) without an oom:
 * WATCH_DIED into out (strings valid until the next call), one per call;
 * WATCH_NONE when none is due.  now = INT64_MAX flushes them all. */
enum watch_kind watch_rules_due(struct watch_rules *r, int64_t now,
				struct watch_alert *out);

/* 1 the first time rule_id is seen for the container (then recorded),
 * 0 after, -1 out of memory. */
int watch_finding_new(struct watch_rules *r, const char *id,
		      const char *rule_id);
/* A sample of a container's memory use, pct of its limit, against the
 * threshold: 1 when it reaches it (said once), 0 otherwise; re-armed once
 * use falls below WATCH_MEM_REARM of the threshold, so a container at
 * the edge is not said at every sample.  -1 out of memory. */
#define WATCH_MEM_REARM 0.9
int watch_mem_sample(struct watch_rules *r, const char *id, double pct,
		     double threshold);
/* A CPU sample (the container's total and the host's system counters,
 * in ns, and its online CPUs) at now (seconds): the use since the last
 * sample into *pct (100 is one CPU), and 1 when it stayed at or above
 * threshold for for_s seconds (said once, re-armed when it falls below).
 * The first sample of a container only sets the counters. */
int watch_cpu_sample(struct watch_rules *r, const char *id, int64_t now,
		     uint64_t total, uint64_t system, uint64_t ncpu,
		     double threshold, int64_t for_s, double *pct);
/* A health check's failing streak (State.Health.FailingStreak) against
 * n: 1 when it reaches n (said once per streak; a passing check, streak
 * 0, re-arms it).  -1 out of memory. */
int watch_health_streak(struct watch_rules *r, const char *id, long streak,
			long n);
const char *watch_kind_name(enum watch_kind k);
/* 1 when this very event was seen before (then it is to be dropped);
 * else it is remembered and 0. */
int watch_repeat(struct watch_rules *r, const struct api_event *ev);

#endif
