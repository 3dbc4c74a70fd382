/* The prompt editor: UTF-8 in and out, emacs keys, a hard length cap. */
#include "tests/lib/testlib.h"

#include <locale.h>
#include <string.h>

#include "tui/keyname.h"
#include "tui/lineedit.h"

#define CTRL(c) ((c)&0x1f)
#define FK(k) BKEY_FUNC(KEY_##k)

static struct lineedit le;

static int setup(void **state)
{
	(void)state;
	lineedit_init(&le, 64);
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void type(const char *ascii)
{
	while (*ascii)
		assert_int_equal(lineedit_key(&le, *ascii++), LE_CONSUMED);
}

static void check(const char *want, size_t cur)
{
	char out[LINEEDIT_MAX + 1];

	lineedit_text(&le, out, sizeof(out));
	assert_string_equal(out, want);
	assert_int_equal(le.cur, cur);
	assert_int_equal(le.bytes, strlen(want));
}

static void test_typing_and_motion(void **state)
{
	(void)state;
	type("web");
	check("web", 3);
	lineedit_key(&le, FK(LEFT));
	lineedit_key(&le, CTRL('b'));
	type("X");
	check("wXeb", 2);
	lineedit_key(&le, FK(HOME));
	type("<");
	lineedit_key(&le, CTRL('e'));
	type(">");
	check("<wXeb>", 6);
	lineedit_key(&le, CTRL('a'));
	lineedit_key(&le, FK(LEFT)); /* stays at 0 */
	check("<wXeb>", 0);
	lineedit_key(&le, FK(END));
	lineedit_key(&le, FK(RIGHT)); /* stays at the end */
	lineedit_key(&le, CTRL('f'));
	check("<wXeb>", 6);
}

static void test_wide_characters(void **state)
{
	(void)state;
	assert_int_equal(lineedit_key(&le, 0x65e5), LE_CONSUMED); /* 日 */
	assert_int_equal(lineedit_key(&le, 0x1f433), LE_CONSUMED);
	type("e");
	assert_int_equal(lineedit_key(&le, 0x301), LE_CONSUMED);
	check("\xe6\x97\xa5\xf0\x9f\x90\xb3"
	      "e\xcc\x81",
	      4);
	lineedit_key(&le, FK(BACKSPACE));
	lineedit_key(&le, FK(HOME));
	lineedit_key(&le, FK(DC));
	check("\xf0\x9f\x90\xb3"
	      "e",
	      0);
}

static void test_deletion_keys(void **state)
{
	(void)state;
	type("docker rm  web-1");
	lineedit_key(&le, CTRL('w'));
	check("docker rm  ", 11);
	lineedit_key(&le, CTRL('w'));
	check("docker ", 7);
	lineedit_key(&le, FK(HOME));
	lineedit_key(&le, FK(RIGHT));
	lineedit_key(&le, CTRL('k'));
	check("d", 1);
	type("ocker");
	lineedit_key(&le, FK(LEFT));
	lineedit_key(&le, FK(LEFT));
	lineedit_key(&le, CTRL('u'));
	check("er", 0);
	lineedit_key(&le, CTRL('d'));
	lineedit_key(&le, 0x7f); /* at 0: nothing */
	check("r", 0);
	lineedit_key(&le, CTRL('w')); /* at 0: nothing */
	lineedit_key(&le, CTRL('k'));
	lineedit_key(&le, FK(DC)); /* empty: nothing */
	check("", 0);
}

static void test_results(void **state)
{
	(void)state;
	assert_int_equal(lineedit_key(&le, '\n'), LE_ENTER);
	assert_int_equal(lineedit_key(&le, '\r'), LE_ENTER);
	assert_int_equal(lineedit_key(&le, 0x1b), LE_ESCAPE);
	assert_int_equal(lineedit_key(&le, CTRL('g')), LE_ESCAPE);
	/* Keys it has no use for go back to the caller, untouched. */
	assert_int_equal(lineedit_key(&le, '\t'), LE_IGNORED);
	assert_int_equal(lineedit_key(&le, FK(F(5))), LE_IGNORED);
	assert_int_equal(lineedit_key(&le, FK(UP)), LE_IGNORED);
	assert_int_equal(lineedit_key(&le, 'a' | BKEY_META), LE_IGNORED);
	assert_int_equal(lineedit_key(&le, CTRL('l')), LE_IGNORED);
	assert_int_equal(lineedit_key(&le, 0x9b), LE_IGNORED);	 /* C1 */
	assert_int_equal(lineedit_key(&le, 0x202e), LE_IGNORED); /* RLO */
	assert_int_equal(lineedit_key(&le, 0xd800), LE_IGNORED);
	assert_int_equal(lineedit_key(&le, -1), LE_IGNORED);
	check("", 0);
}

static void test_max_length_in_bytes(void **state)
{
	(void)state;
	lineedit_init(&le, 5);
	type("abc");
	lineedit_key(&le, 0x65e5); /* three bytes: does not fit */
	check("abc", 3);
	lineedit_key(&le, 0xe9); /* two bytes: fits exactly */
	type("z");
	check("abc\xc3\xa9", 4);
	lineedit_init(&le, 0);
	assert_int_equal(le.max, LINEEDIT_MAX);
	for (int i = 0; i < LINEEDIT_MAX + 10; i++)
		lineedit_key(&le, 'x');
	assert_int_equal(le.len, LINEEDIT_MAX);
}

static void test_set_hostile_text(void **state)
{
	char small[4];

	(void)state;
	lineedit_set(&le, "a\x1b[31m\xff\xc0\xaf\xed\xa0\x80"
			  "b\xf4\x90\x80\x80\xe2\x80\xae"
			  "c");
	check("a[31mbc", 7);
	lineedit_set(&le, NULL);
	check("", 0);
	lineedit_init(&le, 4);
	lineedit_set(&le, "abcdefgh");
	check("abcd", 4);
	/* A short output buffer cuts at a character boundary. */
	lineedit_set(&le, "\xc3\xa9\xc3\xa9");
	assert_int_equal(lineedit_text(&le, small, sizeof(small)), 2);
	assert_string_equal(small, "\xc3\xa9");
}

static void test_scroll_keeps_cursor_visible(void **state)
{
	(void)state;
	type("0123456789abcdef");
	/* Width 10: the cursor at 16 needs its own cell. */
	assert_int_equal(lineedit_scroll(&le, 10), 9);
	assert_int_equal(le.first, 7);
	lineedit_key(&le, FK(HOME));
	assert_int_equal(lineedit_scroll(&le, 10), 0);
	assert_int_equal(le.first, 0);
	/* Deleting the end lets the start come back into view. */
	lineedit_key(&le, FK(END));
	lineedit_scroll(&le, 10);
	for (int i = 0; i < 10; i++)
		lineedit_key(&le, FK(BACKSPACE));
	assert_int_equal(lineedit_scroll(&le, 10), 6);
	assert_int_equal(le.first, 0);
	/* Wide characters count two columns each. */
	lineedit_init(&le, 64);
	for (int i = 0; i < 8; i++)
		lineedit_key(&le, 0x65e5);
	assert_int_equal(lineedit_scroll(&le, 10), 8);
	assert_int_equal(le.first, 4);
	assert_int_equal(lineedit_scroll(&le, 0), 0);
	assert_int_equal(le.first, 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_typing_and_motion, setup),
		cmocka_unit_test_setup(test_wide_characters, setup),
		cmocka_unit_test_setup(test_deletion_keys, setup),
		cmocka_unit_test_setup(test_results, setup),
		cmocka_unit_test_setup(test_max_length_in_bytes, setup),
		cmocka_unit_test_setup(test_set_hostile_text, setup),
		cmocka_unit_test_setup(test_scroll_keeps_cursor_visible, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
