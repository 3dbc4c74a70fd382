#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "ops/watch_rules.h"

void watch_rules_init(struct watch_rules *r, const struct watch_cfg *cfg)
{
	memset(r, 0, sizeof(*r));
	r->cfg = *cfg;
	if (r->cfg.restarts < 1)
		r->cfg.restarts = 1;
}

static void ctr_free(struct watch_ctr *c)
{
	size_t i;

	for (i = 0; i < c->n_findings; i++)
		free(c->findings[i]);
	free(c->findings);
	free(c->id);
	free(c->pending_name);
}

void watch_rules_free(struct watch_rules *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		ctr_free(&r->c[i]);
	free(r->c);
	memset(r, 0, sizeof(*r));
}

const char *watch_kind_name(enum watch_kind k)
{
	switch (k) {
	case WATCH_DIED:
		return "died";
	case WATCH_OOM:
		return "oom";
	case WATCH_UNHEALTHY:
		return "unhealthy";
	case WATCH_RESTART_LOOP:
		return "restart_loop";
	case WATCH_CHECK:
		return "check";
	case WATCH_NONE:
		break;
	}
	return "none";
}

int watch_match_container(const struct watch_cfg *cfg, const char *name,
			  const struct api_kvlist *labels)
{
	const char *v;

	if (cfg->name_glob && (!name || fnmatch(cfg->name_glob, name, 0) != 0))
		return 0;
	if (cfg->label_key) {
		v = api_kv_get(labels, cfg->label_key);
		if (!v || (cfg->label_value && strcmp(v, cfg->label_value)))
			return 0;
	}
	return 1;
}

int watch_match(const struct watch_cfg *cfg, const struct api_event *ev)
{
	if (!ev->type || strcmp(ev->type, "container") != 0 || !ev->actor_id)
		return 0;
	/* Container events carry the labels as attributes. */
	return watch_match_container(cfg, ev->name, &ev->attributes);
}

static struct watch_ctr *find(struct watch_rules *r, const char *id, int add)
{
	struct watch_ctr *c;
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->c[i].id, id) == 0)
			return &r->c[i];
	if (!add)
		return NULL;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		c = realloc(r->c, cap * sizeof(*c));
		if (!c)
			return NULL;
		r->c = c;
		r->cap = cap;
	}
	c = &r->c[r->n];
	memset(c, 0, sizeof(*c));
	c->id = strdup(id);
	if (!c->id)
		return NULL;
	r->n++;
	return c;
}

static void forget(struct watch_rules *r, struct watch_ctr *c)
{
	ctr_free(c);
	*c = r->c[--r->n];
}

/* Drops the restarts that left the window ending at now. */
static void prune(struct watch_ctr *c, int64_t now, int64_t window)
{
	size_t i = 0;

	while (i < c->n_times && c->times[i] <= now - window)
		i++;
	memmove(c->times, c->times + i, (c->n_times - i) * sizeof(int64_t));
	c->n_times -= i;
}

static enum watch_kind on_start(struct watch_rules *r, struct watch_ctr *c,
				int64_t now, struct watch_alert *out)
{
	int was_restart = c->died;

	c->died = 0;
	c->killed = 0;
	c->unhealthy = 0;
	if (!was_restart)
		return WATCH_NONE;
	prune(c, now, r->cfg.window_s);
	if (c->n_times == WATCH_MAX_TIMES)
		memmove(c->times, c->times + 1,
			(--c->n_times) * sizeof(int64_t));
	c->times[c->n_times++] = now;
	if ((int)c->n_times < r->cfg.restarts) {
		c->looping = 0;
		return WATCH_NONE;
	}
	if (c->looping)
		return WATCH_NONE;
	c->looping = 1;
	out->restarts = (int)c->n_times;
	return WATCH_RESTART_LOOP;
}

/* A SIGKILL with no kill before it may be the OOM killer's, whose oom
 * event can come after the die. */
static enum watch_kind hold_die(struct watch_ctr *c, const struct api_event *ev)
{
	free(c->pending_name);
	c->pending_name = ev->name ? strdup(ev->name) : NULL;
	c->pending = 1;
	c->pending_due = 0;
	c->pending_exit = ev->exit_code;
	c->pending_time = ev->time;
	return WATCH_NONE;
}

static void take_pending(struct watch_ctr *c, struct watch_alert *out)
{
	out->kind = WATCH_DIED;
	out->time = c->pending_time;
	out->exit_code = c->pending_exit;
	c->pending = 0;
}

enum watch_kind watch_rules_due(struct watch_rules *r, int64_t now,
				struct watch_alert *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < r->n; i++) {
		struct watch_ctr *c = &r->c[i];
		if (!c->pending || (!c->pending_due && now != INT64_MAX &&
				    now - c->pending_time < WATCH_OOM_GRACE_S))
			continue;
		take_pending(c, out);
		out->id = c->id;
		out->name = c->pending_name;
		return WATCH_DIED;
	}
	return WATCH_NONE;
}

void watch_rules_settle(struct watch_rules *r, const struct api_event *ev)
{
	struct watch_ctr *c;

	if (!watch_match(&r->cfg, ev) ||
	    strcmp(api_str(ev->action_base), "oom") == 0)
		return;
	c = find(r, ev->actor_id, 0);
	if (c && c->pending)
		c->pending_due = 1;
}

static enum watch_kind on_event(struct watch_rules *r, struct watch_ctr *c,
				const struct api_event *ev,
				struct watch_alert *out)
{
	const char *a = api_str(ev->action_base);

