/* Volume and network models from recorded answers and hostile variants. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/networks.h"
#include "api/volumes.h"

static void test_volumes_list(void **state)
{
	struct api_volume_list l;
	struct api_error err;
	size_t len;
	char *json = tl_data("volumes_list.json", &len);

	(void)state;
	assert_int_equal(api_volumes_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].name, "berth-rec-vol");
	assert_string_equal(l.items[0].driver, "local");
	assert_string_equal(l.items[0].scope, "local");
	assert_string_equal(l.items[0].created_at, "2026-11-28T17:57:43Z");
	assert_string_equal(l.items[0].mountpoint,
			    "/var/lib/berth-engine/data/volumes/"
			    "berth-rec-vol/_data");
	assert_int_equal(l.items[0].labels.n, 2);
	assert_string_equal(api_kv_get(&l.items[0].labels, "env"), "test");
	assert_int_equal(l.items[0].options.n, 0);
	assert_int_equal(l.items[0].usage_size, -1);
	assert_int_equal(l.items[0].usage_ref_count, -1);
	assert_int_equal(l.items[1].options.n, 3);
	assert_string_equal(api_kv_get(&l.items[1].options, "o"), "size=1m");
	/* The anonymous volume: a 64-hex name, no labels. */
	assert_int_equal(strlen(l.items[2].name), 64);
	assert_int_equal(l.items[2].labels.n, 0);
	assert_int_equal(l.warnings.n, 0);
	api_volume_list_free(&l);
	api_volume_list_free(&l);
	free(json);
}

static void test_volumes_list_variants(void **state)
{
	struct api_volume_list l;
	struct api_error err;
	size_t len;
	char *json = tl_data("volumes_list_hostile.json", &len);

	(void)state;
	assert_int_equal(api_volumes_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 2);
	assert_memory_equal(l.items[0].name,
			    "v\xff"
			    "1",
			    4);
	assert_null(l.items[0].driver);
	assert_null(l.items[0].mountpoint);
	assert_null(l.items[0].created_at);
	assert_int_equal(l.items[0].options.n, 0);
	assert_int_equal(l.items[0].usage_size, INT64_MAX);
	assert_int_equal(l.items[0].usage_ref_count, 2);
	assert_string_equal(l.items[1].name, "v2");
	assert_int_equal(l.items[1].usage_size, -1);
	assert_int_equal(l.items[1].usage_ref_count, -1);
	assert_int_equal(l.warnings.n, 1);
	assert_string_equal(l.warnings.v[0], "careful");
	api_volume_list_free(&l);
	free(json);

	json = tl_data("volumes_list_empty.json", &len);
	assert_int_equal(api_volumes_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(l.warnings.n, 0);
	api_volume_list_free(&l);
	free(json);

	json = tl_data("volumes_list_v147.json", &len);
	assert_int_equal(api_volumes_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].usage_size, 4096);
	assert_int_equal(l.items[0].usage_ref_count, 1);
	assert_string_equal(
		api_kv_get(&l.items[0].labels, "com.docker.volume.anonymous"),
		"");
	api_volume_list_free(&l);
	free(json);

	assert_int_equal(api_volumes_list_parse("[]", 2, &l, &err),
			 API_E_PARSE);
	assert_int_equal(api_volumes_list_parse("{\"Vol", 5, &l, &err),
			 API_E_PARSE);
}

static void test_volume_inspect_prune(void **state)
{
	static const char huge[] =
		"{\"VolumesDeleted\":null,\"SpaceReclaimed\":1e300}";
	struct api_volume v;
	struct api_volume_prune p;
	struct api_error err;
	size_t len;
	char *json = tl_data("volumes_inspect.json", &len);

	(void)state;
	assert_int_equal(api_volume_inspect_parse(json, len, &v, &err), API_OK);
	assert_string_equal(v.name, "berth-rec-vol");
	assert_string_equal(api_kv_get(&v.labels, "com.example.owner"),
			    "berth");
	assert_int_equal(v.usage_size, -1);
	api_volume_free(&v);
	api_volume_free(&v);
	free(json);

	json = tl_data("volumes_prune.json", &len);
	assert_int_equal(api_volumes_prune_parse(json, len, &p, &err), API_OK);
	assert_int_equal(p.deleted.n, 2);
	assert_string_equal(p.deleted.v[0], "berth-rec-unused");
	assert_string_equal(p.deleted.v[1], "berth-rec-vol");
	assert_int_equal(p.space_reclaimed, 0);
	api_volume_prune_free(&p);
	api_volume_prune_free(&p);
	free(json);

	assert_int_equal(api_volumes_prune_parse(huge, strlen(huge), &p, &err),
			 API_OK);
	assert_int_equal(p.deleted.n, 0);
	assert_true(p.space_reclaimed == UINT64_MAX);
	api_volume_prune_free(&p);
}

static void test_networks_list(void **state)
{
	struct api_network_list l;
	const struct api_network *n;
	struct api_error err;
	size_t len;
	char *json = tl_data("networks_list.json", &len);

	(void)state;
	assert_int_equal(api_networks_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].name, "none");
	assert_string_equal(l.items[0].driver, "null");
	assert_int_equal(l.items[0].n_ipam_configs, 0);
	assert_string_equal(l.items[1].name, "host");
	assert_false(l.items[1].internal);
	n = &l.items[2];
	assert_string_equal(n->name, "berth-test-net");
	assert_string_equal(n->id, "9e109eddd83a41afcc748470e9120b37689a0130"
				   "1a4d30054561f0573a61f166");
	assert_string_equal(n->driver, "bridge");
	assert_string_equal(n->scope, "local");
	assert_string_equal(n->created, "2026-11-28T17:57:44.057516301Z");
	assert_true(n->internal);
	assert_false(n->attachable);
	assert_false(n->ingress);
	assert_false(n->enable_ipv6);
	assert_string_equal(n->ipam_driver, "default");
	assert_int_equal(n->n_ipam_configs, 1);
	assert_string_equal(n->ipam_configs[0].subnet, "10.213.0.0/24");
	assert_string_equal(n->ipam_configs[0].gateway, "10.213.0.1");
	assert_null(n->ipam_configs[0].ip_range);
	assert_string_equal(api_kv_get(&n->labels, "com.example.net"), "berth");
	/* The list leaves Containers empty even with one attached. */
	assert_int_equal(n->n_containers, 0);
	api_network_list_free(&l);
	api_network_list_free(&l);
	free(json);
}

