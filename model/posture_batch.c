#include "model/posture_batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "posture/image_contents.h"

static void on_status(void *ud, int error, const char *text)
{
	struct posture_batch *b = ud;

	if (!error)
		return;
	b->failed = 1;
	if (b->say)
		b->say(b->ud, text);
}

static const struct posture_image_contents *on_contents(void *ud,
							const char *id)
{
	struct posture_batch *b = ud;

	return cts_get(&b->contents, id);
}

/* A name matches the container so called or an id it begins (4 or more
 * characters, as the CLI's short ids are). */
static int on_keep(void *ud, const struct api_container_summary *s)
{
	struct posture_batch *b = ud;
	size_t i, n;
	int hit = 0;

	for (i = 0; i < b->n_names; i++) {
		n = strlen(b->names[i]);
		if ((s->name && strcmp(s->name, b->names[i]) == 0) ||
		    (s->id && n >= 4 && strncmp(s->id, b->names[i], n) == 0)) {
			b->matched[i] = 1;
			hit = 1;
		}
	}
	return hit;
}

int pbatch_init(struct posture_batch *b, struct api_client *c,
		const struct posture_batch_opts *o)
{
	memset(b, 0, sizeof(*b));
	b->c = c;
	b->use_contents = o->contents;
	b->names = o->names;
	b->n_names = o->names ? o->n_names : 0;
	b->say = o->say;
	b->ud = o->ud;
	b->matched = calloc(b->n_names + 1, 1);
	if (!b->matched || cts_init(&b->contents, o->cache_dir) != 0) {
		free(b->matched);
		b->matched = NULL;
		return -1;
	}
	pscan_init(&b->s, c,
		   &(struct pscan_hooks){.status = on_status,
					 .ud = b,
					 .contents = o->contents ? on_contents
								 : NULL,
					 .keep = b->n_names ? on_keep : NULL},
		   o->policy);
	b->s.drift = o->drift;
	return 0;
}

static void say_failed(struct posture_batch *b, const char *what,
		       const char *why)
{
	char text[900];

	snprintf(text, sizeof(text), "posture: %s%s%s", what, *why ? ": " : "",
		 why);
	on_status(b, 1, text);
}

/* Each wanted image's export is read between the scan's turns (it
 * drives the client itself), then the image is judged again with it. */
int pbatch_run(struct posture_batch *b)
{
	struct posture_image_contents ic;
	struct api_error err;
	const char *next;
	char id[160];
	api_code rc;

	pscan_all(&b->s);
	for (;;) {
		while (pscan_busy(&b->s)) {
			api_client_wait(b->c, NULL, 0, 1000);
			api_client_process(b->c);
		}
		next = b->use_contents ? cts_next_wanted(&b->contents) : NULL;
		if (!next)
			break;
		snprintf(id, sizeof(id), "%s", next);
		rc = posture_image_contents_read(b->c, id, &ic, NULL, &err);
		/* removed meanwhile: judged without */
		if (rc != API_OK &&
		    !(rc == API_E_HTTP && err.http_status == 404))
			say_failed(b, "image contents", err.msg);
		cts_done(&b->contents, id, rc, &ic,
			 rc == API_OK ? NULL : err.msg);
		pscan_image_again(&b->s, id);
	}
	if (b->s.error[0])
		say_failed(b, b->s.error, "");
	return b->failed ? -1 : 0;
}

api_code pbatch_findings(struct posture_batch *b, int with_host,
			 struct posture_findings *all)
{
	struct posture_model *m = &b->s.m;
	struct posture_findings one;
	size_t k;

	for (k = 0; k < m->engine.n; k++) {
		if (!with_host &&
		    m->engine.items[k].scope == POSTURE_SCOPE_HOST)
			continue;
		one = (struct posture_findings){.items = &m->engine.items[k],
						.n = 1};
		posture_findings_copy(all, &one);
	}
	for (k = 0; k < m->n; k++)
		posture_findings_copy(all, &m->items[k].f);
	for (k = 0; k < m->images.n; k++)
		if (m->images.items[k].judged)
			posture_findings_copy(all, &m->images.items[k].f);
	return all->nomem ? API_E_NOMEM : API_OK;
}

const char *pbatch_unmatched(const struct posture_batch *b)
{
	size_t i;

	for (i = 0; i < b->n_names; i++)
		if (!b->matched[i])
			return b->names[i];
	return NULL;
}

void pbatch_free(struct posture_batch *b)
{
	if (!b->matched)
		return;
	pscan_free(&b->s);
	cts_free(&b->contents);
	free(b->matched);
	b->matched = NULL;
}
