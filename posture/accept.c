#include "posture/accept.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "posture/finding.h"
#include "posture/rule_table.h"

int posture_accept_date_ok(const char *s)
{
	static const int days[12] = {31, 29, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31};
	int i, y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	/* 29 February only in a leap year. */
	return !(m == 2 && d == 29 &&
		 !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static int rule_glob_known(const char *glob)
{
	size_t i;

	for (i = 0; i < posture_rules_n; i++)
		if (fnmatch(glob, posture_rules[i].id, 0) == 0)
			return 1;
	return 0;
}

static void accept_free(struct posture_accept *x)
{
	free(x->rule);
	free(x->subject);
	free(x->reason);
	free(x->where);
	memset(x, 0, sizeof(*x));
}

static int accept_set(struct posture_accept *x, const char *rule,
		      const char *subject, const char *reason,
		      const char *until, const char *where)
{
	memset(x, 0, sizeof(*x));
	x->rule = strdup(rule);
	x->subject = strdup(subject);
	x->reason = strdup(reason);
	x->where = strdup(where ? where : "");
	snprintf(x->until, sizeof(x->until), "%s", until ? until : "");
	if (x->rule && x->subject && x->reason && x->where)
		return 0;
	accept_free(x);
	return -1;
}

static struct posture_accept *accept_slot(struct posture_accepts *a)
{
	struct posture_accept *p;
	size_t cap;

	if (a->n == a->cap) {
		cap = a->cap ? a->cap * 2 : 8;
		p = realloc(a->items, cap * sizeof(*p));
		if (!p)
			return NULL;
		a->items = p;
		a->cap = cap;
	}
	return &a->items[a->n];
}

int posture_accepts_add(struct posture_accepts *a, char *const *w, int n,
			const char *where, char *msg, size_t msglen)
{
	const char *until = NULL;
	struct posture_accept *x;

	if (n != 3 && !(n == 5 && strcmp(w[3], "until") == 0)) {
		snprintf(msg, msglen,
			 "expected 'accept RULE SUBJECT \"reason\" "
			 "[until YYYY-MM-DD]'");
		return -1;
	}
	if (!rule_glob_known(w[0])) {
		snprintf(msg, msglen,
			 "accept: '%.64s' names no rule "
			 "(see berth audit --format json)",
			 w[0]);
		return -1;
	}
	if (!*w[1]) {
		snprintf(msg, msglen, "accept: empty subject");
		return -1;
	}
	if (!*w[2]) {
		snprintf(msg, msglen, "accept: a reason is required");
		return -1;
	}
	if (n == 5) {
		until = w[4];
		if (!posture_accept_date_ok(until)) {
			snprintf(msg, msglen,
				 "accept: until '%.32s' is not a date "
				 "(YYYY-MM-DD)",
				 until);
			return -1;
		}
	}
	x = accept_slot(a);
	if (!x || accept_set(x, w[0], w[1], w[2], until, where) != 0) {
		snprintf(msg, msglen, "accept: out of memory");
		return -1;
	}
	a->n++;
	return 0;
}

int posture_accepts_copy(struct posture_accepts *dst,
			 const struct posture_accepts *src)
{
	const struct posture_accept *s;
	size_t i;

	memset(dst, 0, sizeof(*dst));
	for (i = 0; src && i < src->n; i++) {
		struct posture_accept *x = accept_slot(dst);
		s = &src->items[i];
		if (!x || accept_set(x, s->rule, s->subject, s->reason,
				     s->until, s->where) != 0) {
			posture_accepts_free(dst);
			return -1;
		}
		dst->n++;
	}
	return 0;
}

void posture_accepts_free(struct posture_accepts *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; i < a->n; i++)
		accept_free(&a->items[i]);
	free(a->items);
	memset(a, 0, sizeof(*a));
}

/* An acceptance that matched one finding, from either source. */
struct match {
	const char *reason, *where, *until;
	int expired;
};

/* Past its until day, by the UTC calendar: ISO dates compare as text. */
static int ran_out(const char *until, const char *today)
{
	return until && *until && strcmp(today, until) > 0;
}

static int found(struct match *m, const char *reason, const char *where,
		 const char *until, int expired)
{
	/* A live acceptance wins over one that ran out. */
	if (m->reason && !m->expired)
		return 1;
	if (!m->reason || !expired) {
		m->reason = reason;
		m->where = where;
		m->until = until;
		m->expired = expired;
	}
	return !expired;
}

static void from_config(const struct posture_accepts *a,
			const struct posture_finding *f, const char *today,
			struct match *m)
{
	size_t i;

	for (i = 0; a && i < a->n; i++) {
		const struct posture_accept *x = &a->items[i];
		if (fnmatch(x->rule, f->rule->id, 0) == 0 &&
		    fnmatch(x->subject, f->object ? f->object : "", 0) == 0 &&
		    found(m, x->reason, x->where, x->until,
			  ran_out(x->until, today)))
			return;
	}
}

/* The label is the container's own: absent from its image, or there
 * with another value (a --label given at run time overrides it).  With
 * the image's labels not known, none can be told to be. */
static const char *own_label(const struct posture_accept_ctx *c,
			     const char *key)
{
	const char *v = c->labels ? api_kv_get(c->labels, key) : NULL;
	const char *img;

	if (!v || !c->image_labels)
		return NULL;
	img = api_kv_get(c->image_labels, key);
	if (img && strcmp(img, v) == 0)
		return NULL;
	return v;
}

int posture_accept_labelled(const struct api_container_inspect *ci)
{
	return ci && api_kv_get(&ci->config.labels, POSTURE_ACCEPT_LABEL);
}

api_code posture_accept_labels_copy(const struct api_kvlist *from,
				    struct api_kvlist *to)
{
	size_t i, n = 0, len = strlen(POSTURE_ACCEPT_LABEL);

	memset(to, 0, sizeof(*to));
	for (i = 0; i < from->n; i++)
		n += strncmp(api_str(from->items[i].key), POSTURE_ACCEPT_LABEL,
			     len) == 0;
	if (!n)
		return API_OK;
	to->items = calloc(n, sizeof(*to->items));
	if (!to->items)
		return API_E_NOMEM;
	for (i = 0; i < from->n; i++) {
		const struct api_kv *kv = &from->items[i];
		if (strncmp(api_str(kv->key), POSTURE_ACCEPT_LABEL, len) != 0)
			continue;
		to->items[to->n].key = strdup(kv->key);
		to->items[to->n].value = strdup(api_str(kv->value));
		to->n++;
		if (!to->items[to->n - 1].key || !to->items[to->n - 1].value) {
			api_kvlist_free(to);
			return API_E_NOMEM;
		}
	}
	return API_OK;
}

/* One id of a comma-separated list matches the rule (globs allowed). */
static int list_has(const char *list, const char *id)
{
	char one[64];
	const char *p = list, *e;
	size_t n;

	while (p && *p) {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		while (n && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n && n < sizeof(one)) {
			memcpy(one, p, n);
			one[n] = 0;
			if (fnmatch(one, id, 0) == 0)
				return 1;
		}
		p = e ? e + 1 : NULL;
	}
	return 0;
}

static void from_labels(const struct posture_accept_ctx *c,
			const struct posture_finding *f, const char *today,
			struct match *m)
{
	const char *ids =
		c->labels ? api_kv_get(c->labels, POSTURE_ACCEPT_LABEL) : NULL;
	const char *reason, *until;

	if (!ids || f->scope != POSTURE_SCOPE_CONTAINER ||
	    !list_has(ids, f->rule->id))
		return;
	/* Set by whoever ran it if any of the three is not the image's:
	 * a run that repeats the image's list with a reason of its own
	 * accepts. */
	if (!own_label(c, POSTURE_ACCEPT_LABEL) &&
	    !own_label(c, POSTURE_ACCEPT_REASON_LABEL) &&
	    !own_label(c, POSTURE_ACCEPT_UNTIL_LABEL))
		return;
	reason = api_kv_get(c->labels, POSTURE_ACCEPT_REASON_LABEL);
	until = api_kv_get(c->labels, POSTURE_ACCEPT_UNTIL_LABEL);
	if (!reason || !*reason)
		reason = "(no reason given in " POSTURE_ACCEPT_REASON_LABEL ")";
	/* A date that is not one cannot be honoured: the finding counts. */
	found(m, reason, "label " POSTURE_ACCEPT_LABEL, until,
	      (until && !posture_accept_date_ok(until)) ||
		      ran_out(until, today));
}

api_code posture_accept_apply(const struct posture_accept_ctx *c,
			      struct posture_findings *f, size_t from)
{
	time_t now = c->now ? (time_t)c->now : time(NULL);
	char today[16] = "9999-12-31";
	struct tm tm;
	api_code rc = API_OK;
	size_t i;

	if (gmtime_r(&now, &tm))
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	for (i = from; i < f->n; i++) {
		struct posture_finding *x = &f->items[i];
		struct match m = {0};
		if (!x->rule)
			continue;
		from_config(c->config, x, today, &m);
		if (!m.reason || m.expired)
			from_labels(c, x, today, &m);
		if (m.reason && posture_finding_accept(x, m.reason, m.where,
						       m.until, m.expired) != 0)
			rc = API_E_NOMEM;
	}
	return rc;
}
