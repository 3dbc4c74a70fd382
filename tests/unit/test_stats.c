/* Stats: the model, and `docker stats`' figures computed from it. */
#include "tests/lib/testlib.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/jsonlines.h"
#include "api/stats.h"

/* Percentages must come out bit for bit as the CLI's float64 steps. */
static void assert_exact(double got, double want)
{
	if (got != want)
		fail_msg("got %.17g, want %.17g", got, want);
}

static void parse_file(const char *name, struct api_stats *s)
{
	struct api_error err;
	size_t len;
	char *data = tl_data(name, &len);

	if (api_stats_parse(data, len, s, &err) != API_OK)
		fail_msg("%s: %s", name, err.msg);
	free(data);
}

/* Recorded from the test engine (cgroup v1): a busy loop, -m 64m. */
static void test_recorded_v1(void **state)
{
	struct api_stats s;

	(void)state;
	parse_file("stats_v1_stream_false.json", &s);
	assert_string_equal(s.name, "/logd-st");
	assert_string_equal(s.id, "10d44bd6121ee614f246dcd8e40d8b25ed4dc5923142"
				  "ec8f819196406476ac62");
	assert_string_equal(s.read, "2026-11-28T17:57:35.730367701Z");
	assert_string_equal(s.preread, "2026-11-28T17:57:34.717818334Z");
	assert_int_equal(s.pids_current, 1);
	assert_int_equal(s.pids_limit, 0);
	assert_int_equal(s.cpu.total_usage, 2878655182u);
	assert_int_equal(s.cpu.percpu_count, 2);
	assert_int_equal(s.cpu.system_cpu_usage, 862280000000u);
	assert_int_equal(s.cpu.online_cpus, 2);
	assert_int_equal(s.precpu.total_usage, 1916213072u);
	assert_int_equal(s.precpu.system_cpu_usage, 860310000000u);
	assert_int_equal(s.mem.usage, 319488);
	assert_int_equal(s.mem.limit, 67108864);
	assert_int_equal(s.mem.max_usage, 3821568);
	assert_true(s.mem.has_total_inactive_file);
	assert_int_equal(s.mem.total_inactive_file, 0);
	assert_true(s.mem.has_cache);
	assert_int_equal(s.n_networks, 0);
	assert_int_equal(s.blk_read_bytes + s.blk_write_bytes, 0);
	assert_exact(api_stats_cpu_percent(&s), 97.70985888324873);
	assert_int_equal(api_stats_mem_usage(&s), 319488);
	assert_exact(api_stats_mem_percent(&s), 0.47607421875);
	api_stats_free(&s);
	api_stats_free(&s); /* twice is fine */
}

/* one-shot: the engine skips its second sample, precpu is zeroed. */
static void test_recorded_v1_oneshot(void **state)
{
	struct api_stats s;

	(void)state;
	parse_file("stats_v1_oneshot.json", &s);
	assert_string_equal(s.preread, "0001-01-01T00:00:00Z");
	assert_int_equal(s.precpu.total_usage, 0);
	assert_int_equal(s.precpu.system_cpu_usage, 0);
	assert_int_equal(s.precpu.online_cpus, 0);
	assert_exact(api_stats_cpu_percent(&s), 0.8905783490888053);
	api_stats_free(&s);
}

static int stream_line(const char *line, size_t len, void *ud)
{
	static const double want[] = {4.709166479029309, 101.00546253807106,
				      99.31278288557213};
	struct api_stats *prev = ud, s;
	struct api_error err;
	int i = prev->pids_limit > 0 ? (int)prev->pids_limit : 0;

	assert_int_equal(api_stats_parse(line, len, &s, &err), API_OK);
	assert_true(i < 3);
	assert_exact(api_stats_cpu_percent(&s), want[i]);
	/* The engine's precpu is its previous sample. */
	if (i > 0)
		assert_int_equal(s.precpu.total_usage, prev->cpu.total_usage);
	prev->cpu = s.cpu;
	prev->pids_limit = (uint64_t)i + 1; /* the count, smuggled */
	api_stats_free(&s);
	return 0;
}

static void test_recorded_stream(void **state)
{
	struct api_stats prev;
	struct jsonlines jl;
	size_t len;
	char *data = tl_data("stats_v1_stream_lines.json", &len);

	(void)state;
	memset(&prev, 0, sizeof(prev));
	jsonlines_init(&jl, 0, stream_line, &prev);
	assert_int_equal(jsonlines_feed(&jl, data, len), 0);
	assert_int_equal(jsonlines_finish(&jl), 0);
	assert_int_equal(prev.pids_limit, 3);
	jsonlines_done(&jl);
	free(data);
}

/* Hand-made after the spec's cgroup v2 notes: no percpu_usage, no
 * max_usage, v2 memory.stat keys, lower-case blkio ops. */
static void test_v2_sample(void **state)
{
	struct api_stats s;

	(void)state;
	parse_file("stats_v2_handmade.json", &s);
	assert_int_equal(s.pids_current, 7);
	assert_int_equal(s.pids_limit, 4915);
	assert_int_equal(s.cpu.percpu_count, 0);
	assert_int_equal(s.cpu.online_cpus, 4);
	assert_int_equal(s.mem.max_usage, 0);
	assert_false(s.mem.has_total_inactive_file);
	assert_false(s.mem.has_cache);
	assert_true(s.mem.has_inactive_file);
	assert_int_equal(s.n_networks, 2);
	assert_int_equal(s.net_rx_bytes, 5338 + 4641);
	assert_int_equal(s.net_tx_bytes, 648 + 690);
	assert_int_equal(s.blk_read_bytes, 1048576 + 2048);
	assert_int_equal(s.blk_write_bytes, 4096 + 512);
	assert_exact(api_stats_cpu_percent(&s), 50.0);
	assert_int_equal(api_stats_mem_usage(&s), 104857600 - 20971520);
	assert_exact(api_stats_mem_percent(&s), 3.90625);
	api_stats_free(&s);
}

