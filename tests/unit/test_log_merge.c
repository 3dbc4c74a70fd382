/* Several sources' lines in time order: a line waits while an open
 * source has nothing (it might bring an older one), not past hold_ms
 * when following, not past the byte cap; ties by source. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <string.h>

#include "model/log_merge.h"

static char out[1024];

static int collect(unsigned src, const struct logline *l, void *ud)
{
	(void)ud;
	snprintf(out + strlen(out), sizeof(out) - strlen(out), "%u:%.*s ", src,
		 (int)l->len, l->text);
	return 0;
}

static void push(struct log_merge *m, unsigned src, const char *ts,
		 const char *text, int64_t now)
{
	struct logline l;

	memset(&l, 0, sizeof(l));
	l.ts = ts;
	l.ts_len = strlen(ts);
	l.text = text;
	l.len = strlen(text);
	assert_int_equal(log_merge_push(m, src, &l, now), 0);
}

static void test_order(void **state)
{
	struct log_merge *m = log_merge_new(3, 0, collect, NULL);

	(void)state;
	out[0] = '\0';
	push(m, 0, "2026-01-01T00:00:01.5Z", "a1", 0);
	push(m, 0, "2026-01-01T00:00:03Z", "a3", 0);
	push(m, 1, "2026-01-01T00:00:01.25Z", "b1", 0);
	/* source 2 is open with nothing: none may go yet */
	assert_int_equal(log_merge_drain(m, 0, -1), 0);
	assert_string_equal(out, "");
	push(m, 2, "2026-01-01T00:00:02Z", "c2", 0);
	log_merge_drain(m, 0, -1);
	/* 1.25 s before 1.5 s although ".25" sorts after ".5" as text; and
	 * then source 1, open and empty, might still bring an older one */
	assert_string_equal(out, "1:b1 ");
	log_merge_end(m, 1);
	log_merge_drain(m, 0, -1);
	assert_string_equal(out, "1:b1 0:a1 2:c2 ");
	log_merge_end(m, 2);
	log_merge_drain(m, 0, -1);
	assert_string_equal(out, "1:b1 0:a1 2:c2 0:a3 ");
	log_merge_end(m, 0);
	log_merge_drain(m, 0, -1);
	assert_string_equal(out, "1:b1 0:a1 2:c2 0:a3 ");
	assert_int_equal(log_merge_pending(m), 0);
	log_merge_free(m);
}

static void test_hold_ties_and_cap(void **state)
{
	struct log_merge *m = log_merge_new(2, 0, collect, NULL);

	(void)state;
	out[0] = '\0';
	push(m, 1, "2026-01-01T00:00:01Z", "b", 1000);
	push(m, 0, "2026-01-01T00:00:01Z", "a", 1000);
	log_merge_drain(m, 1000, 250);
	/* same time: by source; b then waits, source 0 may still send */
	assert_string_equal(out, "0:a ");
	push(m, 1, "2026-01-01T00:00:02Z", "late", 1000);
	log_merge_drain(m, 1100, 250);
	assert_string_equal(out, "0:a ");
	/* held long enough: out, in order */
	log_merge_drain(m, 1250, 250);
	assert_string_equal(out, "0:a 1:b 1:late ");
	log_merge_free(m);

	/* past the cap a line goes although a source is quiet */
	out[0] = '\0';
	m = log_merge_new(2, 64, collect, NULL);
	push(m, 0, "2026-01-01T00:00:01Z", "x", 0);
	log_merge_drain(m, 0, -1);
	push(m, 0, "2026-01-01T00:00:02Z", "y", 0);
	log_merge_drain(m, 0, -1);
	assert_string_equal(out, "0:x 0:y ");
	log_merge_free(m);
	log_merge_free(NULL);
}

static void test_tsn(void **state)
{
	(void)state;
	assert_int_equal(logline_tsn("1970-01-01T00:00:01.000000002Z", 30),
			 1000000002);
	assert_int_equal(logline_tsn("1970-01-01T01:00:00+01:00", 25), 0);
	assert_int_equal(logline_tsn("1970-01-02T01:00:00+01:00", 25),
			 86400LL * 1000000000);
	assert_int_equal(logline_tsn("2026-01-01T00:00:01.5", 21), 0);
	assert_int_equal(logline_tsn("not a time at all....", 21), 0);
	assert_int_equal(logline_tsn(NULL, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_hold_ties_and_cap),
		cmocka_unit_test(test_tsn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
