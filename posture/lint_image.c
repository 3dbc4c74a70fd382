/* A Dockerfile turned into the record an engine keeps of the image it
 * builds (see lint_image.h), then parsed by the engine models' own
 * parsers: the rules cannot tell it from a built image. */
#include "posture/lint_image.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "posture/dockerfile_words.h"

/* Stages: where each starts and what it is built FROM. */
struct stage {
	size_t first; /* its FROM's index in d->items */
	char name[64];
	char *base; /* the FROM reference, args substituted */
	int parent; /* an earlier stage it is built from, or -1 */
};

struct build {
	const struct dockerfile *d;
	struct stage st[128];
	size_t n_st;
	struct df_vars global; /* ARGs before the first FROM */
	cJSON *env, *labels, *test, *hist;
	const char *user;
	int nomem;
};

static api_code read_stages(struct build *b, struct api_error *err)
{
	size_t i, j;
	int nomem = 0;

	for (i = 0; i < b->d->n; i++) {
		const struct df_instr *in = &b->d->items[i];
		const char *p;
		char *w, *as = NULL;
		struct stage *s;

		if (b->n_st == 0 && df_is(in, "ARG")) {
			p = in->args;
			while ((w = df_next_word(&p, &nomem))) {
				char *eq = strchr(w, '=');

				if (df_vars_set(&b->global, w,
						eq ? (size_t)(eq - w)
						   : strlen(w),
						eq ? eq + 1 : NULL) != 0)
					nomem = 1;
				free(w);
			}
		}
		if (!df_is(in, "FROM") || b->n_st == 128)
			continue;
		s = &b->st[b->n_st];
		p = df_after_flags(in->args);
		w = df_next_word(&p, &nomem);
		if (!w)
			return nomem ? api_nomem(err)
				     : api_error_set(err, API_E_PARSE, 0,
						     "%zu: FROM names no image",
						     in->line);
		s->base = df_subst(w, &b->global);
		free(w);
		w = df_next_word(&p, &nomem);
		if (w && strcasecmp(w, "AS") == 0)
			as = df_next_word(&p, &nomem);
		snprintf(s->name, sizeof(s->name), "%s", as ? as : "");
		free(w);
		free(as);
		s->first = i;
		s->parent = -1;
		b->n_st++;
		if (!s->base)
			return api_nomem(err);
		for (j = 0; j + 1 < b->n_st; j++)
			if (b->st[j].name[0] &&
			    strcasecmp(b->st[j].name, s->base) == 0)
				s->parent = (int)j;
	}
	if (nomem)
		return api_nomem(err);
	if (b->n_st == 0)
		return api_error_set(err, API_E_PARSE, 0,
				     "no FROM instruction");
	return API_OK;
}

/* Records where name (n bytes) was set; an ENV's later line wins, an
 * ARG's first one stays. */
static void mark(struct build *b, struct lint_image *li, const char *name,
		 size_t n, size_t line, int later_wins)
{
	struct lint_from *m;
	size_t i;

	for (i = 0; i < li->n_names; i++)
		if (strlen(li->names[i].ref) == n &&
		    strncmp(li->names[i].ref, name, n) == 0) {
			if (later_wins)
				li->names[i].line = line;
			return;
		}
	m = realloc(li->names, (li->n_names + 1) * sizeof(*m));
	if (!m) {
		b->nomem = 1;
		return;
	}
	li->names = m;
	m[li->n_names].ref = strndup(name, n);
	m[li->n_names].line = line;
	m[li->n_names].final_base = 0;
	if (!m[li->n_names].ref)
		b->nomem = 1;
	else
		li->n_names++;
}

size_t lint_name_line(const struct lint_image *li, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < li->n_names; i++)
		if (strlen(li->names[i].ref) == n &&
		    strncmp(li->names[i].ref, name, n) == 0)
			return li->names[i].line;
	return 0;
}

static size_t stage_end(const struct build *b, size_t k)
{
	return k + 1 < b->n_st ? b->st[k + 1].first : b->d->n;
}

/* ENV K=V K2=V2, or the old ENV K V; LABEL the same.  Later values of a
 * name replace earlier ones. */