static void test_nulls_and_wrong_types(void **state)
{
	struct api_stats s;

	(void)state;
	parse_file("stats_hostile_nulls.json", &s);
	assert_null(s.read);
	assert_null(s.preread);
	assert_null(s.id);
	assert_string_equal(s.name, "/bad-\xff\xfe"); /* bytes kept as is */
	assert_int_equal(s.pids_current, 0);
	assert_int_equal(s.blk_read_bytes, 0);
	assert_int_equal(s.blk_write_bytes, 3);
	assert_int_equal(s.n_networks, 1);
	assert_int_equal(s.net_rx_bytes, 0);
	assert_int_equal(s.net_tx_bytes, 10);
	assert_int_equal(s.mem.limit, 0);
	assert_false(s.mem.has_inactive_file);
	assert_exact(api_stats_cpu_percent(&s), 0.0);
	assert_int_equal(api_stats_mem_usage(&s), 0);
	assert_exact(api_stats_mem_percent(&s), 0.0);
	api_stats_free(&s);
}

/* 1e300 clamps, negatives are 0, sums saturate instead of wrapping. */
static void test_huge_numbers(void **state)
{
	struct api_stats s;

	(void)state;
	parse_file("stats_hostile_huge.json", &s);
	assert_true(s.pids_current == UINT64_MAX);
	assert_int_equal(s.pids_limit, 0);
	assert_true(s.cpu.total_usage == UINT64_MAX);
	assert_int_equal(s.precpu.total_usage, 0);
	assert_int_equal(s.mem.max_usage, 0);
	assert_true(s.mem.has_cache);
	assert_int_equal(s.mem.cache, 0);
	assert_true(s.net_rx_bytes == UINT64_MAX);
	assert_true(s.net_tx_bytes == UINT64_MAX);
	assert_true(s.blk_read_bytes == UINT64_MAX);
	/* online_cpus 0: the percpu count (3) stands in, as in the CLI. */
	assert_exact(api_stats_cpu_percent(&s), 300.0);
	/* total_inactive_file is not below usage: inactive_file is used. */
	assert_true(api_stats_mem_usage(&s) == UINT64_MAX - 4096);
	assert_exact(api_stats_mem_percent(&s), 0.0);
	api_stats_free(&s);
}

static void test_no_precpu_zero_limit(void **state)
{
	struct api_stats s;

	(void)state;
	parse_file("stats_hostile_noprecpu.json", &s);
	assert_int_equal(s.precpu.system_cpu_usage, 0);
	assert_exact(api_stats_cpu_percent(&s), 6.0);
	assert_int_equal(api_stats_mem_usage(&s), 8388608 - 1048576);
	assert_exact(api_stats_mem_percent(&s), 0.0);
	api_stats_free(&s);
}

static void test_mem_usage_rules(void **state)
{
	struct api_stats s;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.mem.usage = 1000;
	s.mem.limit = 4000;
	assert_int_equal(api_stats_mem_usage(&s), 1000);
	s.mem.has_inactive_file = 1;
	s.mem.inactive_file = 300;
	assert_int_equal(api_stats_mem_usage(&s), 700);
	/* v1's total_inactive_file wins over inactive_file. */
	s.mem.has_total_inactive_file = 1;
	s.mem.total_inactive_file = 100;
	assert_int_equal(api_stats_mem_usage(&s), 900);
	assert_exact(api_stats_mem_percent(&s), 22.5);
	s.mem.total_inactive_file = 1000;
	assert_int_equal(api_stats_mem_usage(&s), 700);
	s.mem.inactive_file = 1000;
	assert_int_equal(api_stats_mem_usage(&s), 1000);
	/* A cpu that went backwards (restart) gives 0, not a negative. */
	s.cpu.total_usage = 5;
	s.precpu.total_usage = 10;
	s.cpu.system_cpu_usage = 100;
	s.cpu.online_cpus = 2;
	assert_exact(api_stats_cpu_percent(&s), 0.0);
}

static void test_not_stats(void **state)
{
	static const char *bad[] = {"[]",	  "null", "42",	       "\"x\"",
				    "{\"read\":", "",	  "\xff\xfe{}"};
	struct api_stats s;
	struct api_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(
			api_stats_parse(bad[i], strlen(bad[i]), &s, &err),
			API_E_PARSE);
		assert_null(s.name);
		api_stats_free(&s);
	}
	assert_int_equal(api_stats_parse("{}", 2, &s, &err), API_OK);
	assert_exact(api_stats_cpu_percent(&s), 0.0);
	api_stats_free(&s);
}

static void test_paths(void **state)
{
	char *p;

	(void)state;
	p = api_stats_path("web 1", 0, 1);
	assert_string_equal(p, "/containers/web%201/stats?stream=false&"
			       "one-shot=true");
	free(p);
	p = api_stats_path("abc", 1, 1);
	assert_string_equal(p, "/containers/abc/stats?stream=true");
	free(p);
	assert_null(api_stats_path("", 0, 0));
	assert_null(api_stats_path(NULL, 0, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recorded_v1),
		cmocka_unit_test(test_recorded_v1_oneshot),
		cmocka_unit_test(test_recorded_stream),
		cmocka_unit_test(test_v2_sample),
		cmocka_unit_test(test_nulls_and_wrong_types),
		cmocka_unit_test(test_huge_numbers),
		cmocka_unit_test(test_no_precpu_zero_limit),
		cmocka_unit_test(test_mem_usage_rules),
		cmocka_unit_test(test_not_stats),
		cmocka_unit_test(test_paths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
