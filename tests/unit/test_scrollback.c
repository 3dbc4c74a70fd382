/* The logs pane's ring: caps, eviction, order, search and filter. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/logframes.h"
#include "tui/scrollback.h"

static void push(struct scrollback *sb, const char *text, int64_t tsn)
{
	struct sb_entry e = {0};

	e.stream = LOG_STDOUT;
	e.text = text;
	e.len = strlen(text);
	e.tsn = tsn;
	assert_int_equal(sb_push(sb, &e), 0);
}

static const char *text_at(const struct scrollback *sb, uint64_t seq)
{
	const struct sb_line *l = sb_get(sb, seq);

	return l ? sb_line_text(l) : NULL;
}

static void test_line_cap_evicts_oldest(void **state)
{
	struct scrollback sb;
	char t[32];
	int i;

	(void)state;
	sb_init(&sb, 100, 1 << 20);
	for (i = 0; i < 1000; i++) {
		snprintf(t, sizeof(t), "line %d", i);
		push(&sb, t, 0);
	}
	assert_int_equal(sb.count, 100);
	assert_int_equal(sb_begin(&sb), 900);
	assert_int_equal(sb_end(&sb), 1000);
	assert_int_equal(sb.dropped, 900);
	assert_string_equal(text_at(&sb, 900), "line 900");
	assert_string_equal(text_at(&sb, 999), "line 999");
	assert_null(sb_get(&sb, 899));
	assert_null(sb_get(&sb, 1000));
	sb_free(&sb);
	sb_free(&sb);
}

static void test_byte_cap(void **state)
{
	struct scrollback sb;
	char t[101];
	int i;

	(void)state;
	memset(t, 'x', 100);
	t[100] = '\0';
	sb_init(&sb, 100000, 8192);
	for (i = 0; i < 500; i++)
		push(&sb, t, 0);
	assert_true(sb.bytes <= 8192);
	assert_true(sb.count < 80 && sb.count > 30);
	assert_int_equal(sb_end(&sb), 500);
	assert_int_equal(strlen(text_at(&sb, 499)), 100);
	sb_clear(&sb);
	assert_int_equal(sb.count, 0);
	assert_int_equal(sb.bytes, 0);
	assert_int_equal(sb_begin(&sb), 500);
	sb_free(&sb);
}

static void test_long_line_truncated(void **state)
{
	struct scrollback sb;
	struct sb_entry e = {0};
	char *big = malloc(100000);
	const struct sb_line *l;

	(void)state;
	assert_non_null(big);
	memset(big, 'a', 100000);
	sb_init(&sb, 10, 16384);
	e.stream = LOG_STDERR;
	e.text = big;
	e.len = 100000;
	e.flags = 0;
	assert_int_equal(sb_push(&sb, &e), 0);
	l = sb_get(&sb, 0);
	assert_non_null(l);
	assert_true(l->flags & SB_TRUNCATED);
	assert_true(l->len < 4096);
	assert_true(l->len > 3000);
	assert_int_equal(l->stream, LOG_STDERR);
	push(&sb, "short", 0);
	assert_false(sb_get(&sb, 1)->flags & SB_TRUNCATED);
	free(big);
	sb_free(&sb);
}

/* NULs and invalid UTF-8 are kept as bytes; the pane sanitizes them. */
static void test_binary_bytes_kept(void **state)
{
	struct scrollback sb;
	struct sb_entry e = {0};
	const struct sb_line *l;

	(void)state;
	sb_init(&sb, 10, 0);
	e.text = "a\0b\xff\x1b[2J";
	e.len = 8;
	e.ts = "2024-01-02T03:04:05.5Z";
	e.ts_len = strlen(e.ts);
	assert_int_equal(sb_push(&sb, &e), 0);
	l = sb_get(&sb, 0);
	assert_int_equal(l->len, 8);
	assert_memory_equal(sb_line_text(l), "a\0b\xff\x1b[2J", 8);
	assert_string_equal(sb_line_ts(l), "2024-01-02T03:04:05.5Z");
	sb_free(&sb);
}

