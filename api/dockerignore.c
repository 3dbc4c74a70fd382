#include "api/dockerignore.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Each pattern becomes a small token list run as an NFA over the path's
 * code points, so hostile patterns ("*a*a*a*b") cost O(path x pattern)
 * rather than backtracking.  Invalid UTF-8 bytes stand for themselves.
 */

enum tok_kind {
	TK_LIT,
	TK_ANY,	      /* ?: one character but '/' */
	TK_CLASS,     /* [...] */
	TK_STAR,      /* *: any run without '/' */
	TK_DSTAR,     /* ** inside: (.*\/)? */
	TK_DSTAR_END, /* ** at the end: .* */
};

struct tok {
	unsigned char kind;
	unsigned char neg;
	uint32_t cp;
	size_t cls, ncls; /* range pairs in the pattern's ranges */
};

struct dockerignore_pat {
	char *text; /* cleaned, without the '!' */
	size_t len;
	int exclusion;
	int suffix; /* moby's fast path: "**" then literals, a suffix test */
	struct tok *toks;
	size_t ntok;
	uint32_t *ranges;
	size_t nranges;
};

#define BAD_BYTE 0x110000u

static uint32_t utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	size_t left = len - *i, n, k;
	uint32_t cp;

	if (u[0] < 0x80) {
		*i += 1;
		return u[0];
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		cp = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		cp = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		cp = u[0] & 0x07;
	} else {
		n = 0;
		cp = 0;
	}
	for (k = 1; n && k < n; k++) {
		if (k >= left || (u[k] & 0xC0) != 0x80)
			n = 0;
		else
			cp = (cp << 6) | (u[k] & 0x3F);
	}
	if (!n || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*i += 1;
		return BAD_BYTE + u[0];
	}
	*i += n;
	return cp;
}

static int put(char *out, size_t n, size_t *w, char c)
{
	if (*w + 1 >= n)
		return -1;
	out[(*w)++] = c;
	return 0;
}

/* A line-for-line port of Go's filepath.Clean (Unix). */
int api_path_clean(const char *path, size_t len, char *out, size_t n)
{
	size_t r = 0, w = 0, dotdot = 0;
	int rooted = len > 0 && path[0] == '/', bad = 0;

	if (n < 2)
		return -1;
	if (rooted) {
		bad |= put(out, n, &w, '/');
		r = dotdot = 1;
	}
	while (r < len && !bad) {
		int end1 = r + 1 == len || path[r + 1] == '/';
		if (path[r] == '/') {
			r++;
		} else if (path[r] == '.' && end1) {
			r++;
		} else if (path[r] == '.' && path[r + 1] == '.' &&
			   (r + 2 == len || path[r + 2] == '/')) {
			r += 2;
			if (w > dotdot) {
				w--;
				while (w > dotdot && out[w] != '/')
					w--;
			} else if (!rooted) {
				if (w > 0)
					bad |= put(out, n, &w, '/');
				bad |= put(out, n, &w, '.');
				bad |= put(out, n, &w, '.');
				dotdot = w;
			}
		} else {
			if ((rooted && w != 1) || (!rooted && w != 0))
				bad |= put(out, n, &w, '/');
			for (; r < len && path[r] != '/' && !bad; r++)
				bad |= put(out, n, &w, path[r]);
		}
	}
	if (w == 0 && !bad)
		bad |= put(out, n, &w, '.');
	if (bad)
		return -1;
	out[w] = '\0';
	return (int)w;
}

static int pat_push(struct dockerignore_pat *p, struct tok t, size_t *cap)
{
	if (p->ntok == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		struct tok *nt = realloc(p->toks, nc * sizeof(*nt));
		if (!nt)
			return -1;
		p->toks = nt;
		*cap = nc;
	}
	p->toks[p->ntok++] = t;
	return 0;
}

/* filepath.Match's getEsc: a class character, '\' escaping the next. */
static int class_char(const struct dockerignore_pat *p, size_t *i, uint32_t *c)
{
	if (*i >= p->len || p->text[*i] == '-' || p->text[*i] == ']')
		return -1;
	if (p->text[*i] == '\\' && ++*i >= p->len)
		return -1;
	*c = utf8_next(p->text, p->len, i);
	return 0;
}

