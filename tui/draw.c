#include "tui/draw.h"

#include <langinfo.h>
#include <string.h>

#include "tui/sanitize.h"

/* Decodes the character at s[i] (sanitized, so valid UTF-8; a stray
 * byte is still taken alone).  Returns the index after it. */
static size_t u8_next(const char *s, size_t len, size_t i, wchar_t *cp)
{
	const unsigned char *p = (const unsigned char *)s + i;
	size_t n, k;
	unsigned c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return i + 1;
	}
	if (p[0] >= 0xf0) {
		n = 4;
		c = p[0] & 0x07;
	} else if (p[0] >= 0xe0) {
		n = 3;
		c = p[0] & 0x0f;
	} else {
		n = 2;
		c = p[0] & 0x1f;
	}
	if (i + n > len) {
		*cp = 0xfffd;
		return len;
	}
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return i + k;
		}
		c = (c << 6) | (p[k] & 0x3f);
	}
	*cp = (wchar_t)c;
	return i + n;
}

int draw_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* The columns c takes on screen; *shown gets what to draw instead when
 * the terminal cannot show c. */
static int char_cols(wchar_t c, int utf8, wchar_t *shown)
{
	int w;

	*shown = c;
	if (!utf8 && c >= 0x80) {
		*shown = L'?';
		return 1;
	}
	w = wcwidth(c);
	if (w < 0) {
		*shown = utf8 ? (wchar_t)0xfffd : L'?';
		return 1;
	}
	return w > 2 ? 2 : w;
}

struct fit {
	size_t n;  /* wide characters written */
	int cols;  /* columns they take */
	int marks; /* combining marks on the last base character */
};

/* Fits sanitized text; see text_fit. */
static int fit_text(const char *s, size_t len, int more, int width,
		    wchar_t *out, size_t outlen, int *cols_used)
{
	struct fit cur = {0, 0, 0}, cut = {0, 0, 0};
	int utf8 = draw_utf8(), w, cutdone = 0;
	size_t i = 0;
	wchar_t c, shown;

	while (i < len) {
		i = u8_next(s, len, i, &c);
		w = char_cols(c, utf8, &shown);
		if (w == 0) {
			if (cur.n == 0 || cur.marks >= DRAW_MAX_MARKS ||
			    cur.n + 2 > outlen)
				continue;
			out[cur.n++] = shown;
			cur.marks++;
			continue;
		}
		if (cur.cols <= width - 1)
			cut = cur;
		if (cur.cols + w > width || cur.n + 3 > outlen) {
			cutdone = 1;
			break;
		}
		out[cur.n++] = shown;
		cur.cols += w;
		cur.marks = 0;
	}
	if (!cutdone && more) {
		if (cur.cols <= width - 1)
			cut = cur;
		cutdone = 1;
	}
	if (cutdone) {
		cur = cut;
		out[cur.n++] = utf8 ? (wchar_t)0x2026 : L'~';
		cur.cols++;
	}
	out[cur.n] = 0;
	if (cols_used)
		*cols_used = cur.cols;
	return cutdone ? -1 : (int)cur.n;
}

int text_fit(const char *utf8, int width, wchar_t *out, size_t outlen,
	     int *cols_used)
{
	char clean[3 * DRAW_MAX_IN + 1];
	size_t len, clen;

	if (cols_used)
		*cols_used = 0;
	if (outlen == 0)
		return 0;
	out[0] = 0;
	if (width <= 0 || outlen < 3)
		return 0;
	if (!utf8)
		utf8 = "";
	len = strnlen(utf8, DRAW_MAX_IN);
	clen = term_sanitize(utf8, len, clean, sizeof(clean));
	return fit_text(clean, clen, utf8[len] != '\0', width, out, outlen,
			cols_used);
}

int text_width(const char *utf8)
{
	int utf8loc = draw_utf8(), cols = 0;
	size_t len, i = 0;
	wchar_t c, shown;

	if (!utf8)
		return 0;
	len = strnlen(utf8, DRAW_MAX_IN);
	while (i < len) {
		i = u8_next(utf8, len, i, &c);
		cols += char_cols(c, utf8loc, &shown);
	}
	return cols;
}

