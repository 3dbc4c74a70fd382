#include "api/json_scan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { IN_OBJECT = 1, IN_ARRAY = 2 };

struct frame {
	int kind;
	const char *key; /* the name the object or array was given */
	size_t key_len;
};

struct scan {
	const char *p, *end;
	json_scan_fn fn;
	void *ud;
	struct frame stack[JSON_SCAN_MAX_DEPTH];
	unsigned depth;
	const char *key; /* the name of the value about to be read */
	size_t key_len;
	int done;
};

static void skip_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
				 *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* At the opening quote; leaves p after the closing one. */
static int read_string(struct scan *s, const char **text, size_t *len,
		       int *escaped)
{
	const char *start = ++s->p;

	*escaped = 0;
	while (s->p < s->end) {
		unsigned char c = (unsigned char)*s->p;
		if (c == '"') {
			*text = start;
			*len = (size_t)(s->p - start);
			s->p++;
			return 0;
		}
		if (c < 0x20)
			return -1;
		if (c != '\\') {
			s->p++;
			continue;
		}
		*escaped = 1;
		if (s->end - s->p < 2)
			return -1;
		c = (unsigned char)s->p[1];
		if (c == 'u') {
			int i;
			if (s->end - s->p < 6)
				return -1;
			for (i = 2; i < 6; i++)
				if (!is_hex(s->p[i]))
					return -1;
			s->p += 6;
		} else if (strchr("\"\\/bfnrt", c) && c) {
			s->p += 2;
		} else {
			return -1;
		}
	}
	return -1;
}

static int digits(struct scan *s)
{
	const char *start = s->p;

	while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
		s->p++;
	return s->p > start ? 0 : -1;
}

/* The JSON grammar exactly: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int read_number(struct scan *s)
{
	if (s->p < s->end && *s->p == '-')
		s->p++;
	if (s->p < s->end && *s->p == '0')
		s->p++;
	else if (digits(s) != 0)
		return -1;
	if (s->p < s->end && *s->p == '.') {
		s->p++;
		if (digits(s) != 0)
			return -1;
	}
	if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
		s->p++;
		if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
			s->p++;
		if (digits(s) != 0)
			return -1;
	}
	return 0;
}

static int emit(struct scan *s, enum json_tok tok, const char *key,
		size_t key_len, const char *text, size_t len, int escaped)
{
	struct json_ev ev;

	ev.tok = tok;
	ev.depth = s->depth;
	ev.key = key;
	ev.key_len = key_len;
	ev.text = text;
	ev.len = len;
	ev.escaped = escaped;
	return s->fn ? s->fn(&ev, s->ud) : 0;
}

static int literal(struct scan *s, const char *word, enum json_tok tok)
{
	size_t n = strlen(word);

	if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0)
		return -1;
	s->p += n;
	return emit(s, tok, s->key, s->key_len, NULL, 0, 0);
}

static int open_container(struct scan *s, int kind)
{
	struct frame *f;
	int rc;

	if (s->depth >= JSON_SCAN_MAX_DEPTH)
		return -1;
	rc = emit(s, kind == IN_OBJECT ? JSON_OBJ_BEGIN : JSON_ARR_BEGIN,
		  s->key, s->key_len, NULL, 0, 0);
	if (rc != 0)
		return rc;
	f = &s->stack[s->depth++];
	f->kind = kind;
	f->key = s->key;
	f->key_len = s->key_len;
	s->p++;
	return 0;
}

static int close_container(struct scan *s)
{
	struct frame *f = &s->stack[--s->depth];

	s->p++;
	return emit(s, f->kind == IN_OBJECT ? JSON_OBJ_END : JSON_ARR_END,
		    f->key, f->key_len, NULL, 0, 0);
}

/* Reads `"name" :` and leaves p at the member's value. */
static int read_member_name(struct scan *s)
{
	int escaped;

	skip_ws(s);
	if (s->p >= s->end || *s->p != '"' ||
	    read_string(s, &s->key, &s->key_len, &escaped) != 0)
		return -1;
	skip_ws(s);
	if (s->p >= s->end || *s->p != ':')
		return -1;
	s->p++;
	skip_ws(s);
	return 0;
}

/* One scalar, or the opening of an object or array (and, when it is
 * empty, its closing). */
static int read_value(struct scan *s)
{
	const char *start = s->p, *text;
	size_t len;
	int escaped, rc;

	if (s->p >= s->end)
		return -1;
	switch (*s->p) {
	case '{':
	case '[':
		rc = open_container(s, *s->p == '{' ? IN_OBJECT : IN_ARRAY);
		if (rc != 0)
			return rc;
		skip_ws(s);
		if (s->p < s->end &&
		    *s->p == (s->stack[s->depth - 1].kind == IN_OBJECT ? '}'
								       : ']'))
			return close_container(s);
		if (s->stack[s->depth - 1].kind == IN_ARRAY) {
			s->key = NULL;
			s->key_len = 0;
			return read_value(s);
		}
		rc = read_member_name(s);
		return rc != 0 ? rc : read_value(s);
	case '"':
		if (read_string(s, &text, &len, &escaped) != 0)
			return -1;
		return emit(s, JSON_STRING, s->key, s->key_len, text, len,
			    escaped);
	case 't':
		return literal(s, "true", JSON_TRUE);
	case 'f':
		return literal(s, "false", JSON_FALSE);
	case 'n':
		return literal(s, "null", JSON_NULL);
	default:
		if (read_number(s) != 0)
			return -1;
		return emit(s, JSON_NUMBER, s->key, s->key_len, start,
			    (size_t)(s->p - start), 0);
	}
}

