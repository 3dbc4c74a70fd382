#include "model/jobs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/rebuild.h"
#include "ops/update.h"

struct entry {
	struct jobs *owner;
	struct entry *next;
	struct job *job;
	char label[128];
	char last[700]; /* the last result, for the summary */
	struct jobs_layers layers;
};

struct jobs {
	struct jobs_hooks h;
	struct entry *list;
};

void jobs_layers_add(struct jobs_layers *p, const char *id, int64_t cur,
		     int64_t total, const char *status, char *out,
		     size_t outlen)
{
	int64_t sc = 0, st = 0;
	int i, ndone = 0;
	int done = status &&
		   (strstr(status, "complete") || strstr(status, "exists"));

	for (i = 0; i < p->n && strncmp(p->ids[i], id, 15) != 0; i++)
		;
	if (i == p->n && p->n < JOBS_LAYERS_MAX)
		snprintf(p->ids[p->n++], sizeof(p->ids[0]), "%s", id);
	if (i < p->n) {
		if (total > 0) {
			p->cur[i] = cur;
			p->total[i] = total;
		}
		p->done[i] |= done;
	}
	for (i = 0; i < p->n; i++) {
		ndone += p->done[i];
		sc += p->done[i] ? p->total[i] : p->cur[i];
		st += p->total[i];
	}
	if (st > 0)
		snprintf(out, outlen, "pulling %d/%d layers %lld%%", ndone,
			 p->n, (long long)(sc * 100 / st));
	else
		snprintf(out, outlen, "pulling %d/%d layers", ndone, p->n);
}

struct jobs *jobs_new(const struct jobs_hooks *h)
{
	struct jobs *js = calloc(1, sizeof(*js));

	if (js)
		js->h = *h;
	return js;
}

void jobs_free(struct jobs *js)
{
	if (!js)
		return;
	while (js->list) {
		struct entry *e = js->list;

		js->list = e->next;
		job_cancel(e->job);
		free(e);
	}
	free(js);
}

size_t jobs_running(const struct jobs *js)
{
	const struct entry *e;
	size_t n = 0;

	for (e = js ? js->list : NULL; e; e = e->next)
		n++;
	return n;
}

static void say(struct entry *e, int alert, const char *fmt, const char *a,
		const char *b)
{
	char text[1000];

	snprintf(text, sizeof(text), fmt, a, b);
	e->owner->h.status(e->owner->h.ud, alert, text);
}

static void on_step(void *ud, const char *subject, const char *text)
{
	struct entry *e = ud;

	(void)subject;
	say(e, 0, "%s: %s", e->label, text);
}

static void on_layer(void *ud, const char *subject,
		     const struct api_pull_event *ev)
{
	struct entry *e = ud;
	char text[120];

	(void)subject;
	jobs_layers_add(&e->layers, ev->id, ev->current, ev->total, ev->status,
			text, sizeof(text));
	say(e, 0, "%s: %s", e->label, text);
}

static void on_result(void *ud, const char *subject, int failed,
		      const char *text)
{
	struct entry *e = ud;

	snprintf(e->last, sizeof(e->last), "%s%s: %s", failed ? "FAILED " : "",
		 subject, text);
	memset(&e->layers, 0, sizeof(e->layers));
	say(e, 0, "%s: %s", e->label, e->last);
}

static void on_end(void *ud, int status)
{
	struct entry *e = ud, **pp;
	struct jobs *js = e->owner;

	for (pp = &js->list; *pp && *pp != e; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = e->next;
	if (status == 0)
		say(e, 0, "%s: %s", e->label, *e->last ? e->last : "done");
	else
		say(e, 1, "%s failed: %s", e->label,
		    *e->last ? e->last : "see the headless command");
	free(e);
}

static struct entry *entry_new(struct jobs *js, const char *label,
			       struct job_report *rep)
{
	struct entry *e = calloc(1, sizeof(*e));

	if (!e) {
		js->h.status(js->h.ud, 1, "out of memory");
		return NULL;
	}
	e->owner = js;
	snprintf(e->label, sizeof(e->label), "%s", label);
	rep->step = on_step;
	rep->layer = on_layer;
	rep->output = on_step; /* a build's line, as its step */
	rep->result = on_result;
	rep->ud = e;
	return e;
}

static int started(struct jobs *js, struct entry *e, api_code rc,
		   const struct api_error *err)
{
	if (rc != API_OK) {
		say(e, 1, "%s: cannot start: %s", e->label, err->msg);
		free(e);
		return -1;
	}
	e->next = js->list;
	js->list = e;
	return 0;
}

int jobs_update(struct jobs *js, struct api_client *c, const char *label,
		int check, const char *const *names, size_t n)
{
	struct job_report rep;
	struct api_error err = {0};
	struct entry *e = entry_new(js, label, &rep);
	api_code rc;

	if (!e)
		return -1;
	rc = update_start(c, check, names, n, &rep, on_end, e, &e->job, &err);
	return started(js, e, rc, &err);
}

int jobs_rebuild(struct jobs *js, struct api_client *c, const char *label,
		 const char *name)
{
	struct rebuild_args args = {.name = name};
	struct job_report rep;
	struct api_error err = {0};
	struct entry *e = entry_new(js, label, &rep);
	api_code rc;

	if (!e)
		return -1;
	rc = rebuild_start(c, &args, &rep, on_end, e, &e->job, &err);
	return started(js, e, rc, &err);
}
