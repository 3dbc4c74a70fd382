/* Swarm nodes, services and tasks from JSON recorded from the private
 * engine in swarm mode, hostile variants, and the spec changes behind
 * scale and force update. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/swarm.h"
#include "api/swarm_service.h"
#include "api/swarm_update.h"
#include "model/swarm_format.h"

static void test_nodes_recorded(void **state)
{
	struct api_node_list l;
	struct api_error err;
	size_t len;
	char *json = tl_data("swarm_nodes.json", &len);

	(void)state;
	assert_int_equal(api_nodes_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].id, "jwwfcbmgpcm3szo4g4xa0olfv");
	assert_string_equal(l.items[0].hostname, "vm");
	assert_string_equal(l.items[0].role, "manager");
	assert_string_equal(l.items[0].availability, "active");
	assert_string_equal(l.items[0].state, "ready");
	assert_string_equal(l.items[0].engine_version, "20.10.24+dfsg1");
	assert_string_equal(l.items[0].reachability, "reachable");
	assert_int_equal(l.items[0].leader, 1);
	api_node_list_free(&l);
	api_node_list_free(&l);
	free(json);
}

static const struct api_service *find(const struct api_service_list *l,
				      const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i].name && strcmp(l->items[i].name, name) == 0)
			return &l->items[i];
	fail_msg("no service %s", name);
	return NULL;
}

static void test_services_recorded(void **state)
{
	struct api_service_list l;
	const struct api_service *s;
	struct api_error err;
	size_t len;
	char *json = tl_data("swarm_services.json", &len);

	(void)state;
	assert_int_equal(api_services_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 4);
	s = find(&l, "s1");
	assert_string_equal(s->id, "kq8q9fgmt7slkayctya2pruso");
	assert_string_equal(s->mode, "replicated");
	assert_int_equal(s->replicas, 2);
	assert_int_equal(s->running_tasks, 2);
	assert_int_equal(s->desired_tasks, 2);
	assert_string_equal(s->image, "local/busybox:latest");
	assert_true(s->version > 0);
	assert_non_null(strstr(s->spec_json, "\"Name\":\"s1\""));
	s = find(&l, "s2");
	assert_string_equal(s->mode, "global");
	assert_int_equal(s->replicas, -1);
	assert_int_equal(s->cap_add.n, 1);
	assert_string_equal(s->cap_add.v[0], "CAP_NET_ADMIN");
	assert_int_equal(s->n_mounts, 1);
	assert_string_equal(s->mounts[0].type, "bind");
	assert_string_equal(s->mounts[0].source, "/var/run");
	assert_string_equal(api_kv_get(&s->labels, "tier"), "x");
	s = find(&l, "s3");
	assert_int_equal(s->limit_memory, 64 * 1024 * 1024);
	assert_int_equal(s->limit_nano_cpus, 500000000);
	s = find(&l, "bad");
	assert_int_equal(s->running_tasks, 0);
	assert_int_equal(s->desired_tasks, 1);
	api_service_list_free(&l);
	api_service_list_free(&l);
	free(json);
}

static void test_tasks_recorded(void **state)
{
	struct api_task_list l;
	struct api_error err;
	size_t len, i, rejected = 0, running = 0;
	char *json = tl_data("swarm_tasks.json", &len);

	(void)state;
	assert_int_equal(api_tasks_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 9);
	for (i = 0; i < l.n; i++) {
		if (strcmp(l.items[i].state, "rejected") == 0) {
			rejected++;
			assert_string_equal(
				l.items[i].error,
				"No such image: local/nonexistent:1");
		}
		if (strcmp(l.items[i].state, "running") == 0) {
			running++;
			assert_non_null(l.items[i].container_id);
		}
	}
	assert_int_equal(rejected, 5);
	assert_int_equal(running, 4);
	assert_string_equal(l.items[0].id, "6gph90n7q547rhzyznve04rib");
	assert_string_equal(l.items[0].service_id, "kq8q9fgmt7slkayctya2pruso");
	assert_int_equal(l.items[0].slot, 1);
	assert_string_equal(l.items[0].desired_state, "running");
	api_task_list_free(&l);
	free(json);
}

static void test_hostile(void **state)
{
	struct api_service_list sl;
	struct api_node_list nl;
	struct api_task_list tl;
	struct api_error err;
	size_t len;
	char *json = tl_data("swarm_hostile.json", &len);

	(void)state;
	assert_int_equal(api_services_list_parse(json, len, &sl, &err), API_OK);
	assert_int_equal(sl.n, 4); /* the four objects */
	assert_null(sl.items[0].name);
	assert_int_equal(sl.items[0].replicas, -1);
	assert_int_equal(sl.items[0].running_tasks, -1);
	assert_int_equal(sl.items[1].replicas, 1); /* -5: the default */
	assert_int_equal(sl.items[1].desired_tasks, -1);
	assert_int_equal(sl.items[1].n_mounts, 1);
	assert_null(sl.items[1].mounts[0].type);
	assert_int_equal(sl.items[1].cap_add.n, 1);
	assert_int_equal(sl.items[1].limit_memory, INT64_MAX);
	assert_int_equal(sl.items[1].n_ports, 1);
	assert_int_equal(sl.items[1].ports[0].target, INT64_MAX);
	assert_null(sl.items[2].mode);
	assert_null(sl.items[3].spec_json);
	api_service_list_free(&sl);
	assert_int_equal(api_nodes_list_parse(json, len, &nl, &err), API_OK);
	assert_int_equal(nl.n, 4);
	assert_null(nl.items[1].hostname);
	assert_int_equal(nl.items[1].leader, 0);
	api_node_list_free(&nl);
	assert_int_equal(api_tasks_list_parse(json, len, &tl, &err), API_OK);
	assert_int_equal(tl.n, 4);
	assert_null(tl.items[1].state);
	assert_string_equal(tl.items[1].error, "e\xc3");
	api_task_list_free(&tl);
	assert_int_equal(api_services_list_parse("{}", 2, &sl, &err),
			 API_E_PARSE);
	assert_int_equal(api_nodes_list_parse("[", 1, &nl, &err), API_E_PARSE);
	assert_int_equal(api_tasks_list_parse("[]", 2, &tl, &err), API_OK);
	assert_int_equal(tl.n, 0);
	api_task_list_free(&tl);
	free(json);
}