/* After a value: a comma and the next one, or the end of its container;
 * sets done when the document is complete. */
static int after_value(struct scan *s)
{
	struct frame *f;
	int rc;

	skip_ws(s);
	if (s->depth == 0) {
		s->done = 1;
		return 0;
	}
	f = &s->stack[s->depth - 1];
	if (s->p >= s->end)
		return -1;
	if (*s->p == (f->kind == IN_OBJECT ? '}' : ']'))
		return close_container(s);
	if (*s->p != ',')
		return -1;
	s->p++;
	skip_ws(s);
	if (f->kind == IN_ARRAY) {
		s->key = NULL;
		s->key_len = 0;
	} else if ((rc = read_member_name(s)) != 0) {
		return rc;
	}
	return read_value(s);
}

int json_scan(const char *text, size_t len, json_scan_fn fn, void *ud)
{
	struct scan st, *s = &st;
	int rc;

	if (!text)
		return -1;
	memset(s, 0, sizeof(*s));
	s->p = text;
	s->end = text + len;
	s->fn = fn;
	s->ud = ud;
	skip_ws(s);
	rc = read_value(s);
	while (rc == 0 && !s->done)
		rc = after_value(s);
	if (rc == 0 && s->p != s->end)
		rc = -1;
	return rc;
}

int json_key_is(const struct json_ev *ev, const char *name)
{
	size_t n = strlen(name);

	return ev->key && ev->key_len == n && memcmp(ev->key, name, n) == 0;
}

static unsigned hex4(const char *p)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else
			v |= (unsigned)(c - 'A' + 10);
	}
	return v;
}

static char *put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | (cp >> 6));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | (cp >> 12));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (char)(0xF0 | (cp >> 18));
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* At "\u" of a valid token: one code point, two escapes for a pair. */
static unsigned read_u_escape(const char **pp, const char *end)
{
	const char *p = *pp;
	unsigned cp = hex4(p + 2), lo;

	*pp = p + 6;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return 0xFFFD;
	if (cp < 0xD800 || cp > 0xDBFF)
		return cp;
	if (end - *pp < 6 || (*pp)[0] != '\\' || (*pp)[1] != 'u')
		return 0xFFFD;
	lo = hex4(*pp + 2);
	if (lo < 0xDC00 || lo > 0xDFFF)
		return 0xFFFD;
	*pp += 6;
	return 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
}

char *json_scan_strdup(const struct json_ev *ev)
{
	const char *p = ev->text, *end = ev->text + ev->len;
	/* An escape never decodes longer than it is written (\uXXXX is 6
	 * bytes for at most 3; a pair 12 for 4). */
	char *out = malloc(ev->len + 1), *o = out;

	if (!out)
		return NULL;
	while (p < end) {
		if (*p != '\\') {
			*o++ = *p++;
			continue;
		}
		switch (p[1]) {
		case 'u':
			o = put_utf8(o, read_u_escape(&p, end));
			continue;
		case 'b':
			*o++ = '\b';
			break;
		case 'f':
			*o++ = '\f';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 'r':
			*o++ = '\r';
			break;
		case 't':
			*o++ = '\t';
			break;
		default: /* " \ / */
			*o++ = p[1];
			break;
		}
		p += 2;
	}
	*o = '\0';
	return out;
}

/* A number with a fraction or an exponent, as a double, by hand: strtod
 * would follow the locale's decimal point. */
static double number_as_double(const char *p, const char *end)
{
	double m = 0.0;
	long exp10 = 0, e = 0;
	int neg = 0, eneg = 0;

	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	for (; p < end && *p >= '0' && *p <= '9'; p++)
		m = m * 10.0 + (*p - '0');
	if (p < end && *p == '.')
		for (p++; p < end && *p >= '0' && *p <= '9'; p++) {
			m = m * 10.0 + (*p - '0');
			exp10--;
		}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		for (; p < end && *p >= '0' && *p <= '9'; p++)
			if (e < 100000)
				e = e * 10 + (*p - '0');
	}
	exp10 += eneg ? -e : e;
	if (m == 0.0)
		return 0.0;
	m *= pow(10.0, (double)exp10);
	return neg ? -m : m;
}

uint64_t json_scan_u64(const struct json_ev *ev)
{
	const char *p = ev->text, *end = ev->text + ev->len;
	uint64_t v = 0;
	double d;

	if (ev->tok != JSON_NUMBER)
		return 0;
	if (memchr(p, '.', ev->len) || memchr(p, 'e', ev->len) ||
	    memchr(p, 'E', ev->len)) {
		d = number_as_double(p, end);
		if (isnan(d) || d <= 0)
			return 0;
		return d >= 18446744073709551615.0 ? UINT64_MAX : (uint64_t)d;
	}
	if (p < end && *p == '-')
		return 0;
	for (; p < end; p++) {
		unsigned dgt = (unsigned)(*p - '0');
		if (v > (UINT64_MAX - dgt) / 10)
			return UINT64_MAX;
		v = v * 10 + dgt;
	}
	return v;
}
