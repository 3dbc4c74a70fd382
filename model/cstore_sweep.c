#include "model/cstore_impl.h"

#include <stdlib.h>
#include <string.h>

#include "api/query.h"
#include "model/format.h"

/* "restarting" ends with a start event, or with none at all: a kill or a
 * stop while the engine waits to restart, on-failure out of retries, a
 * start that failed.  So while any row says restarting, one list of the
 * containers still restarting (the replica is written when the engine
 * gives up) says which rows to inspect again. */
static int any_restarting(const struct cstore *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (strcmp(api_str(st->items[i]->s.state), "restarting") == 0)
			return 1;
	return 0;
}

static int listed_id(const struct api_container_list *l, const char *id)
{
	size_t k;

	for (k = 0; k < l->n; k++)
		if (l->items[k].id && strcmp(l->items[k].id, id) == 0)
			return 1;
	return 0;
}

static void sweep_done(struct api_request *req, api_code code,
		       const struct api_response *resp,
		       const struct api_error *err, void *ud)
{
	struct cstore *st = ud;
	struct api_container_list l = {0};
	struct api_error perr;
	size_t i;

	(void)req;
	(void)err;
	st->sweeping = NULL;
	if (code == API_OK &&
	    api_containers_list_parse(resp->body, resp->body_len, &l, &perr) ==
		    API_OK)
		for (i = 0; i < st->n; i++) {
			struct cstore_entry *e = st->items[i];
			/* a row with newer news is asked by that news */
			if (e->seq <= st->sweep_seq &&
			    strcmp(api_str(e->s.state), "restarting") == 0 &&
			    !listed_id(&l, api_str(e->s.id)))
				cstore_refresh(st, e);
		}
	api_container_list_free(&l);
	cstore_sweep_later(st);
}

static void sweep_fire(void *ud)
{
	static const struct api_filter restarting = {"status", "restarting"};
	struct cstore *st = ud;
	struct api_containers_list_opts o = {
		.all = 1, .filters = &restarting, .n_filters = 1};
	struct api_request_spec spec = {.on_done = sweep_done, .ud = st};
	char *path;

	st->sweep_timer = 0;
	if (st->sweeping || !any_restarting(st))
		return;
	path = api_containers_list_path(&o);
	if (!path)
		return;
	spec.path = path;
	st->sweep_seq = st->seq;
	api_request_start(st->client, &spec, &st->sweeping, NULL);
	free(path);
}

void cstore_sweep_later(struct cstore *st)
{
	if (st->sweep_timer > 0 || st->sweeping || !st->sched ||
	    !any_restarting(st))
		return;
	st->sweep_timer =
		sched_timer_add(st->sched, SWEEP_MS, 0, sweep_fire, st);
}

void cstore_sweep_stop(struct cstore *st)
{
	if (st->sched)
		sched_timer_cancel(st->sched, st->sweep_timer);
	st->sweep_timer = 0;
	if (st->sweeping)
		api_request_cancel(st->sweeping);
	st->sweeping = NULL;
}
