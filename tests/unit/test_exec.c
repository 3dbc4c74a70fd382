/* Exec models and paths (recorded from the engine and hostile), and the
 * relay's pure parts: detach key notation and matching. */
#include "tests/lib/testlib.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "api/exec.h"
#include "views/relay.h"

static void inspect_file(const char *name, struct api_exec_inspect *x)
{
	struct api_error err;
	size_t len;
	char *json = tl_data(name, &len);

	assert_int_equal(api_exec_inspect_parse(json, len, x, &err), API_OK);
	free(json);
}

static void test_inspect_recorded(void **state)
{
	struct api_exec_inspect x;

	(void)state;
	inspect_file("exec_inspect_exited.json", &x);
	assert_false(x.running);
	assert_true(x.has_exit_code);
	assert_int_equal(x.exit_code, 3);
	assert_int_equal(x.pid, 9609);
	assert_false(x.tty);
	assert_string_equal(x.entrypoint, "sh");
	assert_string_equal(x.id, "a02fc57cda1bfe000b78f46fb51149e152438dd95fbf"
				  "24171820998f747d6d09");
	assert_false(api_exec_not_started(&x));
	api_exec_inspect_free(&x);
	api_exec_inspect_free(&x);

	inspect_file("exec_inspect_running.json", &x);
	assert_true(x.running);
	assert_false(x.has_exit_code);
	assert_false(api_exec_not_started(&x));
	api_exec_inspect_free(&x);

	inspect_file("exec_inspect_missing.json", &x);
	assert_int_equal(x.exit_code, 126);
	assert_int_equal(x.pid, 0);
	assert_true(x.tty);
	assert_string_equal(x.entrypoint, "/bin/bash");
	assert_true(api_exec_not_started(&x));
	api_exec_inspect_free(&x);
}

static void test_inspect_hostile(void **state)
{
	struct api_exec_inspect x;
	struct api_error err;

	(void)state;
	inspect_file("exec_inspect_hostile.json", &x);
	assert_null(x.id);
	assert_null(x.container_id);
	assert_false(x.running);
	assert_true(x.has_exit_code);
	assert_int_equal(x.exit_code, INT64_MAX);
	assert_int_equal(x.pid, INT64_MIN);
	assert_null(x.entrypoint);
	assert_false(api_exec_not_started(&x));
	api_exec_inspect_free(&x);
	assert_int_equal(api_exec_inspect_parse("[]", 2, &x, &err),
			 API_E_PARSE);
	assert_int_equal(api_exec_inspect_parse("{\"ExitCode\"", 11, &x, &err),
			 API_E_PARSE);
	assert_int_equal(api_exec_inspect_parse("{}", 2, &x, &err), API_OK);
	assert_false(x.has_exit_code);
	api_exec_inspect_free(&x);
}

static void test_create_parse(void **state)
{
	struct api_error err;
	size_t len;
	char *json = tl_data("exec_create.json", &len), *id = NULL;

	(void)state;
	assert_int_equal(api_exec_create_parse(json, len, &id, &err), API_OK);
	assert_int_equal(strlen(id), 64);
	assert_int_equal(strspn(id, "0123456789abcdef"), 64);
	free(id);
	free(json);
	json = tl_data("exec_create_noid.json", &len);
	assert_int_equal(api_exec_create_parse(json, len, &id, &err),
			 API_E_PARSE);
	assert_null(id);
	free(json);
	assert_int_equal(api_exec_create_parse("{\"Id\":7}", 8, &id, &err),
			 API_E_PARSE);
	assert_int_equal(api_exec_create_parse("{\"Id\":\"\"}", 9, &id, &err),
			 API_E_PARSE);
	assert_int_equal(api_exec_create_parse("\xff", 1, &id, &err),
			 API_E_PARSE);
	assert_null(id);
}

static void test_create_body(void **state)
{
	static const char *const cmd[] = {"sh", "-c", "echo \"$X\"", NULL};
	static const char *const env[] = {"X=1", NULL};
	struct api_exec_config cfg = {.cmd = cmd,
				      .env = env,
				      .user = "1000",
				      .tty = 1,
				      .attach_stdout = 1};
	char *body = api_exec_create_body(&cfg);
	cJSON *root = cJSON_Parse(body), *c;

	(void)state;
	c = cJSON_GetObjectItem(root, "Cmd");
	assert_int_equal(cJSON_GetArraySize(c), 3);
	assert_string_equal(cJSON_GetArrayItem(c, 2)->valuestring,
			    "echo \"$X\"");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(root, "Tty")));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "AttachStdin")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(root, "AttachStdout")));
	assert_string_equal(cJSON_GetObjectItem(root, "User")->valuestring,
			    "1000");
	assert_string_equal(
		cJSON_GetArrayItem(cJSON_GetObjectItem(root, "Env"), 0)
			->valuestring,
		"X=1");
	assert_null(cJSON_GetObjectItem(root, "WorkingDir"));
	cJSON_Delete(root);
	free(body);
	cfg.cmd = NULL;
	assert_null(api_exec_create_body(&cfg));
}

