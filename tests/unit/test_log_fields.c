/* JSON and logfmt log lines read as fields, and the filter by field. */
#include "tests/lib/testlib.h"

#include <string.h>

#include "model/log_fields.h"

static struct log_fields f;

static enum log_fields_kind parse(const char *s)
{
	return log_fields_parse(s, strlen(s), &f);
}

static const char *val(const char *key)
{
	size_t i;

	for (i = 0; i < f.n; i++)
		if (strcmp(f.f[i].key, key) == 0)
			return f.f[i].val;
	return NULL;
}

static void test_json(void **state)
{
	(void)state;
	assert_int_equal(parse("{\"time\":\"2024-01-02T03:04:05Z\","
			       "\"level\":\"error\",\"msg\":\"disk full\","
			       "\"user\":{\"id\":42,\"name\":\"ann\"},"
			       "\"tags\":[1,\"a]\",{}],\"ok\":true}"),
			 LOG_FIELDS_JSON);
	assert_int_equal(f.n, 7);
	assert_string_equal(f.f[f.time].val, "2024-01-02T03:04:05Z");
	assert_string_equal(f.f[f.level].val, "error");
	assert_string_equal(f.f[f.msg].val, "disk full");
	/* nested objects as dotted keys, numbers and arrays as written */
	assert_string_equal(val("user.id"), "42");
	assert_string_equal(val("user.name"), "ann");
	assert_string_equal(val("tags"), "[1,\"a]\",{}]");
	assert_string_equal(val("ok"), "true");
	assert_int_equal(f.f[f.msg].quoted, 1);
	assert_int_equal(f.f[f.level - 0].quoted, 1);
}

static void test_json_escapes(void **state)
{
	(void)state;
	assert_int_equal(parse("{\"message\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d"
			       "\\ude00\\u001b]0;x\\u0007\"}"),
			 LOG_FIELDS_JSON);
	/* decoded, not sanitized: the escape is the drawing's to remove */
	assert_string_equal(f.f[f.msg].val, "a\"b\\c\n\xc3\xa9\xf0\x9f\x98\x80"
					    "\x1b]0;x\x07");
	assert_int_equal(parse("{\"msg\":\"\\ud800 lone\"}"), LOG_FIELDS_JSON);
	assert_string_equal(f.f[f.msg].val, "\xef\xbf\xbd lone");
}

static void test_not_json(void **state)
{
	(void)state;
	assert_int_equal(parse("{\"a\":1} trailing"), LOG_FIELDS_NONE);
	assert_int_equal(parse("{\"a\":1"), LOG_FIELDS_NONE);
	assert_int_equal(parse("{a:1}"), LOG_FIELDS_NONE);
	assert_int_equal(parse("{\"a\":\"x\ny\"}"), LOG_FIELDS_NONE);
	assert_int_equal(parse("[1,2]"), LOG_FIELDS_NONE);
	assert_int_equal(parse("{\"a\":\"\\x\"}"), LOG_FIELDS_NONE);
	assert_int_equal(f.n, 0);
}

static void test_logfmt(void **state)
{
	(void)state;
	assert_int_equal(parse("ts=2024-01-02T03:04:05Z lvl=warn "
			       "msg=\"slow query\" ms=1200 q=\"a \\\"b\\\"\" "
			       "empty="),
			 LOG_FIELDS_LOGFMT);
	assert_int_equal(f.n, 6);
	assert_string_equal(f.f[f.level].val, "warn");
	assert_string_equal(f.f[f.msg].val, "slow query");
	assert_string_equal(val("q"), "a \"b\"");
	assert_string_equal(val("empty"), "");
	/* words that are not pairs: running text, not logfmt */
	assert_int_equal(parse("INFO starting port=80 host=x"),
			 LOG_FIELDS_NONE);
	assert_int_equal(parse("a=1"), LOG_FIELDS_NONE);
	assert_int_equal(parse("a=1 b=\"open"), LOG_FIELDS_NONE);
	assert_int_equal(parse("plain text"), LOG_FIELDS_NONE);
}

static void test_bounds(void **state)
{
	char line[4096];
	size_t k = 0;
	int i;

	(void)state;
	line[k++] = '{';
	for (i = 0; i < 60; i++)
		k += (size_t)snprintf(line + k, sizeof(line) - k,
				      "%s\"k%d\":%d", i ? "," : "", i, i);
	line[k++] = '}';
	line[k] = '\0';
	assert_int_equal(parse(line), LOG_FIELDS_JSON);
	assert_int_equal(f.n, LOG_FIELDS_MAX);
	assert_int_equal(f.dropped, 60 - LOG_FIELDS_MAX);
	/* deeper than the flattening: kept as text */
	assert_int_equal(parse("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}"),
			 LOG_FIELDS_JSON);
	assert_string_equal(f.f[0].key, "a.b.c.d");
	assert_string_equal(f.f[0].val, "{\"e\":1}");
}

static int passes(const char *filter, const char *line)
{
	struct log_filter flt;

	assert_int_equal(log_filter_parse(filter, &flt), 1);
	parse(line);
	return log_filter_match(&flt, &f);
}

static void test_filter(void **state)
{
	struct log_filter flt;

	(void)state;
	assert_true(passes("level=error", "{\"level\":\"ERR\",\"msg\":\"x\"}"));
	assert_true(passes("level=error", "severity=error msg=x"));
	assert_false(passes("level=error", "level=warn msg=x"));
	assert_true(passes("user.id=42 level=error",
			   "{\"level\":\"error\",\"user\":{\"id\":42}}"));
	assert_false(passes("user.id=42 level=error",
			    "{\"level\":\"error\",\"user\":{\"id\":43}}"));
	assert_true(passes("level!=debug", "level=info msg=x"));
	assert_true(passes("trace=*", "trace=abc msg=x"));
	assert_false(passes("trace=*", "level=info msg=x"));
	/* a plain line has no fields */
	assert_false(passes("level=error", "ERROR level=error is text"));
	/* not a filter by field: a text search */
	assert_int_equal(log_filter_parse("disk full", &flt), 0);
	assert_int_equal(log_filter_parse("a b=c", &flt), 0);
	assert_int_equal(log_filter_parse("=x", &flt), 0);
	assert_int_equal(log_filter_parse("", &flt), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_not_json),
		cmocka_unit_test(test_logfmt),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
