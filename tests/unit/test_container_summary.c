/* A container's list entry built from its inspect (what the container
 * store shows after an event), from bodies recorded from the private
 * engine, hostile variants, and the engine's wording of each state. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/containers.h"

/* 2026-11-28T17:57:29Z */
#define T0 1795888649

static void from_file(const char *file, int64_t now,
		      struct api_container_summary *s)
{
	struct api_error err;
	size_t len;
	char *json = tl_data(file, &len);

	assert_int_equal(
		api_container_summary_from_inspect(json, len, now, s, &err),
		API_OK);
	free(json);
}

static void test_running(void **state)
{
	struct api_container_summary s;

	(void)state;
	from_file("inspect_running.json", T0 + 5, &s);
	assert_string_equal(s.name, "rec-running");
	assert_int_equal(s.names.n, 1);
	assert_string_equal(s.names.v[0], "/rec-running");
	assert_string_equal(s.image, "local/busybox:latest");
	assert_string_equal(s.command, "sleep 3600");
	assert_int_equal(s.created, T0 - 1);
	assert_string_equal(s.state, "running");
	assert_string_equal(s.status, "Up 5 seconds");
	assert_int_equal(s.state_since, T0);
	assert_string_equal(api_kv_get(&s.labels, "owner"), "ops team");
	assert_string_equal(s.network_mode, "none");
	assert_int_equal(s.networks.n, 1);
	assert_string_equal(s.networks.v[0], "none");
	assert_int_equal(s.n_ports, 0);
	api_container_summary_free(&s);
}

static void test_exited_and_healthy(void **state)
{
	struct api_container_summary s;

	(void)state;
	from_file("inspect_exited.json", T0 + 125, &s);
	assert_string_equal(s.state, "exited");
	assert_string_equal(s.status, "Exited (3) 2 minutes ago");
	assert_string_equal(s.command, "sh -c exit 3");
	api_container_summary_free(&s);
	from_file("inspect_health.json", T0 + 1, &s);
	assert_string_equal(s.status, "Up Less than a second (healthy)");
	assert_string_equal(s.image, "local/app:1");
	api_container_summary_free(&s);
}

static void test_ports(void **state)
{
	struct api_container_summary s;
	size_t i, published = 0, bare = 0;

	(void)state;
	from_file("inspect_ports.json", T0, &s);
	/* 80 once, 443 on two addresses, 9000 exposed only */
	assert_int_equal(s.n_ports, 4);
	for (i = 0; i < s.n_ports; i++) {
		assert_string_equal(s.ports[i].type, "tcp");
		if (s.ports[i].public_port)
			published++;
		else
			bare++;
		if (s.ports[i].private_port == 80) {
			assert_int_equal(s.ports[i].public_port, 8081);
			assert_string_equal(s.ports[i].ip, "127.0.0.1");
		}
		if (s.ports[i].private_port == 9000)
			assert_null(s.ports[i].ip);
	}
	assert_int_equal(published, 3);
	assert_int_equal(bare, 1);
	assert_string_equal(s.networks.v[0], "rec-net");
	api_container_summary_free(&s);
}

static void test_hostile(void **state)
{
	static const char esc[] = "{\"Id\":\"x\",\"Name\":\"/\\u001b]0;x\"}";
	static const char *const files[] = {
		"inspect_nulls.json",	     "inspect_wrongtypes.json",
		"inspect_nested_nulls.json", "inspect_empty.json",
		"inspect_priv.json",
	};
	struct api_container_summary s;
	struct api_error err;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *json = tl_data(files[i], &len);
		api_code rc = api_container_summary_from_inspect(json, len, T0,
								 &s, &err);
		assert_true(rc == API_OK || rc == API_E_PARSE);
		if (rc == API_OK) {
			assert_non_null(s.id);
			assert_non_null(s.state);
			assert_non_null(s.status);
		}
		api_container_summary_free(&s);
		free(json);
	}
	assert_int_equal(
		api_container_summary_from_inspect("[]", 2, T0, &s, &err),
		API_E_PARSE);
	assert_int_equal(
		api_container_summary_from_inspect("{}", 2, T0, &s, &err),
		API_E_PARSE);
	assert_int_equal(api_container_summary_from_inspect("{\"Id\":\"x\"", 9,
							    T0, &s, &err),
			 API_E_PARSE);
	assert_int_equal(api_container_summary_from_inspect(esc, strlen(esc),
							    T0, &s, &err),
			 API_OK);
	/* the name is kept as sent: drawing sanitizes it */
	assert_string_equal(s.name, "\x1b]0;x");
	assert_string_equal(s.state, "exited");
	assert_string_equal(s.status, "Created");
	api_container_summary_free(&s);
}

static void expect(const char *state, int64_t ago, int64_t code,
		   const char *health, const char *want)
{
	struct api_status_facts f = {state, T0, code, health};
	char buf[96];

	api_status_text(&f, T0 + ago, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

/* The engine's State.String() and go-units' HumanDuration. */
static void test_status_words(void **state)
{
	(void)state;
	expect("running", 0, 0, NULL, "Up Less than a second");
	expect("running", 1, 0, NULL, "Up 1 second");
	expect("running", 59, 0, NULL, "Up 59 seconds");
	expect("running", 60, 0, NULL, "Up About a minute");
	expect("running", 119, 0, NULL, "Up About a minute");
	expect("running", 3599, 0, NULL, "Up 59 minutes");
	expect("running", 3600, 0, NULL, "Up About an hour");
	expect("running", 5400, 0, NULL, "Up 2 hours");
	expect("running", 47 * 3600, 0, NULL, "Up 47 hours");
	expect("running", 3 * 86400, 0, NULL, "Up 3 days");
	expect("running", 20 * 86400, 0, NULL, "Up 2 weeks");
	expect("running", 90 * 86400, 0, NULL, "Up 3 months");
	expect("running", 800 * 86400, 0, NULL, "Up 2 years");
	expect("running", 7, 0, "starting", "Up 7 seconds (health: starting)");
	expect("running", 7, 0, "unhealthy", "Up 7 seconds (unhealthy)");
	expect("paused", 7, 0, "healthy", "Up 7 seconds (Paused)");
	expect("restarting", 2, 1, NULL, "Restarting (1) 2 seconds ago");
	expect("exited", 2, 137, NULL, "Exited (137) 2 seconds ago");
	expect("created", 0, 0, NULL, "Created");
	expect("dead", 0, 0, NULL, "Dead");
	expect("removing", 0, 0, NULL, "Removal In Progress");
	/* a clock behind the engine's is no negative age */
	expect("running", -30, 0, NULL, "Up Less than a second");
}

static void test_time_parse(void **state)
{
	(void)state;
	assert_int_equal(api_time_parse("2026-11-28T17:57:29.134378833Z"), T0);
	assert_int_equal(api_time_parse("0001-01-01T00:00:00Z"), 0);
	assert_int_equal(api_time_parse("yesterday"), 0);
	assert_int_equal(api_time_parse(""), 0);
	assert_int_equal(api_time_parse(NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_running),
		cmocka_unit_test(test_exited_and_healthy),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_status_words),
		cmocka_unit_test(test_time_parse),
	};
	return cmocka_run_group_tests_name("container_summary", tests, NULL,
					   NULL);
}
