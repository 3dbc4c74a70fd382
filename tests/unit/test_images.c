/* Image models from recorded engine answers and hostile variants. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/images.h"

static const struct api_image_summary *
find_image(const struct api_image_list *l, const char *id_prefix)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i].id &&
		    strncmp(l->items[i].id, id_prefix, strlen(id_prefix)) == 0)
			return &l->items[i];
	fail_msg("no image %s", id_prefix);
	return NULL;
}

static void test_list_recorded(void **state)
{
	struct api_image_list l;
	const struct api_image_summary *s;
	struct api_error err;
	size_t len;
	char *json = tl_data("images_list.json", &len);

	(void)state;
	assert_int_equal(api_images_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 6);
	s = find_image(&l, "sha256:6f6db092e160");
	assert_int_equal(s->repo_tags.n, 1);
	assert_string_equal(s->repo_tags.v[0], "local/layers:1");
	assert_int_equal(s->repo_digests.n, 0);
	assert_string_equal(s->parent_id,
			    "sha256:0213bd27dc7ec5bb7d6482eda0364273983d920d5"
			    "cd46365dec06fdecaf0e229");
	assert_int_equal(s->created, 1795888657);
	assert_int_equal(s->size, 1982412);
	assert_int_equal(s->virtual_size, 1982412);
	assert_int_equal(s->shared_size, -1);
	assert_int_equal(s->containers, -1);
	assert_int_equal(s->labels.n, 2);
	assert_string_equal(api_kv_get(&s->labels, "com.example.tier"), "test");
	/* The dangling one: 1.41's "<none>" placeholders are dropped. */
	s = find_image(&l, "sha256:3a6c30292855");
	assert_int_equal(s->repo_tags.n, 0);
	assert_int_equal(s->repo_digests.n, 0);
	assert_null(s->repo_tags.v[0]);
	assert_int_equal(s->labels.n, 0);
	api_image_list_free(&l);
	api_image_list_free(&l);
	free(json);

	json = tl_data("images_list_all.json", &len);
	assert_int_equal(api_images_list_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 22);
	api_image_list_free(&l);
	free(json);
}

static void test_list_hostile(void **state)
{
	struct api_image_list l;
	struct api_error err;
	size_t len;
	char *json = tl_data("images_list_hostile.json", &len);

	(void)state;
	assert_int_equal(api_images_list_parse(json, len, &l, &err), API_OK);
	/* Non-objects are skipped; {} and [] ... only objects count. */
	assert_int_equal(l.n, 3);
	assert_null(l.items[0].id);
	assert_null(l.items[0].parent_id);
	assert_int_equal(l.items[0].repo_tags.n, 2);
	assert_string_equal(l.items[0].repo_tags.v[0], "ok:1");
	assert_memory_equal(l.items[0].repo_tags.v[1], "bad\xff\xfe:tag", 9);
	assert_int_equal(l.items[0].repo_digests.n, 0);
	assert_int_equal(l.items[0].created, INT64_MAX);
	assert_int_equal(l.items[0].size, INT64_MIN);
	assert_int_equal(l.items[0].shared_size, -1);
	assert_int_equal(l.items[0].containers, -1);
	assert_int_equal(l.items[0].virtual_size, -1);
	assert_int_equal(l.items[0].labels.n, 1);
	assert_string_equal(l.items[0].labels.items[0].value, "b");
	assert_null(l.items[1].id);
	assert_string_equal(l.items[2].id, "sha256:new");
	assert_int_equal(l.items[2].containers, 3);
	assert_int_equal(l.items[2].size, INT64_MAX);
	assert_int_equal(l.items[2].repo_tags.n, 0);
	api_image_list_free(&l);
	free(json);
}

static void test_list_not_json(void **state)
{
	struct api_image_list l;
	struct api_error err;

	(void)state;
	assert_int_equal(api_images_list_parse("{\"Id\":1}", 8, &l, &err),
			 API_E_PARSE);
	assert_int_equal(l.n, 0);
	assert_int_equal(api_images_list_parse("[{\"Id\":", 7, &l, &err),
			 API_E_PARSE);
	assert_non_null(strstr(err.msg, "image list"));
	assert_int_equal(api_images_list_parse(NULL, 0, &l, &err), API_E_PARSE);
	assert_int_equal(api_images_list_parse("[]", 2, &l, &err), API_OK);
	assert_int_equal(l.n, 0);
	api_image_list_free(&l);
}

