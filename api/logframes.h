#ifndef BERTH_API_LOGFRAMES_H
#define BERTH_API_LOGFRAMES_H

#include <stddef.h>
#include <stdint.h>

#include "api/buf.h"

/*
 * The engine's log and attach streams.  For a container without a TTY the
 * body is a sequence of frames: an 8-byte header [stream, 0, 0, 0, size as
 * big-endian uint32] and size bytes of payload.  With a TTY there are no
 * headers at all and everything is stdout ("raw" mode).
 *
 * struct logframes is a state machine fed bytes in any chunking.  Payload
 * is handed on as it arrives, never buffered: a frame may announce 4 GB.
 * struct loglines sits on top and turns the chunks into whole lines.
 */

enum { LOG_STDIN = 0, LOG_STDOUT = 1, LOG_STDERR = 2 };

/* Payload bytes of one stream (LOG_STDOUT or LOG_STDERR).
 * Return non-zero to stop: logframes_feed then returns LOGFRAMES_STOP. */
typedef int (*logframes_fn)(int stream, const char *data, size_t len, void *ud);

#define LOGFRAMES_ERROR (-1)
#define LOGFRAMES_STOP 1

struct logframes {
	logframes_fn on_chunk;
	void *ud;
	int raw;
	int state;
	unsigned char hdr[8];
	size_t hdr_len;	 /* header bytes gathered so far */
	int stream;	 /* of the frame being read */
	uint32_t left;	 /* payload bytes of that frame still to come */
	uint64_t frames; /* headers read so far */
	char msg[160];	 /* why the parser is in its error state */
};

void logframes_init(struct logframes *lf, int raw, logframes_fn on_chunk,
		    void *ud);
/* Returns 0, LOGFRAMES_ERROR on garbage (the parser then stays in its
 * error state; logframes_error says why) or LOGFRAMES_STOP. */
int logframes_feed(struct logframes *lf, const char *data, size_t len);
/* The stream ended: LOGFRAMES_ERROR if it stopped inside a frame. */
int logframes_finish(struct logframes *lf);
/* NULL unless the parser is in its error state. */
const char *logframes_error(const struct logframes *lf);

/* One whole line of one stream, without its '\n' (nor a '\r' before it). */
struct logline {
	int stream;	  /* LOG_STDOUT or LOG_STDERR */
	const char *ts;	  /* the engine's timestamp, when split off */
	size_t ts_len;	  /* 0 when there is none */
	const char *text; /* not NUL-terminated; may hold any bytes */
	size_t len;
	int truncated; /* the line was longer than the cap and was cut */
	int partial;   /* the stream ended before its '\n' */
};

/* Return non-zero to stop; the feed then returns LOGFRAMES_STOP. */
typedef int (*loglines_fn)(const struct logline *line, void *ud);

/* The longest timestamp prefix looked for ("2006-01-02T15:04:05.999999999Z"
 * and zone offsets fit well within it). */
#define LOGLINES_TS_MAX 64
#define LOGLINES_DEFAULT_MAX (64u * 1024u)

struct loglines {
	struct buf line[2]; /* stdout, stderr: partial lines never mix */
	int skipping[2];    /* inside a line already cut */
	size_t max_line;
	int timestamps;
	loglines_fn fn;
	void *ud;
	uint64_t truncated; /* lines cut so far */
};

/* max_line 0: LOGLINES_DEFAULT_MAX.  With timestamps set, each line's
 * leading "<RFC 3339 nano time> " is split off into ts. */
void loglines_init(struct loglines *ll, size_t max_line, int timestamps,
		   loglines_fn fn, void *ud);
/* A logframes_fn: pass it to logframes_init with the loglines as ud. */
int loglines_chunk(int stream, const char *data, size_t len, void *ud);
/* Hands over the last lines without a '\n' (stdout's, then stderr's). */
int loglines_finish(struct loglines *ll);
void loglines_done(struct loglines *ll);

/* The engine's timestamp of a line ("2006-01-02T15:04:05.999999999Z",
 * trailing zeros dropped, or with a zone offset) in nanoseconds since
 * the epoch; 0 when it has none or it is not one. */
int64_t logline_tsn(const char *ts, size_t len);

#endif