size_t text_wrap(const char *s, size_t len, int width, size_t *next)
{
	int utf8 = draw_utf8(), cols = 0, w;
	size_t i = 0, j, space = 0;
	wchar_t c, shown;

	while (i < len) {
		if (s[i] == '\n') {
			*next = i + 1;
			return i;
		}
		j = u8_next(s, len, i, &c);
		w = char_cols(c, utf8, &shown);
		if (cols + w > width && i > 0) {
			if (c == L' ')
				space = i;
			if (space == 0)
				space = i;
			for (j = space; j < len && s[j] == ' '; j++)
				;
			*next = j;
			return space;
		}
		if (c == L' ')
			space = i;
		cols += w;
		i = j;
	}
	*next = len;
	return len;
}

/* Splits a theme attribute into what setcchar() wants. */
static void split_attr(attr_t attr, attr_t *plain, short *pair)
{
	*pair = (short)PAIR_NUMBER(attr);
	*plain = attr & ~(attr_t)A_COLOR;
}

/* Draws wide text already fitted to cols columns, padded to width on
 * the side pad_left says. */
static void put_cells(WINDOW *w, int y, int x, int width, const wchar_t *ws,
		      int cols, int pad_left, attr_t attr)
{
	cchar_t cells[DRAW_MAX_COLS];
	wchar_t one[DRAW_MAX_MARKS + 2];
	attr_t plain;
	short pair;
	int n = 0, col = 0, pad = width - cols, cw;
	size_t i = 0, m;

	split_attr(attr, &plain, &pair);
	one[0] = L' ';
	one[1] = 0;
	for (; pad_left && col < pad; col++)
		setcchar(&cells[n++], one, plain, pair, NULL);
	while (ws[i]) {
		cw = wcwidth(ws[i]);
		if (cw < 1)
			cw = 1;
		if (col + cw > width)
			break;
		m = 0;
		one[m++] = ws[i++];
		while (ws[i] && wcwidth(ws[i]) == 0 && m < DRAW_MAX_MARKS + 1)
			one[m++] = ws[i++];
		one[m] = 0;
		setcchar(&cells[n++], one, plain, pair, NULL);
		col += cw;
	}
	one[0] = L' ';
	one[1] = 0;
	for (; col < width; col++)
		setcchar(&cells[n++], one, plain, pair, NULL);
	mvwadd_wchnstr(w, y, x, cells, n);
}

/* Clips a drawing request to the window; returns the usable width. */
static int clip(WINDOW *w, int y, int x, int width)
{
	if (!w || y < 0 || x < 0 || y >= getmaxy(w) || x >= getmaxx(w))
		return 0;
	if (width > getmaxx(w) - x)
		width = getmaxx(w) - x;
	return width > DRAW_MAX_COLS ? DRAW_MAX_COLS : width;
}

static int draw_aligned(WINDOW *w, int y, int x, int width, const char *utf8,
			attr_t attr, int right)
{
	wchar_t ws[3 * DRAW_MAX_COLS];
	int cols = 0;

	width = clip(w, y, x, width);
	if (width <= 0)
		return 0;
	text_fit(utf8, width, ws, sizeof(ws) / sizeof(ws[0]), &cols);
	put_cells(w, y, x, width, ws, cols, right, attr);
	return cols;
}

int draw_text(WINDOW *w, int y, int x, int width, const char *utf8, attr_t attr)
{
	return draw_aligned(w, y, x, width, utf8, attr, 0);
}

int draw_text_right(WINDOW *w, int y, int x, int width, const char *utf8,
		    attr_t attr)
{
	return draw_aligned(w, y, x, width, utf8, attr, 1);
}

void draw_fill(WINDOW *w, int y, int x, int width, attr_t attr)
{
	draw_aligned(w, y, x, width, "", attr, 0);
}
