/* berth export's quoting and decisions, and berth watch's rules. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/export_run.h"
#include "ops/export_systemd.h"
#include "ops/watch_rules.h"

static void check_quote(const char *in, const char *want)
{
	char *q = export_shell_quote(in);

	assert_non_null(q);
	assert_string_equal(q, want);
	free(q);
}

static void test_shell_quote(void **state)
{
	(void)state;
	check_quote("abc-1.2:3/x=y", "abc-1.2:3/x=y");
	check_quote("", "''");
	check_quote("a b", "'a b'");
	check_quote("it's", "'it'\\''s'");
	check_quote("$HOME `id`", "'$HOME `id`'");
	check_quote("a\nb'c", "$'a\\x0ab\\'c'");
	check_quote("\xff\xfe", "$'\\xff\\xfe'");
	check_quote("caf\xc3\xa9 x", "'caf\xc3\xa9 x'");
	check_quote("a\\b\x1b", "$'a\\\\b\\x1b'");
}

static void test_systemd_quote(void **state)
{
	char *q;

	(void)state;
	q = export_systemd_quote("100% $HOME \"x\"\\");
	assert_string_equal(q, "\"100%% $$HOME \\\"x\\\"\\\\\"");
	free(q);
	q = export_systemd_quote("plain");
	assert_string_equal(q, "plain");
	free(q);
}

static void test_helpers(void **state)
{
	char buf[64];
	struct api_host_port b = {"127.0.0.1", "8080"};
	struct api_host_port v6 = {"::1", ""};

	(void)state;
	export_duration(5000000000LL, buf, sizeof(buf));
	assert_string_equal(buf, "5s");
	export_duration(1500000000LL, buf, sizeof(buf));
	assert_string_equal(buf, "1500ms");
	export_cpus(500000000LL, buf, sizeof(buf));
	assert_string_equal(buf, "0.5");
	export_cpus(2000000000LL, buf, sizeof(buf));
	assert_string_equal(buf, "2");
	export_port("80/tcp", &b, buf, sizeof(buf));
	assert_string_equal(buf, "127.0.0.1:8080:80");
	export_port("53/udp", &v6, buf, sizeof(buf));
	assert_string_equal(buf, "[::1]::53/udp");
}

static void test_run_line(void **state)
{
	const char *json =
		"{\"Id\":\"0123456789abcdef\",\"Name\":\"/web\","
		"\"Config\":{\"Hostname\":\"0123456789ab\",\"Image\":\"img:1\","
		"\"Env\":[\"PATH=/bin\",\"A=it's\"],\"Cmd\":[\"sh\"],"
		"\"Labels\":{\"from\":\"image\",\"mine\":\"1\"}},"
		"\"HostConfig\":{\"Memory\":1e300,\"Privileged\":true,"
		"\"RestartPolicy\":{\"Name\":\"always\"},\"NetworkMode\":"
		"\"none\",\"CapAdd\":null,\"Binds\":[\"/a:/b:ro\"]}}";
	const char *ijson = "{\"Id\":\"sha256:x\",\"Config\":{\"Env\":"
			    "[\"PATH=/bin\"],\"Cmd\":[\"sh\"],\"Labels\":"
			    "{\"from\":\"image\"}}}";
	struct api_container_inspect ci = {0};
	struct api_image_inspect img = {0};
	struct api_error err;
	char *line;

	(void)state;
	assert_int_equal(
		api_container_inspect_parse(json, strlen(json), &ci, &err),
		API_OK);
	assert_int_equal(
		api_image_inspect_parse(ijson, strlen(ijson), &img, &err),
		API_OK);
	line = export_run_line(&ci, &img);
	assert_non_null(line);
	assert_string_equal(line,
			    "docker run --detach --name web --env 'A=it'\\''s' "
			    "--label=mine=1 --restart always --volume /a:/b:ro "
			    "--privileged --memory 9223372036854775807 "
			    "--network none img:1");
	free(line);
	/* Without the image everything is explicit. */
	line = export_run_line(&ci, NULL);
	assert_non_null(strstr(line, "--env PATH=/bin"));
	assert_non_null(strstr(line, "--label=from=image"));
	assert_non_null(strstr(line, "img:1 sh"));
	free(line);
	api_container_inspect_free(&ci);
	api_image_inspect_free(&img);
}