static void pairs(struct build *b, struct lint_image *li, cJSON *into,
		  const struct df_instr *in, int env)
{
	const char *args = in->args;
	const char *p = args;
	char *w, *eq;

	w = df_next_word(&p, &b->nomem);
	if (w && !strchr(w, '=')) { /* ENV K some value */
		const char *rest = p + strspn(p, " \t");
		char *kv = malloc(strlen(w) + strlen(rest) + 2);

		if (!kv)
			b->nomem = 1;
		else
			sprintf(kv, "%s=%s", w, rest);
		free(w);
		w = kv;
		p = "";
	}
	for (; w; w = df_next_word(&p, &b->nomem)) {
		eq = strchr(w, '=');
		if (eq && env)
			mark(b, li, w, (size_t)(eq - w), in->line, 1);
		if (eq && env) {
			cJSON *it;
			size_t kl = (size_t)(eq - w) + 1;
			int i = 0;

			cJSON_ArrayForEach (it, into) {
				if (strncmp(it->valuestring, w, kl) == 0)
					break;
				i++;
			}
			if (it)
				cJSON_DeleteItemFromArray(into, i);
			if (!cJSON_AddItemToArray(into, cJSON_CreateString(w)))
				b->nomem = 1;
		} else if (eq) {
			*eq = '\0';
			cJSON_DeleteItemFromObjectCaseSensitive(into, w);
			if (!cJSON_AddStringToObject(into, w, eq + 1))
				b->nomem = 1;
		}
		free(w);
	}
}

/* HEALTHCHECK NONE, or [--interval ...] CMD command. */
static void healthcheck(struct build *b, const char *args)
{
	const char *a = df_after_flags(args);

	cJSON_Delete(b->test);
	b->test = cJSON_CreateArray();
	if (strncasecmp(a, "NONE", 4) == 0) {
		cJSON_AddItemToArray(b->test, cJSON_CreateString("NONE"));
		return;
	}
	if (strncasecmp(a, "CMD", 3) == 0)
		a += 3;
	a += strspn(a, " \t");
	cJSON_AddItemToArray(b->test, cJSON_CreateString("CMD-SHELL"));
	cJSON_AddItemToArray(b->test, cJSON_CreateString(a));
}

/* The final stage's config, with what its parent stages set first. */
static void final_config(struct build *b, struct lint_image *li)
{
	int chain[128], k = (int)b->n_st - 1, n = 0;
	size_t i;

	while (k >= 0 && n < 128) {
		chain[n++] = k;
		k = b->st[k].parent;
	}
	while (n-- > 0) {
		size_t s = (size_t)chain[n];

		for (i = b->st[s].first + 1; i < stage_end(b, s); i++) {
			const struct df_instr *in = &b->d->items[i];

			if (df_is(in, "USER")) {
				b->user = in->args;
				li->user_line = in->line;
			} else if (df_is(in, "ENV")) {
				pairs(b, li, b->env, in, 1);
			} else if (df_is(in, "LABEL")) {
				pairs(b, li, b->labels, in, 0);
			} else if (df_is(in, "HEALTHCHECK")) {
				healthcheck(b, in->args);
				li->health_line = in->line;
			}
		}
	}
}

/* "|N K=V ... /bin/sh -c CMD": how the classic builder records a RUN
 * that saw build args, which the secret rule reads. */
static char *run_record(const struct df_vars *a, const char *cmd)
{
	size_t i, len = strlen(cmd) + 32;
	char *o, *p;

	for (i = 0; i < a->n; i++)
		len += strlen(a->k[i]) + strlen(a->v[i]) + 2;
	o = malloc(len);
	if (!o)
		return NULL;
	p = o;
	if (a->n)
		p += sprintf(p, "|%zu", a->n);
	for (i = 0; i < a->n; i++)
		p += sprintf(p, " %s=%s", a->k[i], a->v[i]);
	sprintf(p, "%s/bin/sh -c %s", a->n ? " " : "", cmd);
	return o;
}

/* A RUN heredoc runs its body. */
static const char *run_command(const char *args)
{
	const char *a = df_after_flags(args), *nl;

	if (strncmp(a, "<<", 2) == 0 && (nl = strchr(a, '\n')))
		return nl + 1;
	return a;
}

