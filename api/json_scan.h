#ifndef BERTH_API_JSON_SCAN_H
#define BERTH_API_JSON_SCAN_H

#include <stddef.h>
#include <stdint.h>

/*
 * A walk over one JSON document that allocates nothing: each value is
 * handed to a callback as it is met, with its member name and depth, as
 * raw bytes of the input.  For the documents that come many times a
 * second (a stats sample per visible row) and of which a few fields are
 * read: building a cJSON tree of a hundred nodes to read ten was most of
 * the console's idle CPU.
 *
 * The whole document is checked against the JSON grammar, so garbage is
 * refused as cJSON would refuse it; what follows the value may only be
 * white space.
 */

enum json_tok {
	JSON_OBJ_BEGIN,
	JSON_OBJ_END,
	JSON_ARR_BEGIN,
	JSON_ARR_END,
	JSON_STRING,
	JSON_NUMBER,
	JSON_TRUE,
	JSON_FALSE,
	JSON_NULL,
};

#define JSON_SCAN_MAX_DEPTH 64

struct json_ev {
	enum json_tok tok;
	unsigned depth; /* the document is 0, its members 1, ... */
	/* The member name, raw (escapes left in), or NULL inside an array
	 * and for the document itself; the *_END tokens carry the name of
	 * the object or array they close. */
	const char *key;
	size_t key_len;
	/* JSON_STRING: the bytes between the quotes, escapes left in;
	 * JSON_NUMBER: the number as written. */
	const char *text;
	size_t len;
	int escaped; /* the string holds a backslash */
};

/* Non-zero stops the walk. */
typedef int (*json_scan_fn)(const struct json_ev *ev, void *ud);

/* 0: a whole valid document was walked; -1: not valid JSON (or nested
 * deeper than JSON_SCAN_MAX_DEPTH); otherwise what the callback returned
 * to stop. */
int json_scan(const char *text, size_t len, json_scan_fn fn, void *ud);

/* key (raw, as in json_ev) is exactly name. */
int json_key_is(const struct json_ev *ev, const char *name);

/* A string token decoded into a new NUL-terminated string (\uXXXX as
 * UTF-8, a lone surrogate as U+FFFD, other bytes as they are); NULL when
 * out of memory. */
char *json_scan_strdup(const struct json_ev *ev);

/* A number token as json_clamp_u64 would give it from cJSON's double: a
 * negative or NaN is 0, anything past the range UINT64_MAX, a fraction
 * truncated.  Plain integers are read exactly, without a double's 53
 * bits, and without the locale's decimal point. */
uint64_t json_scan_u64(const struct json_ev *ev);

#endif
