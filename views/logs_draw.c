/* Drawing the logs pane: the newest lines at the bottom while following,
 * from a held position while paused; matches highlighted.  Every byte a
 * container wrote is sanitized here (no escape sequence reaches the
 * terminal) and nothing is allocated: stack buffers only. */
#include <string.h>

#include "tui/draw.h"
#include "tui/sanitize.h"
#include "tui/sgr_attr.h"
#include "views/logs.h"

/* Input cut so the sanitized text (3x at worst) fits DRAW_MAX_IN. */
#define IN_MAX ((DRAW_MAX_IN - 16) / 3)
#define SHOWN_RUNS 64 /* colour changes kept per line; then plain */

struct shown {
	char pre[160]; /* container prefix and timestamp */
	char text[DRAW_MAX_IN];
	size_t len;
	attr_t attr, pre_attr;
	int pre_cols;
	struct sgr_run runs[SHOWN_RUNS];
	size_t n_runs;
};

/* The line's text as shown: as fields when it is a structured line,
 * else sanitized (in the program's colours when they are on). */
static void text_fill(const struct logs_pane *p, const struct sb_line *l,
		      struct shown *s)
{
	size_t n = l->len < IN_MAX ? l->len : IN_MAX, room;
	int m;

	s->n_runs = 0;
	if (p->fields && !(l->flags & SB_MARKER) &&
	    (s->len = logs_fields_render(sb_line_text(l), l->len, s->text,
					 sizeof(s->text), s->runs, SHOWN_RUNS,
					 &s->n_runs)) > 0)
		return;
	if (p->colours)
		s->len = term_sanitize_styled(sb_line_text(l), n, s->text,
					      sizeof(s->text), s->runs,
					      SHOWN_RUNS, &s->n_runs);
	else
		s->len = term_sanitize(sb_line_text(l), n, s->text,
				       sizeof(s->text));
	if ((l->flags & SB_TRUNCATED) || n < l->len) {
		room = sizeof(s->text) - s->len;
		m = snprintf(s->text + s->len, room, " [cut]");
		if (m > 0 && (size_t)m < room)
			s->len += (size_t)m;
	}
}

/* Several containers: each name in a colour of its own. */
static attr_t prefix_attr(const struct logs_pane *p, const struct sb_line *l)
{
	static const int16_t fg[] = {6, 3, 2, 5, 4, 1, 14, 11, 10, 13};
	struct sgr_style st = sgr_plain;

	if (p->nsrc < 2 || theme_no_color_requested())
		return theme_attr(TS_DIM);
	st.fg = fg[l->src % (sizeof(fg) / sizeof(fg[0]))];
	return sgr_attr(&st, theme_attr(TS_NORMAL));
}

/* A folded entry's first line says what it holds. */
static void fold_note(const struct logs_pane *p, uint64_t q,
		      const struct sb_line *l, struct shown *s)
{
	size_t n, room;
	int m;

	if (!p->fold || p->filter.active || (l->flags & (SB_CONT | SB_OPEN)) ||
	    (n = logs_fold_count(p, q)) == 0)
		return;
	room = sizeof(s->text) - s->len;
	m = snprintf(s->text + s->len, room, "  [+%zu line%s, z]", n,
		     n == 1 ? "" : "s");
	if (m > 0 && (size_t)m < room)
		s->len += (size_t)m;
}

static void shown_fill(const struct logs_pane *p, uint64_t q, struct shown *s)
{
	const struct sb_line *l = sb_get(&p->sb, q);
	char ts[72];
	int k = 0;

	s->pre[0] = '\0';
	if (p->nsrc > 1 && l->src < p->nsrc)
		k = snprintf(s->pre, sizeof(s->pre), "%.40s | ",
			     p->src[l->src].name);
	if (p->show_ts && l->ts_len && k >= 0 && (size_t)k < sizeof(s->pre)) {
		term_sanitize(sb_line_ts(l), l->ts_len, ts, sizeof(ts));
		snprintf(s->pre + k, sizeof(s->pre) - (size_t)k, "%s ", ts);
	}
	s->pre_cols = text_width(s->pre);
	s->pre_attr = prefix_attr(p, l);
	text_fill(p, l, s);
	fold_note(p, q, l, s);
	s->attr = theme_attr(l->flags & SB_MARKER      ? TS_ALERT
			     : l->stream == LOG_STDERR ? TS_STDERR
						       : TS_NORMAL);
}

