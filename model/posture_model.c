#include "model/posture_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "posture/accept.h"
#include "posture/rules.h"
#include "posture/score.h"

/* Which column a rule lands in and the word its badge shows.  A rule
 * missing here (the healthchecks) still counts in WORST and the detail. */
static const struct {
	const char *id;
	enum pm_concern concern;
	const char *word;
} badge_rules[] = {
	{"5.5", PM_PRIV, "PRIV"},
	{"5.32", PM_MOUNTS, "SOCK"},
	{"berth.caps.escape", PM_CAPS, "ESCAPE"},
	{"5.4", PM_CAPS, "+CAPS"},
	{"5.6", PM_MOUNTS, "HOSTDIR"},
	{"5.18", PM_MOUNTS, "DEVICE"},
	{"5.20", PM_MOUNTS, "SHARED"},
	{"5.10", PM_NS, "NET"},
	{"5.16", PM_NS, "PID"},
	{"5.17", PM_NS, "IPC"},
	{"5.21", PM_NS, "UTS"},
	{"5.31", PM_NS, "USERNS"},
	{"4.1", PM_USER, "ROOT"},
	{"5.22", PM_CONFINE, "SECCOMP"},
	{"5.2", PM_CONFINE, "APPARMOR"},
	{"5.3", PM_CONFINE, "SELINUX"},
	{"5.26", PM_CONFINE, "NNP"},
	{"5.13", PM_CONFINE, "RWROOT"},
	{"5.7", PM_PROCS, "SSHD"},
	{"berth.process.supervisor", PM_PROCS, "MULTI"},
	{"berth.drift", PM_PROCS, "DRIFT"},
	{"5.8", PM_PORTS, "<1024"},
	{"5.14", PM_PORTS, "ALL-IF"},
	{"5.30", PM_PORTS, "BRIDGE"},
	{"5.11", PM_LIMITS, "NOMEM"},
	{"5.29", PM_LIMITS, "NOPIDS"},
	{"5.12", PM_LIMITS, "NOCPU"},
	{"5.15", PM_LIMITS, "RESTART"},
	{"5.19", PM_LIMITS, "ULIMIT"},
	{"5.25", PM_LIMITS, "CGROUP"},
	{"berth.logs.unbounded", PM_LIMITS, "LOGS"},
	{"berth.logs.none", PM_LIMITS, "NOLOGS"},
};

#define N_BADGE_RULES (sizeof(badge_rules) / sizeof(badge_rules[0]))

const char *pm_concern_name(enum pm_concern c)
{
	static const char *const names[PM_CONCERNS] = {
		"CAPS", "MOUNTS", "PORTS",   "LIMITS", "PRIV",
		"NS",	"USER",	  "CONFINE", "PROCS",
	};

	return (unsigned)c < PM_CONCERNS ? names[c] : "";
}

static int badge_index(const char *rule_id)
{
	size_t i;

	for (i = 0; rule_id && i < N_BADGE_RULES; i++)
		if (strcmp(badge_rules[i].id, rule_id) == 0)
			return (int)i;
	return -1;
}

int pm_concern_of(const char *rule_id)
{
	int i = badge_index(rule_id);

	return i < 0 ? -1 : (int)badge_rules[i].concern;
}

const char *pm_badge_word(const char *rule_id)
{
	int i = badge_index(rule_id);

	return i < 0 ? "" : badge_rules[i].word;
}

void pm_badges(const struct posture_findings *f,
	       struct pm_badge out[PM_CONCERNS])
{
	const char *word[PM_CONCERNS] = {0};
	size_t i;
	int c;

	for (c = 0; c < PM_CONCERNS; c++)
		out[c] = (struct pm_badge){.severity = -1};
	for (i = 0; f && i < f->n; i++) {
		const struct posture_finding *x = &f->items[i];
		c = x->rule ? pm_concern_of(x->rule->id) : -1;
		if (c < 0 || posture_finding_accepted(x))
			continue;
		out[c].n++;
		/* the first of the worst names the badge: the table's order
		 * puts 5.5 before the confinement rules it implies */
		if ((int)x->severity > out[c].severity) {
			out[c].severity = (int)x->severity;
			word[c] = pm_badge_word(x->rule->id);
		}
	}
	for (c = 0; c < PM_CONCERNS; c++) {
		if (!out[c].n)
			continue;
		if (out[c].n > 1)
			snprintf(out[c].text, sizeof(out[c].text), "%s+%d",
				 word[c], out[c].n - 1);
		else
			snprintf(out[c].text, sizeof(out[c].text), "%s",
				 word[c]);
	}
}

