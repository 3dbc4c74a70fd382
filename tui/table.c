#include "tui/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/theme.h"

void table_init(struct table *t, const struct table_ops *ops, void *model)
{
	memset(t, 0, sizeof(*t));
	t->ops = ops;
	t->model = model;
	t->sort_col = -1;
	t->height = 1;
}

static void set_free(struct table_mark **s, size_t *n, size_t *cap)
{
	size_t i;

	for (i = 0; *s && i < *n; i++)
		free((*s)[i].key);
	free(*s);
	*s = NULL;
	*n = *cap = 0;
}

void table_free(struct table *t)
{
	free(t->lines);
	free(t->order);
	set_free(&t->marks, &t->nmarks, &t->capmarks);
	set_free(&t->closed, &t->nclosed, &t->capclosed);
	memset(t, 0, sizeof(*t));
	t->sort_col = -1;
}

/* Sorted sets of keys (marks, collapsed groups). */
static size_t set_find(const struct table_mark *s, size_t n, const char *key,
		       int *found)
{
	size_t lo = 0, hi = n, mid;
	int c;

	*found = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(s[mid].key, key);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int set_add(struct table_mark **s, size_t *n, size_t *cap,
		   const char *key)
{
	struct table_mark *grown;
	size_t i;
	int found;

	i = set_find(*s, *n, key, &found);
	if (found)
		return 0;
	if (*n == *cap) {
		grown = realloc(*s, (*cap ? *cap * 2 : 8) * sizeof(**s));
		if (!grown)
			return -1;
		*s = grown;
		*cap = *cap ? *cap * 2 : 8;
	}
	memmove(*s + i + 1, *s + i, (*n - i) * sizeof(**s));
	(*s)[i].key = strdup(key);
	(*s)[i].seen = 0;
	if (!(*s)[i].key) {
		memmove(*s + i, *s + i + 1, (*n - i) * sizeof(**s));
		return -1;
	}
	(*n)++;
	return 0;
}

static void set_del(struct table_mark *s, size_t *n, const char *key)
{
	int found;
	size_t i = set_find(s, *n, key, &found);

	if (!found)
		return;
	free(s[i].key);
	memmove(s + i, s + i + 1, (*n - i - 1) * sizeof(*s));
	(*n)--;
}

static int set_has(const struct table_mark *s, size_t n, const char *key)
{
	int found;

	if (n && key)
		set_find(s, n, key, &found);
	else
		found = 0;
	return found;
}

/* Flags key as still present. */
static void set_see(struct table_mark *s, size_t n, const char *key)
{
	int found;
	size_t i;

	if (!n || !key)
		return;
	i = set_find(s, n, key, &found);
	if (found)
		s[i].seen = 1;
}

/* Drops the keys nobody saw since the last sweep. */
static void set_sweep(struct table_mark *s, size_t *n)
{
	size_t i, o = 0;

	for (i = 0; i < *n; i++) {
		if (!s[i].seen) {
			free(s[i].key);
			continue;
		}
		s[i].seen = 0;
		s[o++] = s[i];
	}
	*n = o;
}

static const char *row_key(const struct table *t, size_t row)
{
	const char *k = t->ops->key(t->model, row);

	return k ? k : "";
}

static const char *row_group(const struct table *t, size_t row)
{
	return t->ops->group ? t->ops->group(t->model, row) : NULL;
}

static const char *line_key(const struct table *t, const struct table_line *l)
{
	const char *k;

	if (l->kind == TABLE_ROW)
		return row_key(t, l->row);
	k = row_group(t, l->row);
	return k ? k : "";
}

/* Remembers the selected line's identity for the next rebuild. */
static void remember_sel(struct table *t)
{
	size_t n;
	const char *k;

	t->has_sel = t->sel < t->nlines;
	if (!t->has_sel)
		return;
	k = line_key(t, &t->lines[t->sel]);
	n = strnlen(k, sizeof(t->sel_key) - 1);
	memcpy(t->sel_key, k, n);
	t->sel_key[n] = 0;
	t->sel_kind = t->lines[t->sel].kind;
}

static void scroll_to_sel(struct table *t)
{
	size_t h = t->height > 0 ? (size_t)t->height : 1;

	if (t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + h)
		t->top = t->sel - h + 1;
	if (t->top + h > t->nlines)
		t->top = t->nlines > h ? t->nlines - h : 0;
}

static int compare_rows(const void *pa, const void *pb, void *ctx)
{
	const struct table *t = ctx;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const char *ga = row_group(t, a), *gb = row_group(t, b);
	int c = 0;

	/* Groups first, by label; ungrouped rows after them. */
	if (ga || gb) {
		if (!ga || !gb)
			return ga ? -1 : 1;
		c = strcmp(ga, gb);
		if (c)
			return c;
	}
	if (t->sort_col >= 0 && t->ops->compare)
		c = t->ops->compare(t->model, a, b, t->sort_col);
	if (t->sort_desc)
		c = -c;
	if (c)
		return c < 0 ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int reserve(struct table *t, size_t n)
{
	struct table_line *lines;
	size_t *order;
	size_t want = n ? n : 1;

	if (want <= t->cap)
		return 0;
	lines = realloc(t->lines, 2 * want * sizeof(*lines));
	if (!lines)
		return -1;
	t->lines = lines;
	order = realloc(t->order, want * sizeof(*order));
	if (!order)
		return -1;
	t->order = order;
	t->cap = want;
	return 0;
}

/* Marks and collapsed groups of rows that no longer exist go. */
static void sweep_sets(struct table *t, size_t n)
{
	size_t r;

	for (r = 0; r < n; r++) {
		set_see(t->marks, t->nmarks, row_key(t, r));
		set_see(t->closed, t->nclosed, row_group(t, r));
	}
	set_sweep(t->marks, &t->nmarks);
	set_sweep(t->closed, &t->nclosed);
}

/* Turns the sorted order[0..m) into lines with group headers. */
static void emit_lines(struct table *t, size_t m)
{
	struct table_line *head = NULL;
	const char *g, *prev = NULL;
	size_t i;
	int closed = 0;

	t->nlines = 0;
	for (i = 0; i < m; i++) {
		g = row_group(t, t->order[i]);
		if (g && (!prev || strcmp(g, prev) != 0)) {
			head = &t->lines[t->nlines++];
			*head = (struct table_line){t->order[i], 0,
						    TABLE_GROUP};
			closed = set_has(t->closed, t->nclosed, g);
		} else if (!g) {
			head = NULL;
			closed = 0;
		}
		prev = g;
		if (head)
			head->count++;
		if (!closed)
			t->lines[t->nlines++] =
				(struct table_line){t->order[i], 1, TABLE_ROW};
	}
}

static void restore_sel(struct table *t)
{
	size_t i, old = t->sel;

	for (i = 0; t->has_sel && i < t->nlines; i++) {
		if (t->lines[i].kind == t->sel_kind &&
		    strncmp(line_key(t, &t->lines[i]), t->sel_key,
			    sizeof(t->sel_key) - 1) == 0) {
			t->sel = i;
			break;
		}
	}
	/* Gone: the line that took its place, so the next row. */
	if (!t->has_sel || i == t->nlines)
		t->sel =
			old < t->nlines ? old : (t->nlines ? t->nlines - 1 : 0);
	remember_sel(t);
	scroll_to_sel(t);
}

static int rebuild(struct table *t, int data_changed)
{
	size_t n = t->ops->rows(t->model), r, m = 0;

	if (reserve(t, n) != 0) {
		t->nlines = t->sel = t->top = 0;
		t->nomem = 1;
		return -1;
	}
	t->nomem = 0;
	if (data_changed)
		sweep_sets(t, n);
	for (r = 0; r < n; r++) {
		if (t->filter[0] && t->ops->match &&
		    !t->ops->match(t->model, r, t->filter))
			continue;
		t->order[m++] = r;
	}
	qsort_r(t->order, m, sizeof(*t->order), compare_rows, t);
	emit_lines(t, m);
	restore_sel(t);
	return 0;
}

int table_invalidate(struct table *t)
{
	return rebuild(t, 1);
}

int table_set_filter(struct table *t, const char *filter)
{
	size_t n = filter ? strnlen(filter, sizeof(t->filter) - 1) : 0;

	memcpy(t->filter, filter ? filter : "", n);
	t->filter[n] = 0;
	return rebuild(t, 0);
}

int table_set_sort(struct table *t, int col, int desc)
{
	t->sort_col = (col >= 0 && col < t->ops->ncolumns) ? col : -1;
	t->sort_desc = t->sort_col >= 0 && desc;
	return rebuild(t, 0);
}

int table_sort_next(struct table *t)
{
	if (t->sort_col < 0)
		return table_set_sort(t, 0, 0);
	if (!t->sort_desc)
		return table_set_sort(t, t->sort_col, 1);
	if (t->sort_col + 1 >= t->ops->ncolumns)
		return table_set_sort(t, -1, 0);
	return table_set_sort(t, t->sort_col + 1, 0);
}

void table_set_height(struct table *t, int h)
{
	t->height = h > 0 ? h : 1;
	scroll_to_sel(t);
}

void table_move(struct table *t, long delta)
{
	size_t d;

	if (t->nlines == 0)
		return;
	if (delta < 0) {
		d = (size_t)-delta;
		t->sel = d > t->sel ? 0 : t->sel - d;
	} else {
		d = (size_t)delta;
		t->sel = d >= t->nlines - t->sel ? t->nlines - 1 : t->sel + d;
	}
	remember_sel(t);
	scroll_to_sel(t);
}

void table_up(struct table *t)
{
	table_move(t, -1);
}

void table_down(struct table *t)
{
	table_move(t, 1);
}

void table_page_up(struct table *t)
{
	table_move(t, -(long)t->height);
}

void table_page_down(struct table *t)
{
	table_move(t, t->height);
}

void table_top(struct table *t)
{
	table_move(t, -(long)t->nlines);
}

void table_bottom(struct table *t)
{
	table_move(t, (long)t->nlines);
}

int table_click(struct table *t, int y)
{
	size_t line;

	if (y < t->body_y || y >= t->body_y + t->height)
		return 0;
	line = t->top + (size_t)(y - t->body_y);
	if (line >= t->nlines)
		return 0;
	t->sel = line;
	remember_sel(t);
	scroll_to_sel(t);
	return 1;
}

size_t table_nlines(const struct table *t)
{
	return t->nlines;
}

const struct table_line *table_line(const struct table *t, size_t i)
{
	return i < t->nlines ? &t->lines[i] : NULL;
}

int table_selected(const struct table *t, size_t *row)
{
	if (t->sel >= t->nlines || t->lines[t->sel].kind != TABLE_ROW)
		return 0;
	if (row)
		*row = t->lines[t->sel].row;
	return 1;
}

const char *table_selected_group(const struct table *t)
{
	if (t->sel >= t->nlines || t->lines[t->sel].kind != TABLE_GROUP)
		return NULL;
	return row_group(t, t->lines[t->sel].row);
}

int table_is_marked(const struct table *t, size_t row)
{
	return set_has(t->marks, t->nmarks, row_key(t, row));
}

size_t table_mark_count(const struct table *t)
{
	return t->nmarks;
}

void table_clear_marks(struct table *t)
{
	set_free(&t->marks, &t->nmarks, &t->capmarks);
}

/* Whether row belongs to a group header's rows as shown (filtered). */
static int in_group(const struct table *t, size_t row, const char *label)
{
	const char *g = row_group(t, row);

	if (!g || strcmp(g, label) != 0)
		return 0;
	return !t->filter[0] || !t->ops->match ||
	       t->ops->match(t->model, row, t->filter);
}

static void toggle_group_marks(struct table *t, const char *label)
{
	size_t n = t->ops->rows(t->model), r;
	int all = 1;

	for (r = 0; r < n && all; r++)
		if (in_group(t, r, label) && !table_is_marked(t, r))
			all = 0;
	for (r = 0; r < n; r++) {
		if (!in_group(t, r, label))
			continue;
		if (all)
			set_del(t->marks, &t->nmarks, row_key(t, r));
		else
			set_add(&t->marks, &t->nmarks, &t->capmarks,
				row_key(t, r));
	}
}

size_t table_toggle_mark(struct table *t)
{
	const struct table_line *l;
	const char *k;

	if (t->sel >= t->nlines)
		return t->nmarks;
	l = &t->lines[t->sel];
	if (l->kind == TABLE_GROUP) {
		toggle_group_marks(t, line_key(t, l));
	} else {
		k = row_key(t, l->row);
		if (set_has(t->marks, t->nmarks, k))
			set_del(t->marks, &t->nmarks, k);
		else
			set_add(&t->marks, &t->nmarks, &t->capmarks, k);
	}
	table_down(t);
	return t->nmarks;
}

size_t table_marked_rows(const struct table *t, size_t *rows, size_t max)
{
	size_t n = t->ops->rows(t->model), r, found = 0;

	for (r = 0; r < n && t->nmarks; r++) {
		if (!table_is_marked(t, r))
			continue;
		if (found < max)
			rows[found] = r;
		found++;
	}
	return found;
}

int table_group_is_collapsed(const struct table *t, const char *label)
{
	return set_has(t->closed, t->nclosed, label);
}

/* Collapses (close 1) or expands the group of the selected line. */
static int group_set(struct table *t, int close, int toggle)
{
	const struct table_line *l;
	const char *g;
	size_t n;

	if (t->sel >= t->nlines)
		return 0;
	l = &t->lines[t->sel];
	g = row_group(t, l->row);
	if (!g || (l->kind == TABLE_ROW && (toggle || !close)))
		return 0;
	if (toggle)
		close = !table_group_is_collapsed(t, g);
	if (close == table_group_is_collapsed(t, g))
		return 0;
	if (close) {
		if (set_add(&t->closed, &t->nclosed, &t->capclosed, g) != 0)
			return 0;
		/* From a row inside, the selection lands on its header. */
		n = strnlen(g, sizeof(t->sel_key) - 1);
		memcpy(t->sel_key, g, n);
		t->sel_key[n] = 0;
		t->sel_kind = TABLE_GROUP;
		t->has_sel = 1;
	} else {
		set_del(t->closed, &t->nclosed, g);
	}
	rebuild(t, 0);
	return 1;
}

int table_group_toggle(struct table *t)
{
	return group_set(t, 0, 1);
}

int table_group_collapse(struct table *t)
{
	return group_set(t, 1, 0);
}

int table_group_expand(struct table *t)
{
	return group_set(t, 0, 0);
}

int table_action(struct table *t, enum action act)
{
	switch (act) {
	case ACT_LIST_UP:
		table_up(t);
		return 1;
	case ACT_LIST_DOWN:
		table_down(t);
		return 1;
	case ACT_LIST_PAGE_UP:
		table_page_up(t);
		return 1;
	case ACT_LIST_PAGE_DOWN:
		table_page_down(t);
		return 1;
	case ACT_LIST_TOP:
		table_top(t);
		return 1;
	case ACT_LIST_BOTTOM:
		table_bottom(t);
		return 1;
	case ACT_LIST_SORT:
		table_sort_next(t);
		return 1;
	default:
		return 0;
	}
}
