#include "posture/finding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "posture/rule.h"

static char *dup_or_null(const char *s, int *nomem)
{
	char *d;

	if (!s)
		return NULL;
	d = strdup(s);
	if (!d)
		*nomem = 1;
	return d;
}

static void finding_free(struct posture_finding *x)
{
	free(x->accept.reason);
	free(x->accept.where);
	free(x->object);
	free(x->object_id);
	free(x->evidence);
	memset(x, 0, sizeof(*x));
}

static int grow(struct posture_findings *f, size_t need)
{
	struct posture_finding *p;
	size_t cap;

	if (need <= f->cap)
		return 0;
	cap = f->cap ? f->cap * 2 : 16;
	while (cap < need)
		cap *= 2;
	p = realloc(f->items, cap * sizeof(*p));
	if (!p) {
		f->nomem = 1;
		return -1;
	}
	f->items = p;
	f->cap = cap;
	return 0;
}

void posture_findings_add(struct posture_findings *f,
			  const struct posture_rule *r,
			  enum posture_severity sev, enum posture_scope scope,
			  const char *object, const char *object_id,
			  const char *evidence)
{
	struct posture_finding x = {0};
	int nomem = 0;

	x.rule = r;
	x.severity = sev;
	x.scope = scope;
	x.object = dup_or_null(object ? object : "", &nomem);
	x.object_id = dup_or_null(object_id, &nomem);
	x.evidence = dup_or_null(evidence ? evidence : "", &nomem);
	if (nomem || grow(f, f->n + 1) != 0) {
		f->nomem = 1;
		finding_free(&x);
		return;
	}
	f->items[f->n++] = x;
}

void posture_findings_copy(struct posture_findings *dst,
			   const struct posture_findings *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		const struct posture_finding *x = &src->items[i];
		size_t before = dst->n;

		posture_findings_add(dst, x->rule, x->severity, x->scope,
				     x->object, x->object_id, x->evidence);
		if (dst->n == before)
			continue;
		dst->items[dst->n - 1].fix = x->fix;
		if (x->accept.reason &&
		    posture_finding_accept(&dst->items[dst->n - 1],
					   x->accept.reason, x->accept.where,
					   x->accept.until,
					   x->accept.expired) != 0)
			dst->nomem = 1;
	}
}

int posture_finding_accepted(const struct posture_finding *f)
{
	return f->accept.reason && !f->accept.expired;
}

int posture_finding_accept(struct posture_finding *f, const char *reason,
			   const char *where, const char *until, int expired)
{
	int nomem = 0;
	char *r = dup_or_null(reason ? reason : "", &nomem);
	char *w = dup_or_null(where ? where : "", &nomem);

	if (nomem) {
		free(r);
		free(w);
		return -1;
	}
	free(f->accept.reason);
	free(f->accept.where);
	f->accept.reason = r;
	f->accept.where = w;
	snprintf(f->accept.until, sizeof(f->accept.until), "%s",
		 until ? until : "");
	f->accept.expired = expired;
	return 0;
}

const char *posture_finding_fix(const struct posture_finding *f)
{
	return f->fix ? f->fix : f->rule ? f->rule->fix : "";
}

api_code posture_findings_move(struct posture_findings *dst,
			       struct posture_findings *src)
{
	if (src->nomem || grow(dst, dst->n + src->n) != 0) {
		dst->nomem = 1;
		posture_findings_free(src);
		return API_E_NOMEM;
	}
	if (src->n)
		memcpy(dst->items + dst->n, src->items,
		       src->n * sizeof(*src->items));
	dst->n += src->n;
	free(src->items);
	memset(src, 0, sizeof(*src));
	return API_OK;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct posture_finding *x = a, *y = b;
	int c = posture_finding_accepted(x) - posture_finding_accepted(y);

	if (c)
		return c;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	if (x->scope != y->scope)
		return x->scope > y->scope ? -1 : 1;
	c = strcmp(x->object ? x->object : "", y->object ? y->object : "");
	if (c)
		return c;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return 0;
}

void posture_findings_sort(struct posture_findings *f)
{
	if (f->n > 1)
		qsort(f->items, f->n, sizeof(*f->items), cmp_finding);
}

const struct posture_finding *
posture_findings_get(const struct posture_findings *f, const char *id,
		     const char *object)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		const struct posture_finding *x = &f->items[i];
		if (x->rule && strcmp(x->rule->id, id) == 0 &&
		    (!object || (x->object && strcmp(x->object, object) == 0)))
			return x;
	}
	return NULL;
}

void posture_findings_counts(const struct posture_findings *f,
			     size_t counts[POSTURE_SEV_COUNT])
{
	size_t i;

	memset(counts, 0, POSTURE_SEV_COUNT * sizeof(counts[0]));
	for (i = 0; i < f->n; i++)
		if (!posture_finding_accepted(&f->items[i]) &&
		    (int)f->items[i].severity >= 0 &&
		    (int)f->items[i].severity < POSTURE_SEV_COUNT)
			counts[f->items[i].severity]++;
}

int posture_findings_worst(const struct posture_findings *f)
{
	int worst = -1;
	size_t i;

	for (i = 0; i < f->n; i++)
		if (!posture_finding_accepted(&f->items[i]) &&
		    (int)f->items[i].severity > worst)
			worst = (int)f->items[i].severity;
	return worst;
}

size_t posture_findings_accepted(const struct posture_findings *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++)
		n += posture_finding_accepted(&f->items[i]) ? 1 : 0;
	return n;
}

void posture_findings_free(struct posture_findings *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->n; i++)
		finding_free(&f->items[i]);
	free(f->items);
	memset(f, 0, sizeof(*f));
}
