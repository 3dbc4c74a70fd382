#include "model/log_fields.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "model/log_level.h"

#define DEPTH 4	    /* nested objects flattened; deeper kept as text */
#define KEY_MAX 128 /* a dotted key's bytes */
#define RAW_MAX 256 /* an array or a too-deep object, as written */

struct scan {
	const char *s;
	size_t n, i;
	struct log_fields *f;
};

/* --- storing ----------------------------------------------------------- */

/* Copies bytes into the buffer with a NUL; NULL when it is full. */
static char *keep(struct log_fields *f, const char *b, size_t n)
{
	char *d;

	if (f->used + n + 1 > sizeof(f->buf))
		return NULL;
	d = f->buf + f->used;
	memcpy(d, b, n);
	d[n] = '\0';
	f->used += n + 1;
	return d;
}

static const char *const time_keys[] = {"time",	      "ts", "timestamp",
					"@timestamp", "t",  "datetime"};
static const char *const level_keys[] = {"level", "lvl", "severity",
					 "log.level", "loglevel"};
static const char *const msg_keys[] = {"msg", "message", "@message",
				       "log.message"};

static int among(const char *k, const char *const *set, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(k, set[i]) == 0)
			return 1;
	return 0;
}

#define AMONG(k, set) among((k), (set), sizeof(set) / sizeof((set)[0]))

static void add(struct log_fields *f, const char *key, size_t kn,
		const char *val, size_t vn, int quoted)
{
	struct log_field *x;
	size_t mark = f->used;
	int at = (int)f->n;

	if (f->n >= LOG_FIELDS_MAX) {
		f->dropped++;
		return;
	}
	x = &f->f[f->n];
	if ((x->key = keep(f, key, kn)) == NULL ||
	    (x->val = keep(f, val, vn)) == NULL) {
		f->used = mark;
		f->dropped++;
		return;
	}
	x->key_len = kn;
	x->val_len = vn;
	x->quoted = quoted;
	f->n++;
	if (f->time < 0 && AMONG(x->key, time_keys))
		f->time = at;
	else if (f->level < 0 && AMONG(x->key, level_keys))
		f->level = at;
	else if (f->msg < 0 && AMONG(x->key, msg_keys))
		f->msg = at;
}

/* --- JSON -------------------------------------------------------------- */

static void ws(struct scan *c)
{
	while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' ||
			       c->s[c->i] == '\r' || c->s[c->i] == '\n'))
		c->i++;
}

static int hex4(const char *s, unsigned *v)
{
	unsigned i, d;

	*v = 0;
	for (i = 0; i < 4; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return -1;
		d = isdigit((unsigned char)s[i])
			    ? (unsigned)(s[i] - '0')
			    : (unsigned)(tolower((unsigned char)s[i]) - 'a' +
					 10);
		*v = *v << 4 | d;
	}
	return 0;
}

