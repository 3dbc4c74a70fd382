/* Logs and stats against the private engine, checked with the docker CLI. */
#include "tests/lib/testlib.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/buf.h"
#include "api/logs.h"
#include "api/stats.h"
#include "api/system.h"

struct fixture {
	struct api_client *c;
	char name[128];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->c = tl_client();
	*state = f;
	return 0;
}

/* Removes the test's container whatever happened to the test. */
static int teardown(void **state)
{
	struct fixture *f = *state;

	if (f->name[0])
		free(tl_sh(NULL, "docker rm -f %s %s-1 %s-2 >/dev/null 2>&1",
			   f->name, f->name, f->name));
	api_client_free(f->c);
	free(f);
	return 0;
}

/* Runs a busybox container to completion (extra: docker run flags). */
static void run_done(struct fixture *f, const char *tag, const char *extra,
		     const char *script)
{
	int st;

	snprintf(f->name, sizeof(f->name), "%s", tl_name(tag));
	free(tl_sh(&st,
		   "docker run -d %s --network none --name %s "
		   "local/busybox:latest sh -c '%s' >/dev/null && "
		   "docker wait %s >/dev/null",
		   extra, f->name, script, f->name));
	assert_int_equal(st, 0);
}

/* The CLI's output exactly: tl_sh drops trailing newlines, so a marker
 * is printed after it and taken off again. */
static char *cli_exact(const char *fmt_cmd, const char *name)
{
	char cmd[512];
	char *out;
	size_t n;

	snprintf(cmd, sizeof(cmd), fmt_cmd, name);
	out = tl_sh(NULL, "%s; echo x", cmd);
	n = strlen(out);
	assert_true(n >= 1 && out[n - 1] == 'x');
	out[n - 1] = '\0';
	return out;
}

static void assert_bytes(const char *got, size_t len, const char *want)
{
	assert_int_equal(len, strlen(want));
	assert_memory_equal(got, want, len);
}

static void test_logs_nontty(void **state)
{
	struct fixture *f = *state;
	struct api_logs l;
	struct api_error err;
	char *out, *errs;

	run_done(f, "lognt", "", "echo out1; echo err1 >&2; echo out2");
	if (api_logs_collect(f->c, f->name, NULL, 0, 0, &l, &err) != API_OK)
		fail_msg("logs: %s", err.msg);
	out = cli_exact("docker logs %s 2>/dev/null", f->name);
	errs = cli_exact("docker logs %s 2>&1 >/dev/null", f->name);
	assert_string_equal(out, "out1\nout2\n");
	assert_bytes(l.stdout_data, l.stdout_len, out);
	assert_bytes(l.stderr_data, l.stderr_len, errs);
	assert_false(l.capped);
	api_logs_free(&l);
	api_logs_free(&l);
	free(out);
	free(errs);
}

static void test_logs_tty_raw(void **state)
{
	struct fixture *f = *state;
	struct api_logs l;
	struct api_error err;
	char *out;

	run_done(f, "logtty", "-t", "echo out1; echo err1 >&2; echo out2");
	if (api_logs_collect(f->c, f->name, NULL, 1, 0, &l, &err) != API_OK)
		fail_msg("logs: %s", err.msg);
	out = cli_exact("docker logs %s", f->name);
	assert_string_equal(out, "out1\r\nerr1\r\nout2\r\n");
	assert_bytes(l.stdout_data, l.stdout_len, out);
	assert_int_equal(l.stderr_len, 0);
	api_logs_free(&l);
	/* Read as frames, a TTY's bytes are garbage, and said to be. */
	assert_int_equal(api_logs_collect(f->c, f->name, NULL, 0, 0, &l, &err),
			 API_E_PARSE);
	assert_non_null(strstr(err.msg, "unknown stream type"));
	free(out);
}

