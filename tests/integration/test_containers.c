/* Containers against the private engine, checked with the docker CLI. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/container_top.h"
#include "api/containers.h"

#define RUN_OPTS "--network none local/busybox:latest sleep 600"

static struct api_client *client;
static char run_name[128], priv_name[128], act_name[128], renamed[128];

static void rm_all(void)
{
	free(tl_sh(NULL, "docker rm -f %s %s %s %s >/dev/null 2>&1", run_name,
		   priv_name, act_name, renamed));
}

static char *create(const char *opts, const char *name)
{
	int st;
	char *id = tl_sh(&st, "docker %s --name %s %s", opts, name, RUN_OPTS);

	if (st != 0)
		fail_msg("docker %s failed: %s", opts, id);
	return id;
}

static int setup(void **state)
{
	(void)state;
	snprintf(run_name, sizeof(run_name), "%s", tl_name("run"));
	snprintf(priv_name, sizeof(priv_name), "%s", tl_name("priv"));
	snprintf(act_name, sizeof(act_name), "%s", tl_name("act"));
	snprintf(renamed, sizeof(renamed), "%s", tl_name("renamed"));
	rm_all();
	free(create("run -d --user 1000 --memory 32m --restart on-failure:2 "
		    "--cap-add NET_ADMIN --cap-add SYS_PTRACE",
		    run_name));
	free(create("create --privileged --restart always", priv_name));
	client = tl_client();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rm_all();
	api_client_free(client);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ids and states of `docker ps -a`, one "id state" per line, sorted. */
static void test_list_matches_ps(void **state)
{
	struct api_containers_list_opts o = {.all = 1};
	struct api_container_list l;
	struct api_error err;
	char *want, *got, **lines;
	size_t i, off = 0, cap;

	(void)state;
	assert_int_equal(api_containers_list(client, &o, &l, &err), API_OK);
	want = tl_sh(NULL, "docker ps -a --no-trunc --format "
			   "'{{.ID}} {{.State}}' | sort");
	assert_true(l.n >= 2);
	lines = calloc(l.n, sizeof(*lines));
	cap = l.n * 160 + 1;
	got = calloc(1, cap);
	assert_non_null(lines);
	assert_non_null(got);
	for (i = 0; i < l.n; i++) {
		lines[i] = malloc(160);
		snprintf(lines[i], 160, "%s %s", l.items[i].id,
			 api_str(l.items[i].state));
	}
	qsort(lines, l.n, sizeof(*lines), cmp_str);
	for (i = 0; i < l.n; i++) {
		off += (size_t)snprintf(got + off, cap - off, "%s%s",
					i ? "\n" : "", lines[i]);
		free(lines[i]);
	}
	assert_string_equal(got, want);
	free(lines);
	free(got);
	free(want);
	api_container_list_free(&l);
}

static void test_list_filter_by_name(void **state)
{
	struct api_filter f = {"name", priv_name};
	struct api_containers_list_opts o = {
		.all = 1, .filters = &f, .n_filters = 1};
	struct api_container_list l;
	struct api_error err;
	char *want;

	(void)state;
	assert_int_equal(api_containers_list(client, &o, &l, &err), API_OK);
	want = tl_sh(NULL,
		     "docker ps -a --no-trunc --filter name=%s "
		     "--format '{{.ID}} {{.Names}} {{.Image}}'",
		     priv_name);
	assert_int_equal(l.n, 1);
	assert_true(strncmp(want, l.items[0].id, 64) == 0);
	assert_string_equal(l.items[0].name, priv_name);
	assert_non_null(strstr(want, l.items[0].image));
	assert_string_equal(l.items[0].state, "created");
	free(want);
	api_container_list_free(&l);
}

static void check_inspect(const char *name)
{
	struct api_container_inspect ci;
	struct api_error err;
	const struct api_host_config *hc = &ci.host_config;
	char *want, got[4096], caps[1024] = "";
	size_t i, off = 0;

	assert_int_equal(api_container_inspect(client, name, &ci, &err),
			 API_OK);
	for (i = 0; i < hc->cap_add.n; i++)
		off += (size_t)snprintf(caps + off, sizeof(caps) - off, "%s%s",
					i ? "," : "", hc->cap_add.v[i]);
	snprintf(got, sizeof(got), "%s|/%s|%s|%s|%lld|%s|%s|%s", api_str(ci.id),
		 api_str(ci.name), api_str(ci.config.user),
		 hc->privileged ? "true" : "false", (long long)hc->memory,
		 api_str(ci.state.status), api_str(hc->restart_policy), caps);
	want = tl_sh(NULL,
		     "docker inspect --format '{{.Id}}|{{.Name}}|"
		     "{{.Config.User}}|{{.HostConfig.Privileged}}|"
		     "{{.HostConfig.Memory}}|{{.State.Status}}|"
		     "{{.HostConfig.RestartPolicy.Name}}|"
		     "{{range $i, $c := .HostConfig.CapAdd}}"
		     "{{if $i}},{{end}}{{$c}}{{end}}' %s",
		     name);
	assert_string_equal(got, want);
	free(want);
	/* raw is the body itself, for the tree view and re-create. */
	snprintf(got, sizeof(got), "\"Id\":\"%s\"", ci.id);
	assert_non_null(strstr(ci.raw, got));
	assert_int_equal(strlen(ci.raw), ci.raw_len);
	api_container_inspect_free(&ci);
}

