/* The table widget's model: order, selection, marks, filter, sort,
 * groups and paging, driven through a fake view. */
#include "tests/lib/testlib.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/table.h"

struct fake_row {
	const char *id, *name, *group;
	long size;
};

struct fake {
	struct fake_row rows[32];
	size_t n;
};

static size_t f_rows(void *m)
{
	return ((struct fake *)m)->n;
}

static void f_cell(void *m, size_t row, int col, char *buf, size_t n)
{
	const struct fake_row *r = &((struct fake *)m)->rows[row];

	if (col == 0)
		snprintf(buf, n, "%s", r->name);
	else
		snprintf(buf, n, "%ld", r->size);
}

static const char *f_key(void *m, size_t row)
{
	return ((struct fake *)m)->rows[row].id;
}

static int f_compare(void *m, size_t a, size_t b, int col)
{
	const struct fake_row *ra = &((struct fake *)m)->rows[a];
	const struct fake_row *rb = &((struct fake *)m)->rows[b];

	if (col == 0)
		return strcmp(ra->name, rb->name);
	return (ra->size > rb->size) - (ra->size < rb->size);
}

static int f_match(void *m, size_t row, const char *filter)
{
	return strstr(((struct fake *)m)->rows[row].name, filter) != NULL;
}

static const char *f_group(void *m, size_t row)
{
	return ((struct fake *)m)->rows[row].group;
}

static const struct table_column columns[] = {
	{"NAME", 8, 1, 0, 0},
	{"SIZE", 6, 0, 1, 0},
};

static const struct table_ops ops = {columns, 2,	 f_rows,  f_cell, NULL,
				     f_key,   f_compare, f_match, NULL};
static const struct table_ops gops = {columns, 2,	  f_rows,  f_cell, NULL,
				      f_key,   f_compare, f_match, f_group};

static struct fake model;
static struct table t;

static void add(const char *id, const char *name, long size, const char *g)
{
	model.rows[model.n++] = (struct fake_row){id, name, g, size};
}

/* Inserts at index i, moving the rest down. */
static void insert_at(size_t i, const char *id, const char *name)
{
	memmove(&model.rows[i + 1], &model.rows[i],
		(model.n - i) * sizeof(model.rows[0]));
	model.rows[i] = (struct fake_row){id, name, NULL, 0};
	model.n++;
}

static void remove_id(const char *id)
{
	for (size_t i = 0; i < model.n; i++) {
		if (strcmp(model.rows[i].id, id) == 0) {
			memmove(&model.rows[i], &model.rows[i + 1],
				(model.n - i - 1) * sizeof(model.rows[0]));
			model.n--;
			return;
		}
	}
}

static int setup(void **state)
{
	(void)state;
	memset(&model, 0, sizeof(model));
	add("a", "alpha", 30, NULL);
	add("b", "bravo", 10, NULL);
	add("c", "charlie", 50, NULL);
	add("d", "delta", 20, NULL);
	add("e", "echo", 40, NULL);
	table_init(&t, &ops, &model);
	return table_invalidate(&t);
}

static int teardown(void **state)
{
	(void)state;
	table_free(&t);
	table_free(&t); /* twice is fine */
	return 0;
}

/* The ids of the visible lines, "[g]" for a group header. */
static const char *order(void)
{
	static char buf[256];
	size_t i, o = 0;
	const struct table_line *l;

	buf[0] = 0;
	for (i = 0; i < table_nlines(&t); i++) {
		l = table_line(&t, i);
		o += (size_t)snprintf(
			buf + o, sizeof(buf) - o, "%s%s%s%s", i ? " " : "",
			l->kind == TABLE_GROUP ? "[" : "",
			l->kind == TABLE_GROUP ? model.rows[l->row].group
					       : model.rows[l->row].id,
			l->kind == TABLE_GROUP ? "]" : "");
	}
	return buf;
}

static const char *selected(void)
{
	size_t row;

	if (table_selected(&t, &row))
		return model.rows[row].id;
	return table_selected_group(&t) ? table_selected_group(&t) : "-";
}

static void select_id(const char *id)
{
	table_top(&t);
	while (strcmp(selected(), id) != 0 && t.sel + 1 < table_nlines(&t))
		table_down(&t);
	assert_string_equal(selected(), id);
}

static void test_empty_table(void **state)
{
	size_t rows[4];

	(void)state;
	model.n = 0;
	assert_int_equal(table_invalidate(&t), 0);
	assert_int_equal(table_nlines(&t), 0);
	table_down(&t);
	table_page_down(&t);
	table_bottom(&t);
	table_up(&t);
	table_page_up(&t);
	assert_false(table_selected(&t, NULL));
	assert_null(table_selected_group(&t));
	assert_int_equal(table_toggle_mark(&t), 0);
	assert_int_equal(table_marked_rows(&t, rows, 4), 0);
	assert_false(table_group_toggle(&t));
	assert_false(table_click(&t, 1));
	assert_null(table_line(&t, 0));
	/* Rows arriving later: the first is selected. */
	add("z", "zulu", 1, NULL);
	table_invalidate(&t);
	assert_string_equal(selected(), "z");
}

