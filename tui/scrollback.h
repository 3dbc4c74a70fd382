#ifndef BERTH_TUI_SCROLLBACK_H
#define BERTH_TUI_SCROLLBACK_H

#include <regex.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The logs pane's memory: a ring of lines capped on lines AND bytes, so
 * a container that logs for days (or floods) costs a bounded amount.
 * Each line is one allocation made when it arrives; the oldest lines go
 * when a cap is reached.  Lines are numbered by a sequence that keeps
 * growing (sb_begin() .. sb_end()), so a position held by the view stays
 * meaningful while the ring turns.
 */

#define SB_TRUNCATED 0x1u /* cut: longer than a cap */
#define SB_MARKER 0x2u	  /* berth's own line ("container exited") */
#define SB_CONT 0x4u	  /* continues the line before (a stack frame) */
#define SB_OPEN 0x8u	  /* a continuation shown although folding is on */

/* Lines arriving a little out of time order (several containers
 * interleaved) are put in place within this many of the newest. */
#define SB_SORT_WINDOW 4096

struct sb_line {
	int64_t tsn;	 /* nanoseconds since the epoch; 0: none */
	uint32_t len;	 /* text bytes */
	uint16_t ts_len; /* timestamp bytes */
	uint8_t stream;	 /* LOG_STDOUT or LOG_STDERR */
	uint8_t flags;	 /* SB_* */
	uint16_t src;	 /* which container, for an interleaved view */
	uint8_t mres;	 /* the filter's verdict, valid when mgen matches */
	uint32_t mgen;	 /* the pattern generation mres belongs to */
	char data[];	 /* ts, NUL, text, NUL */
};

static inline const char *sb_line_ts(const struct sb_line *l)
{
	return l->data;
}

static inline const char *sb_line_text(const struct sb_line *l)
{
	return l->data + l->ts_len + 1;
}

/* A line to add: the bytes are copied. */
struct sb_entry {
	int stream;
	unsigned flags;
	unsigned src;
	const char *ts; /* may be NULL */
	size_t ts_len;
	int64_t tsn;
	const char *text;
	size_t len;
};

struct scrollback {
	struct sb_line **ring;
	size_t cap; /* slots allocated (grows up to max_lines) */
	size_t max_lines;
	size_t max_bytes;
	size_t head, count, bytes;
	uint64_t first;	  /* sequence number of the oldest line */
	uint64_t dropped; /* lines evicted so far */
};

#define SB_NONE UINT64_MAX

/* max_lines, max_bytes 0: 100000 lines, 16 MiB. */
int sb_init(struct scrollback *sb, size_t max_lines, size_t max_bytes);
/* Drops every line, keeps the caps; sequence numbers keep growing. */
void sb_clear(struct scrollback *sb);
/* Safe on a zeroed scrollback and twice. */
void sb_free(struct scrollback *sb);
/* Adds a line (evicting the oldest as needed).  Returns 0, -1 on no
 * memory (the line is lost, the ring intact). */
int sb_push(struct scrollback *sb, const struct sb_entry *e);

static inline uint64_t sb_begin(const struct scrollback *sb)
{
	return sb->first;
}

static inline uint64_t sb_end(const struct scrollback *sb)
{
	return sb->first + sb->count;
}

/* The line numbered seq, or NULL when it is not (or no longer) held. */
struct sb_line *sb_get(const struct scrollback *sb, uint64_t seq);

/* A search or filter: a plain substring or a POSIX extended regex, case
 * insensitive unless the pattern has an upper-case letter. */
struct sb_pattern {
	int active;
	int regex;
	int icase;
	regex_t re;
	char *text;
	size_t tlen;
	uint32_t gen; /* bumped on every change, for sb_line's cache */
	/* a filter the pane judges itself (by field, say): whether a
	 * line's text passes; it marks no span for highlighting */
	int (*pred)(void *ud, const char *text, size_t len);
	void *pred_ud;
	/* lines of these sources (sb_line.src < 64) never match, with or
	 * without a pattern; kept by the owner across pattern changes */
	uint64_t hidden_src;
	/* folding: SB_CONT lines without SB_OPEN do not match while no text
	 * pattern is active (a filter shows what it finds); kept by the
	 * owner like hidden_src */
	int fold;
};

/* text NULL or "": no pattern.  On a bad regex returns -1 with why in
 * err and leaves the pattern inactive. */
int sb_pattern_set(struct sb_pattern *p, const char *text, int regex, char *err,
		   size_t errlen);
void sb_pattern_free(struct sb_pattern *p);
/* An active pattern judged by pred (see struct sb_pattern). */
void sb_pattern_set_pred(struct sb_pattern *p,
			 int (*pred)(void *ud, const char *text, size_t len),
			 void *ud);

/* The first match in text[from, len): 1 with [*so, *eo), else 0.  text
 * must have a NUL at len (regexec stops at the first NUL). */
int sb_pattern_find(const struct sb_pattern *p, const char *text, size_t len,
		    size_t from, size_t *so, size_t *eo);

/* Whether the line matches (always 1 with no active pattern); caches
 * the verdict in the line. */
int sb_line_matches(const struct sb_pattern *p, struct sb_line *l);

/* The next matching line after seq (dir > 0) or before it (dir < 0),
 * SB_NONE when none.  seq may be out of range (SB_NONE: from the end
 * going back, from the start going forward).  With p NULL or inactive
 * every line matches: the filtered view without a copy. */
uint64_t sb_next(const struct scrollback *sb, const struct sb_pattern *p,
		 uint64_t seq, int dir);

/* Counts the matching lines, writing the first max sequence numbers. */
size_t sb_search(const struct scrollback *sb, const struct sb_pattern *p,
		 uint64_t *out, size_t max);

/* "2024-01-02T03:04:05.123456789Z" (or with a +hh:mm offset) in
 * nanoseconds since the epoch; 0 when it is not one. */
int64_t sb_parse_time(const char *s, size_t len);

#endif
