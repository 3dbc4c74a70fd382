#include "model/posture_images.h"

#include "posture/accept.h"

#include <stdlib.h>
#include <string.h>

void pmi_free(struct pm_images *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].name);
		posture_findings_free(&l->items[i].f);
		api_kvlist_free(&l->items[i].accept_labels);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

struct pm_image *pmi_find(struct pm_images *l, const char *id)
{
	size_t i;

	for (i = 0; id && i < l->n; i++)
		if (strcmp(l->items[i].id, id) == 0)
			return &l->items[i];
	return NULL;
}

struct pm_image *pmi_want(struct pm_images *l, const char *id, const char *ref)
{
	struct pm_image *e = pmi_find(l, id);

	if (!id || !*id)
		return NULL;
	if (e)
		return e;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct pm_image *p = realloc(l->items, cap * sizeof(*p));
		if (!p)
			return NULL;
		l->items = p;
		l->cap = cap;
	}
	e = &l->items[l->n];
	memset(e, 0, sizeof(*e));
	e->id = strdup(id);
	e->name = strdup(ref && *ref ? ref : id);
	if (!e->id || !e->name) {
		free(e->id);
		free(e->name);
		return NULL;
	}
	e->want = 1;
	l->n++;
	return e;
}

struct pm_image *pmi_next_wanted(struct pm_images *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i].want && !l->items[i].inflight)
			return &l->items[i];
	return NULL;
}

size_t pmi_pending(const struct pm_images *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += l->items[i].want || l->items[i].inflight;
	return n;
}

api_code pmi_judge(struct pm_images *l, const char *id,
		   const struct api_image_inspect *img,
		   const struct api_image_history *h,
		   const struct posture_image_contents *contents,
		   const struct posture_engine *eng)
{
	struct pm_image *e = pmi_find(l, id);
	struct posture_findings f = {0};
	const char *name;
	api_code rc;

	if (!e)
		return API_OK; /* forgotten meanwhile */
	/* named as berth audit names it: its first tag, else the
	 * reference a container was created from */
	name = img->repo_tags.n ? img->repo_tags.v[0] : e->name;
	rc = posture_judge(
		&(struct posture_subject){.scope = POSTURE_SCOPE_IMAGE,
					  .engine = eng,
					  .image = img,
					  .history = h,
					  .contents = contents,
					  .image_name = name},
		&f);
	if (rc != API_OK) {
		posture_findings_free(&f);
		return rc;
	}
	api_kvlist_free(&e->accept_labels);
	rc = posture_accept_labels_copy(&img->config.labels, &e->accept_labels);
	posture_findings_sort(&f);
	posture_findings_free(&e->f);
	e->f = f;
	e->judged = 1;
	return rc;
}

void pmi_want_all(struct pm_images *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		l->items[i].want = 1;
}
