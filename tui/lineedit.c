#include "tui/lineedit.h"

#include <string.h>

#include "tui/draw.h"
#include "tui/keyname.h"

#define CTRL(c) ((c)&0x1f)

static size_t u8_len(wchar_t c)
{
	if (c < 0x80)
		return 1;
	if (c < 0x800)
		return 2;
	return c < 0x10000 ? 3 : 4;
}

static size_t u8_put(wchar_t c, char *out)
{
	unsigned u = (unsigned)c;

	switch (u8_len(c)) {
	case 1:
		out[0] = (char)u;
		return 1;
	case 2:
		out[0] = (char)(0xc0 | (u >> 6));
		out[1] = (char)(0x80 | (u & 0x3f));
		return 2;
	case 3:
		out[0] = (char)(0xe0 | (u >> 12));
		out[1] = (char)(0x80 | ((u >> 6) & 0x3f));
		out[2] = (char)(0x80 | (u & 0x3f));
		return 3;
	default:
		out[0] = (char)(0xf0 | (u >> 18));
		out[1] = (char)(0x80 | ((u >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((u >> 6) & 0x3f));
		out[3] = (char)(0x80 | (u & 0x3f));
		return 4;
	}
}

/* Whether c may be typed into the text: no controls, no surrogates, and
 * no bidi overrides that would reorder what the user sees. */
static int insertable(long c)
{
	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c > 0x10ffff)
		return 0;
	if (c >= 0xd800 && c <= 0xdfff)
		return 0;
	return !((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
		 c == 0x200e || c == 0x200f || c == 0x061c);
}

void lineedit_init(struct lineedit *le, size_t max)
{
	le->len = le->bytes = le->cur = le->first = 0;
	le->buf[0] = 0;
	le->max = (max == 0 || max > LINEEDIT_MAX) ? LINEEDIT_MAX : max;
}

static int put_char(struct lineedit *le, wchar_t c)
{
	size_t n = u8_len(c);

	if (le->len >= LINEEDIT_MAX || le->bytes + n > le->max)
		return 0;
	memmove(&le->buf[le->cur + 1], &le->buf[le->cur],
		(le->len - le->cur + 1) * sizeof(wchar_t));
	le->buf[le->cur++] = c;
	le->len++;
	le->bytes += n;
	return 1;
}

/* Removes the characters [from, to). */
static void cut_span(struct lineedit *le, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		le->bytes -= u8_len(le->buf[i]);
	memmove(&le->buf[from], &le->buf[to],
		(le->len - to + 1) * sizeof(wchar_t));
	le->len -= to - from;
	le->cur = from;
}

void lineedit_set(struct lineedit *le, const char *utf8)
{
	const unsigned char *p = (const unsigned char *)(utf8 ? utf8 : "");
	unsigned c;
	size_t n, k;

	lineedit_init(le, le->max);
	while (*p) {
		if (*p < 0x80) {
			c = *p;
			n = 1;
		} else {
			n = *p >= 0xf0	 ? 4
			    : *p >= 0xe0 ? 3
			    : *p >= 0xc0 ? 2
					 : 0;
			c = *p & (0x7f >> n);
			for (k = 1; k < n && (p[k] & 0xc0) == 0x80; k++)
				c = (c << 6) | (p[k] & 0x3f);
			if (n == 0 || k < n || u8_len((wchar_t)c) != n) {
				p += n == 0 ? 1 : k;
				continue;
			}
		}
		p += n;
		if (insertable(c) && !put_char(le, (wchar_t)c))
			break;
	}
}

size_t lineedit_text(const struct lineedit *le, char *out, size_t outlen)
{
	size_t i, o = 0, n;
	char tmp[4];

	if (outlen == 0)
		return 0;
	for (i = 0; i < le->len; i++) {
		n = u8_put(le->buf[i], tmp);
		if (o + n + 1 > outlen)
			break;
		memcpy(out + o, tmp, n);
		o += n;
	}
	out[o] = 0;
	return o;
}

static size_t word_start(const struct lineedit *le)
{
	size_t i = le->cur;

	while (i > 0 && le->buf[i - 1] == L' ')
		i--;
	while (i > 0 && le->buf[i - 1] != L' ')
		i--;
	return i;
}

/* Cursor motion and deletion; -1 when key is not one of them. */
static int edit_key(struct lineedit *le, int key)
{
	switch (key) {
	case BKEY_FUNC(KEY_LEFT):
	case CTRL('b'):
		le->cur -= le->cur > 0;
		return 1;
	case BKEY_FUNC(KEY_RIGHT):
	case CTRL('f'):
		le->cur += le->cur < le->len;
		return 1;
	case BKEY_FUNC(KEY_HOME):
	case CTRL('a'):
		le->cur = 0;
		return 1;
	case BKEY_FUNC(KEY_END):
	case CTRL('e'):
		le->cur = le->len;
		return 1;
	case BKEY_FUNC(KEY_BACKSPACE):
	case CTRL('h'):
	case 0x7f:
		if (le->cur > 0)
			cut_span(le, le->cur - 1, le->cur);
		return 1;
	case BKEY_FUNC(KEY_DC):
	case CTRL('d'):
		if (le->cur < le->len)
			cut_span(le, le->cur, le->cur + 1);
		return 1;
	case CTRL('k'):
		cut_span(le, le->cur, le->len);
		return 1;
	case CTRL('u'):
		cut_span(le, 0, le->cur);
		return 1;
	case CTRL('w'):
		cut_span(le, word_start(le), le->cur);
		return 1;
	}
	return -1;
}

enum lineedit_result lineedit_key(struct lineedit *le, int key)
{
	switch (key) {
	case '\n':
	case '\r':
		return LE_ENTER;
	case 0x1b:
	case CTRL('g'):
		return LE_ESCAPE;
	}
	if (edit_key(le, key) >= 0)
		return LE_CONSUMED;
	if (key >= 0 && key < BKEY_FUNC_BASE && insertable(key)) {
		put_char(le, (wchar_t)key);
		return LE_CONSUMED;
	}
	return LE_IGNORED;
}

static int char_cols(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

static int span_cols(const struct lineedit *le, size_t from, size_t to)
{
	int cols = 0;

	while (from < to)
		cols += char_cols(le->buf[from++]);
	return cols;
}

int lineedit_scroll(struct lineedit *le, int width)
{
	if (width < 1)
		width = 1;
	if (le->first > le->cur)
		le->first = le->cur;
	/* The cursor needs a cell of its own after the text before it. */
	while (le->first < le->cur &&
	       span_cols(le, le->first, le->cur) >= width)
		le->first++;
	/* Room left at the end: show more of the start again. */
	while (le->first > 0 &&
	       span_cols(le, le->first - 1, le->len) + 1 <= width)
		le->first--;
	return span_cols(le, le->first, le->cur);
}

void lineedit_draw(struct lineedit *le, WINDOW *w, int y, int x, int width,
		   attr_t attr)
{
	char text[4 * LINEEDIT_MAX + 1];
	size_t i, o = 0;
	int col;

	if (width < 1)
		return;
	col = lineedit_scroll(le, width);
	for (i = le->first; i < le->len; i++)
		o += u8_put(le->buf[i], text + o);
	text[o] = 0;
	draw_text(w, y, x, width, text, attr);
	wmove(w, y, x + col);
}