static void hist_add(struct build *b, struct lint_image *li, size_t *n,
		     const char *created_by, size_t line)
{
	cJSON *e = cJSON_CreateObject();

	if (!e || !cJSON_AddStringToObject(e, "Id", "<missing>") ||
	    !cJSON_AddStringToObject(e, "CreatedBy", created_by) ||
	    !cJSON_AddNumberToObject(e, "Created", 0) ||
	    !cJSON_AddNumberToObject(e, "Size", 0) ||
	    !cJSON_InsertItemInArray(b->hist, 0, e)) {
		cJSON_Delete(e);
		b->nomem = 1;
		return;
	}
	li->h_line[(*n)++] = line;
}

/* Every stage's build steps, newest first; h_line is filled oldest
 * first and reversed at the end, as the array is. */
static void history(struct build *b, struct lint_image *li)
{
	struct df_vars args = {0};
	size_t i, n = 0, s = 0;
	char *rec;

	li->h_line = calloc(b->d->n + 1, sizeof(*li->h_line));
	if (!li->h_line) {
		b->nomem = 1;
		return;
	}
	for (i = 0; i < b->d->n; i++) {
		const struct df_instr *in = &b->d->items[i];

		if (s < b->n_st && i == b->st[s].first) {
			df_vars_clear(&args); /* build args are per stage */
			s++;
		}
		if (s > 0 && df_is(in, "ARG")) {
			const char *p = in->args;
			char *w, *eq;

			while ((w = df_next_word(&p, &b->nomem))) {
				eq = strchr(w, '=');
				mark(b, li, w,
				     eq ? (size_t)(eq - w) : strlen(w),
				     in->line, 0);
				if (df_vars_set(
					    &args, w,
					    eq ? (size_t)(eq - w) : strlen(w),
					    eq ? eq + 1
					       : df_vars_get(&b->global, w,
							     strlen(w))) != 0)
					b->nomem = 1;
				free(w);
			}
		} else if (df_is(in, "RUN")) {
			rec = run_record(&args, run_command(in->args));
			if (rec)
				hist_add(b, li, &n, rec, in->line);
			else
				b->nomem = 1;
			free(rec);
		} else if (df_is(in, "ADD") || df_is(in, "COPY") ||
			   df_is(in, "ENV")) {
			rec = malloc(strlen(in->args) + 16);
			if (rec) {
				sprintf(rec, "%s %s", in->cmd, in->args);
				hist_add(b, li, &n, rec, in->line);
			} else {
				b->nomem = 1;
			}
			free(rec);
		}
	}
	df_vars_clear(&args);
	for (i = 0; i < n / 2; i++) {
		size_t t = li->h_line[i];

		li->h_line[i] = li->h_line[n - 1 - i];
		li->h_line[n - 1 - i] = t;
	}
}

/* A reference as the engine resolves it: no tag and no digest is
 * ":latest"; scratch is no image. */
static char *resolved(const char *ref)
{
	const char *slash = strrchr(ref, '/');
	const char *last = slash ? slash + 1 : ref;
	char *o;

	if (strchr(ref, '@') || strchr(last, ':'))
		return strdup(ref);
	o = malloc(strlen(ref) + 8);
	if (o)
		sprintf(o, "%s:latest", ref);
	return o;
}

static void references(struct build *b, struct lint_image *li, cJSON *tags,
		       cJSON *digests)
{
	size_t k, root = b->n_st - 1;
	struct lint_from *f;

	li->from = calloc(b->n_st, sizeof(*li->from));
	if (!li->from) {
		b->nomem = 1;
		return;
	}
	while (b->st[root].parent >= 0)
		root = (size_t)b->st[root].parent;
	for (k = 0; k < b->n_st; k++) {
		if (b->st[k].parent >= 0)
			continue;
		f = &li->from[li->n_from];
		f->ref = strcasecmp(b->st[k].base, "scratch") == 0
				 ? strdup("scratch")
				 : resolved(b->st[k].base);
		if (!f->ref) {
			b->nomem = 1;
			return;
		}
		f->line = b->d->items[b->st[k].first].line;
		f->final_base = k == root;
		li->n_from++;
	}
	for (k = 0; k < li->n_from; k++) {
		f = &li->from[k];
		if (!f->final_base)
			continue;
		if (!cJSON_AddItemToArray(tags, cJSON_CreateString(f->ref)))
			b->nomem = 1;
		if (strcmp(f->ref, "scratch") != 0 &&
		    !cJSON_AddItemToArray(digests, cJSON_CreateString(f->ref)))
			b->nomem = 1;
	}
}

