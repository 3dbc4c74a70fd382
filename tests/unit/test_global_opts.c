#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/global_opts.h"

static char *capture(void (*fn)(FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	fn(f);
	fclose(f);
	return buf;
}

static void test_getopt_table(void **state)
{
	struct option longs[GLOBAL_OPTS_MAX + 1];
	char shorts[64];
	size_t i;

	(void)state;
	assert_true(global_opts_n < GLOBAL_OPTS_MAX);
	global_opts_getopt(longs, shorts, sizeof(shorts));
	/* '+': the options stop at the command's name */
	assert_string_equal(shorts, "+H:hv");
	for (i = 0; i < global_opts_n; i++) {
		assert_string_equal(longs[i].name, global_opts[i].name);
		assert_int_equal(longs[i].val, (int)global_opts[i].id);
		assert_int_equal(longs[i].has_arg, global_opts[i].arg
							   ? required_argument
							   : no_argument);
	}
	assert_null(longs[global_opts_n].name);
}

/* Every option in --help and in the man page, each once as a tag. */
static void test_help_and_man(void **state)
{
	char *help = capture(global_opts_help);
	char *man = capture(global_opts_man);
	char want[96];
	size_t i, tags = 0;
	const char *p;

	(void)state;
	assert_non_null(strstr(help, "  -H, --host ADDR "));
	assert_non_null(strstr(help, "      --tlscacert FILE "));
	assert_non_null(
		strstr(man, ".BR \\-H \", \" \\-\\-host \" \\fIADDR\\fR\"\n"));
	assert_non_null(strstr(man, ".BI \\-\\-context \" NAME\"\n"));
	for (i = 0; i < global_opts_n; i++) {
		snprintf(want, sizeof(want), "--%s", global_opts[i].name);
		assert_non_null(strstr(help, want));
	}
	for (p = man; (p = strstr(p, ".TP\n")); p++)
		tags++;
	assert_int_equal(tags, global_opts_n);
	/* continuation lines line up under the text column */
	assert_non_null(strstr(help, "\n                         ssh://"));
	free(help);
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_getopt_table),
		cmocka_unit_test(test_help_and_man),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
