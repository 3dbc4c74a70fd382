/* Container inspect, from bodies recorded from the private engine
 * (inspect_{running,exited,priv,health,net1}.json) and hostile variants.
 * inspect_ports.json is inspect_net1.json with NetworkSettings.Ports edited
 * to the published shape, which the bridgeless test engine cannot show. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"

static void parse_file(const char *file, struct api_container_inspect *ci)
{
	struct api_error err;
	size_t len;
	char *json = tl_data(file, &len);

	assert_int_equal(api_container_inspect_parse(json, len, ci, &err),
			 API_OK);
	assert_int_equal(ci->raw_len, len);
	assert_memory_equal(ci->raw, json, len);
	assert_int_equal(ci->raw[len], '\0');
	free(json);
}

static void test_running(void **state)
{
	struct api_container_inspect ci;
	const struct api_host_config *hc = &ci.host_config;

	(void)state;
	parse_file("inspect_running.json", &ci);
	assert_string_equal(ci.id, "0120f5d9bfb0b546c24ac949390458f13e0ad33ce5"
				   "339a9e8b6ac0ec4e5944e9");
	assert_string_equal(ci.name, "rec-running");
	assert_string_equal(ci.created, "2026-11-28T17:57:28.755660065Z");
	assert_string_equal(ci.path, "sleep");
	assert_int_equal(ci.args.n, 1);
	assert_string_equal(ci.args.v[0], "3600");
	assert_string_equal(ci.image, "sha256:3030e566320122e558e4892bbdaed458"
				      "616651d280c25096a3689a0c0bb0723a");
	assert_string_equal(ci.driver, "vfs");
	assert_string_equal(ci.app_armor_profile, "");
	assert_string_equal(ci.state.status, "running");
	assert_int_equal(ci.state.running, 1);
	assert_int_equal(ci.state.paused, 0);
	assert_int_equal(ci.state.pid, 9260);
	assert_null(ci.state.health_status);
	assert_string_equal(ci.config.hostname, "0120f5d9bfb0");
	assert_string_equal(ci.config.image, "local/busybox:latest");
	assert_int_equal(ci.config.env.n, 2);
	assert_string_equal(ci.config.env.v[0], "FOO=bar");
	assert_string_equal(api_kv_get(&ci.config.labels, "owner"), "ops team");
	assert_int_equal(ci.config.cmd.n, 2);
	assert_int_equal(ci.config.entrypoint.n, 0);
	assert_int_equal(ci.config.healthcheck.set, 0);
	assert_int_equal(ci.config.stop_timeout_set, 0);
	assert_string_equal(hc->network_mode, "none");
	assert_string_equal(hc->restart_policy, "no");
	assert_string_equal(hc->ipc_mode, "private");
	assert_string_equal(hc->cgroupns_mode, "host");
	assert_string_equal(hc->pid_mode, "");
	assert_int_equal(hc->pids_limit_set, 0);
	assert_int_equal(hc->init, -1);
	assert_int_equal(hc->privileged, 0);
	assert_int_equal(hc->memory, 0);
	assert_int_equal(hc->shm_size, 67108864);
	assert_string_equal(hc->log_type, "json-file");
	assert_int_equal(hc->log_config.n, 0);
	assert_string_equal(hc->runtime, "berth-runc");
	assert_int_equal(hc->masked_paths.n, 10);
	assert_string_equal(hc->masked_paths.v[9], "/sys/firmware");
	assert_int_equal(hc->readonly_paths.n, 5);
	assert_string_equal(hc->readonly_paths.v[3], "/proc/sys");
	assert_int_equal(hc->cap_add.n + hc->binds.n + hc->n_devices, 0);
	assert_int_equal(ci.n_networks, 1);
	assert_string_equal(ci.networks[0].network, "none");
	assert_string_equal(ci.networks[0].network_id,
			    "2a997f9a3a8c083cc317e121b8f7ac468a015e1df1ad32dd1c"
			    "394517489bb59b");
	assert_null(ci.networks[0].ipam_ipv4);
	assert_int_equal(ci.ports.n, 0);
	assert_non_null(strstr(ci.raw, "\"HostConfig\""));
	api_container_inspect_free(&ci);
	api_container_inspect_free(&ci);
	assert_null(ci.raw);
}

static void test_exited(void **state)
{
	struct api_container_inspect ci;

	(void)state;
	parse_file("inspect_exited.json", &ci);
	assert_string_equal(ci.name, "rec-exited");
	assert_string_equal(ci.state.status, "exited");
	assert_int_equal(ci.state.running, 0);
	assert_int_equal(ci.state.exit_code, 3);
	assert_int_equal(ci.state.pid, 0);
	assert_string_equal(ci.state.error, "");
	assert_string_equal(ci.state.started_at,
			    "2026-11-28T17:57:29.609082149Z");
	assert_string_equal(ci.state.finished_at,
			    "2026-11-28T17:57:29.61045016Z");
	assert_int_equal(ci.config.cmd.n, 3);
	assert_string_equal(ci.config.cmd.v[2], "exit 3");
	api_container_inspect_free(&ci);
}

static void test_privileged_hostconfig(void **state)
{
	struct api_container_inspect ci;
	const struct api_host_config *hc = &ci.host_config;
	const struct api_port_map *pm;

	(void)state;
	parse_file("inspect_priv.json", &ci);
	assert_string_equal(ci.name, "rec-priv");
	assert_string_equal(ci.state.status, "created");
	assert_int_equal(hc->privileged, 1);
	assert_int_equal(hc->readonly_rootfs, 1);
	assert_int_equal(hc->init, 1);
	assert_int_equal(hc->binds.n, 2);
	assert_string_equal(hc->binds.v[0], "/tmp:/host-tmp:ro");
	assert_string_equal(hc->binds.v[1], "recvol:/data");
	assert_int_equal(hc->cap_add.n, 2);
	assert_string_equal(hc->cap_add.v[0], "CAP_NET_ADMIN");
	assert_string_equal(hc->cap_add.v[1], "CAP_SYS_TIME");
	assert_int_equal(hc->cap_drop.n, 1);
	assert_string_equal(hc->cap_drop.v[0], "CAP_MKNOD");
	assert_int_equal(hc->security_opt.n, 2);
	assert_string_equal(hc->security_opt.v[0], "no-new-privileges");
	assert_string_equal(hc->restart_policy, "on-failure");
	assert_int_equal(hc->restart_max_retries, 5);
	assert_int_equal(hc->memory, 67108864);
	assert_int_equal(hc->memory_swap, 134217728);
	assert_int_equal(hc->nano_cpus, 500000000);
	assert_int_equal(hc->pids_limit, 100);
	assert_int_equal(hc->pids_limit_set, 1);
	assert_int_equal(hc->shm_size, 33554432);
	assert_int_equal(hc->port_bindings.n, 1);
	pm = api_port_maps_get(&hc->port_bindings, "80/tcp");
	assert_non_null(pm);
	assert_int_equal(pm->n, 1);
	assert_string_equal(pm->bindings[0].host_ip, "127.0.0.1");
	assert_string_equal(pm->bindings[0].host_port, "8080");
	assert_null(api_port_maps_get(&hc->port_bindings, "81/tcp"));
	assert_int_equal(hc->n_devices, 1);
	assert_string_equal(hc->devices[0].path_on_host, "/dev/null");
	assert_string_equal(hc->devices[0].path_in_container, "/dev/xnull");
	assert_string_equal(hc->devices[0].cgroup_permissions, "r");
	assert_int_equal(hc->n_ulimits, 1);
	assert_string_equal(hc->ulimits[0].name, "nofile");
	assert_int_equal(hc->ulimits[0].soft, 1024);
	assert_int_equal(hc->ulimits[0].hard, 2048);
	assert_string_equal(api_kv_get(&hc->tmpfs, "/run"), "size=1m");
	assert_string_equal(api_kv_get(&hc->sysctls, "net.core.somaxconn"),
			    "1024");
	assert_string_equal(hc->extra_hosts.v[0], "db.local:127.0.0.1");
	assert_string_equal(hc->dns.v[0], "127.0.0.53");
	assert_int_equal(hc->group_add.n, 0);
	assert_string_equal(ci.config.user, "1000:1000");
	assert_string_equal(ci.config.stop_signal, "SIGINT");
	assert_int_equal(ci.config.stop_timeout_set, 1);
	assert_int_equal(ci.config.stop_timeout, 7);
	assert_int_equal(ci.config.exposed_ports.n, 1);
	assert_string_equal(ci.config.exposed_ports.v[0], "80/tcp");
	assert_int_equal(ci.n_mounts, 2);
	assert_string_equal(ci.mounts[0].type, "bind");
	assert_int_equal(ci.mounts[0].rw, 0);
	assert_string_equal(ci.mounts[1].name, "recvol");
	assert_string_equal(ci.mounts[1].driver, "local");
	assert_int_equal(ci.mounts[1].rw, 1);
	api_container_inspect_free(&ci);
}

static void test_healthcheck(void **state)
{
	struct api_container_inspect ci;
	const struct api_healthcheck *h = &ci.config.healthcheck;

	(void)state;
	parse_file("inspect_health.json", &ci);
	assert_string_equal(ci.name, "rec-health");
	assert_string_equal(ci.state.health_status, "healthy");
	assert_int_equal(ci.state.health_failing_streak, 0);
	assert_int_equal(h->set, 1);
	assert_int_equal(h->test.n, 2);
	assert_string_equal(h->test.v[0], "CMD");
	assert_string_equal(h->test.v[1], "/bin/true");
	assert_int_equal(h->interval, 5000000000LL);
	assert_int_equal(h->timeout, 2000000000LL);
	assert_int_equal(h->retries, 3);
	assert_int_equal(h->start_period, 0);
	assert_string_equal(ci.config.user, "1000");
	assert_string_equal(ci.config.working_dir, "/home/app");
	assert_int_equal(ci.config.attach_stdout, 0);
	api_container_inspect_free(&ci);
}

static void test_networks_and_ports(void **state)
{
	struct api_container_inspect ci;
	const struct api_endpoint *e;
	const struct api_port_map *pm;

	(void)state;
	parse_file("inspect_ports.json", &ci);
	e = api_container_network(&ci, "rec-net");
	assert_non_null(e);
	assert_null(api_container_network(&ci, "none"));
	assert_string_equal(e->ip_address, "172.17.0.2");
	assert_string_equal(e->gateway, "172.17.0.1");
	assert_string_equal(e->mac_address, "02:42:ac:11:00:02");
	assert_string_equal(e->endpoint_id, "208b6952f567cf07b1d2a44f1aafadb8"
					    "744410554403ff8de0fe08176d075890");
	assert_int_equal(e->aliases.n, 2);
	assert_string_equal(e->aliases.v[0], "api");
	assert_int_equal(ci.config.exposed_ports.n, 2);
	assert_int_equal(ci.ports.n, 3);
	pm = api_port_maps_get(&ci.ports, "443/tcp");
	assert_non_null(pm);
	assert_int_equal(pm->n, 2);
	assert_string_equal(pm->bindings[1].host_ip, "::");
	assert_string_equal(pm->bindings[1].host_port, "8443");
	pm = api_port_maps_get(&ci.ports, "9000/tcp");
	assert_non_null(pm);
	assert_int_equal(pm->n, 0);
	assert_null(pm->bindings);
	pm = api_port_maps_get(&ci.host_config.port_bindings, "80/tcp");
	assert_string_equal(pm->bindings[0].host_port, "8081");
	api_container_inspect_free(&ci);
}

static void test_nulls(void **state)
{
	static const char *files[] = {"inspect_nulls.json",
				      "inspect_nested_nulls.json",
				      "inspect_empty.json"};
	struct api_container_inspect ci;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		parse_file(files[i], &ci);
		if (i != 1)
			assert_null(ci.name);
		assert_null(ci.state.status);
		assert_null(ci.config.user);
		assert_null(ci.host_config.network_mode);
		assert_int_equal(ci.host_config.init, -1);
		assert_int_equal(ci.host_config.pids_limit_set, 0);
		assert_int_equal(ci.config.stop_timeout_set, 0);
		assert_int_equal(ci.config.healthcheck.set, 0);
		assert_int_equal(ci.n_networks + ci.ports.n, 0);
		assert_int_equal(ci.host_config.port_bindings.n, 0);
		api_container_inspect_free(&ci);
	}
	parse_file("inspect_nested_nulls.json", &ci);
	assert_string_equal(ci.id, "9c5415e52729dbd6a0ba654dc4f5d35c594fa7ff59"
				   "416ba44e3a21eede0ddfe4");
	assert_string_equal(ci.name, "rec-priv");
	assert_int_equal(ci.n_mounts, 1);
	assert_null(ci.mounts[0].type);
	api_container_inspect_free(&ci);
}

static void test_wrong_types(void **state)
{
	struct api_container_inspect ci;
	const struct api_host_config *hc = &ci.host_config;
	const struct api_port_map *pm;

	(void)state;
	parse_file("inspect_wrongtypes.json", &ci);
	assert_null(ci.id);
	assert_null(ci.name);
	assert_int_equal(ci.args.n, 0);
	assert_true(ci.restart_count == INT64_MAX);
	assert_int_equal(ci.state.running, 0);
	assert_int_equal(ci.state.oom_killed, 0);
	assert_true(ci.state.pid == INT64_MIN);
	assert_true(ci.state.exit_code == INT64_MAX);
	assert_null(ci.state.health_status);
	assert_int_equal(ci.config.env.n, 2);
	assert_string_equal(ci.config.env.v[1], "\xff\xfe\xfd");
	assert_int_equal(ci.config.cmd.n, 0);
	assert_int_equal(ci.config.labels.n, 1);
	assert_string_equal(api_kv_get(&ci.config.labels, "y"), "\xc3(");
	assert_int_equal(ci.config.exposed_ports.n, 0);
	assert_int_equal(ci.config.volumes.n, 1);
	assert_int_equal(ci.config.healthcheck.set, 0);
	assert_int_equal(ci.config.stop_timeout_set, 0);
	assert_int_equal(ci.config.tty, 0);
	assert_int_equal(hc->binds.n, 0);
	assert_int_equal(hc->port_bindings.n, 3);
	pm = api_port_maps_get(&hc->port_bindings, "80/tcp");
	assert_int_equal(pm->n, 0);
	pm = api_port_maps_get(&hc->port_bindings, "81/tcp");
	assert_int_equal(pm->n, 1);
	assert_null(pm->bindings[0].host_ip);
	assert_string_equal(pm->bindings[0].host_port, "1e300");
	assert_null(hc->restart_policy);
	assert_int_equal(hc->cap_add.n, 1);
	assert_true(hc->memory == INT64_MAX);
	assert_true(hc->memory_swap == INT64_MIN);
	assert_int_equal(hc->nano_cpus, 0);
	assert_int_equal(hc->pids_limit_set, 0);
	assert_int_equal(hc->init, -1);
	assert_int_equal(hc->n_devices, 0);
	assert_int_equal(hc->n_ulimits, 1);
	assert_null(hc->ulimits[0].name);
	assert_true(hc->ulimits[0].soft == INT64_MAX);
	assert_true(hc->shm_size == INT64_MAX);
	assert_null(hc->log_type);
	assert_string_equal(api_kv_get(&hc->log_config, "max-size"), "10m");
	assert_int_equal(hc->log_config.n, 1);
	assert_int_equal(hc->tmpfs.n + hc->sysctls.n, 0);
	assert_int_equal(ci.n_mounts, 0);
	assert_int_equal(ci.ports.n, 0);
	assert_int_equal(ci.n_networks, 4);
	assert_string_equal(ci.networks[0].network, "");
	assert_int_equal(api_container_network(&ci, "z")->aliases.n, 0);
	assert_null(api_container_network(&ci, "z")->ipam_ipv4);
	api_container_inspect_free(&ci);
}

static void test_not_object(void **state)
{
	static const char *bad[] = {"", "[]", "null", "1", "{\"Id\":", "\"x\""};
	struct api_container_inspect ci;
	struct api_error err;
	size_t i;
	char *p;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(api_container_inspect_parse(
					 bad[i], strlen(bad[i]), &ci, &err),
				 API_E_PARSE);
		assert_int_equal(err.code, API_E_PARSE);
		assert_null(ci.raw);
		api_container_inspect_free(&ci);
	}
	p = api_container_inspect_path("rec/x y");
	assert_string_equal(p, "/containers/rec%2Fx%20y/json");
	free(p);
	assert_null(api_container_inspect_path(""));
	assert_null(api_container_inspect_path(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_running),
		cmocka_unit_test(test_exited),
		cmocka_unit_test(test_privileged_hostconfig),
		cmocka_unit_test(test_healthcheck),
		cmocka_unit_test(test_networks_and_ports),
		cmocka_unit_test(test_nulls),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_not_object),
	};
	return cmocka_run_group_tests_name("container_inspect", tests, NULL,
					   NULL);
}
