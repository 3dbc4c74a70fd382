#ifndef BERTH_OPS_WATCH_LOGS_H
#define BERTH_OPS_WATCH_LOGS_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"

/*
 * berth watch --log-pattern: the live logs of the containers it watches,
 * each line matched against one POSIX extended regex.  A match is an
 * alert, at most one per container every every_s seconds; the matches
 * in between are counted into the next one.  Memory is bounded: a line
 * is matched on its first WATCH_LOG_LINE_MAX bytes, at most
 * WATCH_LOGS_MAX containers are followed, and a container's stream ends
 * with it (a start follows it again).
 */

#define WATCH_LOG_LINE_MAX 8192
#define WATCH_LOGS_MAX 256

struct watch_log_match {
	const char *id;
	const char *name;
	const char *line; /* not NUL-terminated; any bytes */
	size_t len;
	unsigned long suppressed; /* matches since the last alert, unsaid */
};

typedef void (*watch_log_fn)(const struct watch_log_match *m, void *ud);

struct watch_logs;

/* -1 with a message in err when the pattern does not compile or memory
 * runs out. */
int watch_logs_new(struct api_client *c, const char *pattern, int every_s,
		   watch_log_fn fn, void *ud, struct watch_logs **out,
		   char *err, size_t errlen);
/* Follows a running container's logs from since (UNIX seconds; 0: from
 * now) on, tty its Config.Tty; one already followed, or one too many, is
 * left as it is. */
void watch_logs_follow(struct watch_logs *w, const char *id, const char *name,
		       int tty, int64_t since);
size_t watch_logs_followed(const struct watch_logs *w);
/* The engine went away: every stream is dropped (followed again when it
 * is back and the containers are listed). */
void watch_logs_drop_all(struct watch_logs *w);
void watch_logs_free(struct watch_logs *w);

#endif
