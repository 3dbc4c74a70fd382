/* The inspect pane's JSON tree: flattening, folding and search. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "model/jsontree.h"

static void parse_ok(const char *json, struct jsontree *t)
{
	struct api_error err;

	assert_int_equal(jt_parse(json, strlen(json), t, &err), API_OK);
}

static const struct jt_node *line(const struct jsontree *t, size_t i)
{
	size_t n = jt_line_node(t, i);

	assert_true(n != JT_NONE);
	return &t->nodes[n];
}

static const char *small = "{\"a\":1,\"b\":\"x\",\"c\":{\"d\":[1,2,{\"e\":"
			   "null}]},\"f\":true}";

static void test_flatten_small(void **state)
{
	struct jsontree t;

	(void)state;
	parse_ok(small, &t);
	assert_int_equal(t.n, 10);
	/* a b c d f: the root is hidden, d (depth 2) starts folded */
	assert_int_equal(jt_lines(&t), 5);
	assert_string_equal(line(&t, 0)->key, "a");
	assert_string_equal(line(&t, 0)->value, "1");
	assert_int_equal(line(&t, 0)->kind, JT_NUMBER);
	assert_string_equal(line(&t, 1)->value, "\"x\"");
	assert_int_equal(line(&t, 2)->kind, JT_OBJECT);
	assert_false(line(&t, 2)->folded);
	assert_int_equal(line(&t, 2)->children, 1);
	assert_string_equal(line(&t, 3)->key, "d");
	assert_int_equal(line(&t, 3)->kind, JT_ARRAY);
	assert_true(line(&t, 3)->folded);
	assert_int_equal(line(&t, 3)->children, 3);
	assert_int_equal(line(&t, 3)->subtree, 4);
	assert_int_equal(line(&t, 3)->depth, 2);
	assert_string_equal(line(&t, 4)->value, "true");
	assert_null(jt_line_node(&t, 5) == JT_NONE ? NULL : "x");
	jt_free(&t);
	jt_free(&t);
}

static void test_fold_unfold(void **state)
{
	struct jsontree t;
	size_t d, e;

	(void)state;
	parse_ok(small, &t);
	d = jt_line_node(&t, 3);
	assert_int_equal(jt_unfold(&t, d), 1);
	assert_int_equal(jt_unfold(&t, d), 0);
	/* a b c d [0] [1] [2] f */
	assert_int_equal(jt_lines(&t), 8);
	assert_null(line(&t, 4)->key);
	assert_int_equal(line(&t, 4)->index, 0);
	assert_int_equal(line(&t, 6)->index, 2);
	assert_true(line(&t, 6)->folded);
	e = jt_line_node(&t, 6) + 1;
	assert_string_equal(t.nodes[e].key, "e");
	assert_int_equal(jt_node_line(&t, e), JT_NONE);
	assert_int_equal(jt_reveal(&t, e), 1);
	assert_int_equal(jt_node_line(&t, e), 7);
	assert_string_equal(t.nodes[e].value, "null");
	assert_int_equal(t.nodes[e].parent, jt_line_node(&t, 6));
	/* folding c hides everything below it */
	assert_int_equal(jt_toggle(&t, jt_line_node(&t, 2)), 1);
	assert_int_equal(jt_lines(&t), 4);
	assert_string_equal(line(&t, 3)->key, "f");
	/* scalars and the hidden root do not fold */
	assert_int_equal(jt_fold(&t, jt_line_node(&t, 0)), 0);
	assert_int_equal(jt_fold(&t, 0), 0);
	assert_int_equal(jt_toggle(&t, JT_NONE), 0);
	jt_free(&t);
}

static void test_search(void **state)
{
	struct jsontree t;
	size_t lines[4], e, f;

	(void)state;
	parse_ok(small, &t);
	/* "E" matches the key e and the value true, case folded */
	assert_int_equal(jt_search(&t, "E"), 2);
	e = 8;
	f = 9;
	assert_string_equal(t.nodes[e].key, "e");
	assert_int_equal(jt_find(&t, 0, 1), e);
	assert_int_equal(jt_find(&t, e + 1, 1), f);
	assert_int_equal(jt_find(&t, f + 1, 1), e); /* wraps */
	assert_int_equal(jt_find(&t, e - 1, -1), f);
	assert_int_equal(jt_find(&t, JT_NONE, -1), f);
	assert_int_equal(jt_match_rank(&t, f), 2);
	assert_int_equal(jt_match_rank(&t, 1), 0);
	/* only f shows until e is revealed */
	assert_int_equal(jt_match_lines(&t, lines, 4), 1);
	assert_int_equal(lines[0], 4);
	jt_reveal(&t, e);
	assert_int_equal(jt_match_lines(&t, lines, 4), 2);
	assert_int_equal(lines[0], 7);
	assert_int_equal(lines[1], 8);
	assert_int_equal(jt_search(&t, "\"x\""), 1);
	assert_int_equal(jt_search(&t, "zzz"), 0);
	assert_int_equal(jt_find(&t, 0, 1), JT_NONE);
	assert_int_equal(jt_search(&t, NULL), 0);
	assert_false(t.nodes[e].match);
	jt_free(&t);
}

