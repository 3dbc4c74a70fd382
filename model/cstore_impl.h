#ifndef BERTH_MODEL_CSTORE_IMPL_H
#define BERTH_MODEL_CSTORE_IMPL_H

/* Shared by the container store's files only: model/cstore.c (the rows,
 * events, lists and inspects), model/cstore_stats.c (live stats of the
 * visible rows) and model/cstore_sweep.c (rows the engine restarts). */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "model/cstore.h"

#define WANT_MAX 256
#define STATS_RETRY_MS 5000
/* While a row is restarting the engine is asked this often which still
 * are: it sends no event when it gives up restarting one. */
#define SWEEP_MS 500

struct cstore {
	struct api_client *client;
	const struct sched *sched;
	cstore_changed_fn changed;
	void *ud;
	struct cstore_entry **items;
	size_t n, cap;
	struct api_request *listing;
	int list_again;
	int listed;
	unsigned long seq;	/* container events seen */
	unsigned long list_seq; /* seq when the list in flight was sent */
	/* Ids destroyed while the list is in flight: the list may still
	 * name them (it reads a replica the engine updates later). */
	char (*gone)[72];
	size_t n_gone, cap_gone;
	unsigned long gen;
	char error[sizeof(((struct api_error *)0)->msg)];
	/* the last visible set, to skip work when it did not change */
	char want[WANT_MAX][72];
	size_t n_want;
	size_t n_streams;
	int sweep_timer;	      /* the next look at restarting rows */
	struct api_request *sweeping; /* that look, in flight */
	unsigned long sweep_seq;      /* seq when it was sent */
};

struct entry_priv {
	struct cstore *st;
	uint64_t stats_retry_at;
};

/* Entries carry a back pointer for request callbacks. */
struct entry {
	struct cstore_entry pub;
	struct entry_priv priv;
};

/* model/cstore.c */
void cstore_changed(struct cstore *st, int structural);
void cstore_refresh(struct cstore *st, struct cstore_entry *e);
ssize_t cstore_index_of(const struct cstore *st, const char *id);
struct entry_priv *cstore_priv_of(struct cstore_entry *e);
struct cstore *cstore_store_of(struct cstore_entry *e);

/* model/cstore_stats.c */
void cstore_stop_stats(struct cstore *st, struct cstore_entry *e);
/* A sample's network and block counters at now_ms into the entry's
 * rates (bytes a second since the one before; exported for the tests). */
struct api_stats;
void cstore_push_rates(struct cstore_entry *e, const struct api_stats *s,
		       uint64_t now_ms);

/* model/cstore_sweep.c: looks again, later, while a row is restarting */
void cstore_sweep_later(struct cstore *st);
void cstore_sweep_stop(struct cstore *st);

#endif
