#ifndef BERTH_MODEL_LOG_MULTI_H
#define BERTH_MODEL_LOG_MULTI_H

#include <signal.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/logframes.h"

/*
 * The logs of several containers read at once and handed out in the
 * engine's time order (model/log_merge): what `berth logs A B C` prints.
 * Each name is resolved first (a name or an id prefix, as docker logs
 * takes them); an unknown one fails the run before anything is read.
 */

#define LOG_MULTI_MAX 64

struct log_multi_opts {
	int follow;
	int64_t since; /* UNIX seconds; 0: from the start */
	int64_t tail;  /* per container; < 0: all */
	long hold_ms;  /* following: how long a line waits for the others */
};

/* One line out, with its container's name (and index among the names). */
typedef int (*log_multi_fn)(const char *name, unsigned src,
			    const struct logline *line, void *ud);

/* Runs until every stream ended (all logs read, or every followed
 * container stopped) or *stop is set.  API_OK, or the first failure
 * with why in err (lines read before it are handed out). */
api_code log_multi_run(struct api_client *c, char *const *refs, unsigned n,
		       const struct log_multi_opts *o, log_multi_fn fn,
		       void *ud, const volatile sig_atomic_t *stop,
		       struct api_error *err);

/* --since's forms: 10m, 2h, 1d, 30s ago, or an RFC 3339 time; UNIX
 * seconds, 0 for an empty text, -1 for anything else. */
int64_t log_since_parse(const char *s, int64_t now);

#endif