/* Replays event lines; returns the kinds seen as a string of letters. */
static void replay(struct watch_rules *r, const char *const *lines, char *kinds)
{
	struct api_event ev;
	struct api_error err;
	struct watch_alert a;
	size_t i;

	for (i = 0; lines[i]; i++) {
		assert_int_equal(
			api_event_parse(lines[i], strlen(lines[i]), &ev, &err),
			API_OK);
		*kinds++ = "-DOULC"[watch_classify(r, &ev, &a)];
		api_event_free(&ev);
	}
	*kinds = '\0';
}

#define EV(act, t, extra)                                                      \
	"{\"Type\":\"container\",\"Action\":\"" act "\",\"Actor\":{\"ID\":"    \
	"\"c1\",\"Attributes\":{\"name\":\"web\"" extra "}},\"time\":" #t      \
	",\"timeNano\":" #t "000000000}"

static void test_watch_classify(void **state)
{
	static const char *const lines[] = {
		EV("create", 100, ""),
		EV("start", 100, ""),
		EV("die", 101, ",\"exitCode\":\"3\""),
		EV("kill", 102, ",\"signal\":\"15\""),
		EV("die", 102, ",\"exitCode\":\"143\""),
		EV("oom", 103, ""),
		EV("die", 103, ",\"exitCode\":\"137\""),
		EV("die", 104, ",\"exitCode\":\"0\""),
		EV("health_status: unhealthy", 105, ""),
		EV("health_status: unhealthy", 106, ""),
		EV("health_status: healthy", 107, ""),
		EV("health_status: unhealthy", 108, ""),
		NULL,
	};
	struct watch_cfg cfg = {.restarts = 3, .window_s = 60};
	struct watch_rules r;
	char kinds[32];

	(void)state;
	watch_rules_init(&r, &cfg);
	replay(&r, lines, kinds);
	assert_string_equal(kinds, "C-D--O--U--U");
	watch_rules_free(&r);
	cfg.name_glob = "db*";
	watch_rules_init(&r, &cfg);
	replay(&r, lines, kinds);
	assert_string_equal(kinds, "------------");
	watch_rules_free(&r);
}

/* A memory threshold is said once when reached, and again only after
 * use fell below 90% of it; each container on its own. */
static void test_watch_mem_threshold(void **state)
{
	struct watch_cfg cfg = {.restarts = 3, .window_s = 300};
	struct watch_rules r;

	(void)state;
	watch_rules_init(&r, &cfg);
	assert_int_equal(watch_mem_sample(&r, "a", 40, 80), 0);
	assert_int_equal(watch_mem_sample(&r, "a", 80, 80), 1);
	assert_int_equal(watch_mem_sample(&r, "a", 95, 80), 0);
	assert_int_equal(watch_mem_sample(&r, "b", 81, 80), 1);
	/* at the edge: below the threshold but not below 72, no re-arm */
	assert_int_equal(watch_mem_sample(&r, "a", 75, 80), 0);
	assert_int_equal(watch_mem_sample(&r, "a", 85, 80), 0);
	assert_int_equal(watch_mem_sample(&r, "a", 71, 80), 0);
	assert_int_equal(watch_mem_sample(&r, "a", 82, 80), 1);
	watch_rules_free(&r);
}

/* CPU is judged between samples: a container at or above the
 * threshold for the whole window is said once; a dip re-arms it. */
static void test_watch_cpu_sustained(void **state)
{
	struct watch_cfg cfg = {.restarts = 3, .window_s = 300};
	struct watch_rules r;
	double pct;
	const uint64_t s = 1000000000ull; /* one second of one CPU, ns */

	(void)state;
	watch_rules_init(&r, &cfg);
	/* 2 CPUs; the system counter runs 2 s per second */
	assert_int_equal(
		watch_cpu_sample(&r, "a", 100, 0, 200 * s, 2, 90, 20, &pct), 0);
	/* a whole CPU for 10 s: 100% */
	assert_int_equal(watch_cpu_sample(&r, "a", 110, 10 * s, 220 * s, 2, 90,
					  20, &pct),
			 0);
	assert_true(pct > 99.9 && pct < 100.1);
	assert_int_equal(watch_cpu_sample(&r, "a", 120, 20 * s, 240 * s, 2, 90,
					  20, &pct),
			 1);
	assert_int_equal(watch_cpu_sample(&r, "a", 130, 30 * s, 260 * s, 2, 90,
					  20, &pct),
			 0);
	/* half a CPU: below, re-armed; then 20 s above again */
	assert_int_equal(watch_cpu_sample(&r, "a", 140, 35 * s, 280 * s, 2, 90,
					  20, &pct),
			 0);
	assert_true(pct > 49.9 && pct < 50.1);
	assert_int_equal(watch_cpu_sample(&r, "a", 150, 45 * s, 300 * s, 2, 90,
					  20, &pct),
			 0);
	assert_int_equal(watch_cpu_sample(&r, "a", 160, 55 * s, 320 * s, 2, 90,
					  20, &pct),
			 1);
	watch_rules_free(&r);
}

