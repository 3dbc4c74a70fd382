/* The table widget's drawing half: layout of columns, header, rows,
 * group rows and the scroll bar.  Allocates nothing. */
#include "tui/table.h"

#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/theme.h"

static int column_shown(const struct table_column *c, int w)
{
	return c->hide_below_cols <= 0 || w >= c->hide_below_cols;
}

/* Spare columns go first to the flexible columns whose text needs them,
 * leftmost first (the name is what tells a row), then by weight: a
 * long name is not cut while an empty PORTS column takes the room. */
static int give_wanted(const struct table_column *cols, int n, const int *want,
		       int *widths, int spare)
{
	int i, give, given = 0;

	for (i = 0; i < n && given < spare; i++) {
		if (widths[i] <= 0 || cols[i].weight <= 0 ||
		    want[i] <= widths[i])
			continue;
		give = want[i] - widths[i];
		if (give > spare - given)
			give = spare - given;
		widths[i] += give;
		given += give;
	}
	return given;
}

/* A flexible column whose text (and title) is narrower than its
 * minimum needs no more than its text. */
static int least_width(const struct table_column *c, const int *want, int i)
{
	if (want && c->weight > 0 && want[i] > 0 && want[i] < c->min_width)
		return want[i];
	return c->min_width;
}

int table_layout(const struct table_column *cols, int n, int w, const int *want,
		 int *widths)
{
	int i, shown = 0, total = -1, spare, weights = 0, last = -1, give;

	if (n > TABLE_MAX_COLS)
		n = TABLE_MAX_COLS;
	for (i = 0; i < n; i++) {
		widths[i] = column_shown(&cols[i], w)
				    ? least_width(&cols[i], want, i)
				    : 0;
		if (widths[i] <= 0 && column_shown(&cols[i], w))
			widths[i] = 1;
		if (widths[i] > 0)
			total += widths[i] + 1;
	}
	/* Too narrow: the rightmost columns go first. */
	for (i = n - 1; i > 0 && total > w; i--) {
		if (widths[i] > 0) {
			total -= widths[i] + 1;
			widths[i] = 0;
		}
	}
	for (i = 0; i < n; i++) {
		if (widths[i] <= 0)
			continue;
		shown++;
		if (total > w) /* one column left, wider than the table */
			widths[i] = w > 0 ? w : 0;
		weights += cols[i].weight > 0 ? cols[i].weight : 0;
		if (cols[i].weight > 0)
			last = i;
	}
	spare = w - total;
	if (want && spare > 0)
		spare -= give_wanted(cols, n, want, widths, spare);
	for (i = 0; weights > 0 && spare > 0 && i < n; i++) {
		if (widths[i] <= 0 || cols[i].weight <= 0)
			continue;
		give = (int)((long)spare * cols[i].weight / weights);
		widths[i] += give;
	}
	/* What integer division left over goes to the last flexible one. */
	if (last >= 0 && spare > 0) {
		for (i = 0, give = -1; i < n; i++)
			give += widths[i] > 0 ? widths[i] + 1 : 0;
		widths[last] += w - give;
	}
	return shown;
}

/* The columns the flexible columns' text takes on the rows in view
 * (and their titles): what the layout tries to give them. */
static void measure_wanted(struct table *t, int body, int *want)
{
	const struct table_column *c = t->ops->columns;
	char cell[TABLE_CELL_MAX];
	size_t line;
	int i, k, cols;

	for (i = 0; i < t->ops->ncolumns && i < TABLE_MAX_COLS; i++) {
		want[i] = 0;
		if (c[i].weight <= 0)
			continue;
		/* One more for the sort arrow. */
		want[i] = text_width(c[i].title) + 1;
		for (k = 0; k < body; k++) {
			line = t->top + (size_t)k;
			if (line >= t->nlines)
				break;
			if (t->lines[line].kind == TABLE_GROUP)
				continue;
			cell[0] = 0;
			t->ops->cell(t->model, t->lines[line].row, i, cell,
				     sizeof(cell));
			cell[sizeof(cell) - 1] = 0;
			cols = text_width(cell);
			if (cols > want[i])
				want[i] = cols;
		}
	}
}

static attr_t row_attr(const struct table *t, size_t line, size_t row, int col)
{
	int slot;

	if (line == t->sel)
		return theme_attr(TS_SELECTED);
	if (table_is_marked(t, row))
		return theme_attr(TS_MARKED);
	slot = t->ops->slot ? t->ops->slot(t->model, row, col) : -1;
	return theme_attr(slot >= 0 && slot < TS_COUNT ? (enum theme_slot)slot
						       : TS_NORMAL);
}