static void test_inspect_and_scale(void **state)
{
	struct api_service s, again;
	struct api_error err;
	size_t len;
	char *json = tl_data("swarm_service_inspect.json", &len);
	char *spec;

	(void)state;
	assert_int_equal(api_service_inspect_parse(json, len, &s, &err),
			 API_OK);
	assert_string_equal(s.name, "s1");
	assert_int_equal(s.replicas, 2);
	assert_int_equal(api_service_spec_scale(s.spec_json, 3, &spec, &err),
			 API_OK);
	assert_non_null(strstr(spec, "\"Replicas\":3"));
	assert_non_null(strstr(spec, "\"Args\":[\"sleep\",\"3600\"]"));
	free(spec);
	assert_int_equal(api_service_spec_scale(s.spec_json, -1, &spec, &err),
			 API_E_INVALID);
	assert_null(spec);
	assert_int_equal(api_service_spec_force(s.spec_json, &spec, &err),
			 API_OK);
	/* Through the parser again: the counter went up by one. */
	{
		char wrapped[8192];
		int n = snprintf(wrapped, sizeof(wrapped), "{\"Spec\":%s}",
				 spec);
		assert_true(n > 0 && (size_t)n < sizeof(wrapped));
		assert_int_equal(api_service_inspect_parse(wrapped, (size_t)n,
							   &again, &err),
				 API_OK);
		assert_int_equal(again.force_update, s.force_update + 1);
		assert_int_equal(again.replicas, 2);
		api_service_free(&again);
	}
	free(spec);
	api_service_free(&s);
	api_service_free(&s);
	free(json);
}