/* A failing streak is said when it reaches N, once; a pass re-arms. */
static void test_watch_health_streak(void **state)
{
	struct watch_cfg cfg = {.restarts = 3, .window_s = 300};
	struct watch_rules r;

	(void)state;
	watch_rules_init(&r, &cfg);
	assert_int_equal(watch_health_streak(&r, "a", 1, 3), 0);
	assert_int_equal(watch_health_streak(&r, "a", 3, 3), 1);
	assert_int_equal(watch_health_streak(&r, "a", 5, 3), 0);
	assert_int_equal(watch_health_streak(&r, "a", 2, 3), 0);
	assert_int_equal(watch_health_streak(&r, "a", 4, 3), 0);
	assert_int_equal(watch_health_streak(&r, "a", 0, 3), 0);
	assert_int_equal(watch_health_streak(&r, "a", 3, 3), 1);
	watch_rules_free(&r);
}

/* The engine may send an OOM kill's die before its oom: the die by
 * SIGKILL waits the grace, and is a crash only when no oom came. */
static void test_watch_oom_after_die(void **state)
{
	static const char *const oom_late[] = {
		EV("start", 100, ""),
		EV("die", 101, ",\"exitCode\":\"137\""),
		EV("oom", 101, ""),
		NULL,
	};
	static const char *const killed[] = {
		EV("start", 200, ""),
		EV("die", 201, ",\"exitCode\":\"137\""),
		NULL,
	};
	static const char *const removed[] = {
		EV("start", 300, ""),
		EV("die", 301, ",\"exitCode\":\"137\""),
		EV("destroy", 301, ""),
		NULL,
	};
	struct watch_cfg cfg = {.restarts = 3, .window_s = 60};
	struct watch_rules r;
	struct watch_alert a;
	char kinds[32];

	(void)state;
	watch_rules_init(&r, &cfg);
	replay(&r, oom_late, kinds);
	assert_string_equal(kinds, "--O");
	assert_int_equal(watch_rules_due(&r, 1000, &a), WATCH_NONE);
	/* no oom: within the grace nothing, after it a crash */
	replay(&r, killed, kinds);
	assert_string_equal(kinds, "--");
	assert_int_equal(watch_rules_due(&r, 201 + WATCH_OOM_GRACE_S - 1, &a),
			 WATCH_NONE);
	assert_int_equal(watch_rules_due(&r, 201 + WATCH_OOM_GRACE_S, &a),
			 WATCH_DIED);
	assert_int_equal(a.exit_code, 137);
	assert_string_equal(a.name, "web");
	assert_int_equal(watch_rules_due(&r, INT64_MAX, &a), WATCH_NONE);
	/* removed within the grace: said at its removal */
	replay(&r, removed, kinds);
	assert_string_equal(kinds, "--D");
	assert_int_equal(watch_rules_due(&r, INT64_MAX, &a), WATCH_NONE);
	/* a restart and a second SIGKILL inside the grace: the first die is
	 * settled by the start, said before it, and not overwritten */
	{
		static const char *const twice[] = {
			EV("start", 400, ""),
			EV("die", 401, ",\"exitCode\":\"137\""),
			EV("start", 401, ""),
			EV("die", 401, ",\"exitCode\":\"137\""),
			NULL,
		};
		struct api_event ev;
		struct api_error err;
		size_t i, died = 0;

		for (i = 0; twice[i]; i++) {
			assert_int_equal(api_event_parse(twice[i],
							 strlen(twice[i]), &ev,
							 &err),
					 API_OK);
			watch_rules_settle(&r, &ev);
			while (watch_rules_due(&r, 401, &a) == WATCH_DIED)
				died++;
			watch_classify(&r, &ev, &a);
			api_event_free(&ev);
		}
		assert_int_equal(died, 1);
		assert_int_equal(watch_rules_due(&r, INT64_MAX, &a),
				 WATCH_DIED);
	}
	watch_rules_free(&r);
}

