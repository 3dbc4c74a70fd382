#include "model/posture_contents.h"

#include <stdio.h>
#include <string.h>

int pcontents_init(struct pcontents *p, const struct api_client_opts *opts,
		   const char *cache_dir, struct pscan *scan)
{
	memset(p, 0, sizeof(*p));
	p->scan = scan;
	if (cts_init(&p->store, cache_dir) != 0)
		return -1;
	if (creader_new(opts, &p->reader) != 0)
		p->reader = NULL;
	return 0;
}

void pcontents_free(struct pcontents *p)
{
	creader_free(p->reader);
	cts_free(&p->store);
	memset(p, 0, sizeof(*p));
}

static void pump(struct pcontents *p)
{
	const char *id;

	if (!p->reader || creader_busy(p->reader))
		return;
	id = cts_next_wanted(&p->store);
	if (id && creader_submit(p->reader, id) != 0)
		cts_done(&p->store, id, API_E_NOMEM, NULL, "not started");
}

const struct posture_image_contents *pcontents_get(struct pcontents *p,
						   const char *id)
{
	const struct posture_image_contents *ic = cts_get(&p->store, id);

	if (!ic)
		pump(p);
	return ic;
}

void pcontents_request(struct pcontents *p, const char *id)
{
	cts_want(&p->store, id);
	pump(p);
}

int pcontents_state(struct pcontents *p, const char *id, const char **why)
{
	return cts_state(&p->store, id, why);
}

const char *pcontents_cache_dir(const struct pcontents *p)
{
	return p->store.cache_dir;
}

int pcontents_fd(const struct pcontents *p)
{
	return p->reader ? creader_fd(p->reader) : -1;
}

void pcontents_ready(struct pcontents *p)
{
	struct posture_image_contents ic;
	char id[160], why[256];
	api_code rc;

	if (!p->reader || !creader_take(p->reader, id, sizeof(id), &rc, &ic,
					why, sizeof(why)))
		return;
	cts_done(&p->store, id, rc, &ic, why);
	pscan_image_again(p->scan, id);
	pump(p);
}
