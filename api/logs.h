#ifndef BERTH_API_LOGS_H
#define BERTH_API_LOGS_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/logframes.h"

/*
 * GET /containers/{id}/logs.  The body is framed (struct logframes)
 * unless the container has a TTY, which only the caller knows (from the
 * inspect model's Config.Tty), hence the tty parameters.
 */

struct api_logs_opts {
	int want_stdout; /* both 0: both streams */
	int want_stderr;
	int follow;
	int64_t since; /* UNIX seconds; 0: from the start */
	int64_t until; /* UNIX seconds; 0: up to now */
	int64_t tail;  /* lines from the end; < 0: all */
	int timestamps;
};

/* Both streams, no follow, all lines: what NULL opts mean too. */
#define API_LOGS_OPTS_INIT                                                     \
	{                                                                      \
		1, 1, 0, 0, 0, -1, 0                                           \
	}

/* The request path (caller frees), NULL on a bad id or out of memory. */
char *api_logs_path(const char *id, const struct api_logs_opts *opts);

struct api_logs_stream;

/* The stream ended: API_OK when the engine closed it (logs all sent, or
 * the followed container stopped), API_E_PARSE on garbage, API_E_CANCELLED
 * when on_chunk asked to stop.  The stream is freed right after. */
typedef void (*api_logs_end_fn)(api_code code, const struct api_error *err,
				void *ud);

/* Starts the request on the client's multi; the caller's loop drives it.
 * on_chunk gets payload bytes per stream as they come (feed them to a
 * struct loglines for lines).  Do not call api_logs_stop from on_chunk:
 * return non-zero instead. */
api_code api_logs_start(struct api_client *c, const char *id,
			const struct api_logs_opts *opts, int tty,
			logframes_fn on_chunk, api_logs_end_fn on_end, void *ud,
			struct api_logs_stream **out, struct api_error *err);
/* Cancels a stream that has not ended yet; on_end is not called. */
void api_logs_stop(struct api_logs_stream *s);

/* The logs gathered by the blocking call, each stream on its own. */
struct api_logs {
	char *stdout_data; /* NUL-terminated, but may hold NULs */
	size_t stdout_len;
	char *stderr_data;
	size_t stderr_len;
	int capped; /* max_bytes was reached and the rest left unread */
};

#define API_LOGS_DEFAULT_MAX (16u * 1024u * 1024u)

/* Blocking: the logs of both streams, at most max_bytes in all
 * (0: API_LOGS_DEFAULT_MAX).  opts->follow is ignored. */
api_code api_logs_collect(struct api_client *c, const char *id,
			  const struct api_logs_opts *opts, int tty,
			  size_t max_bytes, struct api_logs *out,
			  struct api_error *err);
void api_logs_free(struct api_logs *l);

#endif