static void test_sort_both_ways(void **state)
{
	(void)state;
	assert_string_equal(order(), "a b c d e");
	table_set_sort(&t, 1, 0);
	assert_string_equal(order(), "b d a e c");
	table_set_sort(&t, 1, 1);
	assert_string_equal(order(), "c e a d b");
	table_set_sort(&t, 0, 1);
	assert_string_equal(order(), "e d c b a");
	/* The sort key cycles: column 0 up, down, column 1 up, down, off. */
	table_set_sort(&t, -1, 0);
	table_sort_next(&t);
	assert_int_equal(t.sort_col, 0);
	assert_false(t.sort_desc);
	table_sort_next(&t);
	assert_true(t.sort_desc);
	table_sort_next(&t);
	assert_int_equal(t.sort_col, 1);
	assert_false(t.sort_desc);
	table_sort_next(&t);
	table_sort_next(&t);
	assert_int_equal(t.sort_col, -1);
	assert_string_equal(order(), "a b c d e");
	/* Equal keys keep the model's order. */
	model.rows[0].size = model.rows[2].size = 7;
	table_invalidate(&t);
	table_set_sort(&t, 1, 0);
	assert_string_equal(order(), "a c b d e");
	/* Sorting moves rows, not the selection. */
	select_id("d");
	table_set_sort(&t, 0, 1);
	assert_string_equal(selected(), "d");
	assert_int_equal(t.sel, 1);
}

static void test_selection_follows_key(void **state)
{
	(void)state;
	select_id("c");
	insert_at(0, "x", "xray");
	insert_at(0, "y", "yankee");
	table_invalidate(&t);
	assert_string_equal(order(), "y x a b c d e");
	assert_string_equal(selected(), "c");
	assert_int_equal(t.sel, 4);
	/* Removing other rows keeps it too. */
	remove_id("a");
	remove_id("y");
	table_invalidate(&t);
	assert_string_equal(selected(), "c");
}

static void test_selected_row_removed(void **state)
{
	(void)state;
	select_id("c");
	remove_id("c");
	table_invalidate(&t);
	assert_string_equal(selected(), "d"); /* the next row */
	table_bottom(&t);
	assert_string_equal(selected(), "e");
	remove_id("e");
	table_invalidate(&t);
	assert_string_equal(selected(), "d"); /* no next: the last */
	model.n = 0;
	table_invalidate(&t);
	assert_string_equal(selected(), "-");
}

static void test_filter(void **state)
{
	(void)state;
	select_id("d");
	table_set_filter(&t, "l");
	assert_string_equal(order(), "a c d");
	assert_string_equal(selected(), "d");
	table_set_filter(&t, "ha");
	assert_string_equal(order(), "a c");
	assert_string_equal(selected(), "c"); /* d filtered away */
	table_set_filter(&t, "nothing");
	assert_string_equal(order(), "");
	assert_false(table_selected(&t, NULL));
	table_set_filter(&t, "");
	assert_string_equal(order(), "a b c d e");
	table_set_filter(&t, "o");
	table_set_sort(&t, 1, 1);
	assert_string_equal(order(), "e b");
	table_set_filter(&t, NULL);
	assert_string_equal(order(), "c e a d b");
}

static void test_marks(void **state)
{
	size_t rows[8];

	(void)state;
	assert_int_equal(table_toggle_mark(&t), 1); /* a, moves to b */
	assert_string_equal(selected(), "b");
	table_down(&t);
	table_down(&t);
	assert_int_equal(table_toggle_mark(&t), 2); /* d */
	assert_true(table_is_marked(&t, 0));
	assert_false(table_is_marked(&t, 1));
	assert_true(table_is_marked(&t, 3));
	/* Marks follow keys when rows move. */
	insert_at(0, "x", "xray");
	table_invalidate(&t);
	assert_int_equal(table_marked_rows(&t, rows, 8), 2);
	assert_int_equal(rows[0], 1);
	assert_int_equal(rows[1], 4);
	assert_int_equal(table_marked_rows(&t, rows, 1), 2);
	/* A vanished row's mark goes. */
	remove_id("d");
	table_invalidate(&t);
	assert_int_equal(table_mark_count(&t), 1);
	/* Unmark toggles back; the last row keeps the selection. */
	select_id("a");
	assert_int_equal(table_toggle_mark(&t), 0);
	table_bottom(&t);
	table_toggle_mark(&t);
	assert_string_equal(selected(), "e");
	table_clear_marks(&t);
	assert_int_equal(table_mark_count(&t), 0);
}