static void test_inspect_recorded(void **state)
{
	struct api_image_inspect img;
	const struct api_image_config *cfg = &img.config;
	struct api_error err;
	size_t len;
	char *json = tl_data("images_inspect_layers.json", &len);

	(void)state;
	assert_int_equal(api_image_inspect_parse(json, len, &img, &err),
			 API_OK);
	assert_string_equal(img.id, "sha256:6f6db092e16074f3b6d6c69e2e5f3c2b9f"
				    "6177e7fdf44f3f7ad518351854e72a");
	assert_string_equal(img.repo_tags.v[0], "local/layers:1");
	assert_int_equal(img.repo_digests.n, 0);
	assert_string_equal(img.created, "2026-11-28T17:57:37.323860564Z");
	assert_string_equal(img.author, "");
	assert_string_equal(img.architecture, "amd64");
	assert_string_equal(img.os, "linux");
	assert_int_equal(img.size, 1982412);
	assert_string_equal(cfg->user, "1000:1000");
	assert_int_equal(cfg->env.n, 3);
	assert_string_equal(cfg->env.v[2], "GREETING=hello world");
	assert_int_equal(cfg->cmd.n, 1);
	assert_string_equal(cfg->cmd.v[0], "echo hi");
	assert_int_equal(cfg->entrypoint.n, 2);
	assert_string_equal(cfg->entrypoint.v[1], "-c");
	assert_string_equal(cfg->working_dir, "/srv");
	assert_string_equal(api_kv_get(&cfg->labels, "com.example.team"),
			    "berth");
	assert_int_equal(cfg->exposed_ports.n, 2);
	assert_string_equal(cfg->exposed_ports.v[0], "53/udp");
	assert_string_equal(cfg->exposed_ports.v[1], "8080/tcp");
	assert_int_equal(cfg->volumes.n, 1);
	assert_string_equal(cfg->volumes.v[0], "/data");
	assert_true(cfg->has_healthcheck);
	assert_string_equal(cfg->healthcheck.test.v[0], "CMD");
	assert_int_equal(cfg->healthcheck.interval, 30000000000LL);
	assert_int_equal(cfg->healthcheck.timeout, 3000000000LL);
	assert_int_equal(cfg->healthcheck.start_period, 10000000000LL);
	assert_int_equal(cfg->healthcheck.retries, 4);
	assert_string_equal(cfg->stop_signal, "SIGTERM");
	assert_int_equal(img.layers.n, 4);
	assert_string_equal(img.layers.v[0], "sha256:f52ea4021d3ccccc3f4d23de6"
					     "ded0e4e14ec539514af9b8d9f7c0d88"
					     "05e65bb0");
	assert_int_equal(strlen(img.raw), len);
	assert_memory_equal(img.raw, json, len);
	api_image_inspect_free(&img);
	api_image_inspect_free(&img);
	free(json);
}

/* An imported image: no parent, no healthcheck, no user. */
static void test_inspect_imported(void **state)
{
	struct api_image_inspect img;
	struct api_error err;
	size_t len;
	char *json = tl_data("images_inspect_busybox.json", &len);

	(void)state;
	assert_int_equal(api_image_inspect_parse(json, len, &img, &err),
			 API_OK);
	assert_string_equal(img.parent, "");
	assert_false(img.config.has_healthcheck);
	assert_int_equal(img.config.cmd.n, 1);
	assert_string_equal(img.config.cmd.v[0], "/bin/sh");
	assert_int_equal(img.config.exposed_ports.n, 0);
	assert_int_equal(img.layers.n, 1);
	api_image_inspect_free(&img);
	free(json);
}

