#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/jobs.h"
#include "ops/job.h"

static void test_layers_sum(void **state)
{
	struct jobs_layers p;
	char out[120];

	(void)state;
	memset(&p, 0, sizeof(p));
	jobs_layers_add(&p, "aaa", 0, 0, "Pulling fs layer", out, sizeof(out));
	assert_string_equal(out, "pulling 0/1 layers");
	jobs_layers_add(&p, "bbb", 50, 200, "Downloading", out, sizeof(out));
	assert_string_equal(out, "pulling 0/2 layers 25%");
	jobs_layers_add(&p, "aaa", 50, 100, "Downloading", out, sizeof(out));
	/* 100 of 300 bytes */
	assert_string_equal(out, "pulling 0/2 layers 33%");
	/* a complete layer counts whole, whatever its last figure */
	jobs_layers_add(&p, "bbb", 0, 0, "Pull complete", out, sizeof(out));
	assert_string_equal(out, "pulling 1/2 layers 83%");
	jobs_layers_add(&p, "aaa", 0, 0, "Already exists", out, sizeof(out));
	assert_string_equal(out, "pulling 2/2 layers 100%");
	assert_int_equal(p.n, 2);
}

static void test_layers_bounded(void **state)
{
	struct jobs_layers p;
	char out[120], id[16];
	int i;

	(void)state;
	memset(&p, 0, sizeof(p));
	for (i = 0; i < 100; i++) {
		snprintf(id, sizeof(id), "l%03d", i);
		jobs_layers_add(&p, id, 1, 2, "Downloading", out, sizeof(out));
	}
	assert_int_equal(p.n, JOBS_LAYERS_MAX);
	assert_string_equal(out, "pulling 0/32 layers 50%");
	/* a status of NULL is no status, not a crash */
	jobs_layers_add(&p, "l000", 2, 2, NULL, out, sizeof(out));
	assert_int_equal(p.n, JOBS_LAYERS_MAX);
}

struct seen {
	char last[800];
	int calls, failed;
};

static void on_step(void *ud, const char *subject, const char *text)
{
	struct seen *s = ud;

	s->calls++;
	snprintf(s->last, sizeof(s->last), "%s|%s", subject, text);
}

static void on_result(void *ud, const char *subject, int failed,
		      const char *text)
{
	struct seen *s = ud;

	s->calls++;
	s->failed = failed;
	snprintf(s->last, sizeof(s->last), "%s|%s", subject, text);
}

static void test_report_helpers(void **state)
{
	struct seen s = {0};
	struct job_report r = {.step = on_step, .result = on_result, .ud = &s};
	struct job_report none = {0};

	(void)state;
	job_step(&r, "web", "pulling %s", "x:1");
	assert_string_equal(s.last, "web|pulling x:1");
	job_result(&r, "web", 1, "%s: %s", "pull", "denied");
	assert_string_equal(s.last, "web|pull: denied");
	assert_int_equal(s.failed, 1);
	/* a report without callbacks, or none at all, says nothing */
	job_step(&none, "web", "x");
	job_step(NULL, "web", "x");
	job_output(&r, "web", "line");
	job_layer(&r, "web", NULL);
	job_result(NULL, "web", 0, "x");
	assert_int_equal(s.calls, 2);
	job_cancel(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layers_sum),
		cmocka_unit_test(test_layers_bounded),
		cmocka_unit_test(test_report_helpers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
