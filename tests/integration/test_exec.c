/* Exec and attach on hijacked connections against the private engine,
 * checked against the docker CLI's own exec. */
#include "tests/lib/testlib.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "api/buf.h"
#include "api/exec.h"
#include "api/logframes.h"

struct got {
	struct buf out, err;
};

static int on_chunk(int stream, const char *data, size_t len, void *ud)
{
	struct got *g = ud;

	buf_append(stream == LOG_STDERR ? &g->err : &g->out, data, len);
	return 0;
}

/* Everything the stream carries until it closes (10 s at most). */
static void drain(struct api_hijack *h, int tty, struct got *g)
{
	struct logframes lf;
	char b[4096];
	int rounds = 0;

	buf_init(&g->out, 1 << 20);
	buf_init(&g->err, 1 << 20);
	logframes_init(&lf, tty, on_chunk, g);
	for (;;) {
		ssize_t n = api_hijack_recv(h, b, sizeof(b));
		if (n == -1) {
			struct pollfd p = {.fd = api_hijack_fd(h),
					   .events = POLLIN};
			assert_true(++rounds < 100);
			poll(&p, 1, 100);
			continue;
		}
		assert_true(n >= 0);
		if (n == 0)
			break;
		assert_int_equal(logframes_feed(&lf, b, (size_t)n), 0);
	}
	assert_int_equal(logframes_finish(&lf), 0);
	buf_append(&g->out, "", 1);
	buf_append(&g->err, "", 1);
}

static void got_free(struct got *g)
{
	buf_free(&g->out);
	buf_free(&g->err);
}

/* Runs cmd in the test container; returns the exec's id. */
static char *run(struct api_client *c, const char *const *cmd, int tty,
		 struct got *g)
{
	struct api_exec_config cfg = {
		.cmd = cmd, .tty = tty, .attach_stdout = 1, .attach_stderr = 1};
	struct api_hijack *h = NULL;
	struct api_error err;
	char *id = NULL;

	assert_int_equal(api_exec_create(c, tl_name("exec"), &cfg, &id, &err),
			 API_OK);
	assert_int_equal(api_exec_start(c, id, tty, &h, &err), API_OK);
	drain(h, tty, g);
	api_hijack_free(h);
	return id;
}

static int setup(void **state)
{
	int st;
	char *out = tl_sh(&st,
			  "docker run -d -i --network none --name %s "
			  "local/busybox:latest sh -c 'while read l; do echo "
			  "got:$l; done'",
			  tl_name("exec"));

	free(out);
	*state = tl_client();
	return st == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	free(tl_sh(NULL, "docker rm -f %s >/dev/null 2>&1", tl_name("exec")));
	api_client_free(*state);
	return 0;
}

static void test_echo_frames(void **state)
{
	static const char *const cmd[] = {"sh", "-c",
					  "echo hello; echo oops >&2", NULL};
	struct api_client *c = *state;
	struct got g;
	char *id = run(c, cmd, 0, &g);
	char *want = tl_sh(NULL, "docker exec %s sh -c 'echo hello' ",
			   tl_name("exec"));

	assert_string_equal(g.out.data, "hello\n");
	assert_string_equal(g.err.data, "oops\n");
	assert_int_equal(strncmp(g.out.data, want, strlen(want)), 0);
	free(want);
	free(id);
	got_free(&g);
}

static void test_echo_tty(void **state)
{
	static const char *const cmd[] = {"echo", "hello", NULL};
	struct api_client *c = *state;
	struct got g;
	char *id = run(c, cmd, 1, &g);

	/* A TTY's output: raw, with the terminal's CR LF. */
	assert_string_equal(g.out.data, "hello\r\n");
	assert_string_equal(g.err.data, "");
	free(id);
	got_free(&g);
}

