/* The allocation-free JSON walk: grammar, events, strings, numbers. */
#include "tests/lib/testlib.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_scan.h"

/* What a walk saw, as one line: "d:tok:key:text " per event. */
struct trace {
	char out[1024];
	size_t n;
};

static int record(const struct json_ev *ev, void *ud)
{
	static const char *const names[] = {"{", "}", "[", "]", "s",
					    "n", "t", "f", "0"};
	struct trace *t = ud;
	int w = snprintf(t->out + t->n, sizeof(t->out) - t->n, "%u%s%.*s=%.*s ",
			 ev->depth, names[ev->tok], (int)ev->key_len,
			 ev->key ? ev->key : "", (int)ev->len,
			 ev->text ? ev->text : "");

	if (w > 0 && (size_t)w < sizeof(t->out) - t->n)
		t->n += (size_t)w;
	return 0;
}

static void test_events(void **state)
{
	struct trace t = {{0}, 0};
	const char *doc = " {\"a\": [1, {\"b\": \"x\\ny\"}, []], \"c\": {},"
			  " \"d\": null, \"e\": true, \"f\": -1.5e3 }\r\n";

	(void)state;
	assert_int_equal(json_scan(doc, strlen(doc), record, &t), 0);
	assert_string_equal(t.out, "0{= 1[a= 2n=1 2{= 3sb=x\\ny 2}= 2[= 2]= "
				   "1]a= 1{c= 1}c= 10d= 1te= "
				   "1nf=-1.5e3 0}= ");
}

/* Every document the grammar refuses; cJSON refuses each of them too. */
static void test_refused(void **state)
{
	static const char *const bad[] = {
		"",	      " ",	  "{",		"}",
		"{\"a\"}",    "{\"a\":}", "{\"a\":1,}", "[1,]",
		"[1 2]",      "{1:2}",	  "\"abc",	"\"\\x\"",
		"\"\\u12\"",  "tru",	  "nul",	"-",
		"1.",	      "1e",	  ".5",		"[\"\\",
		"{\"a\":1}}", "[][]",	  "{\"a\" 1}",	"\xff\xfe{}",
		"[01]",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (json_scan(bad[i], strlen(bad[i]), NULL, NULL) != -1)
			fail_msg("accepted: %s", bad[i]);
	}
}

static void test_accepted_as_cjson(void **state)
{
	static const char *const good[] = {
		"0",
		"-0",
		"1e5",
		"1E+5",
		"1.25e-3",
		"\"\"",
		"[]",
		"{}",
		"[[[[]]]]",
		"{\"\":\"\"}",
		"\"\\u00e9\\\\\\/\\b\\f\\r\\t\"",
		"  [ 1 , 2 ]  ",
		"{\"a\":{\"b\":{\"c\":[null,false]}}}",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		cJSON *j = cJSON_ParseWithLength(good[i], strlen(good[i]));
		if (json_scan(good[i], strlen(good[i]), NULL, NULL) != 0)
			fail_msg("refused: %s", good[i]);
		if (!j)
			fail_msg("cJSON refuses: %s", good[i]);
		cJSON_Delete(j);
	}
}

static void test_depth_bound(void **state)
{
	char doc[2 * (JSON_SCAN_MAX_DEPTH + 1) + 1];
	size_t d;

	(void)state;
	for (d = JSON_SCAN_MAX_DEPTH; d <= JSON_SCAN_MAX_DEPTH + 1; d++) {
		memset(doc, '[', d);
		memset(doc + d, ']', d);
		assert_int_equal(json_scan(doc, 2 * d, NULL, NULL),
				 d <= JSON_SCAN_MAX_DEPTH ? 0 : -1);
	}
}

static int stop_at_number(const struct json_ev *ev, void *ud)
{
	(void)ud;
	return ev->tok == JSON_NUMBER ? 7 : 0;
}

static void test_callback_stops(void **state)
{
	(void)state;
	assert_int_equal(
		json_scan("[\"a\", 5, garbage", 16, stop_at_number, NULL), 7);
	assert_int_equal(json_scan("[\"a\"]", 5, stop_at_number, NULL), 0);
}

static char *one_string(const char *doc)
{
	struct json_ev got;

	/* A valid one-string document: its token is all but the quotes. */
	if (json_scan(doc, strlen(doc), NULL, NULL) != 0)
		return NULL;
	memset(&got, 0, sizeof(got));
	got.tok = JSON_STRING;
	got.text = doc + 1;
	got.len = strlen(doc) - 2;
	return json_scan_strdup(&got);
}

static void test_strings(void **state)
{
	static const struct {
		const char *doc, *want;
	} cases[] = {
		{"\"plain\"", "plain"},
		{"\"a\\\"b\\\\c\\/d\"", "a\"b\\c/d"},
		{"\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t"},
		{"\"\\u00e9\\u20ac\"", "\xc3\xa9\xe2\x82\xac"},
		{"\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80"},
		{"\"\\ud83dx\"", "\xef\xbf\xbdx"},
		{"\"\\ude00\"", "\xef\xbf\xbd"},
		{"\"\\u001b[31m\"", "\x1b[31m"},
		{"\"\xff\xfe\"", "\xff\xfe"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = one_string(cases[i].doc);
		assert_non_null(s);
		assert_string_equal(s, cases[i].want);
		free(s);
	}
}

static uint64_t num(const char *text)
{
	struct json_ev ev;

	memset(&ev, 0, sizeof(ev));
	ev.tok = JSON_NUMBER;
	ev.text = text;
	ev.len = strlen(text);
	return json_scan_u64(&ev);
}

static void test_numbers(void **state)
{
	(void)state;
	assert_true(num("18446744073709551615") == UINT64_MAX);
	assert_true(num("18446744073709551616") == UINT64_MAX);
	assert_true(num("99999999999999999999999") == UINT64_MAX);
	/* Past a double's 53 bits, still exact. */
	assert_true(num("9007199254740993") == 9007199254740993ull);
	assert_int_equal(num("0"), 0);
	assert_int_equal(num("-0"), 0);
	assert_int_equal(num("-5"), 0);
	assert_int_equal(num("-1.5e3"), 0);
	assert_int_equal(num("1.5e3"), 1500);
	assert_int_equal(num("2.9"), 2);
	assert_int_equal(num("25e-1"), 2);
	assert_true(num("1e300") == UINT64_MAX);
	assert_true(num("1e99999999999") == UINT64_MAX);
	assert_int_equal(num("0e99999999999"), 0);
	assert_int_equal(num("1e-99999999999"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_accepted_as_cjson),
		cmocka_unit_test(test_depth_bound),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
