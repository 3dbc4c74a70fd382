/* /version, /info and /system/df parsing, from the engine's own answers. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/system.h"

static void test_version_engine(void **state)
{
	struct api_version v;
	struct api_error err;
	size_t len;
	char *json = tl_data("version_engine.json", &len);

	(void)state;
	assert_int_equal(api_version_parse(json, len, &v, &err), API_OK);
	assert_string_equal(v.version, "20.10.24+dfsg1");
	assert_string_equal(v.api_version, "1.41");
	assert_string_equal(v.min_api_version, "1.12");
	assert_string_equal(v.git_commit, "5d6db84");
	assert_string_equal(v.go_version, "go1.19.8");
	assert_string_equal(v.os, "linux");
	assert_string_equal(v.arch, "amd64");
	assert_string_equal(v.kernel_version, "6.1.0-28-amd64");
	assert_string_equal(v.build_time,
			    "2026-05-07T21:09:36.000000000+00:00");
	assert_false(v.experimental);
	assert_string_equal(v.platform_name, "");
	assert_int_equal(v.n_components, 4);
	assert_string_equal(v.components[0].name, "Engine");
	assert_string_equal(v.components[0].version, "20.10.24+dfsg1");
	assert_string_equal(v.components[1].name, "containerd");
	assert_string_equal(v.components[3].name, "docker-init");
	assert_string_equal(v.components[3].version, "0.19.0");
	api_version_free(&v);
	api_version_free(&v);
	free(json);
}

static void test_version_hostile(void **state)
{
	struct api_version v;
	struct api_error err;
	size_t len;
	char *json = tl_data("version_hostile.json", &len);

	(void)state;
	assert_int_equal(api_version_parse(json, len, &v, &err), API_OK);
	assert_memory_equal(v.version, "x\xff\xfe\xc3(", 6);
	assert_null(v.api_version);
	assert_null(v.min_api_version);
	assert_null(v.os);
	assert_null(v.kernel_version);
	assert_null(v.platform_name);
	assert_true(v.experimental);
	/* null and 5 are skipped; the objects are kept, bad fields NULL */
	assert_int_equal(v.n_components, 2);
	assert_string_equal(v.components[0].name, "Engine");
	assert_null(v.components[0].version);
	assert_null(v.components[1].name);
	assert_string_equal(v.components[1].version, "1");
	api_version_free(&v);
	free(json);

	json = tl_data("version_empty.json", &len);
	assert_int_equal(api_version_parse(json, len, &v, &err), API_OK);
	assert_null(v.version);
	assert_int_equal(v.n_components, 0);
	api_version_free(&v);
	free(json);

	assert_int_equal(api_version_parse("[\"1.41\"]", 8, &v, &err),
			 API_E_PARSE);
	assert_int_equal(api_version_parse("{\"Vers", 6, &v, &err),
			 API_E_PARSE);
	assert_null(v.version);
	api_version_free(&v);
}

static void test_info_engine(void **state)
{
	struct api_info i;
	struct api_error err;
	size_t len;
	char *json = tl_data("info_engine.json", &len);

	(void)state;
	assert_int_equal(api_info_parse(json, len, &i, &err), API_OK);
	assert_string_equal(
		i.id, "O3EM:RXPA:N2EU:CF6F:5NTQ:FB3Z:5YAM:I4D3:2DQN:AZU6:D6ON:"
		      "WE6D");
	assert_string_equal(i.name, "vm");
	assert_string_equal(i.server_version, "20.10.24+dfsg1");
	assert_int_equal(i.containers, 3);
	assert_int_equal(i.running, 1);
	assert_int_equal(i.paused, 0);
	assert_int_equal(i.stopped, 2);
	assert_int_equal(i.images, 8);
	assert_string_equal(i.driver, "vfs");
	assert_int_equal(i.driver_status.n, 0);
	assert_string_equal(i.docker_root_dir, "/var/lib/berth-engine/data");
	assert_string_equal(i.logging_driver, "json-file");
	assert_string_equal(i.cgroup_driver, "cgroupfs");
	assert_string_equal(i.cgroup_version, "1");
	assert_string_equal(i.operating_system,
			    "Debian GNU/Linux 12 (bookworm)");
	assert_string_equal(i.os_type, "linux");
	assert_string_equal(i.architecture, "x86_64");
	assert_int_equal(i.ncpu, 2);
	assert_int_equal(i.mem_total, 25276502016LL);
	assert_false(i.debug);
	assert_false(i.experimental);
	assert_false(i.live_restore_enabled);
	assert_int_equal(i.security_options.n, 1);
	assert_true(i.security.seccomp);
	assert_string_equal(i.security.seccomp_profile, "default");
	assert_false(i.security.apparmor);
	assert_false(i.security.userns);
	assert_false(i.security.rootless);
	assert_string_equal(i.swarm.local_node_state, "inactive");
	assert_string_equal(i.swarm.node_id, "");
	assert_false(i.swarm.control_available);
	assert_null(i.swarm.cluster_id);
	assert_int_equal(i.registry.insecure_cidrs.n, 1);
	assert_string_equal(i.registry.insecure_cidrs.v[0], "127.0.0.0/8");
	assert_int_equal(i.registry.insecure_indexes.n, 0);
	assert_int_equal(i.registry.mirrors.n, 0);
	assert_string_equal(i.default_runtime, "berth-runc");
	assert_int_equal(i.runtimes.n, 4);
	assert_string_equal(i.runtimes.v[0], "berth-runc");
	assert_string_equal(i.runtimes.v[3], "runc");
	assert_string_equal(i.init_binary, "docker-init");
	assert_int_equal(i.warnings.n, 0);
	assert_string_equal(i.http_proxy, "");
	assert_int_equal(i.plugins.volume.n, 1);
	assert_int_equal(i.plugins.network.n, 6);
	assert_string_equal(i.plugins.network.v[4], "null");
	assert_int_equal(i.plugins.authorization.n, 0);
	assert_int_equal(i.plugins.log.n, 10);
	api_info_free(&i);
	api_info_free(&i);
	free(json);
}

