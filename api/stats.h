#ifndef BERTH_API_STATS_H
#define BERTH_API_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"

/*
 * GET /containers/{id}/stats, once or as a stream of JSON lines, and the
 * figures `docker stats` shows, computed exactly as the docker CLI does
 * (cli/command/container/stats_helpers.go).
 */

struct api_cpu_stats {
	uint64_t total_usage;	   /* cpu_usage.total_usage, ns */
	size_t percpu_count;	   /* len(cpu_usage.percpu_usage); 0 on v2 */
	uint64_t system_cpu_usage; /* ns */
	uint64_t online_cpus;	   /* 0 when the engine did not say */
};

struct api_mem_stats {
	uint64_t usage;
	uint64_t limit;
	uint64_t max_usage; /* 0 on cgroup v2 */
	/* Values of memory_stats.stats; has_ says whether the key is
	 * there, which is what tells cgroup v1 from v2. */
	int has_cache;
	uint64_t cache;
	int has_total_inactive_file; /* cgroup v1 */
	uint64_t total_inactive_file;
	int has_inactive_file; /* cgroup v2 (v1 has one too) */
	uint64_t inactive_file;
};

struct api_stats {
	char *id; /* NULL when absent */
	char *name;
	char *read; /* RFC 3339; "0001-01-01T00:00:00Z" means never */
	char *preread;
	uint64_t pids_current;
	uint64_t pids_limit; /* 0: none reported */
	struct api_cpu_stats cpu;
	struct api_cpu_stats precpu;
	struct api_mem_stats mem;
	size_t n_networks;
	uint64_t net_rx_bytes; /* summed over the networks */
	uint64_t net_tx_bytes;
	uint64_t blk_read_bytes; /* io_service_bytes_recursive, summed */
	uint64_t blk_write_bytes;
};

api_code api_stats_parse(const char *json, size_t len, struct api_stats *out,
			 struct api_error *err);
void api_stats_free(struct api_stats *s);

/* CPU % since precpu; 100 is one whole CPU.  0 unless both deltas are
 * positive. */
double api_stats_cpu_percent(const struct api_stats *s);
/* Memory in use without the reclaimable page cache, in bytes. */
uint64_t api_stats_mem_usage(const struct api_stats *s);
/* api_stats_mem_usage of the limit, in %; 0 when there is no limit. */
double api_stats_mem_percent(const struct api_stats *s);

/* The request path (caller frees); NULL on a bad id or out of memory.
 * one_shot (API >= 1.41) skips the engine's second sample: quicker, but
 * without precpu there is no CPU %. */
char *api_stats_path(const char *id, int stream, int one_shot);

/* Blocking, one sample.  one_shot is dropped when the negotiated API is
 * older than 1.41. */
api_code api_stats(struct api_client *c, const char *id, int one_shot,
		   struct api_stats *out, struct api_error *err);

struct api_stats_stream;

/* One sample (valid during the call only).  Return non-zero to stop. */
typedef int (*api_stats_fn)(const struct api_stats *s, void *ud);
/* The stream ended (API_E_CANCELLED when on_stats asked to stop); the
 * stream is freed right after. */
typedef void (*api_stats_end_fn)(api_code code, const struct api_error *err,
				 void *ud);

/* Starts a stream (about one sample a second) on the client's multi.
 * Lines that are not a stats object are skipped and counted.  Do not call
 * api_stats_stop from on_stats: return non-zero instead. */
api_code api_stats_start(struct api_client *c, const char *id,
			 api_stats_fn on_stats, api_stats_end_fn on_end,
			 void *ud, struct api_stats_stream **out,
			 struct api_error *err);
/* Cancels a stream that has not ended yet; on_end is not called. */
void api_stats_stop(struct api_stats_stream *s);
/* Lines skipped so far because they did not parse. */
size_t api_stats_stream_bad(const struct api_stats_stream *s);

#endif
