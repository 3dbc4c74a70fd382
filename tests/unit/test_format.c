/* The panes' formatting helpers: durations, sizes, ports, sparklines. */
#include "tests/lib/testlib.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "model/format.h"

static void test_duration(void **state)
{
	char b[32];

	(void)state;
	fmt_duration(0, b, sizeof(b));
	assert_string_equal(b, "0s");
	fmt_duration(-5, b, sizeof(b));
	assert_string_equal(b, "0s");
	fmt_duration(45, b, sizeof(b));
	assert_string_equal(b, "45s");
	fmt_duration(12 * 60 + 5, b, sizeof(b));
	assert_string_equal(b, "12m 5s");
	fmt_duration(3 * 3600 + 12 * 60 + 59, b, sizeof(b));
	assert_string_equal(b, "3h 12m");
	fmt_duration(2 * 86400 + 4 * 3600 + 1, b, sizeof(b));
	assert_string_equal(b, "2d 4h");
	fmt_duration(INT64_MAX, b, sizeof(b));
	assert_string_equal(b, "106751991167300d 15h");
	fmt_duration(3600, b, 3);
	assert_string_equal(b, "1h");
}

static void test_human_duration(void **state)
{
	static const struct {
		int64_t s;
		const char *want;
	} cases[] = {
		{0, "Less than a second"},    {1, "1 second"},
		{59, "59 seconds"},	      {60, "About a minute"},
		{119, "About a minute"},      {120, "2 minutes"},
		{59 * 60 + 59, "59 minutes"}, {3600, "About an hour"},
		{5399, "About an hour"},      {5400, "2 hours"},
		{47 * 3600, "47 hours"},      {48 * 3600, "2 days"},
		{14 * 86400, "2 weeks"},      {60 * 86400, "2 months"},
		{730 * 86400, "2 years"},     {-3, "Less than a second"},
	};
	char b[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fmt_human_duration(cases[i].s, b, sizeof(b));
		assert_string_equal(b, cases[i].want);
	}
	fmt_ago(1000, 1000 + 3 * 3600, b, sizeof(b));
	assert_string_equal(b, "3 hours ago");
	fmt_ago(0, 1000, b, sizeof(b));
	assert_string_equal(b, "-");
	/* a clock behind the engine's does not give "-5 seconds" */
	fmt_ago(2000, 1000, b, sizeof(b));
	assert_string_equal(b, "Less than a second ago");
}

static void test_parse_status(void **state)
{
	int64_t g;

	(void)state;
	assert_int_equal(fmt_status_up("Up 2 hours (healthy)", &g), 7200);
	assert_int_equal(g, 3600);
	assert_int_equal(fmt_status_up("Up About a minute", &g), 60);
	assert_int_equal(g, 60);
	assert_int_equal(fmt_status_up("Up Less than a second", &g), 0);
	assert_int_equal(fmt_status_up("Up 5 seconds (Paused)", &g), 5);
	assert_int_equal(g, 1);
	assert_int_equal(fmt_status_up("Up 3 weeks", NULL), 21 * 86400);
	assert_int_equal(fmt_status_up("Exited (0) 3 minutes ago", &g), -1);
	assert_int_equal(fmt_status_up("Up", &g), -1);
	assert_int_equal(fmt_status_up("Up 99999999999 years", &g), -1);
	assert_int_equal(fmt_status_up("Up 5 fortnights", &g), -1);
	assert_int_equal(fmt_status_up(NULL, &g), -1);
	assert_int_equal(fmt_status_ago("Exited (0) 3 minutes ago"), 180);
	assert_int_equal(fmt_status_ago("Exited (137) About an hour ago"),
			 3600);
	assert_int_equal(fmt_status_ago("Created"), -1);
	assert_int_equal(fmt_status_ago(" ago"), -1);
	assert_int_equal(fmt_status_ago("Exited (1) ago"), -1);
	assert_string_equal(fmt_status_health("Up 2 hours (healthy)"),
			    "healthy");
	assert_string_equal(fmt_status_health("Up 1 second (unhealthy)"),
			    "unhealthy");
	assert_string_equal(fmt_status_health("Up 3 seconds (health: "
					      "starting)"),
			    "starting");
	assert_string_equal(fmt_status_health("Up 2 hours"), "");
	assert_string_equal(fmt_status_health(NULL), "");
}

