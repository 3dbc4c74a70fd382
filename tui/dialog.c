#include "tui/dialog.h"

#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/keyname.h"
#include "tui/sanitize.h"
#include "tui/theme.h"

#define BOX_MAX_W 64

/* Sanitizes in into out, line by line, keeping the line breaks. */
static void set_text(char *out, size_t outlen, const char *in)
{
	const char *nl;
	size_t o = 0, seg;

	out[0] = 0;
	in = in ? in : "";
	while (o + 1 < outlen) {
		nl = strchr(in, '\n');
		seg = nl ? (size_t)(nl - in) : strlen(in);
		o += term_sanitize(in, seg, out + o, outlen - o);
		if (!nl || o + 2 > outlen)
			break;
		out[o++] = '\n';
		out[o] = 0;
		in = nl + 1;
	}
}

static void setup(struct dialog *d, int kind, const char *title,
		  const char *text)
{
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	set_text(d->title, sizeof(d->title), title);
	set_text(d->text, sizeof(d->text), text);
}

void dialog_confirm(struct dialog *d, const char *title, const char *text,
		    const char *ok_label, const char *check_label)
{
	setup(d, DIALOG_CONFIRM, title, text);
	set_text(d->ok, sizeof(d->ok), ok_label ? ok_label : "OK");
	if (check_label)
		set_text(d->check, sizeof(d->check), check_label);
	d->focus = DIALOG_FOCUS_CANCEL;
}

void dialog_prompt(struct dialog *d, const char *title, const char *text,
		   const char *initial, size_t max)
{
	setup(d, DIALOG_PROMPT, title, text);
	set_text(d->ok, sizeof(d->ok), "OK");
	lineedit_init(&d->edit, max);
	lineedit_set(&d->edit, initial);
	d->focus = DIALOG_FOCUS_OK;
}

void dialog_message(struct dialog *d, const char *title, const char *text)
{
	setup(d, DIALOG_MESSAGE, title, text);
	set_text(d->ok, sizeof(d->ok), "OK");
	d->focus = DIALOG_FOCUS_OK;
}

size_t dialog_answer(const struct dialog *d, char *out, size_t outlen)
{
	if (d->kind != DIALOG_PROMPT) {
		if (outlen)
			out[0] = 0;
		return 0;
	}
	return lineedit_text(&d->edit, out, outlen);
}

static void move_focus(struct dialog *d, int step)
{
	int first = d->check[0] ? DIALOG_FOCUS_CHECK : DIALOG_FOCUS_OK;
	int n = DIALOG_FOCUS_CANCEL - first + 1;

	d->focus = first + ((d->focus - first + step) % n + n) % n;
}

static enum dialog_result confirm_key(struct dialog *d, int key)
{
	switch (key) {
	case 'y':
	case 'Y':
		return DIALOG_OK;
	case 'n':
	case 'N':
	case 0x1b:
		return DIALOG_CANCEL;
	case '\n':
	case '\r':
	case ' ':
		if (d->focus == DIALOG_FOCUS_CHECK) {
			d->checked = !d->checked;
			return DIALOG_OPEN;
		}
		if (key == ' ')
			return DIALOG_OPEN;
		return d->focus == DIALOG_FOCUS_OK ? DIALOG_OK : DIALOG_CANCEL;
	case '\t':
	case BKEY_FUNC(KEY_RIGHT):
	case BKEY_FUNC(KEY_DOWN):
		move_focus(d, 1);
		return DIALOG_OPEN;
	case BKEY_FUNC(KEY_BTAB):
	case BKEY_FUNC(KEY_LEFT):
	case BKEY_FUNC(KEY_UP):
		move_focus(d, -1);
		return DIALOG_OPEN;
	}
	return DIALOG_OPEN;
}

enum dialog_result dialog_key(struct dialog *d, int key)
{
	switch (d->kind) {
	case DIALOG_CONFIRM:
		return confirm_key(d, key);
	case DIALOG_PROMPT:
		switch (lineedit_key(&d->edit, key)) {
		case LE_ENTER:
			return DIALOG_OK;
		case LE_ESCAPE:
			return DIALOG_CANCEL;
		default:
			return DIALOG_OPEN;
		}
	default:
		/* A resize or a mouse report is not the user's answer. */
		if (key == BKEY_FUNC(KEY_RESIZE) ||
		    key == BKEY_FUNC(KEY_MOUSE) || key == BKEY_NONE)
			return DIALOG_OPEN;
		return DIALOG_OK;
	}
}

/* Text lines the message takes at width columns. */
static int count_lines(const char *s, int width)
{
	size_t len = strlen(s), at = 0, next;
	int n = 0;

	while (at < len) {
		text_wrap(s + at, len - at, width, &next);
		at += next;
		n++;
	}
	return n;
}