static int parse_class(struct dockerignore_pat *p, size_t *i, struct tok *t)
{
	t->kind = TK_CLASS;
	t->neg = *i < p->len && p->text[*i] == '^';
	*i += t->neg;
	t->cls = p->nranges;
	for (;;) {
		uint32_t lo, hi, *nr;

		if (*i < p->len && p->text[*i] == ']' && t->ncls > 0) {
			++*i;
			return 0;
		}
		if (class_char(p, i, &lo) != 0)
			return -1;
		hi = lo;
		if (*i < p->len && p->text[*i] == '-') {
			++*i;
			if (class_char(p, i, &hi) != 0)
				return -1;
		}
		nr = realloc(p->ranges, (p->nranges + 1) * 2 * sizeof(*nr));
		if (!nr)
			return -2;
		p->ranges = nr;
		nr[p->nranges * 2] = lo;
		nr[p->nranges * 2 + 1] = hi;
		p->nranges++;
		t->ncls++;
	}
}

/* Returns 0, -1 for a bad pattern, -2 out of memory. */
static int pat_compile(struct dockerignore_pat *p)
{
	size_t i = 0, cap = 0;
	int special = 0, lead = 0;

	while (i < p->len) {
		struct tok t = {0};
		uint32_t c = utf8_next(p->text, p->len, &i);

		if (c == '*' && i < p->len && p->text[i] == '*') {
			i++;
			if (i < p->len && p->text[i] == '/')
				i++;
			t.kind = i < p->len ? TK_DSTAR : TK_DSTAR_END;
			if (p->ntok == 0 && !special)
				lead = 1;
			else
				special = 1;
		} else if (c == '*' || c == '?') {
			t.kind = c == '*' ? TK_STAR : TK_ANY;
			special = 1;
		} else if (c == '\\' && i < p->len) {
			t.cp = utf8_next(p->text, p->len, &i);
			special = 1;
		} else if (c == '[') {
			int rc = parse_class(p, &i, &t);
			if (rc != 0)
				return rc;
			special = 1;
		} else {
			t.cp = c;
		}
		if (pat_push(p, t, &cap) != 0)
			return -2;
	}
	p->suffix = lead && !special;
	return 0;
}

static int in_class(const struct dockerignore_pat *p, const struct tok *t,
		    uint32_t c)
{
	size_t k;
	int in = 0;

	for (k = 0; k < t->ncls && !in; k++)
		in = c >= p->ranges[(t->cls + k) * 2] &&
		     c <= p->ranges[(t->cls + k) * 2 + 1];
	return in != t->neg;
}

/* Follows the forward epsilon edges: the stars may match nothing. */
static void closure(const struct dockerignore_pat *p, unsigned char *set)
{
	size_t i;

	for (i = 0; i < p->ntok; i++)
		if (set[i] && p->toks[i].kind >= TK_STAR)
			set[i + 1] = 1;
}

/* Returns whether any state is still alive: a dead set ends the match. */
static int step(const struct dockerignore_pat *p, const unsigned char *cur,
		unsigned char *next, uint32_t c)
{
	size_t i, n = p->ntok + 1;

	memset(next, 0, 2 * n);
	for (i = 0; i < p->ntok; i++) {
		const struct tok *t = &p->toks[i];
		int slash = c == '/';

		/* cur[n + i]: inside a "**\/" that still owes its '/' */
		if (cur[n + i] || (cur[i] && t->kind == TK_DSTAR)) {
			next[n + i] = 1;
			next[i + 1] |= slash;
		}
		if (!cur[i])
			continue;
		if (t->kind == TK_LIT)
			next[i + 1] |= c == t->cp;
		else if (t->kind == TK_ANY)
			next[i + 1] |= !slash;
		else if (t->kind == TK_CLASS)
			next[i + 1] |= !slash && in_class(p, t, c);
		else if (t->kind == TK_STAR)
			next[i] |= !slash;
		else if (t->kind == TK_DSTAR_END)
			next[i] = 1;
	}
	closure(p, next);
	return memchr(next, 1, 2 * n) != NULL;
}

static int pat_match(const struct dockerignore_pat *p, const char *s,
		     size_t len)
{
	size_t n = p->ntok + 1, i = 0;
	unsigned char *mem, *cur, *next;
	int ok, alive = 1;

	if (p->suffix) {
		const char *suf = p->text + 2;
		size_t sl = p->len - 2;
		if (len >= sl && memcmp(s + len - sl, suf, sl) == 0)
			return 1;
		return sl > 0 && suf[0] == '/' && len == sl - 1 &&
		       memcmp(s, suf + 1, len) == 0;
	}
	mem = calloc(4, n);
	if (!mem)
		return 0;
	cur = mem;
	next = mem + 2 * n;
	cur[0] = 1;
	closure(p, cur);
	while (i < len && alive) {
		unsigned char *tmp;
		alive = step(p, cur, next, utf8_next(s, len, &i));
		tmp = cur;
		cur = next;
		next = tmp;
	}
	ok = cur[p->ntok];
	free(mem);
	return ok;
}

