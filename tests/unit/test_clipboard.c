/* The OSC 52 sequence: base64 of the text (RFC 4648 vectors), capped. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "tui/clipboard.h"

static const char *seq(const char *text, size_t len)
{
	static char out[256];

	assert_true(clip_osc52(text, len, out, sizeof(out)) > 0);
	return out;
}

static void test_vectors(void **state)
{
	(void)state;
	assert_string_equal(seq("", 0), "\033]52;c;\a");
	assert_string_equal(seq("f", 1), "\033]52;c;Zg==\a");
	assert_string_equal(seq("fo", 2), "\033]52;c;Zm8=\a");
	assert_string_equal(seq("foo", 3), "\033]52;c;Zm9v\a");
	assert_string_equal(seq("foobar", 6), "\033]52;c;Zm9vYmFy\a");
	/* bytes above 0x7f and a NUL are data like any other */
	assert_string_equal(seq("\xff\x00\xfe", 3), "\033]52;c;/wD+\a");
	assert_int_equal(clip_osc52_size(3), strlen("\033]52;c;Zm9v\a") + 1);
}

static void test_bounds(void **state)
{
	char small[10], *big = calloc(1, CLIP_MAX + 1);

	(void)state;
	assert_non_null(big);
	assert_int_equal(clip_osc52("foobar", 6, small, sizeof(small)), 0);
	assert_int_equal(clip_osc52(big, CLIP_MAX + 1, big, 0), 0);
	assert_int_equal(clip_copy(-1, big, CLIP_MAX + 1), -1);
	/* a closed descriptor: an error, not a crash */
	assert_int_equal(clip_copy(-1, "x", 1), -1);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