static void test_watch_restart_window(void **state)
{
	/* Restarts at 0, 30, 70, 80: within 60 s only 70 and 80 count
	 * with 30's window gone, so the third in a window comes at 85. */
	static const char *const lines[] = {
		EV("start", 0, ""),   EV("die", 0, ",\"exitCode\":\"1\""),
		EV("start", 30, ""),  EV("die", 30, ",\"exitCode\":\"1\""),
		EV("start", 70, ""),  EV("die", 70, ",\"exitCode\":\"1\""),
		EV("start", 80, ""),  EV("die", 80, ",\"exitCode\":\"1\""),
		EV("start", 85, ""),  EV("die", 85, ",\"exitCode\":\"1\""),
		EV("start", 86, ""),  EV("die", 300, ",\"exitCode\":\"1\""),
		EV("start", 300, ""), NULL,
	};
	struct watch_cfg cfg = {.restarts = 3, .window_s = 60};
	struct watch_rules r;
	char kinds[32];

	(void)state;
	watch_rules_init(&r, &cfg);
	replay(&r, lines, kinds);
	/* start@30: 1, @70: 2 (30 is in (10,70]), @80: 3 -> loop once;
	 * @85, @86 still looping; @300 re-arms with 1. */
	assert_string_equal(kinds, "-D-D-DLD-D-D-");
	watch_rules_free(&r);
}

static int repeat_of(struct watch_rules *r, const char *line)
{
	struct api_event ev;
	struct api_error err;
	int rep;

	assert_int_equal(api_event_parse(line, strlen(line), &ev, &err),
			 API_OK);
	rep = watch_repeat(r, &ev);
	api_event_free(&ev);
	return rep;
}

#define EVN(id, act, nano)                                                     \
	"{\"Type\":\"container\",\"Action\":\"" act                            \
	"\",\"Actor\":{\"ID\":\"" id "\"},\"time\":100,\"timeNano\":" #nano    \
	"}"

/* The engine logs from several goroutines, so an event can be older than
 * the last one delivered and still new; only the very same event again
 * (a resubscription replays the last second) is a repeat. */
static void test_watch_repeats(void **state)
{
	struct watch_cfg cfg = {.restarts = 3, .window_s = 60};
	struct watch_rules r;

	(void)state;
	watch_rules_init(&r, &cfg);
	assert_int_equal(repeat_of(&r, EVN("a", "die", 100000000500)), 0);
	assert_int_equal(repeat_of(&r, EVN("b", "die", 100000000400)), 0);
	assert_int_equal(repeat_of(&r, EVN("a", "destroy", 100000000400)), 0);
	assert_int_equal(repeat_of(&r, EVN("c", "die", 100000000600)), 0);
	/* the replay */
	assert_int_equal(repeat_of(&r, EVN("b", "die", 100000000400)), 1);
	assert_int_equal(repeat_of(&r, EVN("a", "die", 100000000500)), 1);
	assert_int_equal(repeat_of(&r, EVN("c", "die", 100000000600)), 1);
	assert_int_equal(repeat_of(&r, EVN("c", "die", 100000000700)), 0);
	watch_rules_free(&r);
}

static void test_watch_findings(void **state)
{
	struct watch_cfg cfg = {.restarts = 3, .window_s = 60};
	struct watch_rules r;

	(void)state;
	watch_rules_init(&r, &cfg);
	assert_int_equal(watch_finding_new(&r, "c1", "5.5"), 1);
	assert_int_equal(watch_finding_new(&r, "c1", "5.5"), 0);
	assert_int_equal(watch_finding_new(&r, "c2", "5.5"), 1);
	watch_rules_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shell_quote),
		cmocka_unit_test(test_systemd_quote),
		cmocka_unit_test(test_helpers),
		cmocka_unit_test(test_run_line),
		cmocka_unit_test(test_watch_classify),
		cmocka_unit_test(test_watch_oom_after_die),
		cmocka_unit_test(test_watch_restart_window),
		cmocka_unit_test(test_watch_findings),
		cmocka_unit_test(test_watch_mem_threshold),
		cmocka_unit_test(test_watch_cpu_sustained),
		cmocka_unit_test(test_watch_health_streak),
		cmocka_unit_test(test_watch_repeats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