static void test_inspect_hostile(void **state)
{
	struct api_image_inspect img;
	struct api_error err;
	size_t len;
	char *json = tl_data("images_inspect_hostile.json", &len);

	(void)state;
	assert_int_equal(api_image_inspect_parse(json, len, &img, &err),
			 API_OK);
	assert_memory_equal(img.id,
			    "sha256:\xc3\x28"
			    "bad",
			    12);
	assert_int_equal(img.repo_tags.n, 0);
	assert_int_equal(img.repo_digests.n, 0);
	assert_null(img.parent);
	assert_null(img.created);
	assert_null(img.author);
	assert_string_equal(img.architecture, "arm64");
	assert_int_equal(img.size, INT64_MAX);
	assert_null(img.config.user);
	assert_int_equal(img.config.env.n, 0);
	assert_int_equal(img.config.entrypoint.n, 0);
	assert_int_equal(img.config.labels.n, 0);
	assert_int_equal(img.config.exposed_ports.n, 0);
	assert_int_equal(img.config.volumes.n, 2);
	assert_true(img.config.has_healthcheck);
	assert_string_equal(img.config.healthcheck.test.v[0], "NONE");
	assert_int_equal(img.config.healthcheck.interval, 0);
	assert_int_equal(img.config.healthcheck.retries, INT64_MIN);
	assert_null(img.config.stop_signal);
	assert_int_equal(img.layers.n, 0);
	api_image_inspect_free(&img);
	free(json);

	json = tl_data("images_inspect_empty.json", &len);
	assert_int_equal(api_image_inspect_parse(json, len, &img, &err),
			 API_OK);
	assert_null(img.id);
	assert_false(img.config.has_healthcheck);
	assert_string_equal(img.raw, "{}");
	api_image_inspect_free(&img);
	free(json);
	assert_int_equal(api_image_inspect_parse("[]", 2, &img, &err),
			 API_E_PARSE);
	assert_null(img.raw);
}

static void test_history(void **state)
{
	struct api_image_history h;
	struct api_error err;
	size_t len;
	char *json = tl_data("history_layers.json", &len);

	(void)state;
	assert_int_equal(api_image_history_parse(json, len, &h, &err), API_OK);
	assert_int_equal(h.n, 13);
	assert_string_equal(h.items[0].created_by,
			    "/bin/sh -c #(nop)  CMD [\"echo hi\"]");
	assert_int_equal(h.items[0].tags.n, 1);
	assert_string_equal(h.items[0].tags.v[0], "local/layers:1");
	assert_int_equal(h.items[1].tags.n, 0);
	assert_string_equal(h.items[8].created_by,
			    "/bin/sh -c echo two > /two");
	assert_int_equal(h.items[8].size, 4);
	assert_int_equal(h.items[8].created, 1795888649);
	assert_string_equal(h.items[12].comment, "Imported from -");
	assert_int_equal(h.items[12].size, 1982404);
	api_image_history_free(&h);
	api_image_history_free(&h);
	free(json);

	json = tl_data("history_hostile.json", &len);
	assert_int_equal(api_image_history_parse(json, len, &h, &err), API_OK);
	assert_int_equal(h.n, 2);
	assert_string_equal(h.items[0].id, "<missing>");
	assert_int_equal(h.items[0].created, -5);
	assert_null(h.items[0].created_by);
	assert_null(h.items[0].comment);
	assert_int_equal(h.items[0].tags.n, 0);
	assert_int_equal(h.items[0].size, INT64_MAX);
	assert_memory_equal(h.items[1].created_by, "RUN \xff\xfe", 6);
	assert_int_equal(h.items[1].size, 42);
	api_image_history_free(&h);
	free(json);
	assert_int_equal(api_image_history_parse("{}", 2, &h, &err),
			 API_E_PARSE);
}

static void test_remove(void **state)
{
	struct api_image_deleted_list l;
	struct api_error err;
	size_t len;
	char *json = tl_data("images_remove_deleted.json", &len);

	(void)state;
	assert_int_equal(api_image_remove_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].untagged, "local/rmme:1");
	assert_null(l.items[0].deleted);
	assert_null(l.items[1].untagged);
	assert_string_equal(l.items[1].deleted,
			    "sha256:1ff6a3cb0b0880e561047b00ac9f44668e4836f8b"
			    "05fcaa6e68f9de972d9f47e");
	api_image_deleted_list_free(&l);
	api_image_deleted_list_free(&l);
	free(json);

	json = tl_data("images_remove_untag.json", &len);
	assert_int_equal(api_image_remove_parse(json, len, &l, &err), API_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].untagged, "local/layers:extra");
	api_image_deleted_list_free(&l);
	free(json);

	/* An error body is not a list of removals. */
	json = tl_data("images_remove_conflict.json", &len);
	assert_int_equal(api_image_remove_parse(json, len, &l, &err),
			 API_E_PARSE);
	free(json);
}