api_code lint_base_image(const char *ref, struct api_image_inspect *out,
			 struct api_error *err)
{
	cJSON *o = cJSON_CreateObject(), *t = cJSON_CreateArray();
	cJSON *d = cJSON_CreateArray();
	char *text = NULL;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (o && t && d && cJSON_AddItemToArray(t, cJSON_CreateString(ref)) &&
	    cJSON_AddItemToArray(d, cJSON_CreateString(ref)) &&
	    cJSON_AddStringToObject(o, "Id", "")) {
		cJSON_AddItemToObject(o, "RepoTags", t);
		t = NULL;
		cJSON_AddItemToObject(o, "RepoDigests", d);
		d = NULL;
		text = cJSON_PrintUnformatted(o);
	}
	rc = text ? api_image_inspect_parse(text, strlen(text), out, err)
		  : api_nomem(err);
	free(text);
	cJSON_Delete(o);
	cJSON_Delete(t);
	cJSON_Delete(d);
	return rc;
}

static api_code parse_back(struct build *b, struct lint_image *li, cJSON *img,
			   struct api_error *err)
{
	char *t1 = NULL, *t2 = NULL;
	api_code rc;

	t1 = cJSON_PrintUnformatted(img);
	t2 = cJSON_PrintUnformatted(b->hist);
	if (!t1 || !t2)
		rc = api_nomem(err);
	else
		rc = api_image_inspect_parse(t1, strlen(t1), &li->img, err);
	if (rc == API_OK)
		rc = api_image_history_parse(t2, strlen(t2), &li->h, err);
	free(t1);
	free(t2);
	return rc;
}

api_code lint_image_build(const struct dockerfile *d, struct lint_image *out,
			  struct api_error *err)
{
	struct build b = {.d = d};
	cJSON *img = cJSON_CreateObject(), *cfg = cJSON_CreateObject();
	cJSON *tags = cJSON_CreateArray(), *digests = cJSON_CreateArray();
	api_code rc;
	size_t k;

	memset(out, 0, sizeof(*out));
	b.env = cJSON_CreateArray();
	b.labels = cJSON_CreateObject();
	b.hist = cJSON_CreateArray();
	rc = read_stages(&b, err);
	if (rc == API_OK) {
		final_config(&b, out);
		history(&b, out);
		references(&b, out, tags, digests);
		if (!img || !cfg || !tags || !digests || !b.env || !b.labels ||
		    !b.hist)
			b.nomem = 1;
	}
	if (rc == API_OK && !b.nomem) {
		if (!cJSON_AddStringToObject(img, "Id", "") ||
		    !cJSON_AddStringToObject(cfg, "User", b.user ? b.user : ""))
			b.nomem = 1;
		cJSON_AddItemToObject(img, "RepoTags", tags);
		cJSON_AddItemToObject(img, "RepoDigests", digests);
		cJSON_AddItemToObject(cfg, "Env", b.env);
		cJSON_AddItemToObject(cfg, "Labels", b.labels);
		tags = digests = b.env = b.labels = NULL;
		if (b.test) {
			cJSON *hc = cJSON_AddObjectToObject(cfg, "Healthcheck");

			if (!hc)
				b.nomem = 1;
			else
				cJSON_AddItemToObject(hc, "Test", b.test);
			b.test = hc ? NULL : b.test;
		}
		cJSON_AddItemToObject(img, "Config", cfg);
		cfg = NULL;
		rc = b.nomem ? api_nomem(err) : parse_back(&b, out, img, err);
	}
	cJSON_Delete(img);
	cJSON_Delete(cfg);
	cJSON_Delete(tags);
	cJSON_Delete(digests);
	cJSON_Delete(b.env);
	cJSON_Delete(b.labels);
	cJSON_Delete(b.test);
	cJSON_Delete(b.hist);
	for (k = 0; k < b.n_st; k++)
		free(b.st[k].base);
	df_vars_clear(&b.global);
	if (rc != API_OK)
		lint_image_free(out);
	return rc;
}

void lint_image_free(struct lint_image *li)
{
	size_t i;

	api_image_inspect_free(&li->img);
	api_image_history_free(&li->h);
	free(li->h_line);
	for (i = 0; i < li->n_from; i++)
		free(li->from[i].ref);
	free(li->from);
	for (i = 0; i < li->n_names; i++)
		free(li->names[i].ref);
	free(li->names);
	memset(li, 0, sizeof(*li));
}