static void test_network_inspect(void **state)
{
	struct api_network n;
	struct api_error err;
	size_t len;
	char *json = tl_data("networks_inspect.json", &len);

	(void)state;
	assert_int_equal(api_network_inspect_parse(json, len, &n, &err),
			 API_OK);
	assert_string_equal(n.name, "berth-test-net");
	assert_int_equal(n.n_containers, 1);
	assert_string_equal(n.containers[0].container_id,
			    "6a243b824ef0e1b9394993e5e5357dacb535af62fbc0058c"
			    "c64d95a35f389634");
	assert_string_equal(n.containers[0].name, "berth-rec-netc");
	assert_string_equal(n.containers[0].ipv4, "10.213.0.2/24");
	assert_string_equal(n.containers[0].ipv6, "");
	assert_string_equal(n.containers[0].mac, "02:42:0a:d5:00:02");
	assert_string_equal(n.containers[0].endpoint_id,
			    "312e935c8ceea1f3c5a1eba4c9a9afdd8fda5d1bc7f3223c"
			    "752e2a372c726510");
	api_network_free(&n);
	api_network_free(&n);
	free(json);
	assert_int_equal(api_network_inspect_parse("null", 4, &n, &err),
			 API_E_PARSE);
}

static void test_networks_hostile(void **state)
{
	struct api_network_list l;
	struct api_network_prune p;
	struct api_error err;
	size_t len;
	char *json = tl_data("networks_list_hostile.json", &len);

	(void)state;
	assert_int_equal(api_networks_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 3);
	assert_memory_equal(l.items[0].name, "n\xff", 3);
	assert_null(l.items[0].id);
	assert_null(l.items[0].driver);
	assert_false(l.items[0].internal);
	assert_false(l.items[0].attachable);
	assert_true(l.items[0].enable_ipv6);
	assert_null(l.items[0].ipam_driver);
	assert_int_equal(l.items[0].n_ipam_configs, 2);
	assert_string_equal(l.items[0].ipam_configs[0].ip_range, "10.1.0.0/16");
	assert_null(l.items[0].ipam_configs[1].subnet);
	assert_int_equal(l.items[0].options.n, 1);
	assert_int_equal(l.items[0].n_containers, 1);
	assert_string_equal(l.items[0].containers[0].container_id, "abc");
	assert_null(l.items[0].containers[0].mac);
	assert_int_equal(l.items[1].n_ipam_configs, 0);
	assert_int_equal(l.items[1].n_containers, 0);
	assert_null(l.items[2].name);
	api_network_list_free(&l);
	free(json);

	json = tl_data("networks_prune_hostile.json", &len);
	assert_int_equal(api_networks_prune_parse(json, len, &p, &err), API_OK);
	assert_int_equal(p.deleted.n, 2);
	assert_string_equal(p.deleted.v[1], "b");
	api_network_prune_free(&p);
	api_network_prune_free(&p);
	free(json);

	json = tl_data("networks_prune.json", &len);
	assert_int_equal(api_networks_prune_parse(json, len, &p, &err), API_OK);
	assert_int_equal(p.deleted.n, 1);
	assert_string_equal(p.deleted.v[0], "berth-rec-unused");
	api_network_prune_free(&p);
	free(json);
}

static void test_paths(void **state)
{
	struct api_filter f[] = {{"label", "a=b"}};
	char *p;

	(void)state;
	p = api_volumes_list_path(f, 1);
	assert_string_equal(p, "/volumes?filters=%7B%22label%22%3A%5B%22a%3Db"
			       "%22%5D%7D");
	free(p);
	p = api_volume_inspect_path("my vol");
	assert_string_equal(p, "/volumes/my%20vol");
	free(p);
	p = api_volume_remove_path("v", 1);
	assert_string_equal(p, "/volumes/v?force=1");
	free(p);
	p = api_volumes_prune_path(NULL, 0);
	assert_string_equal(p, "/volumes/prune");
	free(p);
	p = api_networks_list_path(NULL, 0);
	assert_string_equal(p, "/networks");
	free(p);
	p = api_network_inspect_path("a/b");
	assert_string_equal(p, "/networks/a%2Fb");
	free(p);
	p = api_network_remove_path("x");
	assert_string_equal(p, "/networks/x");
	free(p);
	p = api_networks_prune_path(f, 1);
	assert_non_null(strstr(p, "/networks/prune?filters="));
	free(p);
	assert_null(api_volume_inspect_path(""));
	assert_null(api_network_inspect_path(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_volumes_list),
		cmocka_unit_test(test_volumes_list_variants),
		cmocka_unit_test(test_volume_inspect_prune),
		cmocka_unit_test(test_networks_list),
		cmocka_unit_test(test_network_inspect),
		cmocka_unit_test(test_networks_hostile),
		cmocka_unit_test(test_paths),
	};
	return cmocka_run_group_tests_name("volumes_networks", tests, NULL,
					   NULL);
}