static void test_inspect_matches_cli(void **state)
{
	(void)state;
	check_inspect(run_name);
	check_inspect(priv_name);
}

static void test_inspect_missing(void **state)
{
	struct api_container_inspect ci;
	struct api_error err;

	(void)state;
	assert_int_equal(
		api_container_inspect(client, "berth-no-such-ctr", &ci, &err),
		API_E_HTTP);
	assert_int_equal(err.http_status, 404);
	assert_non_null(strstr(err.msg, "berth-no-such-ctr"));
	assert_null(ci.raw);
	api_container_inspect_free(&ci);
}

static void expect_status(const char *name, const char *want)
{
	char *got =
		tl_sh(NULL, "docker inspect -f '{{.State.Status}}' %s", name);

	assert_string_equal(got, want);
	free(got);
}

static void test_actions(void **state)
{
	struct api_error err;

	(void)state;
	free(create("create", act_name));
	assert_int_equal(api_container_start(client, act_name, &err), API_OK);
	expect_status(act_name, "running");
	/* Already started: the engine's 304 is success. */
	assert_int_equal(api_container_start(client, act_name, &err), API_OK);
	assert_int_equal(api_container_pause(client, act_name, &err), API_OK);
	expect_status(act_name, "paused");
	assert_int_equal(api_container_unpause(client, act_name, &err), API_OK);
	expect_status(act_name, "running");
	assert_int_equal(api_container_restart(client, act_name, 1, &err),
			 API_OK);
	expect_status(act_name, "running");
	assert_int_equal(api_container_stop(client, act_name, 1, &err), API_OK);
	expect_status(act_name, "exited");
	assert_int_equal(api_container_stop(client, act_name, 1, &err), API_OK);
	assert_int_equal(api_container_start(client, act_name, &err), API_OK);
	assert_int_equal(api_container_kill(client, act_name, "SIGKILL", &err),
			 API_OK);
	expect_status(act_name, "exited");
	/* Killing a stopped container is an error, with the engine's word. */
	assert_int_equal(api_container_kill(client, act_name, NULL, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 409);
	assert_non_null(strstr(err.msg, "not running"));
	assert_int_equal(api_container_kill(client, "", NULL, &err),
			 API_E_INVALID);
}

static void test_remove_and_rename(void **state)
{
	struct api_error err;
	char *ps;
	int st;

	(void)state;
	free(tl_sh(NULL, "docker rm -f %s >/dev/null 2>&1", act_name));
	free(create("run -d", act_name));
	assert_int_equal(api_container_remove(client, act_name, 0, 0, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 409);
	assert_true(strstr(err.msg, "stop the container") ||
		    strstr(err.msg, "force"));
	expect_status(act_name, "running");
	assert_int_equal(api_container_rename(client, act_name, renamed, &err),
			 API_OK);
	ps = tl_sh(NULL, "docker ps -a --format '{{.Names}}'");
	assert_non_null(strstr(ps, renamed));
	assert_null(strstr(ps, act_name));
	free(ps);
	assert_int_equal(api_container_rename(client, renamed, NULL, &err),
			 API_E_INVALID);
	assert_int_equal(api_container_remove(client, renamed, 1, 1, &err),
			 API_OK);
	free(tl_sh(&st, "docker inspect %s >/dev/null 2>&1", renamed));
	assert_int_not_equal(st, 0);
}

static void test_top(void **state)
{
	struct api_top t;
	struct api_error err;
	char *pid;
	int col_pid, col_cmd;
	size_t i, found = 0;

	(void)state;
	assert_int_equal(api_container_top(client, run_name, NULL, &t, &err),
			 API_OK);
	pid = tl_sh(NULL, "docker inspect -f '{{.State.Pid}}' %s", run_name);
	col_pid = api_top_column(&t, "PID");
	col_cmd = api_top_column(&t, "CMD");
	assert_true(col_pid >= 0);
	assert_true(col_cmd >= 0);
	assert_true(t.n >= 1);
	for (i = 0; i < t.n; i++) {
		const char *cmd = api_top_cell(&t, i, col_cmd);
		if (cmd && strstr(cmd, "sleep 600")) {
			assert_string_equal(api_top_cell(&t, i, col_pid), pid);
			found++;
		}
	}
	assert_int_equal(found, 1);
	free(pid);
	api_top_free(&t);
	assert_int_equal(
		api_container_top(client, run_name, "-o pid,comm", &t, &err),
		API_OK);
	assert_string_equal(t.titles.v[0], "PID");
	assert_string_equal(t.titles.v[1], "COMMAND");
	api_top_free(&t);
	assert_int_equal(api_container_top(client, priv_name, NULL, &t, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 409);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_matches_ps),
		cmocka_unit_test(test_list_filter_by_name),
		cmocka_unit_test(test_inspect_matches_cli),
		cmocka_unit_test(test_inspect_missing),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_remove_and_rename),
		cmocka_unit_test(test_top),
	};
	return cmocka_run_group_tests_name("containers_integration", tests,
					   setup, teardown);
}