static int text_cols(const struct logs_pane *p, const struct shown *s,
		     int width)
{
	int c = width - s->pre_cols;

	(void)p;
	return c < 8 ? width : c;
}

static int shown_rows(const struct logs_pane *p, const struct shown *s,
		      int width)
{
	size_t pos = 0, nx;
	int rows = 0, c = text_cols(p, s, width);

	if (!p->wrap || s->len == 0)
		return 1;
	while (pos < s->len && rows < 1000) {
		text_wrap(s->text + pos, s->len - pos, c, &nx);
		rows++;
		if (nx == 0)
			break;
		pos += nx;
	}
	return rows ? rows : 1;
}

/* Draws text[a, b) from x; returns the column after it. */
static int piece(WINDOW *w, int y, int x, int end, const char *t, size_t a,
		 size_t b, attr_t attr)
{
	char buf[DRAW_MAX_IN];
	int cols;

	if (b <= a || x >= end)
		return x;
	memcpy(buf, t + a, b - a);
	buf[b - a] = '\0';
	cols = text_width(buf);
	if (cols > end - x)
		cols = end - x;
	draw_text(w, y, x, cols, buf, attr);
	return x + cols;
}

/* Draws text[a, b) in the line's own colours: cut where they change. */
static int styled(WINDOW *w, int y, int x, int end, const struct shown *s,
		  size_t a, size_t b)
{
	size_t r = 0, stop;
	const struct sgr_style *st = &sgr_plain;

	while (r < s->n_runs && s->runs[r].at <= a)
		st = &s->runs[r++].st;
	while (a < b && x < end) {
		stop = r < s->n_runs && s->runs[r].at < b ? s->runs[r].at : b;
		x = piece(w, y, x, end, s->text, a, stop,
			  sgr_same(st, &sgr_plain) ? s->attr
						   : sgr_attr(st, s->attr));
		a = stop;
		if (r < s->n_runs && s->runs[r].at <= a)
			st = &s->runs[r++].st;
	}
	return x;
}

static int span(const struct logs_pane *p, WINDOW *w, int y, int x, int end,
		const struct shown *s, size_t a, size_t b)
{
	size_t so, eo, from = 0;
	attr_t hl = theme_attr(TS_MATCH);

	while (a < b && x < end &&
	       sb_pattern_find(&p->search, s->text, s->len, from, &so, &eo)) {
		if (eo == so)
			break;
		from = eo;
		if (eo <= a)
			continue;
		if (so >= b)
			break;
		if (so > a)
			x = styled(w, y, x, end, s, a, so);
		so = so > a ? so : a;
		eo = eo < b ? eo : b;
		x = piece(w, y, x, end, s->text, so, eo, hl);
		a = eo;
	}
	return styled(w, y, x, end, s, a, b);
}

/* Draws one line from row y (at most max rows); returns rows used. */
static int draw_line(const struct logs_pane *p, WINDOW *w, int y, int x,
		     int width, int max, const struct shown *s)
{
	int end = x + width, rows = 0, c = text_cols(p, s, width);
	int tx = x + (width - c), cx;
	size_t pos = 0, nx, n;

	if (s->pre[0])
		draw_text(w, y, x, width - c, s->pre, s->pre_attr);
	if (!p->wrap) {
		cx = span(p, w, y, tx, end, s, 0, s->len);
		draw_fill(w, y, cx, end - cx, theme_attr(TS_NORMAL));
		return 1;
	}
	do {
		n = s->len ? text_wrap(s->text + pos, s->len - pos, c, &nx) : 0;
		if (rows > 0)
			draw_fill(w, y + rows, x, tx - x,
				  theme_attr(TS_NORMAL));
		cx = span(p, w, y + rows, tx, end, s, pos, pos + n);
		draw_fill(w, y + rows, cx, end - cx, theme_attr(TS_NORMAL));
		rows++;
		if (s->len == 0 || nx == 0)
			break;
		pos += nx;
	} while (pos < s->len && rows < max);
	return rows;
}

