/* A Dockerfile through the one judging entry point, its evidence then
 * told in the Dockerfile's terms: the rules name what an engine keeps
 * ("History layer 3", "Config.User"), a person linting reads lines. */
#include "posture/lint.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/reference.h"
#include "posture/rule.h"
#include "posture/dockerfile.h"
#include "posture/lint_image.h"
#include "posture/rules.h"

struct out {
	char s[1024];
	size_t n;
};

static void put(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (o->n >= sizeof(o->s) - 1)
		return;
	va_start(ap, fmt);
	k = vsnprintf(o->s + o->n, sizeof(o->s) - o->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		o->n += (size_t)k < sizeof(o->s) - o->n
				? (size_t)k
				: sizeof(o->s) - o->n - 1;
}

/* The FROM line of the base image an evidence item names, as written
 * or as the engine normalises it ("docker.io/me/app"): the judged
 * stage's own (which) when it names that image, else the first. */
static size_t from_line(const struct lint_image *li, size_t which,
			const char *named, size_t n)
{
	struct api_ref r;
	char full[API_REF_HOST_MAX + API_REF_PATH_MAX + 2];
	size_t i, k;

	for (k = 0; k <= li->n_from; k++) {
		i = k == 0 ? which : k - 1;
		if (i >= li->n_from)
			continue;
		if (api_ref_parse(li->from[i].ref, &r) != 0)
			continue;
		snprintf(full, sizeof(full), "%s/%s", r.registry, r.path);
		if (strlen(full) == n && strncmp(full, named, n) == 0)
			return li->from[i].line;
		if (strlen(li->from[i].ref) == n &&
		    strncmp(li->from[i].ref, named, n) == 0)
			return li->from[i].line;
	}
	return 0;
}

/* One evidence item ("; " separates them) in Dockerfile terms. */
static void item(const struct lint_image *li, size_t which, const char *s,
		 int n, struct out *o)
{
	static const char hl[] = "History layer ";
	const char *ref, *colon;
	char *end;
	size_t k, layer;

	if (n > 12 && strncmp(s, "Config.User=", 12) == 0) {
		if (li->user_line)
			put(o, "line %zu: USER %.*s", li->user_line, n - 12,
			    s + 12);
		else
			put(o, "no USER instruction in the final stage: root, "
			       "unless its base image sets a user");
	} else if (n >= 25 &&
		   strncmp(s, "Config.Healthcheck absent", 25) == 0) {
		put(o, "no HEALTHCHECK instruction");
	} else if (strncmp(s, "Config.Healthcheck.Test=", 24) == 0) {
		put(o, "line %zu: HEALTHCHECK NONE", li->health_line);
	} else if (strncmp(s, "RepoTags=", 9) == 0 ||
		   strncmp(s, "RepoDigests=", 12) == 0) {
		/* "RepoDigests=docker.io/me/app: why" */
		ref = strchr(s, '=') + 1;
		colon = strstr(ref, ": ");
		k = from_line(li, which, ref,
			      colon && colon < s + n ? (size_t)(colon - ref)
						     : (size_t)(s + n - ref));
		if (k)
			put(o, "line %zu: ", k);
		put(o, "FROM %.*s", (int)(s + n - ref), ref);
	} else if (n > 4 && strncmp(s, "Env ", 4) == 0) {
		k = lint_name_line(li, s + 4, strcspn(s + 4, " "));
		if (k)
			put(o, "line %zu: ", k);
		put(o, "ENV %.*s", n - 4, s + 4);
	} else if (strncmp(s, hl, sizeof(hl) - 1) == 0) {
		/* "History layer 3 holds a key", "History layer 3: text";
		 * a build arg is told at its ARG */
		layer = (size_t)strtoul(s + sizeof(hl) - 1, &end, 10);
		k = layer < li->h.n ? li->h_line[layer] : 0;
		if (strncmp(end, ": build arg ", 12) == 0) {
			size_t a = lint_name_line(li, end + 12,
						  strcspn(end + 12, " "));

			k = a ? a : k;
		}
		put(o, "line %zu%.*s", k, (int)(s + n - end), end);
	} else {
		put(o, "%.*s", n, s);
	}
}

/* An evidence item told in Dockerfile terms, and where it sorts. */
struct told {
	struct out o;
	unsigned long line; /* 0: names no line, first */
	size_t at;	    /* the rule's order, among equal lines */
};

static int by_line(const void *x, const void *y)
{
	const struct told *a = x, *b = y;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

/* Evidence items by the lines they name: the rules list history newest
 * first, a person reads a file top down.  Free it; NULL: no memory. */
static char *by_lines(const char *ev)
{
	struct told *t = calloc(64, sizeof(*t));
	struct out o = {.n = 0};
	const char *p = ev, *sep;
	size_t n = 0, i;

	if (!t)
		return NULL;
	while (p && *p && n < 64) {
		sep = strstr(p, "; ");
		put(&t[n].o, "%.*s", sep ? (int)(sep - p) : (int)strlen(p), p);
		t[n].o.s[t[n].o.n] = '\0';
		t[n].line = strncmp(t[n].o.s, "line ", 5) == 0
				    ? strtoul(t[n].o.s + 5, NULL, 10)
				    : 0;
		t[n].at = n;
		n++;
		p = sep ? sep + 2 : NULL;
	}
	qsort(t, n, sizeof(*t), by_line);
	for (i = 0; i < n; i++)
		put(&o, "%s%s", i ? "; " : "", t[i].o.s);
	o.s[o.n] = '\0';
	free(t);
	return strdup(o.s);
}

/* which: the from[] entry whose image was judged. */
static char *rewrite(const struct lint_image *li, size_t which, const char *ev)
{
	struct out o = {.n = 0};
	const char *p = ev, *sep;

	while (p && *p) {
		sep = strstr(p, "; ");
		if (o.n)
			put(&o, "; ");
		item(li, which, p, sep ? (int)(sep - p) : (int)strlen(p), &o);
		p = sep ? sep + 2 : NULL;
	}
	o.s[o.n] = '\0';
	return by_lines(o.s);
}

static size_t final_base(const struct lint_image *li)
{
	size_t i;

	for (i = 0; i < li->n_from && !li->from[i].final_base; i++)
		;
	return i;
}

/* What a FROM outside the final stage's line is judged by: its name. */
static int judges_name(const struct posture_rule *r)
{
	return strcmp(r->id, "berth.image.unofficial") == 0 ||
	       strcmp(r->id, "berth.image.tag") == 0;
}

/* Finding f of a build stage's base into the Dockerfile's own finding
 * of that rule: one finding per rule, its evidence every line. */
static void merge(struct posture_findings *out, size_t from,
		  const struct posture_finding *f)
{
	size_t i, n;
	char *ev;

	for (i = from; i < out->n; i++) {
		if (out->items[i].rule != f->rule)
			continue;
		n = strlen(out->items[i].evidence) + strlen(f->evidence) + 3;
		ev = malloc(n);
		if (!ev) {
			out->nomem = 1;
			return;
		}
		snprintf(ev, n, "%s; %s", out->items[i].evidence, f->evidence);
		free(out->items[i].evidence);
		out->items[i].evidence = by_lines(ev);
		free(ev);
		if (!out->items[i].evidence) {
			out->nomem = 1;
			return;
		}
		if (f->severity > out->items[i].severity)
			out->items[i].severity = f->severity;
		return;
	}
	posture_findings_add(out, f->rule, f->severity, f->scope, f->object,
			     NULL, f->evidence);
}

/* The build stages' own bases, judged by name alone. */
static api_code judge_bases(const struct lint_image *li, const char *name,
			    const struct posture_engine *e,
			    struct posture_findings *out, size_t from,
			    struct api_error *err)
{
	struct posture_findings part = {0};
	struct api_image_inspect img;
	api_code rc = API_OK;
	size_t i, j;
	char *ev;

	for (i = 0; rc == API_OK && i < li->n_from; i++) {
		if (li->from[i].final_base ||
		    strcmp(li->from[i].ref, "scratch") == 0)
			continue;
		rc = lint_base_image(li->from[i].ref, &img, err);
		if (rc != API_OK)
			break;
		rc = posture_judge(
			&(struct posture_subject){.scope = POSTURE_SCOPE_IMAGE,
						  .engine = e,
						  .image = &img,
						  .image_name = name},
			&part);
		for (j = 0; rc == API_OK && j < part.n; j++) {
			if (!judges_name(part.items[j].rule))
				continue;
			ev = rewrite(li, i, part.items[j].evidence);
			if (!ev) {
				rc = api_nomem(err);
				break;
			}
			free(part.items[j].evidence);
			part.items[j].evidence = ev;
			merge(out, from, &part.items[j]);
		}
		posture_findings_free(&part);
		api_image_inspect_free(&img);
	}
	return rc;
}

api_code posture_lint(const char *text, size_t len, const char *name,
		      const struct posture_policy *policy, int64_t now,
		      struct posture_findings *out, struct api_error *err)
{
	struct dockerfile d;
	struct lint_image li;
	struct posture_engine e = {.policy = policy, .now = now};
	size_t from = out->n, i;
	api_code rc = dockerfile_parse(text, len, &d, err);

	if (rc != API_OK)
		return rc;
	rc = lint_image_build(&d, &li, err);
	dockerfile_free(&d);
	if (rc != API_OK)
		return rc;
	rc = posture_judge(
		&(struct posture_subject){.scope = POSTURE_SCOPE_IMAGE,
					  .engine = &e,
					  .image = &li.img,
					  .history = &li.h,
					  .image_name = name},
		out);
	for (i = from; rc == API_OK && i < out->n; i++) {
		char *ev = rewrite(
			&li, final_base(&li),
			out->items[i].evidence ? out->items[i].evidence : "");

		if (!ev) {
			rc = api_nomem(err);
			break;
		}
		free(out->items[i].evidence);
		out->items[i].evidence = ev;
		free(out->items[i].object_id);
		out->items[i].object_id = NULL;
	}
	if (rc == API_OK)
		rc = judge_bases(&li, name, &e, out, from, err);
	if (rc == API_E_NOMEM || out->nomem)
		rc = api_nomem(err);
	lint_image_free(&li);
	return rc;
}

size_t posture_lint_lines(const char *evidence, size_t *lines, size_t max)
{
	const char *p = evidence;
	size_t n = 0;

	while (p && n < max && (p = strstr(p, "line ")) != NULL) {
		char *end;
		unsigned long v;

		p += 5;
		v = strtoul(p, &end, 10);
		if (end != p && v > 0 && (p - 5 == evidence || p[-6] == ' ') &&
		    (*end == ':' || *end == ' ' || *end == ';' || !*end))
			lines[n++] = (size_t)v;
		p = end;
	}
	return n;
}