int api_dockerignore_excluded(const struct dockerignore *d, const char *path)
{
	size_t len = strlen(path), k, j;
	int matched = 0;

	for (k = 0; k < d->n; k++) {
		const struct dockerignore_pat *p = &d->pats[k];
		int m;

		if (p->exclusion != matched)
			continue;
		m = pat_match(p, path, len);
		/* the parent directories, shortest first */
		for (j = 0; !m && j < len; j++)
			if (path[j] == '/' && j > 0)
				m = pat_match(p, path, j);
		if (m)
			matched = !p->exclusion;
	}
	return matched;
}

int api_dockerignore_skip_dir(const struct dockerignore *d, const char *dir)
{
	size_t dl = strlen(dir), k;

	if (!d->has_exclusions)
		return 1;
	for (k = 0; k < d->n; k++) {
		const struct dockerignore_pat *p = &d->pats[k];

		/* moby: strings.HasPrefix(pattern + "/", dir + "/") */
		if (p->exclusion && p->len + 1 >= dl + 1 &&
		    memcmp(p->text, dir, dl) == 0 &&
		    (p->len == dl ? 1 : p->text[dl] == '/'))
			return 0;
	}
	return 1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	       c == '\f';
}

static void trim(const char **s, size_t *len)
{
	while (*len && is_space(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && is_space((*s)[*len - 1]))
		(*len)--;
}

static void pat_free(struct dockerignore_pat *p)
{
	free(p->text);
	free(p->toks);
	free(p->ranges);
	memset(p, 0, sizeof(*p));
}

/* One line, as ignorefile.ReadAll then patternmatcher.New see it. */
static api_code add_line(struct dockerignore *d, const char *s, size_t len,
			 struct api_error *err)
{
	struct dockerignore_pat p = {0};
	int rc, cl;

	if (len && s[0] == '#')
		return API_OK;
	trim(&s, &len);
	if (!len)
		return API_OK;
	p.exclusion = s[0] == '!';
	if (p.exclusion) {
		s++;
		len--;
		trim(&s, &len);
		if (!len)
			return api_error_set(
				err, API_E_INVALID, 0,
				"illegal exclusion pattern: \"!\"");
	}
	p.text = malloc(len + 2);
	if (!p.text)
		return api_nomem(err);
	cl = api_path_clean(s, len, p.text, len + 2);
	if (cl > 1 && p.text[0] == '/')
		memmove(p.text, p.text + 1, (size_t)cl--);
	p.len = cl < 0 ? 0 : (size_t)cl;
	if (d->n == d->cap) {
		size_t nc = d->cap ? d->cap * 2 : 8;
		struct dockerignore_pat *np =
			realloc(d->pats, nc * sizeof(*np));
		if (!np) {
			pat_free(&p);
			return api_nomem(err);
		}
		d->pats = np;
		d->cap = nc;
	}
	rc = pat_compile(&p);
	if (rc != 0) {
		pat_free(&p);
		if (rc == -2)
			return api_nomem(err);
		return api_error_set(err, API_E_INVALID, 0,
				     ".dockerignore: syntax error in pattern");
	}
	d->has_exclusions |= p.exclusion;
	d->pats[d->n++] = p;
	return API_OK;
}

api_code api_dockerignore_add(struct dockerignore *d, const char *pattern,
			      struct api_error *err)
{
	return add_line(d, pattern, strlen(pattern), err);
}

api_code api_dockerignore_parse(const char *text, size_t len,
				struct dockerignore *out, struct api_error *err)
{
	size_t pos = 0;

	memset(out, 0, sizeof(*out));
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		api_code rc = add_line(out, text + pos, end - pos, err);

		if (rc != API_OK) {
			api_dockerignore_free(out);
			return rc;
		}
		pos = end + 1;
	}
	return API_OK;
}

void api_dockerignore_free(struct dockerignore *d)
{
	size_t k;

	for (k = 0; k < d->n; k++)
		pat_free(&d->pats[k]);
	free(d->pats);
	memset(d, 0, sizeof(*d));
}