static void test_exit_code(void **state)
{
	static const char *const cmd[] = {"sh", "-c", "exit 3", NULL};
	struct api_client *c = *state;
	struct api_exec_inspect x;
	struct api_error err;
	struct got g;
	char *id = run(c, cmd, 0, &g);
	int st = 0;

	free(tl_sh(&st, "docker exec %s sh -c 'exit 3'", tl_name("exec")));
	assert_int_equal(api_exec_inspect(c, id, &x, &err), API_OK);
	assert_false(x.running);
	assert_true(x.has_exit_code);
	assert_int_equal(x.exit_code, 3);
	assert_int_equal(x.exit_code, st);
	assert_true(x.pid > 0);
	assert_false(api_exec_not_started(&x));
	api_exec_inspect_free(&x);
	free(id);
	got_free(&g);
}

static void test_missing_binary(void **state)
{
	static const char *const cmd[] = {"/bin/bash", NULL};
	struct api_client *c = *state;
	struct api_exec_inspect x;
	struct api_error err;
	struct got g;
	char *id = run(c, cmd, 1, &g);
	int st = 0;

	free(tl_sh(&st, "docker exec %s /bin/bash 2>/dev/null",
		   tl_name("exec")));
	assert_non_null(strstr(g.out.data, "/bin/bash"));
	assert_int_equal(api_exec_inspect(c, id, &x, &err), API_OK);
	assert_true(api_exec_not_started(&x));
	assert_int_equal(x.exit_code, st);
	api_exec_inspect_free(&x);
	free(id);
	got_free(&g);
}

static void test_resize(void **state)
{
	static const char *const cmd[] = {"sh", "-c", "sleep 1; stty size",
					  NULL};
	struct api_exec_config cfg = {.cmd = cmd, .tty = 1, .attach_stdout = 1};
	struct api_client *c = *state;
	struct api_hijack *h = NULL;
	struct api_error err;
	struct got g;
	char *id = NULL;

	assert_int_equal(api_exec_create(c, tl_name("exec"), &cfg, &id, &err),
			 API_OK);
	assert_int_equal(api_exec_start(c, id, 1, &h, &err), API_OK);
	assert_int_equal(api_exec_resize(c, id, 33, 101, &err), API_OK);
	drain(h, 1, &g);
	assert_string_equal(g.out.data, "33 101\r\n");
	api_hijack_free(h);
	free(id);
	got_free(&g);
}

static void test_errors(void **state)
{
	static const char *const cmd[] = {"true", NULL};
	struct api_exec_config cfg = {.cmd = cmd};
	struct api_client *c = *state;
	struct api_hijack *h = NULL;
	struct api_error err;
	char *id = NULL;

	assert_int_equal(api_exec_create(c, "berth-no-such", &cfg, &id, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 404);
	assert_int_equal(api_exec_start(c, "berth-no-such-exec", 0, &h, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 404);
	assert_non_null(strstr(err.msg, "berth-no-such-exec"));
	assert_null(h);
}

static void test_attach(void **state)
{
	struct api_client *c = *state;
	struct api_hijack *h = NULL;
	struct api_error err;
	struct logframes lf;
	struct got g;
	char b[256];
	int rounds = 0;

	assert_int_equal(
		api_container_attach(c, tl_name("exec"), NULL, &h, &err),
		API_OK);
	assert_int_equal(api_hijack_send(h, "ping\n", 5), 0);
	buf_init(&g.out, 4096);
	buf_init(&g.err, 4096);
	logframes_init(&lf, 0, on_chunk, &g);
	/* The main process answers on the attached stream. */
	while (g.out.len < 9 && rounds++ < 50) {
		struct pollfd p = {.fd = api_hijack_fd(h), .events = POLLIN};
		ssize_t n;
		poll(&p, 1, 100);
		n = api_hijack_recv(h, b, sizeof(b));
		if (n > 0)
			logframes_feed(&lf, b, (size_t)n);
		else if (n != -1)
			break;
	}
	api_hijack_free(h);
	buf_append(&g.out, "", 1);
	assert_string_equal(g.out.data, "got:ping\n");
	got_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_echo_frames),
		cmocka_unit_test(test_echo_tty),
		cmocka_unit_test(test_exit_code),
		cmocka_unit_test(test_missing_binary),
		cmocka_unit_test(test_resize),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_attach),
	};
	return cmocka_run_group_tests_name("exec", tests, setup, teardown);
}