static void test_numbers(void **state)
{
	struct jsontree t;

	(void)state;
	parse_ok("[0, -3, 1.5, 1e300, 12345678901234567890, 0.1, 1e999, "
		 "-1e999, 4294967296]",
		 &t);
	assert_int_equal(jt_lines(&t), 9);
	assert_string_equal(line(&t, 0)->value, "0");
	assert_string_equal(line(&t, 1)->value, "-3");
	assert_string_equal(line(&t, 2)->value, "1.5");
	assert_string_equal(line(&t, 3)->value, "1e+300");
	assert_string_equal(line(&t, 4)->value, "1.2345678901234567e+19");
	assert_string_equal(line(&t, 5)->value, "0.1");
	assert_string_equal(line(&t, 6)->value, "Infinity");
	assert_string_equal(line(&t, 7)->value, "-Infinity");
	assert_string_equal(line(&t, 8)->value, "4294967296");
	assert_int_equal(line(&t, 8)->index, 8);
	jt_free(&t);
}

static void test_hostile(void **state)
{
	struct jsontree t;
	struct api_error err;
	char deep[4100];
	size_t i;

	(void)state;
	parse_ok("{\"k\xff\xfe\":\"v\xc3\x28\",\"\":\"\"}", &t);
	assert_int_equal(jt_lines(&t), 2);
	assert_string_equal(line(&t, 0)->key, "k\xff\xfe");
	assert_string_equal(line(&t, 0)->value, "\"v\xc3\x28\"");
	assert_string_equal(line(&t, 1)->key, "");
	assert_string_equal(line(&t, 1)->value, "\"\"");
	jt_free(&t);
	parse_ok("{}", &t);
	assert_int_equal(jt_lines(&t), 0);
	assert_int_equal(jt_line_node(&t, 0), JT_NONE);
	assert_int_equal(jt_search(&t, "x"), 0);
	jt_free(&t);
	parse_ok("null", &t);
	assert_int_equal(jt_lines(&t), 1);
	assert_string_equal(line(&t, 0)->value, "null");
	jt_free(&t);
	assert_int_equal(jt_parse("{\"a\":", 5, &t, &err), API_E_PARSE);
	assert_null(t.nodes);
	assert_int_equal(jt_parse("", 0, &t, &err), API_E_PARSE);
	/* deeper than cJSON allows: an error, never a crash */
	for (i = 0; i < 2050; i++) {
		deep[i] = '[';
		deep[4099 - i] = ']';
	}
	assert_int_not_equal(jt_parse(deep, sizeof(deep), &t, &err), API_OK);
	jt_free(&t);
	/* not NUL-terminated: only len bytes are read */
	assert_int_equal(jt_parse("[7]garbage", 3, &t, &err), API_OK);
	assert_string_equal(line(&t, 0)->value, "7");
	jt_free(&t);
}

static void test_recorded_container(void **state)
{
	struct jsontree t, again;
	size_t len;
	char *json = tl_data("jsontree_container.json", &len);
	struct api_error err;

	(void)state;
	assert_int_equal(jt_parse(json, len, &t, &err), API_OK);
	assert_int_equal(t.n, 190);
	assert_int_equal(jt_lines(&t), 140);
	assert_string_equal(line(&t, 0)->key, "Id");
	assert_string_equal(line(&t, 6)->key, "State");
	assert_string_equal(line(&t, 6 + 1)->key, "Status");
	assert_string_equal(line(&t, 6 + 1)->value, "\"running\"");
	/* a refresh keeps the user's folds when the shape is the same */
	jt_fold(&t, jt_line_node(&t, 6));
	assert_int_equal(jt_parse(json, len, &again, &err), API_OK);
	jt_copy_folds(&t, &again);
	assert_int_equal(jt_lines(&again), jt_lines(&t));
	assert_true(line(&again, 6)->folded);
	jt_free(&again);
	parse_ok("{\"Id\":{}}", &again);
	jt_copy_folds(&t, &again);
	assert_int_equal(jt_lines(&again), 1);
	jt_free(&again);
	jt_free(&t);
	free(json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flatten_small),
		cmocka_unit_test(test_fold_unfold),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_recorded_container),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