static size_t utf8(unsigned cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | cp >> 12);
		o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | cp >> 18);
	o[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	o[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* \uXXXX at s (after the backslash-u), with a surrogate pair's second
 * half; returns the bytes read past "\u", or 0 when malformed. */
static size_t unicode(const char *s, size_t left, unsigned *cp)
{
	unsigned lo;

	if (left < 4 || hex4(s, cp) != 0)
		return 0;
	if (*cp >= 0xd800 && *cp < 0xdc00) {
		if (left >= 10 && s[4] == '\\' && s[5] == 'u' &&
		    hex4(s + 6, &lo) == 0 && lo >= 0xdc00 && lo < 0xe000) {
			*cp = 0x10000 + ((*cp - 0xd800) << 10) + (lo - 0xdc00);
			return 10;
		}
		*cp = 0xfffd;
	} else if (*cp >= 0xdc00 && *cp < 0xe000) {
		*cp = 0xfffd;
	}
	return 4;
}

static int escape(struct scan *c, char *out, size_t *o, size_t cap)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *p;
	char u[4];
	unsigned cp;
	size_t k, m;

	if (c->i >= c->n)
		return -1;
	if (c->s[c->i] == 'u') {
		k = unicode(c->s + c->i + 1, c->n - c->i - 1, &cp);
		if (!k)
			return -1;
		c->i += 1 + k;
		m = utf8(cp, u);
		if (*o + m <= cap) {
			memcpy(out + *o, u, m);
			*o += m;
		}
		return 0;
	}
	if ((p = strchr(from, c->s[c->i])) == NULL || !*p)
		return -1;
	if (*o < cap)
		out[(*o)++] = to[p - from];
	c->i++;
	return 0;
}

/* A string at c->i (on the quote), decoded into out (cut at cap). */
static int string(struct scan *c, char *out, size_t cap, size_t *len)
{
	size_t o = 0;
	unsigned char ch;

	c->i++;
	while (c->i < c->n) {
		ch = (unsigned char)c->s[c->i];
		if (ch == '"') {
			c->i++;
			*len = o;
			return 0;
		}
		if (ch < 0x20)
			return -1;
		c->i++;
		if (ch == '\\') {
			if (escape(c, out, &o, cap) != 0)
				return -1;
		} else if (o < cap) {
			out[o++] = (char)ch;
		}
	}
	return -1;
}

/* Past a value of any kind; balanced brackets, strings skipped whole. */
static int skip(struct scan *c)
{
	int depth = 0;
	char tmp[1];
	size_t l;

	do {
		if (c->i >= c->n)
			return -1;
		switch (c->s[c->i]) {
		case '"':
			if (string(c, tmp, 0, &l) != 0)
				return -1;
			continue;
		case '[':
		case '{':
			depth++;
			break;
		case ']':
		case '}':
			if (--depth < 0)
				return -1;
			break;
		default:
			if (depth == 0 && strchr(",}] \t\r\n:", c->s[c->i]))
				return -1;
			if (depth == 0) {
				while (c->i < c->n &&
				       !strchr(",}] \t\r\n", c->s[c->i]))
					c->i++;
				return 0;
			}
		}
		c->i++;
	} while (depth > 0);
	return 0;
}

static int object(struct scan *c, const char *prefix, size_t pn, int depth);

static int value(struct scan *c, const char *key, size_t kn, int depth)
{
	char v[LOG_FIELDS_BUF / 2];
	size_t vn, from = c->i;

	if (c->i >= c->n)
		return -1;
	if (c->s[c->i] == '"') {
		if (string(c, v, sizeof(v), &vn) != 0)
			return -1;
		add(c->f, key, kn, v, vn, 1);
		return 0;
	}
	if (c->s[c->i] == '{' && depth < DEPTH)
		return object(c, key, kn, depth + 1);
	if (skip(c) != 0)
		return -1;
	vn = c->i - from;
	add(c->f, key, kn, c->s + from, vn > RAW_MAX ? RAW_MAX : vn, 0);
	return 0;
}

static int object(struct scan *c, const char *prefix, size_t pn, int depth)
{
	char key[KEY_MAX];
	size_t kn, at;

	c->i++; /* the brace */
	ws(c);
	if (c->i < c->n && c->s[c->i] == '}') {
		c->i++;
		return 0;
	}
	for (;;) {
		if (c->i >= c->n || c->s[c->i] != '"')
			return -1;
		at = pn ? pn + 1 : 0;
		if (at >= sizeof(key))
			at = sizeof(key) - 1;
		if (pn) {
			memcpy(key, prefix, at - 1);
			key[at - 1] = '.';
		}
		if (string(c, key + at, sizeof(key) - at, &kn) != 0)
			return -1;
		kn += at;
		ws(c);
		if (c->i >= c->n || c->s[c->i] != ':')
			return -1;
		c->i++;
		ws(c);
		if (value(c, key, kn, depth) != 0)
			return -1;
		ws(c);
		if (c->i < c->n && c->s[c->i] == ',') {
			c->i++;
			ws(c);
			continue;
		}
		if (c->i < c->n && c->s[c->i] == '}') {
			c->i++;
			return 0;
		}
		return -1;
	}
}

static int json(struct scan *c)
{
	ws(c);
	if (c->i >= c->n || c->s[c->i] != '{')
		return -1;
	if (object(c, "", 0, 1) != 0)
		return -1;
	ws(c);
	return c->i == c->n ? 0 : -1;
}

/* --- logfmt ------------------------------------------------------------ */

static int key_char(char ch)
{
	return ch > ' ' && ch != '=' && ch != '"' && ch != 0x7f;
}

static int logfmt(struct scan *c)
{
	char v[LOG_FIELDS_BUF / 2];
	size_t k0, kn, vn;
	int pairs = 0;

	for (;;) {
		while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t'))
			c->i++;
		if (c->i >= c->n || c->s[c->i] == '\r')
			break;
		k0 = c->i;
		while (c->i < c->n && key_char(c->s[c->i]))
			c->i++;
		kn = c->i - k0;
		if (kn == 0 || kn >= KEY_MAX || c->i >= c->n ||
		    c->s[c->i] != '=')
			return -1;
		c->i++;
		if (c->i < c->n && c->s[c->i] == '"') {
			vn = 0;
			c->i++;
			while (c->i < c->n && c->s[c->i] != '"') {
				if (c->s[c->i] == '\\' && c->i + 1 < c->n)
					c->i++;
				if (vn < sizeof(v))
					v[vn++] = c->s[c->i];
				c->i++;
			}
			if (c->i >= c->n)
				return -1;
			c->i++;
			if (c->i < c->n && c->s[c->i] != ' ' &&
			    c->s[c->i] != '\t' && c->s[c->i] != '\r')
				return -1;
			add(c->f, c->s + k0, kn, v, vn, 1);
		} else {
			size_t v0 = c->i;

			while (c->i < c->n && c->s[c->i] != ' ' &&
			       c->s[c->i] != '\t' && c->s[c->i] != '"')
				c->i++;
			if (c->i < c->n && c->s[c->i] == '"')
				return -1;
			add(c->f, c->s + k0, kn, c->s + v0, c->i - v0, 0);
		}
		pairs++;
	}
	return pairs >= 2 ? 0 : -1;
}

static void reset(struct log_fields *f)
{
	f->kind = LOG_FIELDS_NONE;
	f->n = f->dropped = f->used = 0;
	f->time = f->level = f->msg = -1;
}

enum log_fields_kind log_fields_parse(const char *s, size_t n,
				      struct log_fields *f)
{
	struct scan c = {s, n, 0, f};

	reset(f);
	if (!s || n == 0 || n > LOG_FIELDS_LINE)
		return LOG_FIELDS_NONE;
	if (json(&c) == 0) {
		f->kind = LOG_FIELDS_JSON;
		return f->kind;
	}
	reset(f);
	c.i = 0;
	if (s[0] != '{' && logfmt(&c) == 0) {
		f->kind = LOG_FIELDS_LOGFMT;
		return f->kind;
	}
	reset(f);
	return LOG_FIELDS_NONE;
}

/* --- filter ------------------------------------------------------------ */

static int term(const char *t, size_t n, struct log_filter *f)
{
	const char *eq = memchr(t, '=', n);
	size_t kn, vn;
	int neg;

	if (!eq || eq == t || f->n >= LOG_FILTER_TERMS)
		return -1;
	neg = eq[-1] == '!';
	kn = (size_t)(eq - t) - (size_t)neg;
	vn = n - (size_t)(eq - t) - 1;
	if (kn == 0 || kn >= sizeof(f->t[0].key) || vn >= sizeof(f->t[0].val))
		return -1;
	for (size_t i = 0; i < kn; i++)
		if (!isalnum((unsigned char)t[i]) && !strchr("._@-", t[i]))
			return -1;
	memcpy(f->t[f->n].key, t, kn);
	f->t[f->n].key[kn] = '\0';
	memcpy(f->t[f->n].val, eq + 1, vn);
	f->t[f->n].val[vn] = '\0';
	f->t[f->n].negate = neg;
	f->n++;
	return 0;
}

int log_filter_parse(const char *text, struct log_filter *f)
{
	const char *p = text, *e;

	f->n = 0;
	if (!text)
		return 0;
	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		e = p;
		while (*e && *e != ' ')
			e++;
		if (term(p, (size_t)(e - p), f) != 0) {
			f->n = 0;
			return 0;
		}
		p = e;
	}
	return f->n > 0;
}

