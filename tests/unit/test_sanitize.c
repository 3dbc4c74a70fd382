/* Hostile text never reaches the terminal as control sequences. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "tui/sanitize.h"

static void check(const char *in, size_t len, const char *want)
{
	char out[512];

	term_sanitize(in, len, out, sizeof(out));
	assert_string_equal(out, want);
}

#define CHECK(lit, want) check(lit, sizeof(lit) - 1, want)

static void test_plain_text_kept(void **state)
{
	(void)state;
	CHECK("web-1 running", "web-1 running");
	CHECK("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x90\xb3",
	      "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x90\xb3");
	CHECK("a\tb", "a b");
}

static void test_escape_sequences_removed(void **state)
{
	(void)state;
	CHECK("\x1b[31mred\x1b[0m", "red");	  /* SGR */
	CHECK("\x1b[2J\x1b[Hcleared", "cleared"); /* clear, home */
	CHECK("a\x1b[10;20Hb", "ab");		  /* cursor move */
	CHECK("\x1b]0;pwned title\x07"
	      "after",
	      "after");				     /* title, BEL */
	CHECK("\x1b]52;c;ZWNobyBoaQ==\x1b\\x", "x"); /* OSC 52, ST */
	CHECK("\x1bP+q544e\x1b\\y", "y");	     /* DCS */
	CHECK("\x1b_apc\x1b\\z", "z");		     /* APC */
	CHECK("\x1b(0q\x1b(B", "q");		     /* charset */
	CHECK("\x1b"
	      "c"
	      "reset",
	      "reset"); /* RIS */
	CHECK("\xc2\x9b"
	      "31m"
	      "c1csi",
	      "c1csi"); /* C1 CSI */
	CHECK("\xc2\x9d"
	      "0;t\xc2\x9c"
	      "c1osc",
	      "c1osc"); /* C1 OSC */
	CHECK("tail\x1b]0;unterminated", "tail");
	CHECK("end\x1b", "end");
}

static void test_controls_removed(void **state)
{
	(void)state;
	CHECK("a\rb\bc\x07"
	      "d\x7f"
	      "e\x0e"
	      "f",
	      "abcdef");
	CHECK("x\x00y", "xy");
}

static void test_invalid_utf8_replaced(void **state)
{
	(void)state;
	CHECK("a\xff"
	      "b",
	      "a\xef\xbf\xbd"
	      "b");
	CHECK("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd"); /* overlong */
	CHECK("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK("\xe6\x97", "\xef\xbf\xbd\xef\xbf\xbd"); /* truncated */
	CHECK("\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
				  "\xef\xbf\xbd");
}

static void test_bidi_removed(void **state)
{
	(void)state;
	CHECK("abc\xe2\x80\xae"
	      "evil",
	      "abcevil");			 /* RLO */
	CHECK("\xe2\x81\xa6x\xe2\x81\xa9", "x"); /* isolates */
	/* Hebrew letters and combining marks are text, kept. */
	CHECK("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d e\xcc\x81",
	      "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d e\xcc\x81");
}

static void test_truncation_at_boundary(void **state)
{
	char out[6];

	(void)state;
	assert_int_equal(term_sanitize("ab\xe6\x97\xa5z", 6, out, sizeof(out)),
			 5);
	assert_string_equal(out, "ab\xe6\x97\xa5");
	assert_int_equal(term_sanitize("abcd\xe6\x97\xa5", 7, out, 6), 4);
	assert_string_equal(out, "abcd");
}

static void test_dup(void **state)
{
	char *s = term_sanitize_dup("n\x1b[1mame");

	(void)state;
	assert_string_equal(s, "name");
	free(s);
	s = term_sanitize_dup(NULL);
	assert_string_equal(s, "");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_kept),
		cmocka_unit_test(test_escape_sequences_removed),
		cmocka_unit_test(test_controls_removed),
		cmocka_unit_test(test_invalid_utf8_replaced),
		cmocka_unit_test(test_bidi_removed),
		cmocka_unit_test(test_truncation_at_boundary),
		cmocka_unit_test(test_dup),
	};
	return cmocka_run_group_tests_name("sanitize", tests, NULL, NULL);
}
