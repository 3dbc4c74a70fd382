/* Container list, action paths and top, from bodies recorded from the
 * private engine (containers_list.json, top_*.json) and hostile variants. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/container_top.h"
#include "api/containers.h"

static const struct api_container_summary *
find(const struct api_container_list *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i].name && strcmp(l->items[i].name, name) == 0)
			return &l->items[i];
	return NULL;
}

static void parse_file(const char *file, struct api_container_list *l)
{
	struct api_error err;
	size_t len;
	char *json = tl_data(file, &len);

	assert_int_equal(api_containers_list_parse(json, len, l, &err), API_OK);
	free(json);
}

static void test_list_recorded(void **state)
{
	struct api_container_list l;
	const struct api_container_summary *s;

	(void)state;
	parse_file("containers_list.json", &l);
	assert_int_equal(l.n, 5);
	s = find(&l, "rec-running");
	assert_non_null(s);
	assert_string_equal(s->id, "0120f5d9bfb0b546c24ac949390458f13e0ad33ce5"
				   "339a9e8b6ac0ec4e5944e9");
	assert_int_equal(s->names.n, 1);
	assert_string_equal(s->names.v[0], "/rec-running");
	assert_string_equal(s->image, "local/busybox:latest");
	assert_string_equal(s->image_id, "sha256:3030e566320122e558e4892bbdaed4"
					 "58616651d280c25096a3689a0c0bb0723a");
	assert_string_equal(s->command, "sleep 3600");
	assert_int_equal(s->created, 1795888648);
	assert_string_equal(s->state, "running");
	assert_string_equal(s->status, "Up 9 seconds");
	assert_int_equal(s->labels.n, 2);
	assert_string_equal(api_kv_get(&s->labels, "owner"), "ops team");
	assert_string_equal(api_kv_get(&s->labels, "tier"), "web");
	assert_string_equal(s->network_mode, "none");
	assert_int_equal(s->networks.n, 1);
	assert_string_equal(s->networks.v[0], "none");
	assert_int_equal(s->n_ports, 0);
	assert_int_equal(s->n_mounts, 0);

	s = find(&l, "rec-exited");
	assert_non_null(s);
	assert_string_equal(s->state, "exited");
	assert_string_equal(s->command, "sh -c 'exit 3'");
	assert_non_null(strstr(s->status, "Exited (3)"));

	s = find(&l, "rec-priv");
	assert_non_null(s);
	assert_string_equal(s->state, "created");
	assert_int_equal(s->n_mounts, 2);
	assert_string_equal(s->mounts[0].type, "volume");
	assert_string_equal(s->mounts[0].name, "recvol");
	assert_string_equal(s->mounts[0].destination, "/data");
	assert_string_equal(s->mounts[0].driver, "local");
	assert_int_equal(s->mounts[0].rw, 1);
	assert_string_equal(s->mounts[1].type, "bind");
	assert_string_equal(s->mounts[1].source, "/tmp");
	assert_string_equal(s->mounts[1].destination, "/host-tmp");
	assert_string_equal(s->mounts[1].mode, "ro");
	assert_string_equal(s->mounts[1].propagation, "rslave");
	assert_null(s->mounts[1].name);
	assert_int_equal(s->mounts[1].rw, 0);

	s = find(&l, "rec-net1");
	assert_non_null(s);
	assert_string_equal(s->network_mode, "rec-net");
	assert_string_equal(s->networks.v[0], "rec-net");
	s = find(&l, "rec-health");
	assert_non_null(s);
	assert_string_equal(s->status, "Up 8 seconds (healthy)");
	assert_string_equal(
		api_kv_get(&s->labels, "org.opencontainers.image.title"),
		"berth test app");
	api_container_list_free(&l);
	api_container_list_free(&l);
	assert_null(l.items);
}

static void test_list_running_only(void **state)
{
	struct api_container_list l;

	(void)state;
	parse_file("containers_running.json", &l);
	assert_int_equal(l.n, 3);
	assert_non_null(find(&l, "rec-running"));
	assert_null(find(&l, "rec-exited"));
	api_container_list_free(&l);
}

static void test_list_hostile(void **state)
{
	struct api_container_list l;
	const struct api_container_summary *s;

	(void)state;
	parse_file("containers_hostile.json", &l);
	/* Non-objects and the entry without an Id are dropped. */
	assert_int_equal(l.n, 4);
	s = &l.items[0];
	assert_string_equal(s->id, "aaa1");
	assert_null(s->name);
	assert_int_equal(s->names.n, 0);
	assert_null(s->image);
	assert_null(s->image_id);
	assert_null(s->command);
	assert_null(s->status);
	assert_true(s->created == INT64_MAX);
	assert_int_equal(s->n_ports + s->n_mounts + s->labels.n, 0);
	assert_null(s->network_mode);

	s = &l.items[1];
	assert_string_equal(s->id, "bbb2");
	assert_int_equal(s->names.n, 2);
	assert_string_equal(s->name, "db");
	assert_true(s->created == INT64_MIN);
	assert_int_equal(s->n_ports, 3);
	assert_string_equal(s->ports[0].ip, "127.0.0.1");
	assert_int_equal(s->ports[0].private_port, 80);
	assert_int_equal(s->ports[0].public_port, 8080);
	assert_string_equal(s->ports[0].type, "tcp");
	assert_int_equal(s->ports[1].private_port, 0);
	assert_int_equal(s->ports[1].public_port, 0);
	assert_null(s->ports[1].type);
	assert_null(s->ports[1].ip);
	assert_int_equal(s->ports[2].public_port, 65535);
	assert_string_equal(s->ports[2].type, "udp");
	assert_int_equal(s->labels.n, 2);
	assert_string_equal(api_kv_get(&s->labels, "a"), "1");
	assert_string_equal(api_kv_get(&s->labels, ""), "empty-key");
	assert_null(api_kv_get(&s->labels, "num"));
	assert_null(s->network_mode);
	assert_int_equal(s->networks.n, 2);
	assert_int_equal(s->n_mounts, 2);
	assert_string_equal(s->mounts[0].source, "/s");
	assert_int_equal(s->mounts[0].rw, 0);
	assert_string_equal(s->mounts[1].name, "v");
	assert_int_equal(s->mounts[1].rw, 1);

	s = &l.items[2];
	assert_string_equal(s->id, "ccc3");
	assert_null(s->name);
	assert_int_equal(s->created, 0);
	assert_int_equal(s->networks.n + s->labels.n + s->n_mounts, 0);

	/* Invalid UTF-8 passes through byte for byte: the view sanitizes. */
	s = &l.items[3];
	assert_string_equal(s->name, "bad\xff\xfe\xc3name");
	assert_string_equal(s->command, "cmd\xc0\x80");
	api_container_list_free(&l);
}

