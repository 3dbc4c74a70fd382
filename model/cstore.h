#ifndef BERTH_MODEL_CSTORE_H
#define BERTH_MODEL_CSTORE_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/containers.h"
#include "api/events.h"
#include "model/sched.h"

/*
 * The containers the console knows: one full list when the engine comes
 * up, then each container event is applied at once (die -> exited with
 * its code, pause -> paused, rename, ...) and confirmed by one inspect of
 * that container, never more than one in flight, asked again when another
 * event came meanwhile, so no answer older than an event overwrites it.
 * Nothing is re-listed or re-inspected on a timer, but for one case:
 * while a row is restarting, the engine is asked every half second which
 * containers still are, since it says nothing when it gives up.
 * Live stats are streamed only for the rows a view says are visible and
 * running, and each stream is closed when its row scrolls away.
 */

#define CSTORE_HIST 120 /* stats samples kept per container (~2 min) */

struct cstore_entry {
	struct api_container_summary s;
	/* live stats; has_stats is 0 until the first sample */
	int has_stats;
	double cpu_pct;
	uint64_t mem_usage;
	uint64_t mem_limit;
	uint64_t pids;
	/* bytes a second between the last two samples; has_rates is 0
	 * until there are two */
	int has_rates;
	double net_rx_rate, net_tx_rate;
	double blk_read_rate, blk_write_rate;
	float cpu_hist[CSTORE_HIST];
	float mem_hist[CSTORE_HIST]; /* percent of the limit */
	unsigned hist_n;	     /* samples in the ring, <= CSTORE_HIST */
	unsigned hist_head;	     /* where the next sample goes */
	/* private */
	struct api_stats_stream *stats;
	uint64_t last_ms; /* the last sample's time, and its counters */
	uint64_t last_rx, last_tx, last_rd, last_wr;
	struct api_request *refresh; /* at most one inspect in flight */
	unsigned long seq;	/* the store's event count at its last event */
	unsigned long sent_seq; /* seq when the inspect in flight was sent */
	int wanted;		/* in the current visible set */
};

struct cstore;

/* structural: rows came, went or changed (re-sort, re-filter); otherwise
 * only live numbers moved (redraw). */
typedef void (*cstore_changed_fn)(void *ud, int structural);

int cstore_new(struct api_client *c, const struct sched *s,
	       cstore_changed_fn fn, void *ud, struct cstore **out);
void cstore_free(struct cstore *st);

/* A full list (engine up, or a manual refresh). */
void cstore_relist(struct cstore *st);
/* Feeds a container event; others are ignored. */
void cstore_event(struct cstore *st, const struct api_event *ev);
/* The engine went away: stop every stream, keep the rows (marked stale). */
void cstore_disconnect(struct cstore *st);

size_t cstore_count(const struct cstore *st);
const struct cstore_entry *cstore_at(const struct cstore *st, size_t i);
const struct cstore_entry *cstore_find(const struct cstore *st,
				       const char *id_or_name);
/* Bumped on every change, so views rebuild their order only then. */
unsigned long cstore_generation(const struct cstore *st);
int cstore_listed(const struct cstore *st);	   /* the first list arrived */
int cstore_listing(const struct cstore *st);	   /* a list is in flight */
const char *cstore_error(const struct cstore *st); /* last failure, or "" */

/* Live stats for exactly these containers (the visible running rows):
 * streams start for new ids and stop for the others.  Cheap when the set
 * did not change; call it after every draw. */
void cstore_stats_want(struct cstore *st, const char *const *ids, size_t n);
size_t cstore_stats_streams(const struct cstore *st);

/* Counts by state for the top bar, as /info counts them. */
void cstore_counts(const struct cstore *st, int *running, int *paused,
		   int *stopped);

#endif