void pm_init(struct posture_model *m)
{
	memset(m, 0, sizeof(*m));
	m->score = 100;
}

static void entry_free(struct pm_container *e)
{
	free(e->id);
	free(e->name);
	free(e->image_id);
	posture_findings_free(&e->f);
	memset(e, 0, sizeof(*e));
}

void pm_free(struct posture_model *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		entry_free(&m->items[i]);
	free(m->items);
	posture_findings_free(&m->engine);
	pmi_free(&m->images);
	pm_init(m);
}

struct pm_container *pm_find(struct posture_model *m, const char *id)
{
	size_t i;

	for (i = 0; id && i < m->n; i++)
		if (strcmp(m->items[i].id, id) == 0)
			return &m->items[i];
	return NULL;
}

static struct pm_container *add(struct posture_model *m, const char *id)
{
	struct pm_container *e;

	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		e = realloc(m->items, cap * sizeof(*e));
		if (!e)
			return NULL;
		m->items = e;
		m->cap = cap;
	}
	e = &m->items[m->n];
	memset(e, 0, sizeof(*e));
	e->id = strdup(id);
	if (!e->id)
		return NULL;
	e->worst = -1;
	m->n++;
	return e;
}

static int set_name(struct pm_container *e, const char *name)
{
	char *n;

	if (!name || (e->name && strcmp(e->name, name) == 0))
		return 0;
	n = strdup(name);
	if (!n)
		return -1;
	free(e->name);
	e->name = n;
	return 0;
}

size_t pm_image_known(struct posture_model *m, const char *image_id)
{
	size_t i, n = 0;

	for (i = 0; image_id && i < m->n; i++) {
		struct pm_container *e = &m->items[i];
		if (!e->await_image || !e->image_id ||
		    strcmp(e->image_id, image_id) != 0)
			continue;
		e->await_image = 0;
		if (e->inflight)
			e->again = 1;
		else
			e->want = 1;
		n++;
	}
	return n;
}

struct pm_container *pm_want(struct posture_model *m, const char *id,
			     const char *name)
{
	struct pm_container *e;

	if (!id || !*id)
		return NULL;
	e = pm_find(m, id);
	if (!e)
		e = add(m, id);
	if (!e || set_name(e, name) != 0)
		return NULL;
	if (e->inflight)
		e->again = 1;
	else
		e->want = 1;
	return e;
}

api_code pm_judge(struct posture_model *m,
		  const struct api_container_inspect *ci,
		  const struct api_top *top, const struct api_changes *changes,
		  const struct posture_engine *eng)
{
	struct posture_findings f = {0};
	const struct pm_image *img;
	struct pm_container *e;
	api_code rc;
	int s;

	if (!ci->id || !*ci->id)
		return API_E_PARSE;
	img = ci->image ? pmi_find(&m->images, ci->image) : NULL;
	if (img && !img->judged)
		img = NULL;
	rc = posture_judge(
		&(struct posture_subject){
			.scope = POSTURE_SCOPE_CONTAINER,
			.engine = eng,
			.container = ci,
			.top = top,
			.changes = changes,
			.image_labels = img ? &img->accept_labels : NULL},
		&f);
	e = rc == API_OK ? pm_find(m, ci->id) : NULL;
	if (rc == API_OK && !e)
		e = add(m, ci->id);
	if (rc == API_OK && e && ci->image &&
	    (!e->image_id || strcmp(e->image_id, ci->image) != 0)) {
		free(e->image_id);
		e->image_id = strdup(ci->image);
		if (!e->image_id)
			rc = API_E_NOMEM;
	}
	if (rc == API_OK && (!e || set_name(e, ci->name) != 0))
		rc = API_E_NOMEM;
	if (rc != API_OK) {
		posture_findings_free(&f);
		return rc;
	}
	posture_findings_sort(&f);
	posture_findings_free(&e->f);
	e->f = f;
	e->judged = 1;
	e->live = ci->state.running || ci->state.paused;
	e->mem_limit = ci->host_config.memory;
	e->await_image = !img && posture_accept_labelled(ci);
	pm_badges(&e->f, e->badges);
	posture_findings_counts(&e->f, e->counts);
	s = posture_findings_worst(&e->f);
	e->worst = s;
	return API_OK;
}