static void test_list_not_json(void **state)
{
	static const char *bad[] = {"", "{", "{}", "null", "\"x\"", "[1,"};
	struct api_container_list l;
	struct api_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(api_containers_list_parse(
					 bad[i], strlen(bad[i]), &l, &err),
				 API_E_PARSE);
		assert_null(l.items);
		assert_int_equal(l.n, 0);
		api_container_list_free(&l);
	}
	assert_int_equal(api_containers_list_parse("[]", 2, &l, &err), API_OK);
	assert_int_equal(l.n, 0);
	api_container_list_free(&l);
}

static void test_list_path(void **state)
{
	struct api_filter f[] = {{"status", "exited"}, {"label", "a=b"}};
	struct api_containers_list_opts o = {
		.all = 1, .limit = 3, .filters = f, .n_filters = 2};
	char *p;

	(void)state;
	p = api_containers_list_path(NULL);
	assert_string_equal(p, "/containers/json");
	free(p);
	p = api_containers_list_path(&o);
	assert_string_equal(p, "/containers/json?all=1&limit=3&filters="
			       "%7B%22status%22%3A%5B%22exited%22%5D%2C%22"
			       "label%22%3A%5B%22a%3Db%22%5D%7D");
	free(p);
}

static void check_path(enum api_container_action a, const char *id,
		       const struct api_container_action_opts *o,
		       const char *want)
{
	char *p = api_container_action_path(a, id, o);

	if (!want) {
		assert_null(p);
		return;
	}
	assert_non_null(p);
	assert_string_equal(p, want);
	free(p);
}

static void test_action_paths(void **state)
{
	struct api_container_action_opts o = {.timeout = 0,
					      .signal = "SIGHUP",
					      .force = 1,
					      .volumes = 1,
					      .new_name = "new name"};
	struct api_container_action_opts dflt = {.timeout = -1};

	(void)state;
	check_path(API_CONTAINER_START, "abc", NULL, "/containers/abc/start");
	check_path(API_CONTAINER_STOP, "abc", NULL, "/containers/abc/stop");
	check_path(API_CONTAINER_STOP, "abc", &o, "/containers/abc/stop?t=0");
	check_path(API_CONTAINER_RESTART, "abc", &dflt,
		   "/containers/abc/restart");
	check_path(API_CONTAINER_KILL, "abc", &o,
		   "/containers/abc/kill?signal=SIGHUP");
	check_path(API_CONTAINER_KILL, "abc", NULL, "/containers/abc/kill");
	check_path(API_CONTAINER_PAUSE, "abc", &o, "/containers/abc/pause");
	check_path(API_CONTAINER_UNPAUSE, "a/b", NULL,
		   "/containers/a%2Fb/unpause");
	check_path(API_CONTAINER_REMOVE, "abc", &o,
		   "/containers/abc?force=1&v=1");
	check_path(API_CONTAINER_REMOVE, "abc", NULL, "/containers/abc");
	check_path(API_CONTAINER_RENAME, "abc", &o,
		   "/containers/abc/rename?name=new%20name");
	check_path(API_CONTAINER_RENAME, "abc", NULL, NULL);
	check_path(API_CONTAINER_START, "", NULL, NULL);
	check_path(API_CONTAINER_START, NULL, NULL, NULL);
	check_path((enum api_container_action)99, "abc", NULL, NULL);
	assert_string_equal(api_container_action_method(API_CONTAINER_REMOVE),
			    "DELETE");
	assert_string_equal(api_container_action_method(API_CONTAINER_KILL),
			    "POST");
	assert_string_equal(api_container_action_name(API_CONTAINER_UNPAUSE),
			    "unpause");
	assert_null(
		api_container_action_method((enum api_container_action) - 1));
}

