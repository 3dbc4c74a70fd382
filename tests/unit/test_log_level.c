/* The level a log line says it has, in the forms programs write it. */
#include "tests/lib/testlib.h"

#include <string.h>

#include "model/log_level.h"

static enum log_level of(const char *s)
{
	return log_level_of(s, strlen(s));
}

static void test_forms(void **state)
{
	(void)state;
	assert_int_equal(of("{\"level\":\"error\",\"msg\":\"x\"}"),
			 LOG_LEVEL_ERROR);
	assert_int_equal(of("{\"ts\":1,\"severity\": \"WARNING\"}"),
			 LOG_LEVEL_WARN);
	assert_int_equal(of("{\"log.level\":\"debug\"}"), LOG_LEVEL_DEBUG);
	assert_int_equal(of("time=1 level=error msg=\"disk full\""),
			 LOG_LEVEL_ERROR);
	assert_int_equal(of("ts=1 lvl=info"), LOG_LEVEL_INFO);
	assert_int_equal(of("2024/01/02 12:00:00 [error] 7#7: open() failed"),
			 LOG_LEVEL_ERROR);
	assert_int_equal(of("[Warn] something"), LOG_LEVEL_WARN);
	assert_int_equal(of("ERROR:root:boom"), LOG_LEVEL_ERROR);
	assert_int_equal(of("2024-01-02 12:00:00,123 FATAL main - down"),
			 LOG_LEVEL_ERROR);
	assert_int_equal(of("<crit> kernel"), LOG_LEVEL_ERROR);
	assert_int_equal(of("12:00 INFO ready"), LOG_LEVEL_INFO);
}

static void test_not_a_level(void **state)
{
	(void)state;
	/* the word in running text is not a level */
	assert_int_equal(of("no error here, all fine"), LOG_LEVEL_NONE);
	assert_int_equal(of("sea level rising"), LOG_LEVEL_NONE);
	assert_int_equal(of("level: high"), LOG_LEVEL_NONE);
	assert_int_equal(of("errors=0 warnings=0"), LOG_LEVEL_NONE);
	/* an upper-case word far into the line is text too */
	assert_int_equal(of("a b c d e f g h ERROR"), LOG_LEVEL_NONE);
	assert_int_equal(of(""), LOG_LEVEL_NONE);
	/* a NUL is no bracket */
	assert_int_equal(log_level_of("a\0error\0b", 9), LOG_LEVEL_NONE);
	assert_int_equal(log_level_of(NULL, 0), LOG_LEVEL_NONE);
}

static void test_only_the_start(void **state)
{
	char line[600];

	(void)state;
	memset(line, 'x', sizeof(line));
	memcpy(line + 400, " [error] ", 9);
	assert_int_equal(log_level_of(line, sizeof(line)), LOG_LEVEL_NONE);
	memcpy(line + 10, " [error] ", 9);
	assert_int_equal(log_level_of(line, sizeof(line)), LOG_LEVEL_ERROR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_not_a_level),
		cmocka_unit_test(test_only_the_start),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