static void test_sorted_insert(void **state)
{
	struct scrollback sb;

	(void)state;
	sb_init(&sb, 100, 0);
	push(&sb, "a1", 10);
	push(&sb, "a3", 30);
	push(&sb, "b2", 20);
	push(&sb, "b4", 40);
	push(&sb, "b0", 5);
	/* a line without a time stays where it came */
	push(&sb, "none", 0);
	assert_string_equal(text_at(&sb, 0), "b0");
	assert_string_equal(text_at(&sb, 1), "a1");
	assert_string_equal(text_at(&sb, 2), "b2");
	assert_string_equal(text_at(&sb, 3), "a3");
	assert_string_equal(text_at(&sb, 4), "b4");
	assert_string_equal(text_at(&sb, 5), "none");
	sb_free(&sb);
}

static void fill_words(struct scrollback *sb)
{
	static const char *const w[] = {"GET /api 200",	 "error: disk full",
					"POST /api 500", "warn: slow",
					"Error again",	 "get /health 200"};
	size_t i;

	sb_init(sb, 100, 0);
	for (i = 0; i < 6; i++)
		push(sb, w[i], 0);
}

static void test_substring_search(void **state)
{
	struct scrollback sb;
	struct sb_pattern p = {0};
	uint64_t hits[8];
	size_t so, eo;

	(void)state;
	fill_words(&sb);
	assert_int_equal(sb_pattern_set(&p, "error", 0, NULL, 0), 0);
	assert_int_equal(sb_search(&sb, &p, hits, 8), 2);
	assert_int_equal(hits[0], 1);
	assert_int_equal(hits[1], 4);
	/* an upper-case letter makes it case sensitive */
	assert_int_equal(sb_pattern_set(&p, "GET", 0, NULL, 0), 0);
	assert_int_equal(sb_search(&sb, &p, hits, 8), 1);
	assert_int_equal(hits[0], 0);
	assert_int_equal(sb_pattern_set(&p, "api", 0, NULL, 0), 0);
	assert_true(sb_pattern_find(&p, "x api api", 9, 0, &so, &eo));
	assert_int_equal(so, 2);
	assert_int_equal(eo, 5);
	assert_true(sb_pattern_find(&p, "x api api", 9, eo, &so, &eo));
	assert_int_equal(so, 6);
	assert_false(sb_pattern_find(&p, "x api api", 9, eo, &so, &eo));
	sb_pattern_free(&p);
	sb_pattern_free(&p);
	sb_free(&sb);
}

static void test_regex_search(void **state)
{
	struct scrollback sb;
	struct sb_pattern p = {0};
	uint64_t hits[8];
	char err[128] = "";
	size_t so, eo;

	(void)state;
	fill_words(&sb);
	assert_int_equal(sb_pattern_set(&p, " [45][0-9]{2}$", 1, err, 128), 0);
	assert_int_equal(sb_search(&sb, &p, hits, 8), 1);
	assert_int_equal(hits[0], 2);
	assert_int_equal(sb_pattern_set(&p, "^(get|post) ", 1, err, 128), 0);
	assert_int_equal(sb_search(&sb, &p, hits, 8), 3);
	assert_true(sb_pattern_find(&p, "POST /x", 7, 0, &so, &eo));
	assert_int_equal(so, 0);
	assert_int_equal(eo, 5);
	/* ^ does not match again past the start */
	assert_false(sb_pattern_find(&p, "get get ", 8, 1, &so, &eo));
	assert_int_equal(sb_pattern_set(&p, "a(b", 1, err, sizeof(err)), -1);
	assert_true(err[0] != '\0');
	assert_false(p.active);
	/* an inactive pattern matches every line */
	assert_int_equal(sb_search(&sb, &p, NULL, 0), 6);
	sb_pattern_free(&p);
	sb_free(&sb);
}

