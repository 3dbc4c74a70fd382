/* Which log lines continue the one before: stack traces as Java,
 * Python, Go and Node print them; nothing else. */
#include "tests/lib/testlib.h"

#include <string.h>

#include "model/log_fold.h"

/* The continuation flags of lines, as a string of 0 and 1. */
static const char *flags(const char *const *lines, size_t n)
{
	static char out[64];
	int state = LOG_FOLD_NONE;
	size_t i;

	for (i = 0; i < n && i < sizeof(out) - 1; i++)
		out[i] = (char)('0' + log_fold_continues(lines[i],
							 strlen(lines[i]),
							 &state));
	out[i] = '\0';
	return out;
}

#define FLAGS(a) flags((a), sizeof(a) / sizeof((a)[0]))

static void test_python(void **state)
{
	static const char *const l[] = {
		"ERROR request failed",
		"Traceback (most recent call last):",
		"  File \"app.py\", line 3, in <module>",
		"    main()",
		"ValueError: bad",
		"INFO next",
		"KeyboardInterrupt",
	};

	(void)state;
	/* the exception line ends the traceback; after it, a bare name is
	 * just a line */
	assert_string_equal(FLAGS(l), "0111100");
}

static void test_java_go_node(void **state)
{
	static const char *const l[] = {
		"Exception in thread \"main\" java.lang.IllegalStateException: "
		"x",
		"\tat com.example.App.run(App.java:10)",
		"Caused by: java.io.IOException: disk",
		"\t... 2 more",
		"Suppressed: x",
		"goroutine 1 [running]:",
		"main.main()",
		"\t/src/main.go:7 +0x1d",
		"TypeError: x is undefined",
		"    at Object.<anonymous> (/app/index.js:1:1)",
	};

	(void)state;
	assert_string_equal(FLAGS(l), "0111100101");
}

static void test_plain(void **state)
{
	static const char *const l[] = {
		"INFO ready",
		"",
		"   ",
		"ValueError: not in a traceback",
		"listening on :80",
		"Caused byno colon",
	};

	(void)state;
	/* empty and blank lines continue nothing */
	assert_string_equal(FLAGS(l), "000000");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_python),
		cmocka_unit_test(test_java_go_node),
		cmocka_unit_test(test_plain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
