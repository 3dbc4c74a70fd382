#include "model/contents_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "posture/contents_cache.h"

int cts_init(struct contents_store *s, const char *cache_dir)
{
	memset(s, 0, sizeof(*s));
	if (cache_dir && !(s->cache_dir = strdup(cache_dir)))
		return -1;
	return 0;
}

void cts_free(struct contents_store *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->items[i].id);
		posture_image_contents_free(&s->items[i].ic);
	}
	free(s->items);
	free(s->cache_dir);
	memset(s, 0, sizeof(*s));
}

static struct cs_entry *find(struct contents_store *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->items[i].id, id) == 0)
			return &s->items[i];
	return NULL;
}

static struct cs_entry *add(struct contents_store *s, const char *id)
{
	struct cs_entry *e;

	if (s->n == s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 16;
		e = realloc(s->items, nc * sizeof(*e));
		if (!e)
			return NULL;
		s->items = e;
		s->cap = nc;
	}
	e = &s->items[s->n];
	memset(e, 0, sizeof(*e));
	e->id = strdup(id);
	if (!e->id)
		return NULL;
	s->n++;
	return e;
}

const struct posture_image_contents *cts_get(struct contents_store *s,
					     const char *id)
{
	struct cs_entry *e;

	if (!id || !*id)
		return NULL;
	e = find(s, id);
	if (e)
		return e->state == CS_READY ? &e->ic : NULL;
	e = add(s, id);
	if (!e)
		return NULL;
	if (s->cache_dir &&
	    contents_cache_load(s->cache_dir, id, &e->ic) == 0) {
		posture_image_contents_slim(&e->ic);
		e->state = CS_READY;
		return &e->ic;
	}
	e->state = CS_WANTED;
	return NULL;
}

int cts_state(struct contents_store *s, const char *id, const char **why)
{
	struct cs_entry *e = find(s, id);

	if (why)
		*why = e && e->state == CS_FAILED ? e->error : NULL;
	return e ? (int)e->state : -1;
}

void cts_want(struct contents_store *s, const char *id)
{
	struct cs_entry *e = find(s, id);

	if (!e && cts_get(s, id))
		return; /* in the cache */
	e = find(s, id);
	if (e && e->state == CS_FAILED)
		e->state = CS_WANTED;
}

const char *cts_next_wanted(struct contents_store *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->items[i].state == CS_WANTED) {
			s->items[i].state = CS_READING;
			return s->items[i].id;
		}
	return NULL;
}

void cts_done(struct contents_store *s, const char *id, api_code rc,
	      struct posture_image_contents *ic, const char *why)
{
	struct cs_entry *e = find(s, id);

	if (!e) {
		if (rc == API_OK && ic)
			posture_image_contents_free(ic);
		return;
	}
	if (rc != API_OK || !ic) {
		e->state = CS_FAILED;
		snprintf(e->error, sizeof(e->error), "%s", why ? why : "");
		return;
	}
	if (s->cache_dir)
		contents_cache_save(s->cache_dir, ic);
	posture_image_contents_free(&e->ic);
	e->ic = *ic;
	memset(ic, 0, sizeof(*ic));
	posture_image_contents_slim(&e->ic);
	e->state = CS_READY;
}