static int same_value(const char *a, const char *b, size_t bn, int levels)
{
	enum log_level la, lb;

	if (levels) {
		la = log_level_word(a, strlen(a));
		lb = log_level_word(b, bn);
		if (la != LOG_LEVEL_NONE || lb != LOG_LEVEL_NONE)
			return la == lb;
	}
	return strlen(a) == bn && strncasecmp(a, b, bn) == 0;
}

static int holds(const struct log_fields *f, const char *key, const char *val)
{
	int levels = strcasecmp(key, "level") == 0;
	size_t i;

	if (levels && f->level >= 0) {
		const struct log_field *x = &f->f[f->level];

		return strcmp(val, "*") == 0 ||
		       same_value(val, x->val, x->val_len, 1);
	}
	for (i = 0; i < f->n; i++)
		if (strcasecmp(f->f[i].key, key) == 0 &&
		    (strcmp(val, "*") == 0 ||
		     same_value(val, f->f[i].val, f->f[i].val_len, 0)))
			return 1;
	return 0;
}

int log_filter_match(const struct log_filter *flt, const struct log_fields *f)
{
	size_t i;

	if (f->kind == LOG_FIELDS_NONE)
		return 0;
	for (i = 0; i < flt->n; i++)
		if (holds(f, flt->t[i].key, flt->t[i].val) == flt->t[i].negate)
			return 0;
	return 1;
}
