/* Swarm nodes, services and tasks against the docker CLI.  Needs an
 * engine that is a swarm manager (tests/integration/test_swarm.sh makes
 * one); on any other engine every test is skipped, and says so. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/swarm.h"
#include "api/swarm_service.h"
#include "api/swarm_update.h"
#include "api/system.h"

static int manager = -1;

static int setup(void **state)
{
	struct api_client *c = tl_client();
	struct api_info info;
	struct api_error err;
	char *out;
	int st;

	*state = c;
	if (api_info(c, &info, &err) != API_OK)
		return -1;
	manager = info.swarm.control_available;
	api_info_free(&info);
	if (!manager)
		return 0;
	out = tl_sh(&st,
		    "docker service create --detach --name %s --replicas 2 "
		    "local/busybox:latest sleep 3600 >/dev/null 2>&1",
		    tl_name("svc"));
	free(out);
	return st == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	char *out;

	if (manager > 0) {
		out = tl_sh(NULL, "docker service rm %s >/dev/null 2>&1",
			    tl_name("svc"));
		free(out);
	}
	api_client_free(*state);
	return 0;
}

static void need_manager(void)
{
	if (manager <= 0) {
		fprintf(stderr, "# SKIP the engine is no swarm manager\n");
		skip();
	}
}

/* Waits for `docker service ls` to show want as the service's replicas. */
static int wait_replicas(const char *want)
{
	int i, ok = 0;

	for (i = 0; i < 100 && !ok; i++) {
		char *r = tl_sh(NULL,
				"docker service ls --filter name=%s "
				"--format '{{.Replicas}}'",
				tl_name("svc"));
		ok = strcmp(r, want) == 0;
		free(r);
		if (!ok)
			usleep(200000);
	}
	return ok;
}

static void test_nodes(void **state)
{
	struct api_node_list l;
	struct api_error err;
	char *want;

	need_manager();
	assert_int_equal(api_nodes_list(*state, &l, &err), API_OK);
	want = tl_sh(NULL,
		     "docker node ls --format "
		     "'{{.ID}} {{.Hostname}} {{.Status}} {{.ManagerStatus}}'");
	assert_int_equal(l.n, 1); /* the test engine is a swarm of one */
	{
		char got[512];
		snprintf(got, sizeof(got), "%s %s %c%s %s",
			 api_str(l.items[0].id), api_str(l.items[0].hostname),
			 l.items[0].state ? l.items[0].state[0] - 32 : '?',
			 l.items[0].state ? l.items[0].state + 1 : "",
			 l.items[0].leader ? "Leader" : "");
		assert_string_equal(got, want);
	}
	free(want);
	api_node_list_free(&l);
}

static void test_services_and_tasks(void **state)
{
	struct api_service_list sl;
	struct api_task_list tl;
	struct api_error err;
	char *want, got[4096];
	size_t i, len = 0;

	need_manager();
	assert_true(wait_replicas("2/2"));
	assert_int_equal(api_services_list(*state, &sl, &err), API_OK);
	want = tl_sh(NULL, "docker service ls --format "
			   "'{{.Name}} {{.Mode}} {{.Replicas}} {{.Image}}' "
			   "| sort | tr '\\n' ';'");
	got[0] = '\0';
	for (i = 0; i < sl.n; i++) {
		const struct api_service *s = &sl.items[i];
		int w = snprintf(got + len, sizeof(got) - len,
				 "%s %s %lld/%lld %s\n", api_str(s->name),
				 api_str(s->mode), (long long)s->running_tasks,
				 (long long)s->desired_tasks,
				 api_str(s->image));
		assert_true(w > 0 && (size_t)w < sizeof(got) - len);
		len += (size_t)w;
	}
	{
		char *sorted = tl_sh(NULL,
				     "printf '%%s' '%s' | sort | "
				     "tr '\\n' ';'",
				     got);
		assert_string_equal(sorted, want);
		free(sorted);
	}
	free(want);
	api_service_list_free(&sl);
	assert_int_equal(api_tasks_list(*state, tl_name("svc"), &tl, &err),
			 API_OK);
	want = tl_sh(NULL,
		     "docker service ps --no-trunc --format '{{.ID}}' %s | "
		     "sort | tr '\\n' ' '",
		     tl_name("svc"));
	len = 0;
	got[0] = '\0';
	for (i = 0; i < tl.n; i++)
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s\n",
					api_str(tl.items[i].id));
	{
		char *sorted = tl_sh(NULL,
				     "printf '%%s' '%s' | sort | "
				     "tr '\\n' ' '",
				     got);
		assert_string_equal(sorted, want);
		free(sorted);
	}
	free(want);
	api_task_list_free(&tl);
}

static void test_scale(void **state)
{
	struct api_error err;

	need_manager();
	assert_int_equal(api_service_scale(*state, tl_name("svc"), 3, &err),
			 API_OK);
	assert_true(wait_replicas("3/3"));
	assert_int_equal(api_service_force_update(*state, tl_name("svc"), &err),
			 API_OK);
	assert_int_equal(
		api_service_scale(*state, "berth-no-such-svc", 1, &err),
		API_E_HTTP);
	assert_int_equal(err.http_status, 404);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nodes),
		cmocka_unit_test(test_services_and_tasks),
		cmocka_unit_test(test_scale),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
