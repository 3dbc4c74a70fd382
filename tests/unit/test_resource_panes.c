#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/containers.h"
#include "views/resource_list.h"

/* The pure helpers behind the images, volumes and networks panes. */

static void test_short_id(void **state)
{
	char buf[32];

	(void)state;
	res_short_id("sha256:3030e56632012a7b8c9d0e1f", buf, sizeof(buf));
	assert_string_equal(buf, "3030e5663201");
	res_short_id("0123456789abcdef0123", buf, sizeof(buf));
	assert_string_equal(buf, "0123456789ab");
	res_short_id("abc", buf, sizeof(buf));
	assert_string_equal(buf, "abc");
	res_short_id("sha256:", buf, sizeof(buf));
	assert_string_equal(buf, "");
	res_short_id(NULL, buf, sizeof(buf));
	assert_string_equal(buf, "");
	/* a small buffer cuts, still terminated */
	res_short_id("sha256:3030e56632012", buf, 5);
	assert_string_equal(buf, "3030");
}

static void test_join(void **state)
{
	char buf[64], small[8];
	size_t len = 0;

	(void)state;
	buf[0] = '\0';
	res_join(buf, sizeof(buf), &len, "web-1");
	assert_string_equal(buf, "web-1");
	res_join(buf, sizeof(buf), &len, "db");
	assert_string_equal(buf, "web-1, db");
	assert_int_equal(len, strlen("web-1, db"));
	res_join(buf, sizeof(buf), &len, NULL);
	assert_string_equal(buf, "web-1, db, ");

	len = 0;
	small[0] = '\0';
	res_join(small, sizeof(small), &len, "abcdef");
	res_join(small, sizeof(small), &len, "ghijkl");
	assert_string_equal(small, "abcdef,");
	assert_int_equal(len, 7);
	/* full: further names change nothing and never overflow */
	res_join(small, sizeof(small), &len, "x");
	assert_string_equal(small, "abcdef,");
	assert_int_equal(len, 7);
}

static void test_created_by(void **state)
{
	(void)state;
	assert_string_equal(res_created_by("/bin/sh -c #(nop)  CMD [\"sh\"]"),
			    "CMD [\"sh\"]");
	assert_string_equal(res_created_by("/bin/sh -c #(nop) \tUSER 1000"),
			    "USER 1000");
	assert_string_equal(res_created_by("/bin/sh -c apk add curl"),
			    "/bin/sh -c apk add curl");
	assert_string_equal(res_created_by("COPY file:abc in / "),
			    "COPY file:abc in / ");
	assert_string_equal(res_created_by("/bin/sh -c #(nop)"), "");
	assert_string_equal(res_created_by(NULL), "");
}

static void test_builtin(void **state)
{
	(void)state;
	assert_true(res_network_builtin("bridge"));
	assert_true(res_network_builtin("host"));
	assert_true(res_network_builtin("none"));
	assert_false(res_network_builtin("rec-net"));
	assert_false(res_network_builtin("bridge2"));
	assert_false(res_network_builtin(""));
	assert_false(res_network_builtin(NULL));
}

static const struct api_container_summary *
by_name(const struct api_container_list *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i].name && strcmp(l->items[i].name, name) == 0)
			return &l->items[i];
	fail_msg("no container %s in the recording", name);
	return NULL;
}

/* Recorded from the engine: rec-priv mounts the volume recvol and a bind,
 * rec-net1 is on rec-net, the others on none. */
static void test_usage_recorded(void **state)
{
	struct api_container_list l = {0};
	struct api_error err;
	size_t len;
	char *json = tl_data("containers_list.json", &len);
	const struct api_container_summary *priv, *net1, *health;

	(void)state;
	assert_int_equal(api_containers_list_parse(json, len, &l, &err),
			 API_OK);
	priv = by_name(&l, "rec-priv");
	net1 = by_name(&l, "rec-net1");
	health = by_name(&l, "rec-health");

	assert_true(res_uses_volume(priv, "recvol"));
	assert_false(res_uses_volume(priv, "recvo"));
	assert_false(res_uses_volume(net1, "recvol"));
	assert_false(res_uses_volume(priv, NULL));

	assert_true(res_on_network(net1, "rec-net"));
	assert_false(res_on_network(net1, "none"));
	assert_true(res_on_network(priv, "none"));
	assert_false(res_on_network(NULL, "none"));

	assert_true(res_uses_image(priv, priv->image_id));
	assert_true(res_uses_image(net1, priv->image_id));
	assert_false(res_uses_image(health, priv->image_id));
	assert_false(res_uses_image(priv, NULL));
	assert_false(res_uses_image(priv, "sha256:3030"));

	api_container_list_free(&l);
	free(json);
}

/* A bind mount never counts as a volume, even with a Name; a mount
 * without Type or Name and null networks are skipped. */
static void test_usage_hostile(void **state)
{
	static const char json[] =
		"[{\"Id\":\"a1\",\"Names\":[\"/x\"],\"ImageID\":null,"
		"\"Mounts\":[{\"Type\":\"bind\",\"Name\":\"v1\"},"
		"{\"Name\":\"v2\"},{\"Type\":\"volume\"},"
		"{\"Type\":\"volume\",\"Name\":\"v3\"}],"
		"\"NetworkSettings\":{\"Networks\":null}},"
		"{\"Id\":\"b2\",\"Mounts\":7,\"NetworkSettings\":"
		"{\"Networks\":{\"n\\u00e9t\":{}}}}]";
	struct api_container_list l = {0};
	struct api_error err;

	(void)state;
	assert_int_equal(
		api_containers_list_parse(json, sizeof(json) - 1, &l, &err),
		API_OK);
	assert_int_equal(l.n, 2);
	assert_false(res_uses_volume(&l.items[0], "v1"));
	assert_false(res_uses_volume(&l.items[0], "v2"));
	assert_true(res_uses_volume(&l.items[0], "v3"));
	assert_false(res_on_network(&l.items[0], "bridge"));
	assert_false(res_uses_image(&l.items[0], "sha256:x"));
	assert_false(res_uses_volume(&l.items[1], "v3"));
	assert_true(res_on_network(&l.items[1], "n\xc3\xa9t"));
	api_container_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_id),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_created_by),
		cmocka_unit_test(test_builtin),
		cmocka_unit_test(test_usage_recorded),
		cmocka_unit_test(test_usage_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
