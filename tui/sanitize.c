#include "tui/sanitize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 character at p (n bytes left).  Returns its length,
 * or 0 when the bytes are not a valid, shortest-form encoding. */
static size_t utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

static int is_bidi_control(uint32_t c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	       c == 0x200e || c == 0x200f || c == 0x061c;
}

/* How many bytes an escape sequence starting at p takes (all of the rest
 * when it is not terminated).  kind: the byte after ESC, or the C1 code. */
static size_t skip_string(const unsigned char *p, size_t n, size_t i)
{
	/* OSC, DCS, SOS, PM, APC: up to BEL, ESC \ or the C1 ST. */
	while (i < n) {
		if (p[i] == 0x07)
			return i + 1;
		if (p[i] == 0x1b && i + 1 < n && p[i + 1] == '\\')
			return i + 2;
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] == 0x9c)
			return i + 2;
		i++;
	}
	return n;
}

static size_t skip_csi(const unsigned char *p, size_t n, size_t i)
{
	while (i < n && !(p[i] >= 0x40 && p[i] <= 0x7e))
		i++;
	return i < n ? i + 1 : n;
}

static size_t skip_escape(const unsigned char *p, size_t n)
{
	size_t i = 1;

	if (n < 2)
		return n;
	switch (p[1]) {
	case '[':
		return skip_csi(p, n, 2);
	case ']':
	case 'P':
	case 'X':
	case '^':
	case '_':
		return skip_string(p, n, 2);
	default:
		/* ESC, intermediates 0x20-0x2f, then one final byte. */
		while (i < n && p[i] >= 0x20 && p[i] <= 0x2f)
			i++;
		return i < n ? i + 1 : n;
	}
}

/* A C1 control encoded in UTF-8 (c2 80 .. c2 9f), at p[0..1]. */
static size_t skip_c1(const unsigned char *p, size_t n)
{
	switch (p[1]) {
	case 0x9b:
		return skip_csi(p, n, 2);
	case 0x9d:
	case 0x90:
	case 0x98:
	case 0x9e:
	case 0x9f:
		return skip_string(p, n, 2);
	default:
		return 2;
	}
}

static int put(char *out, size_t outlen, size_t *j, const void *s, size_t n)
{
	if (*j + n + 1 > outlen)
		return -1;
	memcpy(out + *j, s, n);
	*j += n;
	return 0;
}

/* Where the colours change, for term_sanitize_styled. */
struct styled {
	struct sgr_run *runs;
	size_t max, n;
	struct sgr_style cur;
	int full;
};

static void style_at(struct styled *st, size_t j, const struct sgr_style *s)
{
	const struct sgr_style *prev =
		st->n ? &st->runs[st->n - 1].st : &sgr_plain;

	if (st->n && st->runs[st->n - 1].at == j) {
		st->runs[st->n - 1].st = *s;
		return;
	}
	if (sgr_same(prev, s))
		return;
	if (st->n + 1 >= st->max) {
		/* out of room: plain from here on, not the last colour to
		 * the end of the line */
		st->runs[st->max - 1].at = (uint32_t)j;
		st->runs[st->max - 1].st = sgr_plain;
		st->n = st->max;
		st->full = 1;
		return;
	}
	st->runs[st->n].at = (uint32_t)j;
	st->runs[st->n].st = *s;
	st->n++;
}

/* An escape sequence at p (k bytes): an SGR one changes the style. */
static void maybe_sgr(struct styled *st, const unsigned char *p, size_t k,
		      size_t j)
{
	struct sgr_style s;

	if (!st || st->full || k < 3 || p[1] != '[' || p[k - 1] != 'm')
		return;
	s = st->cur;
	if (sgr_apply(&s, (const char *)p + 2, k - 3) != 0)
		return;
	st->cur = s;
	style_at(st, j, &s);
}

static size_t sanitize(const char *in, size_t len, char *out, size_t outlen,
		       struct styled *st)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t i = 0, j = 0;

	if (outlen == 0)
		return 0;
	while (i < len) {
		uint32_t cp = 0;
		size_t n;

		if (p[i] == 0x1b) {
			n = skip_escape(p + i, len - i);
			maybe_sgr(st, p + i, n, j);
			i += n;
			continue;
		}
		if (p[i] == '\t') {
			if (put(out, outlen, &j, " ", 1))
				break;
			i++;
			continue;
		}
		if (p[i] < 0x20 || p[i] == 0x7f) {
			i++;
			continue;
		}
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f) {
			i += skip_c1(p + i, len - i);
			continue;
		}
		n = utf8_decode(p + i, len - i, &cp);
		if (n == 0) {
			if (put(out, outlen, &j, "\xef\xbf\xbd", 3))
				break;
			i++;
			continue;
		}
		if (!is_bidi_control(cp) && put(out, outlen, &j, p + i, n))
			break;
		i += n;
	}
	out[j] = '\0';
	return j;
}

size_t term_sanitize(const char *in, size_t len, char *out, size_t outlen)
{
	return sanitize(in, len, out, outlen, NULL);
}

size_t term_sanitize_styled(const char *in, size_t len, char *out,
			    size_t outlen, struct sgr_run *runs,
			    size_t max_runs, size_t *n_runs)
{
	struct styled st = {runs, max_runs, 0, {0}, max_runs < 2};
	size_t r;

	st.cur = sgr_plain;
	r = sanitize(in, len, out, outlen, &st);
	*n_runs = st.n;
	return r;
}

char *term_sanitize_dup(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	char *out = malloc(3 * len + 1);

	if (out)
		term_sanitize(s ? s : "", len, out, 3 * len + 1);
	return out;
}