/* Following: the first line of the last screenful. */
static uint64_t bottom_start(const struct logs_pane *p, int width, int h)
{
	static struct shown s;
	uint64_t q = SB_NONE, prev;
	int used = 0;

	while ((prev = sb_next(&p->sb, &p->filter, q, -1)) != SB_NONE) {
		shown_fill(p, prev, &s);
		used += shown_rows(p, &s, width);
		if (used > h && q != SB_NONE)
			break;
		q = prev;
		if (used >= h)
			break;
	}
	return q;
}

static void header(struct logs_pane *p, WINDOW *w, const struct rect *r)
{
	char h[512], who[128];
	size_t i, hidden = 0;

	for (i = 0; i < p->nsrc && i < 64; i++)
		hidden += (p->hidden >> i) & 1;
	if (p->nsrc > 1 && hidden)
		snprintf(who, sizeof(who), "%zu containers, %zu hidden",
			 p->nsrc, hidden);
	else if (p->nsrc > 1)
		snprintf(who, sizeof(who), "%zu containers, merged", p->nsrc);
	else
		snprintf(who, sizeof(who), "%.100s",
			 p->nsrc ? p->src[0].name : "(no container)");
	snprintf(h, sizeof(h), "%s  %s  tail %ld%s%s%s%s%s%s%s%s", who,
		 p->follow ? "following" : "PAUSED (G: resume)", p->tail,
		 p->since ? "  since " : "", p->since ? p->since_text : "",
		 p->filter.active ? "  filter: " : "",
		 p->filter.active ? p->filter_text : "",
		 p->filter.pred ? " (by field)" : "",
		 p->search.active ? "  search: " : "",
		 p->search.active ? p->search_text : "",
		 p->regex ? "  [regex]" : "");
	draw_text(w, r->y, r->x, r->w, h, theme_attr(TS_HEADER));
}

void logs_draw(struct logs_pane *p, WINDOW *w, const struct rect *r)
{
	static struct shown s;
	int y, h, end;
	uint64_t q, last = SB_NONE;

	if (r->h <= 0 || r->w <= 0)
		return;
	header(p, w, r);
	y = r->y + 1;
	h = r->h - 1;
	end = r->y + r->h;
	p->rows = h;
	if (p->follow) {
		q = bottom_start(p, r->w, h);
	} else {
		q = p->top >= sb_begin(&p->sb) ? p->top : sb_begin(&p->sb);
		if (q < sb_end(&p->sb) &&
		    !sb_line_matches(&p->filter, sb_get(&p->sb, q)))
			q = sb_next(&p->sb, &p->filter, q, 1);
	}
	p->top = q;
	for (; q != SB_NONE && y < end; q = sb_next(&p->sb, &p->filter, q, 1)) {
		shown_fill(p, q, &s);
		if (p->mark != SB_NONE && q == p->cur)
			s.attr = theme_attr(TS_SELECTED);
		else if (p->mark != SB_NONE && p->cur != SB_NONE &&
			 ((q >= p->mark && q <= p->cur) ||
			  (q <= p->mark && q >= p->cur)))
			s.attr = theme_attr(TS_MARKED);
		y += draw_line(p, w, y, r->x, r->w, end - y, &s);
		last = q;
	}
	for (; y < end; y++)
		draw_fill(w, y, r->x, r->w, theme_attr(TS_NORMAL));
	p->bottom = last;
	p->at_end = last == SB_NONE ||
		    sb_next(&p->sb, &p->filter, last, 1) == SB_NONE;
}
