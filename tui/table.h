#ifndef BERTH_TUI_TABLE_H
#define BERTH_TUI_TABLE_H

#include <curses.h>
#include <stddef.h>

#include "tui/keymap.h"

/*
 * One table widget for every list (containers, images, volumes,
 * networks, posture findings).  A view describes its rows with a const
 * struct table_ops and keeps its own data; the table keeps what the user
 * did to it: the visible order (filtered, sorted, grouped), the
 * selection, marks, collapsed groups and scroll offset.
 *
 * Selection, marks and collapsed groups are held by key (a container id,
 * a group label), so they survive the data changing under them.  The
 * visible order is rebuilt only by table_invalidate() (the data changed)
 * and by the filter, sort and collapse calls; that is the only place the
 * table allocates.  table_draw() allocates nothing.
 */

#define TABLE_MAX_COLS 16
#define TABLE_FILTER_MAX 256
#define TABLE_CELL_MAX 512 /* bytes of one cell's text */
#define TABLE_KEY_MAX 256  /* bytes of a key the selection remembers */

struct table_column {
	const char *title;
	int min_width;
	int weight;	     /* 0: always min_width; >0: share of the spare */
	int align_right;     /* numbers, sizes */
	int hide_below_cols; /* dropped when the table is narrower */
};

struct table_ops {
	const struct table_column *columns;
	int ncolumns;
	size_t (*rows)(void *model);
	/* The text of one cell into buf (n bytes, NUL-terminated). */
	void (*cell)(void *model, size_t row, int col, char *buf, size_t n);
	/* Optional: a theme slot for the cell, or -1 for the normal one. */
	int (*slot)(void *model, size_t row, int col);
	/* Stable identity of a row; never NULL. */
	const char *(*key)(void *model, size_t row);
	/* Optional: <0, 0, >0 like strcmp, ascending, by column col. */
	int (*compare)(void *model, size_t a, size_t b, int col);
	/* Optional: whether row matches the (non-empty) filter text. */
	int (*match)(void *model, size_t row, const char *filter);
	/* Optional: the row's group label, NULL for none. */
	const char *(*group)(void *model, size_t row);
};

enum table_line_kind { TABLE_ROW, TABLE_GROUP };

/* One visible line: a data row, or a group header standing for the
 * count rows that follow it (hidden when the group is collapsed). */
struct table_line {
	size_t row; /* the model row; for a group, its first row */
	size_t count;
	int kind;
};

struct table_mark {
	char *key;
	int seen;
};

struct table {
	const struct table_ops *ops;
	void *model;
	struct table_line *lines;
	size_t nlines, cap;
	size_t *order;		     /* scratch for sorting, cap entries */
	size_t sel;		     /* index into lines */
	size_t top;		     /* first line shown */
	int height;		     /* body lines shown at the last draw */
	char sel_key[TABLE_KEY_MAX]; /* identity of the selection */
	int sel_kind;		     /* TABLE_ROW or TABLE_GROUP */
	int has_sel;
	struct table_mark *marks; /* sorted by key */
	size_t nmarks, capmarks;
	struct table_mark *closed; /* collapsed groups, sorted by label */
	size_t nclosed, capclosed;
	char filter[TABLE_FILTER_MAX];
	int sort_col; /* -1: the model's order */
	int sort_desc;
	int body_y; /* screen row of the first body line, for clicks */
	int nomem;  /* the last rebuild ran out of memory */
};

void table_init(struct table *t, const struct table_ops *ops, void *model);
/* Frees what the table holds; safe on a zeroed table and twice. */
void table_free(struct table *t);

/* The model's rows changed: rebuilds the order, keeps the selection on
 * the same key (else on the line that took its place), drops marks and
 * collapsed groups whose rows are gone.  Returns 0 or -1 (no memory: the
 * table is then empty until the next successful call). */
int table_invalidate(struct table *t);

/* NULL or "" clears the filter. */
int table_set_filter(struct table *t, const char *filter);
/* col -1 for the model's own order. */
int table_set_sort(struct table *t, int col, int desc);
/* The sort key action: same column reversed, then the next column. */
int table_sort_next(struct table *t);

/* The body height used for paging and scrolling (table_draw sets it). */
void table_set_height(struct table *t, int h);

void table_move(struct table *t, long delta);
void table_up(struct table *t);
void table_down(struct table *t);
void table_page_up(struct table *t);
void table_page_down(struct table *t);
void table_top(struct table *t);
void table_bottom(struct table *t);
/* The one mapping of the list keys onto a table: up, down, page up and
 * down, top, bottom and sort.  1 when act was one of them (done). */
int table_action(struct table *t, enum action act);

/* A click at screen row y of the last draw; 1 if it hit a line. */
int table_click(struct table *t, int y);

size_t table_nlines(const struct table *t);
const struct table_line *table_line(const struct table *t, size_t i);
/* The selected model row: 1 and *row when a data row is selected. */
int table_selected(const struct table *t, size_t *row);
/* The label of the selected group header, NULL when on a data row. */
const char *table_selected_group(const struct table *t);

/* Space: toggles the mark of the selected row (every row of a selected
 * group), then moves down.  Returns the number of marks. */
size_t table_toggle_mark(struct table *t);
int table_is_marked(const struct table *t, size_t row);
size_t table_mark_count(const struct table *t);
/* Fills rows with the marked model rows (at most max); returns how many
 * there are in all. */
size_t table_marked_rows(const struct table *t, size_t *rows, size_t max);
void table_clear_marks(struct table *t);

/* Groups: Enter toggles, Left collapses (from a row, its group), Right
 * expands.  Return 1 when something changed. */
int table_group_toggle(struct table *t);
int table_group_collapse(struct table *t);
int table_group_expand(struct table *t);
int table_group_is_collapsed(const struct table *t, const char *label);

/* Column widths for a table w columns wide; 0 for a dropped column.
 * Columns are separated by one space.  want (NULL: none) is the width
 * each column's text would take: the spare goes there first, then by
 * weight.  Returns the columns shown. */
int table_layout(const struct table_column *cols, int n, int w, const int *want,
		 int *widths);

/* Header, body and scroll indicator in the h x w box at (y, x). */
void table_draw(struct table *t, WINDOW *win, int y, int x, int h, int w);

#endif