static void test_paging_at_edges(void **state)
{
	(void)state;
	for (int i = 0; i < 5; i++)
		add("p", "pad", 0, NULL); /* ten rows in all */
	table_invalidate(&t);
	table_set_height(&t, 3);
	table_page_up(&t);
	assert_int_equal(t.sel, 0);
	table_page_down(&t);
	assert_int_equal(t.sel, 3);
	assert_int_equal(t.top, 1);
	table_page_down(&t);
	table_page_down(&t);
	assert_int_equal(t.sel, 9);
	assert_int_equal(t.top, 7);
	table_page_down(&t); /* at the bottom: stays */
	assert_int_equal(t.sel, 9);
	table_page_up(&t);
	assert_int_equal(t.sel, 6);
	assert_int_equal(t.top, 6);
	table_move(&t, -100);
	assert_int_equal(t.sel, 0);
	assert_int_equal(t.top, 0);
	table_move(&t, 100);
	assert_int_equal(t.sel, 9);
	/* A taller window pulls the scroll back so no space is wasted. */
	table_set_height(&t, 8);
	assert_int_equal(t.top, 2);
	table_set_height(&t, 20);
	assert_int_equal(t.top, 0);
	/* Clicks map screen rows to lines. */
	t.body_y = 5;
	table_set_height(&t, 4);
	table_top(&t);
	assert_true(table_click(&t, 7));
	assert_int_equal(t.sel, 2);
	assert_false(table_click(&t, 4));
	assert_false(table_click(&t, 9));
}

static int group_setup(void **state)
{
	(void)state;
	memset(&model, 0, sizeof(model));
	add("w1", "web-1", 3, "shop");
	add("s1", "solo", 9, NULL);
	add("d1", "db-1", 1, "shop");
	add("m1", "mail", 2, "blog");
	add("w2", "web-2", 4, "shop");
	table_init(&t, &gops, &model);
	return table_invalidate(&t);
}

static void test_groups(void **state)
{
	size_t rows[8];

	(void)state;
	assert_string_equal(order(), "[blog] m1 [shop] w1 d1 w2 s1");
	assert_int_equal(table_line(&t, 2)->count, 3);
	table_set_sort(&t, 0, 0);
	assert_string_equal(order(), "[blog] m1 [shop] d1 w1 w2 s1");
	/* Left from a row collapses its group, selection on the header. */
	select_id("w1");
	assert_true(table_group_collapse(&t));
	assert_string_equal(order(), "[blog] m1 [shop] s1");
	assert_string_equal(selected(), "shop");
	assert_true(table_group_is_collapsed(&t, "shop"));
	assert_int_equal(table_line(&t, 2)->count, 3);
	assert_false(table_group_collapse(&t)); /* already */
	/* Survives new data; Right and Enter open and close. */
	add("w3", "web-3", 5, "shop");
	table_invalidate(&t);
	assert_string_equal(order(), "[blog] m1 [shop] s1");
	assert_int_equal(table_line(&t, 2)->count, 4);
	assert_true(table_group_expand(&t));
	assert_string_equal(order(), "[blog] m1 [shop] d1 w1 w2 w3 s1");
	assert_true(table_group_toggle(&t));
	assert_string_equal(order(), "[blog] m1 [shop] s1");
	assert_true(table_group_toggle(&t));
	/* Enter and Right on a plain row are not group keys. */
	select_id("s1");
	assert_false(table_group_toggle(&t));
	assert_false(table_group_collapse(&t));
	/* Space on a header marks the group's rows, then unmarks them. */
	select_id("shop");
	assert_int_equal(table_toggle_mark(&t), 4);
	assert_int_equal(table_marked_rows(&t, rows, 8), 4);
	select_id("shop");
	assert_int_equal(table_toggle_mark(&t), 0);
	/* A filter keeps headers of groups with a match only. */
	table_set_filter(&t, "web");
	assert_string_equal(order(), "[shop] w1 w2 w3");
	assert_int_equal(table_line(&t, 0)->count, 3);
	table_set_filter(&t, "");
	/* A collapsed group that vanished is forgotten. */
	select_id("blog");
	table_group_collapse(&t);
	remove_id("m1");
	table_invalidate(&t);
	assert_false(table_group_is_collapsed(&t, "blog"));
	assert_string_equal(selected(), "shop");
}