	if (strcmp(a, "start") == 0)
		return on_start(r, c, ev->time, out);
	if (strcmp(a, "kill") == 0) {
		c->killed = 1;
	} else if (strcmp(a, "oom") == 0) {
		/* its die came first: that was this OOM kill, no crash */
		c->pending = 0;
		c->killed = 1;
		return WATCH_OOM;
	} else if (strcmp(a, "die") == 0) {
		int killed = c->killed;
		c->died = 1;
		c->killed = 0;
		out->exit_code = ev->exit_code;
		if (!killed && ev->exit_code == 128 + 9)
			return hold_die(c, ev);
		if (!killed && ev->exit_code > 0)
			return WATCH_DIED;
	} else if (strcmp(a, "health_status") == 0) {
		int was = c->unhealthy;
		c->unhealthy =
			strcmp(api_str(ev->action_detail), "unhealthy") == 0;
		if (c->unhealthy && !was)
			return WATCH_UNHEALTHY;
	} else if (strcmp(a, "create") == 0 || strcmp(a, "update") == 0) {
		return WATCH_CHECK;
	}
	return WATCH_NONE;
}

enum watch_kind watch_classify(struct watch_rules *r,
			       const struct api_event *ev,
			       struct watch_alert *out)
{
	struct watch_ctr *c;
	enum watch_kind k;

	memset(out, 0, sizeof(*out));
	if (!watch_match(&r->cfg, ev))
		return WATCH_NONE;
	if (strcmp(api_str(ev->action_base), "destroy") == 0) {
		c = find(r, ev->actor_id, 0);
		if (!c)
			return WATCH_NONE;
		/* removed before its grace ran out: the die is said now */
		k = c->pending ? WATCH_DIED : WATCH_NONE;
		if (k == WATCH_DIED) {
			take_pending(c, out);
			out->id = ev->actor_id;
			out->name = ev->name;
		}
		forget(r, c);
		return k;
	}
	c = find(r, ev->actor_id, 1);
	if (!c)
		return WATCH_NONE;
	k = on_event(r, c, ev, out);
	if (k != WATCH_NONE) {
		out->kind = k;
		out->time = ev->time;
		out->id = ev->actor_id;
		out->name = ev->name;
	}
	return k;
}

int watch_mem_sample(struct watch_rules *r, const char *id, double pct,
		     double threshold)
{
	struct watch_ctr *c = find(r, id, 1);

	if (!c)
		return -1;
	if (c->mem_high) {
		if (pct < threshold * WATCH_MEM_REARM)
			c->mem_high = 0;
		return 0;
	}
	if (pct < threshold)
		return 0;
	c->mem_high = 1;
	return 1;
}

int watch_cpu_sample(struct watch_rules *r, const char *id, int64_t now,
		     uint64_t total, uint64_t system, uint64_t ncpu,
		     double threshold, int64_t for_s, double *pct)
{
	struct watch_ctr *c = find(r, id, 1);
	int first;
	int64_t prev;

	*pct = 0;
	if (!c)
		return -1;
	first = c->cpu_system == 0;
	if (!first && total >= c->cpu_total && system > c->cpu_system)
		*pct = (double)(total - c->cpu_total) /
		       (double)(system - c->cpu_system) *
		       (double)(ncpu ? ncpu : 1) * 100.0;
	c->cpu_total = total;
	c->cpu_system = system;
	prev = c->cpu_time;
	c->cpu_time = now;
	if (first)
		return 0;
	if (*pct < threshold) {
		c->cpu_above_since = 0;
		c->cpu_high = 0;
		return 0;
	}
	/* the use was measured since the sample before: above since then */
	if (!c->cpu_above_since)
		c->cpu_above_since = prev;
	if (c->cpu_high || now - c->cpu_above_since < for_s)
		return 0;
	c->cpu_high = 1;
	return 1;
}

int watch_health_streak(struct watch_rules *r, const char *id, long streak,
			long n)
{
	struct watch_ctr *c = find(r, id, 1);

	if (!c)
		return -1;
	if (streak < n) {
		if (streak == 0)
			c->health_said = 0;
		return 0;
	}
	if (c->health_said)
		return 0;
	c->health_said = 1;
	return 1;
}

int watch_finding_new(struct watch_rules *r, const char *id,
		      const char *rule_id)
{
	struct watch_ctr *c = find(r, id, 1);
	char **v;
	size_t i;

	if (!c)
		return -1;
	for (i = 0; i < c->n_findings; i++)
		if (strcmp(c->findings[i], rule_id) == 0)
			return 0;
	v = realloc(c->findings, (c->n_findings + 1) * sizeof(*v));
	if (!v)
		return -1;
	c->findings = v;
	v[c->n_findings] = strdup(rule_id);
	if (!v[c->n_findings])
		return -1;
	c->n_findings++;
	return 1;
}

static uint64_t event_key(const struct api_event *ev)
{
	const char *parts[3] = {api_str(ev->actor_id), api_str(ev->action),
				api_str(ev->type)};
	uint64_t h = 1469598103934665603ull ^ (uint64_t)ev->time_nano;
	size_t i;
	const char *p;

	for (i = 0; i < 3; i++) {
		for (p = parts[i]; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ull;
		h = (h ^ 0xff) * 1099511628211ull;
	}
	return h;
}

int watch_repeat(struct watch_rules *r, const struct api_event *ev)
{
	uint64_t k = event_key(ev);
	size_t i;

	/* Only an event no newer than the newest seen can be a repeat. */
	if (ev->time_nano <= r->max_nano)
		for (i = 0; i < r->seen_n; i++)
			if (r->seen[i] == k)
				return 1;
	if (ev->time_nano > r->max_nano)
		r->max_nano = ev->time_nano;
	r->seen[r->seen_head] = k;
	r->seen_head = (r->seen_head + 1) % WATCH_SEEN;
	if (r->seen_n < WATCH_SEEN)
		r->seen_n++;
	return 0;
}
