#ifndef BERTH_MODEL_LOG_MERGE_H
#define BERTH_MODEL_LOG_MERGE_H

#include <stddef.h>
#include <stdint.h>

#include "api/logframes.h"

/*
 * Several containers' log lines put in one order, by the engine's
 * timestamps, as they stream in.  Each source's lines come in their own
 * order; a line goes out once every source still open has a line
 * waiting (so none can still bring an older one), or once it has waited
 * hold_ms (a quiet container must not hold the others back when
 * following), or when the buffered bytes pass the cap (memory stays
 * bounded; order is then the best that fits).  Equal times go out by
 * source, then as they came.
 */

/* One line out: its source and the line as it came (ts and text point
 * into the merger's copy, valid during the call). */
typedef int (*log_merge_fn)(unsigned src, const struct logline *line, void *ud);

struct log_merge;

/* max_bytes 0: 32 MiB.  NULL on no memory. */
struct log_merge *log_merge_new(unsigned nsrc, size_t max_bytes,
				log_merge_fn fn, void *ud);
/* Copies the line in; -1 on no memory (the line is lost). */
int log_merge_push(struct log_merge *m, unsigned src, const struct logline *l,
		   int64_t now_ms);
/* The source sends nothing more. */
void log_merge_end(struct log_merge *m, unsigned src);
/* Hands out what may go (hold_ms < 0: wait for every open source, as
 * when reading logs that end).  Returns non-zero when fn asked to stop. */
int log_merge_drain(struct log_merge *m, int64_t now_ms, int64_t hold_ms);
/* Lines and bytes waiting. */
size_t log_merge_pending(const struct log_merge *m);
void log_merge_free(struct log_merge *m);

#endif