static void test_logs_tail_and_cap(void **state)
{
	struct fixture *f = *state;
	struct api_logs_opts o = API_LOGS_OPTS_INIT;
	struct api_logs l;
	struct api_error err;
	char *out;

	run_done(f, "logtail", "",
		 "echo out1; echo err1 >&2; sleep 0.2; echo out2");
	o.tail = 1;
	assert_int_equal(api_logs_collect(f->c, f->name, &o, 0, 0, &l, &err),
			 API_OK);
	out = cli_exact("docker logs --tail 1 %s 2>&1", f->name);
	assert_string_equal(out, "out2\n");
	assert_bytes(l.stdout_data, l.stdout_len, out);
	assert_int_equal(l.stderr_len, 0);
	api_logs_free(&l);
	free(out);
	/* The byte cap: 6 bytes in all, flagged.  Which stream's come first
	 * is up to the engine's two log copiers. */
	assert_int_equal(api_logs_collect(f->c, f->name, NULL, 0, 6, &l, &err),
			 API_OK);
	assert_true(l.capped);
	assert_int_equal(l.stdout_len + l.stderr_len, 6);
	assert_memory_equal(l.stdout_data, "out1\nout2\n", l.stdout_len);
	assert_memory_equal(l.stderr_data, "err1\n", l.stderr_len);
	api_logs_free(&l);
	assert_int_equal(api_logs_collect(f->c, "berth-t-no-such-container",
					  NULL, 0, 0, &l, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 404);
}

struct follow {
	struct loglines ll;
	struct buf text;
	int ended;
	api_code code;
	double t_late; /* seconds after the start "late" came in */
	double t0;
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int follow_line(const struct logline *line, void *ud)
{
	struct follow *fl = ud;

	assert_int_equal(line->stream, LOG_STDOUT);
	assert_int_equal(buf_append(&fl->text, line->text, line->len), 0);
	assert_int_equal(buf_append(&fl->text, "\n", 1), 0);
	if (line->len == 4 && memcmp(line->text, "late", 4) == 0)
		fl->t_late = now_s() - fl->t0;
	return 0;
}

static void follow_end(api_code code, const struct api_error *err, void *ud)
{
	struct follow *fl = ud;

	(void)err;
	fl->ended = 1;
	fl->code = code;
}

static void test_logs_follow(void **state)
{
	struct fixture *f = *state;
	struct api_logs_opts o = API_LOGS_OPTS_INIT;
	struct api_logs_stream *s = NULL;
	struct api_error err;
	struct follow fl;
	char *running;
	int st;

	snprintf(f->name, sizeof(f->name), "%s", tl_name("logfollow"));
	free(tl_sh(
		&st,
		"docker run -d --network none --name %s local/busybox:latest"
		" sh -c 'echo early; sleep 3; echo late; sleep 1' >/dev/null",
		f->name));
	assert_int_equal(st, 0);
	memset(&fl, 0, sizeof(fl));
	buf_init(&fl.text, 4096);
	loglines_init(&fl.ll, 0, 0, follow_line, &fl);
	o.follow = 1;
	fl.t0 = now_s();
	assert_int_equal(api_logs_start(f->c, f->name, &o, 0, loglines_chunk,
					follow_end, &fl.ll, &s, &err),
			 API_OK);
	/* on_end gets the loglines as ud too: it sits first in fl. */
	while (!fl.ended && now_s() - fl.t0 < 15) {
		api_client_wait(f->c, NULL, 0, 200);
		api_client_process(f->c);
	}
	if (!fl.ended)
		api_logs_stop(s);
	assert_true(fl.ended);
	assert_int_equal(fl.code, API_OK);
	assert_int_equal(loglines_finish(&fl.ll), 0);
	assert_string_equal(fl.text.data, "early\nlate\n");
	/* "late" came while following, not in a first batch. */
	assert_true(fl.t_late > 1.5);
	running = tl_sh(NULL, "docker inspect -f '{{.State.Running}}' %s",
			f->name);
	assert_string_equal(running, "false");
	free(running);
	loglines_done(&fl.ll);
	buf_free(&fl.text);
}

/* A size as `docker stats` prints it (go-units' BytesSize: binary). */
static double cli_size(const char *s, const char **end)
{
	static const char *units[] = {"B",   "KiB", "MiB", "GiB",
				      "TiB", "PiB", "EiB"};
	char *p;
	double v = strtod(s, &p), mult = 1;
	size_t i, n;

	assert_true(p != s);
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++, mult *= 1024) {
		n = strlen(units[i]);
		if (strncmp(p, units[i], n) == 0 &&
		    (p[n] == ' ' || p[n] == '|' || p[n] == '\0')) {
			*end = p + n;
			return v * mult;
		}
	}
	fail_msg("unknown size unit in %s", s);
	return 0;
}

static void start_sleeper(struct fixture *f, const char *tag)
{
	int st;

	snprintf(f->name, sizeof(f->name), "%s", tl_name(tag));
	free(tl_sh(&st,
		   "docker run -d -m 64m --network none --name %s "
		   "local/busybox:latest sh -c 'sleep 300 & sleep 300 & wait'"
		   " >/dev/null",
		   f->name));
	assert_int_equal(st, 0);
}

/* A mostly idle container (a busy one swings too much on a shared
 * machine between the two samples). */
static void test_stats_vs_cli(void **state)
{
	struct fixture *f = *state;
	struct api_stats s, one;
	struct api_error err;
	double cli_mem, cli_limit, cli_cpu, mem, tol;
	const char *p;
	char *cli;

	start_sleeper(f, "stats");
	free(tl_sh(NULL, "sleep 1"));
	if (api_stats(f->c, f->name, 0, &s, &err) != API_OK)
		fail_msg("stats: %s", err.msg);
	cli = tl_sh(NULL,
		    "docker stats --no-stream --format "
		    "'{{.MemUsage}}|{{.CPUPerc}}|{{.PIDs}}' %s",
		    f->name);
	cli_mem = cli_size(cli, &p);
	assert_true(strncmp(p, " / ", 3) == 0);
	cli_limit = cli_size(p + 3, &p);
	assert_int_equal(*p, '|');
	cli_cpu = strtod(p + 1, (char **)&p);
	assert_int_equal(*p, '%');
	assert_int_equal(p[1], '|');
	assert_int_equal(strtoull(p + 2, NULL, 10), s.pids_current);
	assert_int_equal(s.pids_current, 3);
	assert_int_equal(s.mem.limit, 64u * 1024 * 1024);
	assert_true((double)s.mem.limit == cli_limit);
	mem = (double)api_stats_mem_usage(&s);
	tol = fmax(1024.0 * 1024.0, cli_mem * 0.1);
	if (fabs(mem - cli_mem) > tol)
		fail_msg("memory %.0f vs the CLI's %s", mem, cli);
	if (fabs(api_stats_cpu_percent(&s) - cli_cpu) > 5.0)
		fail_msg("cpu %.2f%% vs the CLI's %s",
			 api_stats_cpu_percent(&s), cli);
	assert_true(s.mem.usage > 0);
	assert_string_equal(s.name + 1, f->name);
	/* one-shot: one sample, no precpu, the same container. */
	assert_int_equal(api_stats(f->c, f->name, 1, &one, &err), API_OK);
	assert_int_equal(one.pids_current, 3);
	assert_int_equal(one.mem.limit, s.mem.limit);
	assert_int_equal(one.precpu.system_cpu_usage, 0);
	api_stats_free(&one);
	api_stats_free(&s);
	free(cli);
}

struct sampler {
	int n;
	uint64_t pids;
	char first_read[64];
	int read_advanced;
	int ended;
	api_code code;
};

static int on_sample(const struct api_stats *s, void *ud)
{
	struct sampler *sm = ud;

	assert_non_null(s->read);
	if (sm->n == 0)
		snprintf(sm->first_read, sizeof(sm->first_read), "%s", s->read);
	else if (strcmp(s->read, sm->first_read) > 0)
		sm->read_advanced = 1;
	sm->pids = s->pids_current;
	return ++sm->n == 2; /* enough: stop */
}

static void on_stats_end(api_code code, const struct api_error *err, void *ud)
{
	struct sampler *sm = ud;

	(void)err;
	sm->ended = 1;
	sm->code = code;
}

static void test_stats_stream(void **state)
{
	struct fixture *f = *state;
	struct api_stats_stream *st = NULL;
	struct api_error err;
	struct sampler sm;
	double t0;

	start_sleeper(f, "statstream");
	memset(&sm, 0, sizeof(sm));
	assert_int_equal(api_stats_start(f->c, f->name, on_sample, on_stats_end,
					 &sm, &st, &err),
			 API_OK);
	t0 = now_s();
	while (!sm.ended && now_s() - t0 < 15) {
		api_client_wait(f->c, NULL, 0, 200);
		api_client_process(f->c);
	}
	if (!sm.ended)
		api_stats_stop(st);
	assert_true(sm.ended);
	assert_int_equal(sm.code, API_E_CANCELLED);
	assert_int_equal(sm.n, 2);
	assert_true(sm.read_advanced);
	assert_int_equal(sm.pids, 3);
	/* A stream stopped from outside before it ends: no on_end. */
	memset(&sm, 0, sizeof(sm));
	assert_int_equal(api_stats_start(f->c, f->name, on_sample, on_stats_end,
					 &sm, &st, &err),
			 API_OK);
	api_client_process(f->c);
	api_stats_stop(st);
	api_client_process(f->c);
	assert_false(sm.ended);
}

#define LAZY_MS 400
#define LAZY_STREAMS 3

struct lazy_count {
	int n;
	int ended;
};

static int on_lazy_sample(const struct api_stats *s, void *ud)
{
	(void)s;
	((struct lazy_count *)ud)->n++;
	return 0;
}

static void on_lazy_end(api_code code, const struct api_error *err, void *ud)
{
	(void)code;
	(void)err;
	((struct lazy_count *)ud)->ended = 1;
}

/* Every stream has sent its first sample: curl reads a new transfer's
 * first bytes on its own timers while it sets the transfer up, so the
 * window holds from then on. */
static int lazy_all_started(const struct lazy_count *c)
{
	int i;

	for (i = 0; i < LAZY_STREAMS; i++)
		if (c[i].n == 0)
			return 0;
	return 1;
}

static int lazy_total(const struct lazy_count *c)
{
	int i, n = 0;

	for (i = 0; i < LAZY_STREAMS; i++)
		n += c[i].n;
	return n;
}

/* Stats streams with a lazy window: every sample still comes, the turns
 * that read them are a window apart, and a prompt request made inside a
 * window is not held by it. */
static void test_stats_lazy_window(void **state)
{
	struct fixture *f = *state;
	struct api_stats_stream *st[LAZY_STREAMS];
	struct lazy_count cnt[LAZY_STREAMS];
	struct api_error err;
	double t0, last = 0, gap_min = 1e9, ping_max = 0;
	int i, st_rc, turns = 0, pings = 0, started = 0;

	start_sleeper(f, "lazy");
	for (i = 1; i < LAZY_STREAMS; i++) {
		free(tl_sh(&st_rc,
			   "docker run -d --network none --name %s-%d "
			   "local/busybox:latest sleep 300 >/dev/null",
			   f->name, i));
		assert_int_equal(st_rc, 0);
	}
	memset(cnt, 0, sizeof(cnt));
	api_client_set_lazy_ms(f->c, LAZY_MS);
	for (i = 0; i < LAZY_STREAMS; i++) {
		char id[160];
		snprintf(id, sizeof(id), i ? "%s-%d" : "%s", f->name, i);
		assert_int_equal(api_stats_start(f->c, id, on_lazy_sample,
						 on_lazy_end, &cnt[i], &st[i],
						 &err),
				 API_OK);
	}
	t0 = now_s();
	while (now_s() - t0 < 5.0) {
		int before = lazy_total(cnt);
		double t;
		api_client_wait(f->c, NULL, 0, 200);
		api_client_process(f->c);
		if (lazy_total(cnt) == before)
			continue;
		t = now_s();
		if (!started) {
			started = lazy_all_started(cnt);
		} else if (turns++ > 0 && t - last < gap_min)
			gap_min = t - last;
		last = t;
		/* Just after a lazy read: the window is closed now. */
		if (pings < 3) {
			double p0 = now_s();
			assert_int_equal(api_ping(f->c, &err), API_OK);
			ping_max = fmax(ping_max, now_s() - p0);
			pings++;
		}
	}
	for (i = 0; i < LAZY_STREAMS; i++) {
		assert_false(cnt[i].ended);
		if (cnt[i].n < 3)
			fail_msg("stream %d: %d samples in 5 s", i, cnt[i].n);
		api_stats_stop(st[i]);
	}
	assert_int_equal(pings, 3);
	if (turns < 4)
		fail_msg("only %d turns read samples once every stream ran",
			 turns);
	if (gap_min < (LAZY_MS - 50) / 1000.0)
		fail_msg("two turns read samples %.0f ms apart (window %d ms)",
			 gap_min * 1000, LAZY_MS);
	if (ping_max > 0.15)
		fail_msg("a ping inside the window took %.0f ms",
			 ping_max * 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_logs_nontty, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_logs_tty_raw, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_logs_tail_and_cap, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_logs_follow, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_stats_vs_cli, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_stats_stream, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_stats_lazy_window, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
