#include "model/cstore_impl.h"

#include <stdio.h>
#include <string.h>

#include "api/stats.h"

void cstore_stop_stats(struct cstore *st, struct cstore_entry *e)
{
	if (e->stats) {
		api_stats_stop(e->stats);
		e->stats = NULL;
		st->n_streams--;
	}
}

size_t cstore_stats_streams(const struct cstore *st)
{
	return st->n_streams;
}

/* A counter's rate since the last sample; a counter that went back (a
 * restart, a network detached) starts again. */
static double rate(uint64_t now, uint64_t last, double secs)
{
	return now >= last && secs > 0 ? (double)(now - last) / secs : 0;
}

void cstore_push_rates(struct cstore_entry *e, const struct api_stats *s,
		       uint64_t now_ms)
{
	double secs = (double)(now_ms - e->last_ms) / 1000.0;

	if (e->last_ms && now_ms > e->last_ms) {
		e->net_rx_rate = rate(s->net_rx_bytes, e->last_rx, secs);
		e->net_tx_rate = rate(s->net_tx_bytes, e->last_tx, secs);
		e->blk_read_rate = rate(s->blk_read_bytes, e->last_rd, secs);
		e->blk_write_rate = rate(s->blk_write_bytes, e->last_wr, secs);
		e->has_rates = 1;
	}
	e->last_ms = now_ms;
	e->last_rx = s->net_rx_bytes;
	e->last_tx = s->net_tx_bytes;
	e->last_rd = s->blk_read_bytes;
	e->last_wr = s->blk_write_bytes;
}

static void push_sample(struct cstore_entry *e, const struct api_stats *s,
			uint64_t now_ms)
{
	double mem_pct = api_stats_mem_percent(s);

	e->cpu_pct = api_stats_cpu_percent(s);
	e->mem_usage = api_stats_mem_usage(s);
	e->mem_limit = s->mem.limit;
	e->pids = s->pids_current;
	e->has_stats = 1;
	cstore_push_rates(e, s, now_ms);
	e->cpu_hist[e->hist_head] = (float)e->cpu_pct;
	e->mem_hist[e->hist_head] = (float)mem_pct;
	e->hist_head = (e->hist_head + 1) % CSTORE_HIST;
	if (e->hist_n < CSTORE_HIST)
		e->hist_n++;
}

static int on_stats(const struct api_stats *s, void *ud)
{
	struct cstore_entry *e = ud;

	push_sample(e, s, sched_now_ms(cstore_store_of(e)->sched));
	cstore_changed(cstore_store_of(e), 0);
	return 0;
}

static void on_stats_end(api_code code, const struct api_error *err, void *ud)
{
	struct cstore_entry *e = ud;
	struct cstore *st = cstore_store_of(e);

	(void)code;
	(void)err;
	/* The stream frees itself after this call. */
	e->stats = NULL;
	/* the next stream's first sample starts the rates again */
	e->last_ms = 0;
	e->has_rates = 0;
	st->n_streams--;
	((struct entry *)e)->priv.stats_retry_at =
		sched_now_ms(st->sched) + STATS_RETRY_MS;
}

static int is_running(const struct cstore_entry *e)
{
	return e->s.state && strcmp(e->s.state, "running") == 0;
}

static int same_want(const struct cstore *st, const char *const *ids, size_t n)
{
	size_t i;

	if (n != st->n_want)
		return 0;
	for (i = 0; i < n; i++)
		if (strncmp(st->want[i], ids[i], sizeof(st->want[i])) != 0)
			return 0;
	return 1;
}

static void start_stats(struct cstore *st, struct cstore_entry *e)
{
	struct entry_priv *p = &((struct entry *)e)->priv;

	if (e->stats || !is_running(e) ||
	    sched_now_ms(st->sched) < p->stats_retry_at)
		return;
	if (api_stats_start(st->client, e->s.id, on_stats, on_stats_end, e,
			    &e->stats, NULL) == API_OK)
		st->n_streams++;
	else
		p->stats_retry_at = sched_now_ms(st->sched) + STATS_RETRY_MS;
}

void cstore_stats_want(struct cstore *st, const char *const *ids, size_t n)
{
	size_t i, k;

	if (n > WANT_MAX)
		n = WANT_MAX;
	if (same_want(st, ids, n)) {
		/* Same rows: only (re)start what stopped and is running. */
		for (i = 0; i < st->n; i++)
			if (st->items[i]->wanted)
				start_stats(st, st->items[i]);
		return;
	}
	for (i = 0; i < st->n; i++)
		st->items[i]->wanted = 0;
	for (k = 0; k < n; k++) {
		ssize_t at = cstore_index_of(st, ids[k]);
		snprintf(st->want[k], sizeof(st->want[k]), "%s", ids[k]);
		if (at >= 0)
			st->items[at]->wanted = 1;
	}
	st->n_want = n;
	for (i = 0; i < st->n; i++) {
		struct cstore_entry *e = st->items[i];
		if (!e->wanted || !is_running(e))
			cstore_stop_stats(st, e);
		else
			start_stats(st, e);
	}
}
