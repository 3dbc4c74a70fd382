#ifndef BERTH_MODEL_LOG_FIELDS_H
#define BERTH_MODEL_LOG_FIELDS_H

#include <stddef.h>

/*
 * Structured log lines: one JSON object per line (nested objects read as
 * dotted keys, "user":{"id":42} as user.id) or logfmt (key=value
 * key="quoted value", at least two pairs and nothing else).  Parsed
 * into the struct itself, with no allocation, so the drawing and the
 * filter can read every line of a flood; longer lines stay raw.  Values
 * are decoded (JSON escapes, logfmt quotes) and NOT sanitized: they are
 * the container's bytes and go through the sanitizer before any screen.
 */

#define LOG_FIELDS_MAX 32     /* fields kept; the rest are counted */
#define LOG_FIELDS_BUF 8192   /* decoded keys and values */
#define LOG_FIELDS_LINE 65536 /* longer lines are not parsed */

enum log_fields_kind {
	LOG_FIELDS_NONE,
	LOG_FIELDS_JSON,
	LOG_FIELDS_LOGFMT,
};

struct log_field {
	const char *key; /* NUL-terminated, in the struct's buffer */
	size_t key_len;
	const char *val;
	size_t val_len;
	int quoted; /* a string (JSON) or quoted value (logfmt) */
};

struct log_fields {
	enum log_fields_kind kind;
	size_t n;
	size_t dropped; /* fields beyond LOG_FIELDS_MAX or the buffer */
	/* the fields that play a part, by index, -1 when absent: the time
	 * the program wrote, its level, its message */
	int time, level, msg;
	struct log_field f[LOG_FIELDS_MAX];
	size_t used;
	char buf[LOG_FIELDS_BUF];
};

/* The line's kind (LOG_FIELDS_NONE: plain text, f->n is then 0). */
enum log_fields_kind log_fields_parse(const char *s, size_t n,
				      struct log_fields *f);

/*
 * A filter by field: space-separated terms key=value, key!=value or
 * key=* (present); all must hold.  "level" means the line's level field
 * whatever its key (lvl, severity ...), and its values compare as levels
 * (level=error matches ERR).  Keys compare without case, values too.
 */
#define LOG_FILTER_TERMS 8

struct log_filter {
	size_t n;
	struct {
		char key[64];
		char val[192];
		int negate;
	} t[LOG_FILTER_TERMS];
};

/* 1 when text is a filter by field (filled in f), else 0. */
int log_filter_parse(const char *text, struct log_filter *f);

/* Whether a parsed line passes; plain lines never do. */
int log_filter_match(const struct log_filter *flt, const struct log_fields *f);

#endif