static void test_action_304(void **state)
{
	struct api_error err;

	(void)state;
	api_error_set(&err, API_E_HTTP, 304, "x");
	assert_int_equal(api_container_action_result(API_CONTAINER_START,
						     API_E_HTTP, 304, &err),
			 API_OK);
	assert_int_equal(err.msg[0], '\0');
	assert_int_equal(api_container_action_result(API_CONTAINER_STOP,
						     API_E_HTTP, 304, NULL),
			 API_OK);
	assert_int_equal(api_container_action_result(API_CONTAINER_PAUSE,
						     API_E_HTTP, 304, &err),
			 API_E_HTTP);
	assert_int_equal(api_container_action_result(API_CONTAINER_START,
						     API_E_HTTP, 409, &err),
			 API_E_HTTP);
	assert_int_equal(api_container_action_result(API_CONTAINER_RESTART,
						     API_E_CONNECT, 0, &err),
			 API_E_CONNECT);
}

static void parse_top(const char *file, struct api_top *t)
{
	struct api_error err;
	size_t len;
	char *json = tl_data(file, &len);

	assert_int_equal(api_container_top_parse(json, len, t, &err), API_OK);
	free(json);
}

static void test_top_recorded(void **state)
{
	struct api_top t;

	(void)state;
	parse_top("top_default.json", &t);
	assert_int_equal(t.titles.n, 8);
	assert_int_equal(api_top_column(&t, "UID"), 0);
	assert_int_equal(api_top_column(&t, "PID"), 1);
	assert_int_equal(api_top_column(&t, "CMD"), 7);
	assert_int_equal(api_top_column(&t, "NOPE"), -1);
	assert_int_equal(t.n, 1);
	assert_string_equal(api_top_cell(&t, 0, 1), "9260");
	assert_string_equal(api_top_cell(&t, 0, 7), "sleep 3600");
	assert_null(api_top_cell(&t, 0, 8));
	assert_null(api_top_cell(&t, 1, 0));
	api_top_free(&t);
	api_top_free(&t);

	parse_top("top_psargs.json", &t);
	assert_int_equal(t.titles.n, 3);
	assert_string_equal(t.titles.v[2], "COMMAND");
	assert_int_equal(t.n, 2);
	assert_string_equal(api_top_cell(&t, 0, 0), "9487");
	assert_string_equal(api_top_cell(&t, 1, 2), "sleep 1");
	api_top_free(&t);
}

static void test_top_hostile(void **state)
{
	struct api_top t;
	struct api_error err;
	char *p;

	(void)state;
	parse_top("top_hostile.json", &t);
	assert_int_equal(t.titles.n, 3);
	assert_string_equal(t.titles.v[1], "");
	assert_int_equal(api_top_column(&t, "CMD"), 2);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.rows[0].n, 3);
	assert_string_equal(t.rows[0].v[1], "");
	assert_string_equal(t.rows[0].v[2], "sleep");
	assert_int_equal(t.rows[1].n, 0);
	assert_int_equal(t.rows[2].n, 4);
	assert_string_equal(t.rows[2].v[1], "");
	assert_string_equal(t.rows[2].v[3], "extra");
	api_top_free(&t);
	assert_int_equal(api_container_top_parse("[]", 2, &t, &err),
			 API_E_PARSE);
	assert_int_equal(api_container_top_parse("{}", 2, &t, &err), API_OK);
	assert_int_equal(t.n + t.titles.n, 0);
	api_top_free(&t);
	p = api_container_top_path("abc", "-o pid,args");
	assert_string_equal(p, "/containers/abc/top?ps_args=-o%20pid%2Cargs");
	free(p);
	p = api_container_top_path("abc", "");
	assert_string_equal(p, "/containers/abc/top");
	free(p);
	assert_null(api_container_top_path("", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_recorded),
		cmocka_unit_test(test_list_running_only),
		cmocka_unit_test(test_list_hostile),
		cmocka_unit_test(test_list_not_json),
		cmocka_unit_test(test_list_path),
		cmocka_unit_test(test_action_paths),
		cmocka_unit_test(test_action_304),
		cmocka_unit_test(test_top_recorded),
		cmocka_unit_test(test_top_hostile),
	};
	return cmocka_run_group_tests_name("containers", tests, NULL, NULL);
}