static void test_sizes(void **state)
{
	char b[32];

	(void)state;
	fmt_size(0, b, sizeof(b));
	assert_string_equal(b, "0B");
	fmt_size(512, b, sizeof(b));
	assert_string_equal(b, "512B");
	fmt_size(1900000, b, sizeof(b));
	assert_string_equal(b, "1.9MB");
	fmt_size(4261411, b, sizeof(b));
	assert_string_equal(b, "4.26MB");
	fmt_size(77.8e9, b, sizeof(b));
	assert_string_equal(b, "77.8GB");
	fmt_size(999999, b, sizeof(b)); /* not "1e+03kB" */
	assert_string_equal(b, "1MB");
	fmt_size(1e300, b, sizeof(b));
	assert_string_equal(b, "1e+276YB");
	fmt_size(NAN, b, sizeof(b));
	assert_string_equal(b, "0B");
	fmt_size(-1, b, sizeof(b));
	assert_string_equal(b, "0B");
	fmt_size_binary(1992294, b, sizeof(b));
	assert_string_equal(b, "1.9MiB");
	fmt_size_binary(8246337208.0, b, sizeof(b));
	assert_string_equal(b, "7.68GiB");
	fmt_size_binary(1023, b, sizeof(b));
	assert_string_equal(b, "1023B");
	fmt_mem_usage(1536 * 1024, 2ull << 30, b, sizeof(b));
	assert_string_equal(b, "1.5MiB / 2GiB");
	fmt_mem_usage(UINT64_MAX, 0, b, sizeof(b));
	assert_string_equal(b, "16EiB / 0B");
}

static void test_percent(void **state)
{
	char b[32];

	(void)state;
	fmt_percent(12.345, b, sizeof(b));
	assert_string_equal(b, "12.35%");
	fmt_percent(0, b, sizeof(b));
	assert_string_equal(b, "0.00%");
	fmt_percent(NAN, b, sizeof(b));
	assert_string_equal(b, "--");
	fmt_percent(-1, b, sizeof(b));
	assert_string_equal(b, "--");
	fmt_percent(INFINITY, b, sizeof(b));
	assert_string_equal(b, "--");
	fmt_percent(1e300, b, sizeof(b));
	assert_string_equal(b, ">9999999%");
}

static void test_ports(void **state)
{
	struct api_port p[] = {
		{"::", 80, 8080, "tcp"},      {"0.0.0.0", 80, 8080, "tcp"},
		{NULL, 443, 0, "tcp"},	      {"127.0.0.1", 53, 5353, "udp"},
		{"0.0.0.0", 80, 8080, "tcp"}, {"::", 9000, 9000, NULL},
	};
	char b[256], small[20];

	(void)state;
	fmt_port(&p[0], b, sizeof(b));
	assert_string_equal(b, "[::]:8080->80/tcp");
	fmt_port(&p[2], b, sizeof(b));
	assert_string_equal(b, "443/tcp");
	assert_int_equal(fmt_ports(p, 6, b, sizeof(b)), 4);
	assert_string_equal(b, "127.0.0.1:5353->53/udp, 0.0.0.0:8080->80/tcp, "
			       "443/tcp, [::]:9000->9000/tcp");
	/* cut at a whole port, never mid-way */
	assert_int_equal(fmt_ports(p, 6, small, sizeof(small)), 0);
	assert_string_equal(small, "");
	assert_int_equal(fmt_ports(&p[2], 1, small, sizeof(small)), 1);
	assert_string_equal(small, "443/tcp");
	assert_int_equal(fmt_ports(NULL, 0, b, sizeof(b)), 0);
	assert_string_equal(b, "");
}

static void test_sparkline(void **state)
{
	float ring[8] = {0, 50, 100, 25, 0, 0, 0, 0};
	float odd[4] = {NAN, -5, 1e30f, 10};
	char b[128];

	(void)state;
	/* 4 samples at the front of the ring, next slot 4 */
	assert_int_equal(fmt_sparkline(ring, 8, 4, 4, 100, 6, 0, b, sizeof(b)),
			 6);
	assert_string_equal(b, "  _=#:");
	assert_int_equal(fmt_sparkline(ring, 8, 4, 4, 100, 2, 1, b, sizeof(b)),
			 2);
	assert_string_equal(b, "\xe2\x96\x88\xe2\x96\x83");
	/* autoscale: 100 is the top */
	fmt_sparkline(ring, 8, 4, 4, 0, 4, 0, b, sizeof(b));
	assert_string_equal(b, "_=#:");
	/* a wrapped ring: head 1 means slot 0 is the newest */
	fmt_sparkline(ring, 8, 8, 1, 100, 3, 0, b, sizeof(b));
	assert_string_equal(b, "___");
	fmt_sparkline(ring, 8, 8, 3, 100, 3, 0, b, sizeof(b));
	assert_string_equal(b, "_=#");
	/* NaN and negatives are the floor, huge values the ceiling */
	fmt_sparkline(odd, 4, 4, 0, 100, 4, 0, b, sizeof(b));
	assert_string_equal(b, "__#.");
	/* the buffer bounds the output */
	assert_int_equal(fmt_sparkline(ring, 8, 4, 4, 100, 6, 1, b, 7), 3);
	assert_string_equal(b, "  \xe2\x96\x81");
	assert_int_equal(fmt_sparkline(ring, 8, 0, 0, 100, 3, 0, b, sizeof(b)),
			 3);
	assert_string_equal(b, "   ");
	assert_int_equal(fmt_sparkline(NULL, 8, 4, 4, 100, 3, 0, b, sizeof(b)),
			 0);
	assert_string_equal(b, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duration),
		cmocka_unit_test(test_human_duration),
		cmocka_unit_test(test_parse_status),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_sparkline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