static void test_paths(void **state)
{
	char *p;

	(void)state;
	p = api_exec_create_path("web 1/x");
	assert_string_equal(p, "/containers/web%201%2Fx/exec");
	free(p);
	p = api_exec_resize_path("abc", 40, 120);
	assert_string_equal(p, "/exec/abc/resize?h=40&w=120");
	free(p);
	p = api_container_attach_path("web", "ctrl-p,ctrl-q");
	assert_string_equal(p, "/containers/web/attach?stream=1&stdin=1&"
			       "stdout=1&stderr=1&detachKeys=ctrl-p%2Cctrl-q");
	free(p);
	p = api_exec_inspect_path("e1");
	assert_string_equal(p, "/exec/e1/json");
	free(p);
	assert_null(api_exec_start_path(""));
	assert_null(api_container_resize_path(NULL, 1, 1));
}

static void test_parse_keys(void **state)
{
	struct relay_keys k;
	char err[160];

	(void)state;
	assert_int_equal(relay_parse_keys("ctrl-p,ctrl-q", &k, err, 160), 0);
	assert_int_equal(k.n, 2);
	assert_int_equal(k.seq[0], 0x10);
	assert_int_equal(k.seq[1], 0x11);
	assert_int_equal(relay_parse_keys("ctrl-a,d,ctrl-@", &k, err, 160), 0);
	assert_int_equal(k.n, 3);
	assert_int_equal(k.seq[0], 1);
	assert_int_equal(k.seq[1], 'd');
	assert_int_equal(k.seq[2], 0);
	assert_int_equal(relay_parse_keys("", &k, err, 160), 0);
	assert_int_equal(k.n, 0);
	assert_int_equal(relay_parse_keys("ctrl-pq", &k, err, 160), -1);
	assert_non_null(strstr(err, "ctrl-pq"));
	assert_int_equal(relay_parse_keys("a,", &k, err, 160), -1);
	assert_int_equal(relay_parse_keys("a,,b", &k, err, 160), -1);
	assert_int_equal(relay_parse_keys("ctrl-\xff", &k, err, 160), -1);
	assert_int_equal(relay_parse_keys("a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a",
					  &k, err, 160),
			 -1);
}

static void test_detach_scan(void **state)
{
	struct relay_keys k;
	unsigned char out[64];
	size_t m = 0, n;
	char err[160];

	(void)state;
	relay_parse_keys("ctrl-p,ctrl-q", &k, err, sizeof(err));
	/* Plain typing passes. */
	assert_int_equal(relay_detach_scan(&k, &m, (const unsigned char *)"ls",
					   2, out, &n),
			 0);
	assert_int_equal(n, 2);
	assert_memory_equal(out, "ls", 2);
	/* A lone ctrl-p is held, then released with what follows. */
	assert_int_equal(relay_detach_scan(&k, &m,
					   (const unsigned char *)"\x10", 1,
					   out, &n),
			 0);
	assert_int_equal(n, 0);
	assert_int_equal(m, 1);
	assert_int_equal(relay_detach_scan(&k, &m, (const unsigned char *)"x",
					   1, out, &n),
			 0);
	assert_int_equal(n, 2);
	assert_memory_equal(out, "\x10x", 2);
	/* ctrl-p ctrl-p ctrl-q: the first goes out, the pair detaches. */
	assert_int_equal(relay_detach_scan(
				 &k, &m, (const unsigned char *)"a\x10\x10\x11",
				 4, out, &n),
			 1);
	assert_int_equal(n, 2);
	assert_memory_equal(out, "a\x10", 2);
	/* Split across reads. */
	m = 0;
	relay_detach_scan(&k, &m, (const unsigned char *)"\x10", 1, out, &n);
	assert_int_equal(relay_detach_scan(&k, &m,
					   (const unsigned char *)"\x11", 1,
					   out, &n),
			 1);
	assert_int_equal(n, 0);
	/* No keys: everything passes, nothing detaches. */
	m = 0;
	assert_int_equal(relay_detach_scan(NULL, &m,
					   (const unsigned char *)"\x10\x11", 2,
					   out, &n),
			 0);
	assert_int_equal(n, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inspect_recorded),
		cmocka_unit_test(test_inspect_hostile),
		cmocka_unit_test(test_create_parse),
		cmocka_unit_test(test_create_body),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_parse_keys),
		cmocka_unit_test(test_detach_scan),
	};
	return cmocka_run_group_tests_name("exec", tests, NULL, NULL);
}