static void test_info_hostile(void **state)
{
	struct api_info i;
	struct api_error err;
	size_t len;
	char *json = tl_data("info_hostile.json", &len);

	(void)state;
	assert_int_equal(api_info_parse(json, len, &i, &err), API_OK);
	assert_null(i.id);
	assert_memory_equal(i.name, "host\xff\xfe\xc3(", 9);
	assert_true(i.containers == INT64_MAX);
	assert_true(i.running == INT64_MIN);
	assert_int_equal(i.paused, 0);
	assert_int_equal(i.stopped, 2);
	assert_int_equal(i.images, 0);
	assert_true(i.ncpu == INT64_MAX);
	assert_int_equal(i.mem_total, -5);
	assert_int_equal(i.driver_status.n, 2);
	assert_string_equal(i.driver_status.items[0].key, "Backing Filesystem");
	assert_string_equal(i.driver_status.items[0].value, "extfs");
	assert_string_equal(api_kv_get(&i.driver_status, "Native Overlay Diff"),
			    "true");
	assert_true(i.security.seccomp);
	assert_string_equal(i.security.seccomp_profile, "builtin");
	assert_true(i.security.apparmor);
	assert_true(i.security.selinux);
	assert_true(i.security.userns);
	assert_true(i.security.rootless);
	assert_true(i.security.cgroupns);
	assert_int_equal(i.security_options.n, 9);
	assert_string_equal(i.swarm.node_id, "n1");
	assert_string_equal(i.swarm.local_node_state, "active");
	assert_true(i.swarm.control_available);
	assert_int_equal(i.swarm.nodes, 3);
	assert_true(i.swarm.managers == INT64_MAX);
	assert_string_equal(i.swarm.cluster_id, "c1");
	assert_int_equal(i.registry.insecure_cidrs.n, 2);
	assert_string_equal(i.registry.insecure_cidrs.v[1], "10.0.0.0/8");
	assert_int_equal(i.registry.insecure_indexes.n, 2);
	assert_string_equal(i.registry.insecure_indexes.v[0], "reg.local:5000");
	assert_string_equal(i.registry.insecure_indexes.v[1], "noname:1");
	assert_null(i.registry.insecure_indexes.v[2]);
	assert_string_equal(i.registry.mirrors.v[0], "https://m1.example/");
	assert_int_equal(i.runtimes.n, 2);
	assert_string_equal(i.runtimes.v[1], "crun");
	assert_int_equal(i.warnings.n, 1);
	assert_string_equal(i.http_proxy, "http://proxy:3128");
	assert_null(i.https_proxy);
	assert_null(i.plugins.network.v);
	assert_int_equal(i.plugins.log.n, 0);
	assert_string_equal(i.plugins.authorization.v[0], "authz");
	assert_true(i.debug);
	assert_false(i.experimental); /* "true" is not a bool */
	assert_true(i.live_restore_enabled);
	assert_null(i.cgroup_version);
	api_info_free(&i);
	free(json);
}

