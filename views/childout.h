#ifndef BERTH_VIEWS_CHILDOUT_H
#define BERTH_VIEWS_CHILDOUT_H

#include <stddef.h>

#include "views/app.h"

/*
 * Runs a berth subcommand whose result is its standard output (berth
 * export ...) in a child process, `/proc/self/exe -H HOST [--tls] ARGV`
 * like views/bgjob.h, without blocking the console: stdout is read into
 * a bounded buffer and stderr's last line kept as the error message,
 * both through pipes the loop watches.  When the child has exited and
 * both pipes are closed, on_done gets the whole result at once.
 */

struct childout;

struct childout_result {
	const char *out; /* stdout, NUL-terminated (may hold NULs) */
	size_t len;
	int truncated;	 /* stdout was longer than max_out: the rest dropped */
	int status;	 /* WEXITSTATUS, or -1 if killed or could not run */
	const char *err; /* stderr's last non-empty line, or "" */
};

/* r is only valid during the call. */
typedef void (*childout_done_fn)(struct app *a, const struct childout_result *r,
				 void *ud);

/* argv: the subcommand and its arguments, NULL-terminated, without the
 * program name ({"export", "--as", "run", "--", "web-1", NULL}).
 * max_out: most bytes of stdout kept.  Returns the job (it frees itself
 * after on_done), or NULL after showing why in the status line. */
struct childout *childout_start(struct app *a, const char *const *argv,
				size_t max_out, childout_done_fn on_done,
				void *ud);

/* Kills and reaps the child without calling on_done (superseded). */
void childout_cancel(struct childout *c);

/* Number of children still running. */
int childout_running(void);

/* Kills and reaps every child, without callbacks (console exit, while
 * the loop still exists). */
void childout_kill_all(void);

/* Pure parts, exposed for unit tests. */
struct childout_buf {
	char *data; /* NUL-terminated */
	size_t len, max;
	int truncated;
};
/* Appends up to max bytes in all; returns -1 when out of memory. */
int childout_buf_add(struct childout_buf *b, const char *d, size_t n);
void childout_buf_free(struct childout_buf *b);

/* The last non-empty line of a stream fed in pieces; long lines are cut. */
struct childout_lastline {
	char cur[512], last[512];
	size_t n;
};
void childout_lastline_feed(struct childout_lastline *l, const char *d,
			    size_t n);
/* At end of stream: an unterminated last line counts.  Returns last. */
const char *childout_lastline_end(struct childout_lastline *l);

#endif