static void draw_frame(WINDOW *w, int y, int x, int h, int bw,
		       const char *title)
{
	attr_t b = theme_attr(TS_BORDER);
	char t[DIALOG_LABEL_MAX + 2];
	int i;

	for (i = 0; i < h; i++)
		draw_fill(w, y + i, x, bw, theme_attr(TS_NORMAL));
	mvwhline(w, y, x + 1, ACS_HLINE | b, bw - 2);
	mvwhline(w, y + h - 1, x + 1, ACS_HLINE | b, bw - 2);
	mvwvline(w, y + 1, x, ACS_VLINE | b, h - 2);
	mvwvline(w, y + 1, x + bw - 1, ACS_VLINE | b, h - 2);
	mvwaddch(w, y, x, ACS_ULCORNER | b);
	mvwaddch(w, y, x + bw - 1, ACS_URCORNER | b);
	mvwaddch(w, y + h - 1, x, ACS_LLCORNER | b);
	mvwaddch(w, y + h - 1, x + bw - 1, ACS_LRCORNER | b);
	if (title[0]) {
		snprintf(t, sizeof(t), " %s ", title);
		i = text_width(t);
		if (i > bw - 4)
			i = bw - 4;
		draw_text(w, y, x + 2, i, t, theme_attr(TS_TITLE));
	}
}

/* The wrapped text in at most rows lines; the last one shown ends with
 * an ellipsis when more text did not fit. */
static void draw_body(WINDOW *w, int y, int x, int width, int rows,
		      const char *s)
{
	size_t len = strlen(s), at = 0, next, n;
	char line[DIALOG_TEXT_MAX];
	int i;

	for (i = 0; i < rows && at < len; i++) {
		n = text_wrap(s + at, len - at, width, &next);
		if (i == rows - 1 && at + next < len)
			n = len - at; /* draw_text cuts it with '…' */
		memcpy(line, s + at, n);
		line[n] = 0;
		for (char *c = line; (c = strchr(c, '\n')) != NULL;)
			*c = ' ';
		draw_text(w, y + i, x, width, line, theme_attr(TS_NORMAL));
		at += next;
	}
}

static void draw_buttons(struct dialog *d, WINDOW *w, int y, int x, int width)
{
	char ok[DIALOG_LABEL_MAX + 8];
	const char *cancel = "[ Cancel ]";
	int okw, cw = (int)strlen(cancel), cx;

	if (d->kind == DIALOG_PROMPT) {
		draw_text(w, y, x, width, "Enter: OK   Esc: cancel",
			  theme_attr(TS_DIM));
		return;
	}
	snprintf(ok, sizeof(ok), "[ %s ]", d->ok);
	okw = text_width(ok);
	if (d->kind == DIALOG_MESSAGE)
		cw = -2;
	if (okw > width - cw - 2)
		okw = width - cw - 2 > 4 ? width - cw - 2 : 4;
	cx = x + (width - okw - cw - 2) / 2;
	if (cx < x)
		cx = x;
	draw_text(w, y, cx, okw, ok,
		  theme_attr(d->focus == DIALOG_FOCUS_OK ? TS_SELECTED
							 : TS_NORMAL));
	if (d->kind == DIALOG_CONFIRM)
		draw_text(w, y, cx + okw + 2, cw, cancel,
			  theme_attr(d->focus == DIALOG_FOCUS_CANCEL
					     ? TS_SELECTED
					     : TS_NORMAL));
}

static void draw_check(struct dialog *d, WINDOW *w, int y, int x, int width)
{
	char line[DIALOG_LABEL_MAX + 8];

	snprintf(line, sizeof(line), "[%c] %s", d->checked ? 'x' : ' ',
		 d->check);
	draw_text(w, y, x, width, line,
		  theme_attr(d->focus == DIALOG_FOCUS_CHECK ? TS_SELECTED
							    : TS_NORMAL));
}

void dialog_draw(struct dialog *d, WINDOW *w)
{
	int W = getmaxx(w), H = getmaxy(w), bw, bh, inner, extra, rows;
	int y0, x0, row;

	bw = W - 4 > BOX_MAX_W ? BOX_MAX_W : W - 4;
	if (bw < 20)
		bw = W;
	inner = bw - 4;
	if (inner < 1 || H < 5)
		return;
	extra = (d->check[0] ? 2 : 0) + (d->kind == DIALOG_PROMPT ? 2 : 0);
	rows = count_lines(d->text, inner);
	if (rows > H - 4 - extra)
		rows = H - 4 - extra > 0 ? H - 4 - extra : 0;
	bh = 4 + extra + rows;
	if (bh > H)
		bh = H;
	y0 = (H - bh) / 2;
	x0 = (W - bw) / 2;
	draw_frame(w, y0, x0, bh, bw, d->title);
	draw_body(w, y0 + 1, x0 + 2, inner, rows, d->text);
	row = y0 + 1 + rows;
	if (d->check[0] && row + 1 < y0 + bh - 2)
		draw_check(d, w, row + 1, x0 + 2, inner);
	row += d->check[0] ? 2 : 0;
	draw_buttons(d, w, y0 + bh - 2, x0 + 2, inner);
	if (d->kind == DIALOG_PROMPT && row + 1 < y0 + bh - 2)
		lineedit_draw(&d->edit, w, row + 1, x0 + 2, inner,
			      theme_attr(TS_NORMAL) | A_UNDERLINE);
}
