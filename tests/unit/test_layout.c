/* The console's regions at the sizes people use, down to 40x10. */
#include "tests/lib/testlib.h"

#include "tui/screen.h"

static void assert_inside(const struct rect *r, int rows, int cols)
{
	assert_true(r->y >= 0 && r->x >= 0);
	assert_true(r->y + r->h <= rows);
	assert_true(r->x + r->w <= cols);
}

static void check_size(int rows, int cols, int detail)
{
	struct layout l;

	screen_layout(rows, cols, detail, &l);
	assert_inside(&l.top, rows, cols);
	assert_inside(&l.main, rows, cols);
	assert_inside(&l.detail, rows, cols);
	assert_inside(&l.status, rows, cols);
	assert_inside(&l.keybar, rows, cols);
	assert_true(l.main.h >= 1);
	/* nothing overlaps the list */
	if (l.detail.h)
		assert_true(l.detail.y >= l.main.y + l.main.h ||
			    l.detail.x >= l.main.x + l.main.w);
	assert_true(l.status.h == 0 || l.status.y >= l.main.y + l.main.h);
}

static void test_sizes(void **state)
{
	static const int sizes[][2] = {{24, 80},  {10, 40}, {100, 300},
				       {50, 200}, {12, 40}, {4, 20},
				       {30, 100}};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		check_size(sizes[i][0], sizes[i][1], 0);
		check_size(sizes[i][0], sizes[i][1], 1);
	}
}

static void test_small_drops_detail_and_keybar(void **state)
{
	struct layout l;

	(void)state;
	screen_layout(10, 40, 1, &l);
	assert_int_equal(l.detail.h, 0);
	assert_int_equal(l.keybar.h, 0);
	assert_int_equal(l.status.h, 1);
	assert_int_equal(l.main.h, 8);
	screen_layout(24, 80, 1, &l);
	assert_true(l.detail.h > 0);
	assert_int_equal(l.keybar.y, 23);
	screen_layout(50, 200, 1, &l);
	assert_int_equal(l.detail.y, l.main.y);
	assert_true(l.detail.x > l.main.w - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_small_drops_detail_and_keybar),
	};
	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