static void test_info_nulls_and_garbage(void **state)
{
	static const char *bad[] = {"",		"[]",	    "null",
				    "\"info\"", "{\"ID\":", "\xff\xfe"};
	struct api_info i;
	struct api_error err;
	size_t len, k;
	char *json = tl_data("info_nulls.json", &len);

	(void)state;
	assert_int_equal(api_info_parse(json, len, &i, &err), API_OK);
	assert_null(i.id);
	assert_int_equal(i.containers, 0);
	assert_false(i.security.seccomp);
	assert_null(i.swarm.node_id);
	assert_int_equal(i.registry.insecure_indexes.n, 0);
	assert_int_equal(i.runtimes.n, 0);
	api_info_free(&i);
	free(json);
	for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		assert_int_equal(
			api_info_parse(bad[k], strlen(bad[k]), &i, &err),
			API_E_PARSE);
		assert_null(i.id);
		api_info_free(&i);
	}
}

static void assert_row(const struct api_df_row *r, int64_t total,
		       int64_t active, int64_t size, int64_t reclaimable,
		       int pct)
{
	assert_true(r->total == total);
	assert_true(r->active == active);
	assert_true(r->size == size);
	assert_true(r->reclaimable == reclaimable);
	assert_int_equal(r->pct, pct);
}

/* `docker system df` printed for this state:
 *   Images          3  2  1.982MB   1.982MB (99%)
 *   Containers      3  1  102.4kB   0B (0%)
 *   Local Volumes   2  1  3B        0B (0%)
 *   Build Cache     0  0  0B        0B                                */
static void test_df_engine(void **state)
{
	struct api_df d;
	struct api_error err;
	size_t len;
	char *json = tl_data("df_engine.json", &len);

	(void)state;
	assert_int_equal(api_df_parse(json, len, &d, &err), API_OK);
	assert_int_equal(d.layers_size, 1982410);
	assert_row(&d.images, 3, 2, 1982410, 1982404, 99);
	assert_row(&d.containers, 3, 1, 102400, 0, 0);
	assert_row(&d.volumes, 2, 1, 3, 0, 0);
	assert_row(&d.build_cache, 0, 0, 0, 0, -1);
	api_df_free(&d);
	api_df_free(&d);
	free(json);
}

static void test_df_rules(void **state)
{
	struct api_df d;
	struct api_error err;
	size_t len;
	char *json = tl_data("df_buildcache.json", &len);

	(void)state;
	assert_int_equal(api_df_parse(json, len, &d, &err), API_OK);
	/* the image in use pins 400 - 100 shared */
	assert_row(&d.images, 2, 1, 1000, 700, 70);
	/* paused and restarting count as active */
	assert_row(&d.containers, 4, 2, 100, 70, 70);
	/* a size of -1 is unknown, not counted */
	assert_row(&d.volumes, 3, 1, 750, 250, 33);
	/* shared records are left to their owners */
	assert_row(&d.build_cache, 4, 2, 400, 300, -1);
	free(json);
}

static void test_df_hostile(void **state)
{
	struct api_df d;
	struct api_error err;
	size_t len;
	char *json = tl_data("df_hostile.json", &len);

	(void)state;
	assert_int_equal(api_df_parse(json, len, &d, &err), API_OK);
	assert_true(d.layers_size == INT64_MAX);
	assert_row(&d.images, 4, 2, INT64_MAX, 0, 0);
	assert_row(&d.containers, 3, 1, INT64_MAX, INT64_MAX, 100);
	assert_row(&d.volumes, 4, 0, INT64_MAX, INT64_MAX, 100);
	assert_row(&d.build_cache, 0, 0, 0, 0, -1);
	free(json);
	assert_int_equal(api_df_parse("[]", 2, &d, &err), API_E_PARSE);
	assert_int_equal(api_df_parse("{}", 2, &d, &err), API_OK);
	assert_row(&d.images, 0, 0, 0, 0, -1);
}

static void test_paths(void **state)
{
	char *p;

	(void)state;
	p = api_version_path();
	assert_string_equal(p, "/version");
	free(p);
	p = api_info_path();
	assert_string_equal(p, "/info");
	free(p);
	p = api_df_path();
	assert_string_equal(p, "/system/df");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_engine),
		cmocka_unit_test(test_version_hostile),
		cmocka_unit_test(test_info_engine),
		cmocka_unit_test(test_info_hostile),
		cmocka_unit_test(test_info_nulls_and_garbage),
		cmocka_unit_test(test_df_engine),
		cmocka_unit_test(test_df_rules),
		cmocka_unit_test(test_df_hostile),
		cmocka_unit_test(test_paths),
	};
	return cmocka_run_group_tests_name("system", tests, NULL, NULL);
}