static void test_layout(void **state)
{
	const struct table_column cols[] = {
		{"NAME", 10, 2, 0, 0},
		{"IMAGE", 10, 1, 0, 0},
		{"ID", 12, 0, 0, 60},
		{"SIZE", 5, 0, 1, 0},
	};
	int w[4];

	(void)state;
	/* 80: all shown, 80 - (10+10+12+5+3) = 40 spare, 2:1. */
	assert_int_equal(table_layout(cols, 4, 80, NULL, w), 4);
	assert_int_equal(w[0], 36);
	assert_int_equal(w[1], 24);
	assert_int_equal(w[2], 12);
	assert_int_equal(w[3], 5);
	assert_int_equal(w[0] + w[1] + w[2] + w[3] + 3, 80);
	/* Below 60 the ID column goes. */
	assert_int_equal(table_layout(cols, 4, 50, NULL, w), 3);
	assert_int_equal(w[2], 0);
	assert_int_equal(w[0] + w[1] + w[3] + 2, 50);
	/* Too narrow for the minimums: rightmost columns dropped. */
	assert_int_equal(table_layout(cols, 4, 21, NULL, w), 2);
	assert_int_equal(w[0] + w[1] + 1, 21);
	assert_int_equal(w[3], 0);
	assert_int_equal(table_layout(cols, 4, 6, NULL, w), 1);
	assert_int_equal(w[0], 6);
}

/* What the text needs is given before the weights share the rest,
 * leftmost first; a flexible column wider than its text shrinks to it. */
static void test_layout_wanted(void **state)
{
	const struct table_column cols[] = {
		{"NAME", 10, 1, 0, 0},
		{"PORTS", 10, 3, 0, 0},
		{"ID", 12, 0, 0, 0},
	};
	int w[3], want[3] = {30, 6, 40};

	(void)state;
	/* 60: PORTS needs only 6: 60 - (10+6+12+2) = 30 spare; NAME lacks
	 * 20 and gets it first, ID is fixed; the last 10 go 1:3. */
	assert_int_equal(table_layout(cols, 3, 60, want, w), 3);
	assert_int_equal(w[0], 32);
	assert_int_equal(w[1], 14);
	assert_int_equal(w[2], 12);
	/* 40: 10 spare for 20 lacking: all of it to NAME. */
	assert_int_equal(table_layout(cols, 3, 40, want, w), 3);
	assert_int_equal(w[0], 20);
	assert_int_equal(w[1], 6);
	/* Two that lack: the leftmost is served first. */
	want[1] = 20;
	assert_int_equal(table_layout(cols, 3, 49, want, w), 3);
	assert_int_equal(w[0], 25);
	assert_int_equal(w[1], 10);
	assert_int_equal(w[0] + w[1] + w[2] + 2, 49);
	/* Without text to measure, the minimums hold. */
	assert_int_equal(table_layout(cols, 3, 34, NULL, w), 3);
	assert_int_equal(w[0], 10);
	assert_int_equal(w[1], 10);
}

#define SEEN(got, want)                                                        \
	do {                                                                   \
		if (wcsncmp(got, want, wcslen(want)) != 0)                     \
			fail_msg("read back \"%ls\", want \"%ls\"", got,       \
				 want);                                        \
	} while (0)

/* Drawn into a pad and read back. */
static void test_draw_reads_back(void **state)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr;
	WINDOW *p;
	wchar_t got[64];

	(void)state;
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	setenv("TERM", "xterm-256color", 1);
	scr = newterm(NULL, out, in);
	assert_non_null(scr);
	p = newpad(4, 20);
	model.rows[1].name = "\xe6\x97\xa5\xe6\x9c\xac\x1b[2J";
	table_set_sort(&t, 1, 1);
	table_draw(&t, p, 0, 0, 4, 20);
	mvwinnwstr(p, 0, 0, got, 20);
	SEEN(got, L"NAME          SIZE\x25bc");
	/* Five rows in three lines: a scroll bar (ACS line, read back as
	 * 'x'), so the name column is one narrower.  The selection (alpha)
	 * stayed in view; the CJK name is padded, its escape gone. */
	mvwinnwstr(p, 1, 0, got, 20);
	SEEN(got, L"alpha            30x");
	mvwinnwstr(p, 3, 0, got, 20);
	SEEN(got, L"日本             10 ");
	assert_int_equal(t.top, 2);
	table_top(&t);
	table_draw(&t, p, 0, 0, 4, 20);
	mvwinnwstr(p, 1, 0, got, 20);
	SEEN(got, L"charlie          50 ");
	mvwinnwstr(p, 3, 0, got, 20);
	SEEN(got, L"alpha            30x");
	/* Narrower than the minimums: only the name column is left. */
	table_draw(&t, p, 0, 0, 4, 9);
	mvwinnwstr(p, 1, 0, got, 10);
	SEEN(got, L"charlie  ");
	delwin(p);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty_table, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_sort_both_ways, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_selection_follows_key,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_selected_row_removed,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_marks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paging_at_edges, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_groups, group_setup,
						teardown),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_layout_wanted),
		cmocka_unit_test_setup_teardown(test_draw_reads_back, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