static void test_prune(void **state)
{
	struct api_image_prune p;
	struct api_error err;
	size_t len;
	char *json = tl_data("images_prune.json", &len);

	(void)state;
	assert_int_equal(api_images_prune_parse(json, len, &p, &err), API_OK);
	assert_int_equal(p.deleted.n, 2);
	assert_string_equal(p.deleted.items[0].deleted,
			    "sha256:3a6c302928550ca1ca7b57b381df45a0c28d75cde"
			    "7121b17cc0d4a06055e0251");
	assert_int_equal(p.space_reclaimed, 2);
	api_image_prune_free(&p);
	api_image_prune_free(&p);
	free(json);

	json = tl_data("images_prune_hostile.json", &len);
	assert_int_equal(api_images_prune_parse(json, len, &p, &err), API_OK);
	assert_int_equal(p.deleted.n, 2);
	assert_string_equal(p.deleted.items[0].untagged, "a:1");
	assert_string_equal(p.deleted.items[1].deleted, "sha256:b");
	assert_int_equal(p.space_reclaimed, 0);
	api_image_prune_free(&p);
	free(json);

	json = tl_data("images_prune_none.json", &len);
	assert_int_equal(api_images_prune_parse(json, len, &p, &err), API_OK);
	assert_int_equal(p.deleted.n, 0);
	api_image_prune_free(&p);
	free(json);
}

static void test_paths(void **state)
{
	struct api_filter f[] = {{"dangling", "true"}};
	char *p;

	(void)state;
	p = api_images_list_path(1, f, 1);
	assert_string_equal(p, "/images/json?all=1&filters=%7B%22dangling%22%3A"
			       "%5B%22true%22%5D%7D");
	free(p);
	p = api_images_list_path(0, NULL, 0);
	assert_string_equal(p, "/images/json");
	free(p);
	p = api_image_inspect_path("local/app:1");
	assert_string_equal(p, "/images/local%2Fapp%3A1/json");
	free(p);
	p = api_image_history_path("sha256:abc");
	assert_string_equal(p, "/images/sha256%3Aabc/history");
	free(p);
	p = api_image_remove_path("a b", 1, 1);
	assert_string_equal(p, "/images/a%20b?force=1&noprune=1");
	free(p);
	p = api_images_prune_path(NULL, 0);
	assert_string_equal(p, "/images/prune");
	free(p);
	assert_null(api_image_inspect_path(""));
	assert_null(api_image_remove_path(NULL, 0, 0));
}

/* The blocking wrappers refuse an empty name before any request, and
 * leave a zeroed model when the engine cannot be reached. */
static void test_wrappers_fail_cleanly(void **state)
{
	struct api_client_opts o = {.host = "unix:///nonexistent/berth.sock",
				    .tls = 0,
				    .tls_verify = -1};
	struct api_client *c;
	struct api_image_inspect img;
	struct api_image_list l;
	struct api_image_deleted_list del;
	struct api_error err;

	(void)state;
	assert_int_equal(api_client_new(&o, &c, &err), API_OK);
	assert_int_equal(api_image_inspect(c, "", &img, &err), API_E_INVALID);
	assert_null(img.raw);
	assert_int_equal(api_image_remove(c, NULL, 1, 0, &del, &err),
			 API_E_INVALID);
	assert_int_equal(api_images_list(c, 1, NULL, 0, &l, &err),
			 API_E_CONNECT);
	assert_int_equal(l.n, 0);
	assert_null(l.items);
	api_image_list_free(&l);
	api_client_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_recorded),
		cmocka_unit_test(test_list_hostile),
		cmocka_unit_test(test_list_not_json),
		cmocka_unit_test(test_inspect_recorded),
		cmocka_unit_test(test_inspect_imported),
		cmocka_unit_test(test_inspect_hostile),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_remove),
		cmocka_unit_test(test_prune),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_wrappers_fail_cleanly),
	};
	return cmocka_run_group_tests_name("images", tests, NULL, NULL);
}
