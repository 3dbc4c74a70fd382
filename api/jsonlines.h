#ifndef BERTH_API_JSONLINES_H
#define BERTH_API_JSONLINES_H

#include <stddef.h>

#include "api/buf.h"

/*
 * Splits a byte stream into lines (events, stats, pull and build progress
 * are each one JSON document per line).  Bytes arrive in any chunking;
 * each complete line is handed to the callback without its '\n' (a '\r'
 * before it is dropped too).  A line longer than the cap is dropped whole
 * and counted, so a hostile engine cannot grow memory without bound.
 */

/* Return non-zero to stop: jsonlines_feed then returns that value. */
typedef int (*jsonlines_fn)(const char *line, size_t len, void *ud);

struct jsonlines {
	struct buf line;
	jsonlines_fn fn;
	void *ud;
	int skipping;	/* inside an over-long line */
	size_t dropped; /* over-long lines dropped so far */
};

#define JSONLINES_DEFAULT_MAX (4u * 1024u * 1024u)

void jsonlines_init(struct jsonlines *jl, size_t max_line, jsonlines_fn fn,
		    void *ud);
int jsonlines_feed(struct jsonlines *jl, const char *data, size_t len);
/* Hands over a last line that had no '\n' (the stream ended). */
int jsonlines_finish(struct jsonlines *jl);
void jsonlines_done(struct jsonlines *jl);

#endif