/* The filtered view walks matching lines both ways without a copy. */
static void test_filter_walk(void **state)
{
	struct scrollback sb;
	struct sb_pattern p = {0};

	(void)state;
	fill_words(&sb);
	assert_int_equal(sb_pattern_set(&p, "/", 0, NULL, 0), 0);
	assert_int_equal(sb_next(&sb, &p, SB_NONE, 1), 0);
	assert_int_equal(sb_next(&sb, &p, 0, 1), 2);
	assert_int_equal(sb_next(&sb, &p, 2, 1), 5);
	assert_int_equal(sb_next(&sb, &p, 5, 1), SB_NONE);
	assert_int_equal(sb_next(&sb, &p, SB_NONE, -1), 5);
	assert_int_equal(sb_next(&sb, &p, 5, -1), 2);
	assert_int_equal(sb_next(&sb, &p, 0, -1), SB_NONE);
	/* the cached verdicts follow a change of pattern */
	assert_int_equal(sb_pattern_set(&p, "warn", 0, NULL, 0), 0);
	assert_int_equal(sb_next(&sb, &p, SB_NONE, 1), 3);
	assert_int_equal(sb_next(&sb, NULL, 3, 1), 4);
	sb_pattern_free(&p);
	sb_free(&sb);
}

static void test_parse_time(void **state)
{
	static const char a[] = "2024-01-02T03:04:05.123456789Z";
	static const char b[] = "2024-01-02T03:04:05.1Z";
	static const char c[] = "2024-01-02T04:04:05+01:00";

	(void)state;
	assert_int_equal(sb_parse_time(a, strlen(a)),
			 1704164645LL * 1000000000 + 123456789);
	assert_int_equal(sb_parse_time(b, strlen(b)),
			 1704164645LL * 1000000000 + 100000000);
	assert_int_equal(sb_parse_time(c, strlen(c)),
			 1704164645LL * 1000000000);
	assert_int_equal(sb_parse_time("2024-01-02", 10), 0);
	assert_int_equal(sb_parse_time("2024-01-02T03:04:05X", 20), 0);
	assert_int_equal(sb_parse_time("9999-99-99T99:99:99Z", 20) >= 0, 1);
	assert_int_equal(sb_parse_time(NULL, 0), 0);
}

/* The second is remembered between calls: a line of another second,
 * or the same second with another offset, must not get the last one's. */
static void test_parse_time_cached(void **state)
{
	static const char *const ts[] = {
		"2024-01-02T03:04:05.5Z", "2024-01-02T03:04:05.6+01:00",
		"2024-01-02T03:04:06Z",	  "2024-01-02T03:04:05Z",
		"2025-01-02T03:04:05Z",	  "2024-01-02T03:04:05.7-02:30",
	};
	static const long long want[] = {
		1704164645LL * 1000000000 + 500000000,
		(1704164645LL - 3600) * 1000000000 + 600000000,
		1704164646LL * 1000000000,
		1704164645LL * 1000000000,
		1735787045LL * 1000000000,
		(1704164645LL + 9000) * 1000000000 + 700000000,
	};
	size_t i, round;

	(void)state;
	for (round = 0; round < 2; round++)
		for (i = 0; i < sizeof(ts) / sizeof(ts[0]); i++)
			assert_int_equal(sb_parse_time(ts[i], strlen(ts[i])),
					 want[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_cap_evicts_oldest),
		cmocka_unit_test(test_byte_cap),
		cmocka_unit_test(test_long_line_truncated),
		cmocka_unit_test(test_binary_bytes_kept),
		cmocka_unit_test(test_sorted_insert),
		cmocka_unit_test(test_substring_search),
		cmocka_unit_test(test_regex_search),
		cmocka_unit_test(test_filter_walk),
		cmocka_unit_test(test_parse_time),
		cmocka_unit_test(test_parse_time_cached),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