static void test_spec_edges(void **state)
{
	struct api_error err;
	char *spec;

	(void)state;
	assert_int_equal(api_service_spec_scale("{\"Mode\":{\"Global\":{}}}", 2,
						&spec, &err),
			 API_E_INVALID);
	assert_int_equal(api_service_spec_scale(NULL, 2, &spec, &err),
			 API_E_INVALID);
	assert_int_equal(api_service_spec_scale("[]", 2, &spec, &err),
			 API_E_PARSE);
	assert_int_equal(
		api_service_spec_force("{\"TaskTemplate\":null}", &spec, &err),
		API_OK);
	assert_string_equal(spec, "{\"TaskTemplate\":{\"ForceUpdate\":1}}");
	free(spec);
	assert_int_equal(api_service_spec_force(
				 "{\"TaskTemplate\":{\"ForceUpdate\":1e300}}",
				 &spec, &err),
			 API_OK);
	assert_string_equal(spec, "{\"TaskTemplate\":{\"ForceUpdate\":1}}");
	free(spec);
}

static void test_paths(void **state)
{
	struct api_logs_opts o = API_LOGS_OPTS_INIT;
	char *p;

	(void)state;
	p = api_services_list_path(1);
	assert_string_equal(p, "/services?status=1");
	free(p);
	p = api_tasks_list_path("a b");
	assert_non_null(strstr(p, "/tasks?filters="));
	assert_non_null(strstr(p, "service"));
	free(p);
	p = api_service_update_path("s/1", 42, 1);
	assert_string_equal(
		p, "/services/s%2F1/update?version=42&rollback=previous");
	free(p);
	assert_null(api_service_update_path("", 1, 0));
	p = api_service_remove_path("s1");
	assert_string_equal(p, "/services/s1");
	free(p);
	o.tail = 10;
	p = api_service_logs_path("s1", &o);
	assert_string_equal(p, "/services/s1/logs?stdout=1&stderr=1&tail=10");
	free(p);
}

static void test_format(void **state)
{
	struct api_service_port ports[2] = {{"tcp", 80, 8080, "ingress"},
					    {NULL, 53, 53, NULL}};
	struct api_service s = {0};
	struct api_node nd = {0};
	struct api_task t = {0};
	char buf[64];

	(void)state;
	s.running_tasks = 1;
	s.desired_tasks = 3;
	s.replicas = 3;
	swarm_fmt_replicas(&s, buf, sizeof(buf));
	assert_string_equal(buf, "1/3");
	s.running_tasks = -1;
	swarm_fmt_replicas(&s, buf, sizeof(buf));
	assert_string_equal(buf, "?/3");
	s.ports = ports;
	s.n_ports = 2;
	swarm_fmt_ports(&s, buf, sizeof(buf));
	assert_string_equal(buf, "*:8080->80/tcp, *:53->53/tcp");
	swarm_fmt_ports(&s, buf, 10);
	assert_string_equal(buf, "*:8080->8");
	nd.reachability = "unreachable";
	swarm_fmt_manager(&nd, buf, sizeof(buf));
	assert_string_equal(buf, "Unreachable");
	nd.leader = 1;
	swarm_fmt_manager(&nd, buf, sizeof(buf));
	assert_string_equal(buf, "Leader");
	assert_int_equal(swarm_parse_time("2026-11-28T18:36:17.658Z"),
			 1795890977);
	assert_int_equal(swarm_parse_time("garbage"), 0);
	t.slot = 2;
	swarm_fmt_task_name("s1", &t, buf, sizeof(buf));
	assert_string_equal(buf, "s1.2");
	swarm_fmt_state("running", buf, sizeof(buf));
	assert_string_equal(buf, "Running");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nodes_recorded),
		cmocka_unit_test(test_services_recorded),
		cmocka_unit_test(test_tasks_recorded),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_inspect_and_scale),
		cmocka_unit_test(test_spec_edges),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