static void draw_header(struct table *t, WINDOW *win, int y, int x, int w,
			const int *widths)
{
	const struct table_column *c = t->ops->columns;
	char title[TABLE_CELL_MAX];
	const char *up = draw_utf8() ? "\xe2\x96\xb2" : "^";
	const char *down = draw_utf8() ? "\xe2\x96\xbc" : "v";
	attr_t a = theme_attr(TS_HEADER);
	int i, cx = x;

	draw_fill(win, y, x, w, a);
	for (i = 0; i < t->ops->ncolumns && i < TABLE_MAX_COLS; i++) {
		if (widths[i] <= 0)
			continue;
		snprintf(title, sizeof(title), "%s%s",
			 c[i].title ? c[i].title : "",
			 i == t->sort_col ? (t->sort_desc ? down : up) : "");
		if (c[i].align_right)
			draw_text_right(win, y, cx, widths[i], title, a);
		else
			draw_text(win, y, cx, widths[i], title, a);
		cx += widths[i] + 1;
	}
}

static void draw_group(struct table *t, WINDOW *win, int y, int x, int w,
		       size_t line)
{
	const struct table_line *l = &t->lines[line];
	const char *g = t->ops->group ? t->ops->group(t->model, l->row) : NULL;
	int closed = table_group_is_collapsed(t, g);
	char text[TABLE_CELL_MAX];

	snprintf(text, sizeof(text), "%s %s (%zu)",
		 draw_utf8() ? (closed ? "\xe2\x96\xb8" : "\xe2\x96\xbe")
			     : (closed ? "+" : "-"),
		 g ? g : "", l->count);
	draw_text(win, y, x, w, text,
		  theme_attr(line == t->sel ? TS_SELECTED : TS_GROUP));
}

static void draw_row(struct table *t, WINDOW *win, int y, int x, int w,
		     const int *widths, size_t line)
{
	const struct table_column *c = t->ops->columns;
	size_t row = t->lines[line].row;
	char cell[TABLE_CELL_MAX];
	int i, cx = x;
	attr_t a;

	draw_fill(win, y, x, w, row_attr(t, line, row, -1));
	for (i = 0; i < t->ops->ncolumns && i < TABLE_MAX_COLS; i++) {
		if (widths[i] <= 0)
			continue;
		cell[0] = 0;
		t->ops->cell(t->model, row, i, cell, sizeof(cell));
		cell[sizeof(cell) - 1] = 0;
		a = row_attr(t, line, row, i);
		if (c[i].align_right)
			draw_text_right(win, y, cx, widths[i], cell, a);
		else
			draw_text(win, y, cx, widths[i], cell, a);
		cx += widths[i] + 1;
	}
}

static void draw_scrollbar(struct table *t, WINDOW *win, int y, int x, int h)
{
	size_t n = t->nlines, thumb, start;
	int i;

	thumb = (size_t)h * (size_t)h / n;
	if (thumb < 1)
		thumb = 1;
	start = t->top * (size_t)h / n;
	if (t->top + (size_t)h >= n)
		start = (size_t)h - thumb;
	for (i = 0; i < h; i++) {
		if ((size_t)i >= start && (size_t)i < start + thumb)
			mvwaddch(win, y + i, x, ' ' | A_REVERSE);
		else
			mvwaddch(win, y + i, x, ACS_VLINE | theme_attr(TS_DIM));
	}
}

void table_draw(struct table *t, WINDOW *win, int y, int x, int h, int w)
{
	int widths[TABLE_MAX_COLS], want[TABLE_MAX_COLS], body = h - 1, tw = w,
							  i;
	size_t line;

	if (!win || h < 1 || w < 1)
		return;
	table_set_height(t, body);
	t->body_y = y + 1;
	if (body > 0 && t->nlines > (size_t)body && w > 10)
		tw = w - 1;
	measure_wanted(t, body, want);
	table_layout(t->ops->columns, t->ops->ncolumns, tw, want, widths);
	draw_header(t, win, y, x, tw, widths);
	for (i = 0; i < body; i++) {
		line = t->top + (size_t)i;
		if (line >= t->nlines)
			draw_fill(win, y + 1 + i, x, tw, theme_attr(TS_NORMAL));
		else if (t->lines[line].kind == TABLE_GROUP)
			draw_group(t, win, y + 1 + i, x, tw, line);
		else
			draw_row(t, win, y + 1 + i, x, tw, widths, line);
	}
	if (t->nlines == 0 && body > 0)
		draw_text(win, y + 1, x + 1, tw - 1,
			  t->filter[0] ? "no rows match the filter" : "no rows",
			  theme_attr(TS_DIM));
	if (tw < w)
		draw_scrollbar(t, win, y + 1, x + w - 1, body);
}