api_code pm_judge_json(struct posture_model *m, const char *json, size_t len,
		       const struct posture_engine *eng, struct api_error *err)
{
	struct api_container_inspect ci = {0};
	api_code rc = api_container_inspect_parse(json, len, &ci, err);

	if (rc == API_OK) {
		rc = pm_judge(m, &ci, NULL, NULL, eng);
		if (rc != API_OK)
			api_error_set(err, rc, 0,
				      rc == API_E_NOMEM ? "out of memory"
				      : rc == API_E_INVALID
					      ? "the engine is not known yet"
					      : "inspect has no Id");
	}
	api_container_inspect_free(&ci);
	return rc;
}

void pm_drop(struct posture_model *m, const char *id)
{
	struct pm_container *e = pm_find(m, id);
	size_t i;

	if (!e)
		return;
	i = (size_t)(e - m->items);
	entry_free(e);
	memmove(e, e + 1, (m->n - i - 1) * sizeof(*e));
	m->n--;
}

void pm_keep_only(struct posture_model *m, const char *const *ids, size_t n)
{
	size_t i = 0, j;
	int keep;

	while (i < m->n) {
		for (j = 0, keep = 0; j < n && !keep; j++)
			keep = ids[j] && strcmp(ids[j], m->items[i].id) == 0;
		if (keep)
			i++;
		else
			pm_drop(m, m->items[i].id);
	}
}

api_code pm_judge_engine(struct posture_model *m,
			 const struct posture_engine *eng)
{
	struct posture_findings f = {0};
	struct posture_subject s = {.scope = POSTURE_SCOPE_ENGINE,
				    .engine = eng};
	api_code rc = posture_judge(&s, &f);

	/* The engine's own host joins the engine's summary. */
	if (rc == API_OK && eng && eng->hostfacts) {
		s.scope = POSTURE_SCOPE_HOST;
		rc = posture_judge(&s, &f);
	}
	if (rc != API_OK) {
		posture_findings_free(&f);
		return rc;
	}
	posture_findings_sort(&f);
	posture_findings_free(&m->engine);
	m->engine = f;
	m->engine_judged = 1;
	return API_OK;
}

static int cmp_entry(const void *pa, const void *pb)
{
	const struct pm_container *a = pa, *b = pb;
	int s;

	if (a->judged != b->judged)
		return b->judged - a->judged;
	if (a->worst != b->worst)
		return b->worst - a->worst;
	for (s = POSTURE_SEV_COUNT - 1; s >= 0; s--)
		if (a->counts[s] != b->counts[s])
			return a->counts[s] < b->counts[s] ? 1 : -1;
	return strcmp(a->name ? a->name : a->id, b->name ? b->name : b->id);
}

void pm_update(struct posture_model *m)
{
	size_t i, all[POSTURE_SEV_COUNT];
	struct posture_findings total = {0};
	long score = 100;
	int s;

	memset(m->counts, 0, sizeof(m->counts));
	for (i = 0; i < m->n; i++)
		for (s = 0; s < POSTURE_SEV_COUNT; s++)
			m->counts[s] += m->items[i].counts[s];
	if (m->n > 1)
		qsort(m->items, m->n, sizeof(*m->items), cmp_entry);
	/* The score's formula wants one list: pass the engine's findings
	 * and stand-ins carrying the containers' severities. */
	posture_findings_counts(&m->engine, all);
	for (s = 0; s < POSTURE_SEV_COUNT; s++)
		all[s] += m->counts[s];
	for (s = 0; s < POSTURE_SEV_COUNT; s++)
		for (i = 0; i < all[s] && i < 100; i++)
			posture_findings_add(
				&total, NULL, (enum posture_severity)s,
				POSTURE_SCOPE_ENGINE, NULL, NULL, NULL);
	if (!total.nomem)
		score = posture_score(&total);
	posture_findings_free(&total);
	m->score = (int)score;
}

struct pm_container *pm_next_wanted(struct posture_model *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->items[i].want && !m->items[i].inflight)
			return &m->items[i];
	return NULL;
}

size_t pm_pending(const struct posture_model *m)
{
	size_t i, n = 0;

	for (i = 0; i < m->n; i++)
		n += m->items[i].want || m->items[i].inflight;
	return n;
}

const struct posture_findings *pm_image_findings(struct posture_model *m,
						 const struct pm_container *e)
{
	const struct pm_image *img =
		e ? pmi_find(&m->images, e->image_id) : NULL;

	return img && img->judged ? &img->f : NULL;
}
