/* A program's colours in its log lines: which SGR sequences are kept as
 * styles, where they start in the sanitized text, and that nothing else
 * (titles, cursor moves, the clipboard) survives beside them. */
#include "tests/lib/testlib.h"

#include <string.h>

#include "tui/sanitize.h"

static struct sgr_style apply(const char *params)
{
	struct sgr_style s = sgr_plain;

	assert_int_equal(sgr_apply(&s, params, strlen(params)), 0);
	return s;
}

static void test_basic_colours(void **state)
{
	struct sgr_style s;

	(void)state;
	s = apply("31");
	assert_int_equal(s.fg, 1);
	assert_int_equal(s.bg, SGR_DEFAULT);
	s = apply("1;4;92;104");
	assert_int_equal(s.fg, 10);
	assert_int_equal(s.bg, 12);
	assert_int_equal(s.bold, 1);
	assert_int_equal(s.underline, 1);
	s = apply("1;31;0");
	assert_true(sgr_same(&s, &sgr_plain));
	s = apply(""); /* ESC [ m is a reset */
	assert_true(sgr_same(&s, &sgr_plain));
	s = apply("4:0");
	assert_int_equal(s.underline, 0);
	s = apply("1;22;4;24;33;39;43;49");
	assert_true(sgr_same(&s, &sgr_plain));
}

static void test_extended_colours(void **state)
{
	struct sgr_style s;

	(void)state;
	s = apply("38;5;208;48;5;17");
	assert_int_equal(s.fg, 208);
	assert_int_equal(s.bg, 17);
	s = apply("38:5:99");
	assert_int_equal(s.fg, 99);
	/* true colour comes down to the 6x6x6 cube */
	s = apply("38;2;255;0;0");
	assert_int_equal(s.fg, 196);
	s = apply("48:2::0:0:255");
	assert_int_equal(s.bg, 21);
	/* out of range or cut short: no colour, and no wrap-around */
	s = apply("38;5;300");
	assert_int_equal(s.fg, SGR_DEFAULT);
	s = apply("38;5");
	assert_int_equal(s.fg, SGR_DEFAULT);
	s = apply("38;2;99999999999999999999;1;1");
	assert_true(s.fg >= 16 && s.fg <= 231);
}

static void test_not_sgr(void **state)
{
	struct sgr_style s = sgr_plain;

	(void)state;
	/* private markers and other bytes are some other sequence */
	assert_int_equal(sgr_apply(&s, "?25", 3), -1);
	assert_int_equal(sgr_apply(&s, "31 ", 3), -1);
	assert_true(sgr_same(&s, &sgr_plain));
	/* attributes berth does not show are ignored, not refused; conceal
	 * must never hide text from the reader */
	s = apply("3;5;7;8;9");
	assert_true(sgr_same(&s, &sgr_plain));
}

static void test_styled_sanitize(void **state)
{
	static const char in[] = "\x1b[31mred\x1b[0m plain \x1b[1;32mgreen"
				 "\x1b]0;title\x07\x1b[2J\x1b[H!\x1b[m";
	char out[256];
	struct sgr_run r[8];
	size_t n, k;

	(void)state;
	n = term_sanitize_styled(in, strlen(in), out, sizeof(out), r, 8, &k);
	assert_string_equal(out, "red plain green!");
	assert_int_equal(n, strlen("red plain green!"));
	assert_int_equal(k, 4);
	assert_int_equal(r[0].at, 0);
	assert_int_equal(r[0].st.fg, 1);
	assert_int_equal(r[1].at, 3);
	assert_true(sgr_same(&r[1].st, &sgr_plain));
	assert_int_equal(r[2].at, 10);
	assert_int_equal(r[2].st.fg, 2);
	assert_int_equal(r[2].st.bold, 1);
	/* the title, the clear and the cursor move are gone; the reset at
	 * the end starts a plain run */
	assert_int_equal(r[3].at, 16);
	assert_true(sgr_same(&r[3].st, &sgr_plain));
}

static void test_runs_bounded(void **state)
{
	char in[512] = "", out[512];
	struct sgr_run r[4];
	size_t k, i;

	(void)state;
	for (i = 0; i < 20; i++)
		strcat(in, i % 2 ? "\x1b[32mx" : "\x1b[31my");
	term_sanitize_styled(in, strlen(in), out, sizeof(out), r, 4, &k);
	assert_int_equal(k, 4);
	/* out of room: plain from there on, not the last colour */
	assert_true(sgr_same(&r[3].st, &sgr_plain));
	assert_int_equal(r[3].at, 3);
	/* a repeated style makes no new run */
	term_sanitize_styled("\x1b[31ma\x1b[31mb", 12, out, sizeof(out), r, 4,
			     &k);
	assert_int_equal(k, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic_colours),
		cmocka_unit_test(test_extended_colours),
		cmocka_unit_test(test_not_sgr),
		cmocka_unit_test(test_styled_sanitize),
		cmocka_unit_test(test_runs_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
