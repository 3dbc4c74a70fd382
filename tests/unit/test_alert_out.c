/* berth watch's alert outputs without an engine: a command reads each
 * alert on its standard input, a failing one is said, the queue is
 * bounded, a POST that finds no receiver is tried again later and holds
 * nothing up. */
#include "tests/lib/testlib.h"

#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "ops/alert_out.h"

static char said[64][256];
static int n_said;

static void on_say(void *ud, const char *text)
{
	(void)ud;
	if (n_said < 64)
		snprintf(said[n_said++], sizeof(said[0]), "%s", text);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Turns until nothing is pending, at most limit_s; the seconds it took. */
static double run_until_done(struct alert_out *a, double limit_s)
{
	double t0 = now_s();

	while (alert_out_pending(a) && now_s() - t0 < limit_s) {
		alert_out_turn(a);
		usleep(10000);
	}
	return now_s() - t0;
}

static struct alert_out *make(const char *cmd, const char *url)
{
	struct alert_out *a;

	n_said = 0;
	assert_int_equal(
		alert_out_new(&(struct alert_out_opts){.exec_cmd = cmd,
						       .webhook_url = url,
						       .say = on_say},
			      &a),
		0);
	return a;
}

static void test_exec_reads_each_alert(void **state)
{
	char path[] = "/tmp/berth-alert-XXXXXX", cmd[128], line[256];
	int fd = mkstemp(path), n = 0;
	struct alert_out *a;
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	snprintf(cmd, sizeof(cmd), "cat >>'%s'", path);
	a = make(cmd, NULL);
	alert_out_send(a, "{\"event\":\"died\",\"n\":1}");
	alert_out_send(a, "{\"event\":\"oom\",\"n\":2}");
	alert_out_send(a, "{\"event\":\"died\",\"n\":3}");
	assert_int_equal(alert_out_pending(a), 3);
	assert_true(run_until_done(a, 10) < 10);
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f))
		n += strstr(line, "\"event\"") != NULL;
	fclose(f);
	unlink(path);
	assert_int_equal(n, 3);
	assert_int_equal(n_said, 0);
	alert_out_free(a);
}

static void test_exec_failure_is_said(void **state)
{
	struct alert_out *a = make("cat >/dev/null; exit 4", NULL);

	(void)state;
	alert_out_send(a, "{}");
	assert_true(run_until_done(a, 10) < 10);
	assert_int_equal(n_said, 1);
	assert_non_null(strstr(said[0], "exited with 4"));
	alert_out_free(a);
}

static void test_queue_is_bounded(void **state)
{
	struct alert_out *a = make("cat >/dev/null", NULL);
	int i;

	(void)state;
	for (i = 0; i < ALERT_OUT_QUEUE + 10; i++)
		alert_out_send(a, "{}");
	assert_int_equal(alert_out_pending(a), ALERT_OUT_QUEUE);
	assert_int_equal(n_said, 10);
	assert_non_null(strstr(said[9], "10 dropped"));
	assert_true(run_until_done(a, 30) < 30);
	alert_out_free(a);
}

/* A loopback port nobody listens on. */
static int closed_port(void)
{
	struct sockaddr_in sa = {.sin_family = AF_INET};
	socklen_t len = sizeof(sa);
	int s = socket(AF_INET, SOCK_STREAM, 0), port;

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&sa, &len), 0);
	port = ntohs(sa.sin_port);
	close(s);
	return port;
}

static void test_webhook_retried_later(void **state)
{
	char url[64];
	struct alert_out *a;
	struct curl_waitfd fds[8];
	double t0;
	int timeout = -1;

	(void)state;
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/hook", closed_port());
	a = make(NULL, url);
	alert_out_send(a, "{\"event\":\"died\"}");
	t0 = now_s();
	/* refused at once: the first try ends, the alert waits for its next */
	while (now_s() - t0 < 2) {
		alert_out_turn(a);
		timeout = -1;
		alert_out_waitfds(a, fds, 8, &timeout);
		if (timeout > 500)
			break;
		usleep(5000);
	}
	assert_int_equal(alert_out_pending(a), 1);
	assert_in_range(timeout, 500, 1000);
	assert_int_equal(n_said, 0);
	alert_out_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exec_reads_each_alert),
		cmocka_unit_test(test_exec_failure_is_said),
		cmocka_unit_test(test_queue_is_bounded),
		cmocka_unit_test(test_webhook_retried_later),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
