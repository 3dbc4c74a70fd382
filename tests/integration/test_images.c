/* Image endpoints against the private engine, checked with the docker CLI. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/images.h"

static struct api_client *client;

static int setup(void **state)
{
	(void)state;
	client = tl_client();
	return 0;
}

/* Whatever a failed test left behind. */
static int teardown(void **state)
{
	char rmuser[128];

	(void)state;
	snprintf(rmuser, sizeof(rmuser), "%s", tl_name("rmuser"));
	free(tl_sh(NULL, "docker rm -f %s >/dev/null 2>&1", rmuser));
	free(tl_sh(NULL, "docker rmi -f %s:1 >/dev/null 2>&1",
		   tl_name("rmimg")));
	free(tl_sh(NULL, "docker rmi -f %s:1 >/dev/null 2>&1",
		   tl_name("prune")));
	free(tl_sh(NULL,
		   "docker image prune -f --filter label=berth-test=%s "
		   ">/dev/null 2>&1",
		   tl_name("prunelabel")));
	api_client_free(client);
	client = NULL;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts lines[0..n) and joins them with newlines (free it). */
static char *join_sorted(char **lines, size_t n)
{
	size_t i, total = 1;
	char *out;

	qsort(lines, n, sizeof(*lines), cmp_str);
	for (i = 0; i < n; i++)
		total += strlen(lines[i]) + 1;
	out = calloc(1, total);
	assert_non_null(out);
	for (i = 0; i < n; i++) {
		size_t len = strlen(out);
		snprintf(out + len, total - len, "%s%s", i ? "\n" : "",
			 lines[i]);
	}
	return out;
}

static char *dup_printf(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = malloc(n);

	assert_non_null(s);
	snprintf(s, n, "%s %s", a, b);
	return s;
}

/* Builds a one-layer image FROM busybox with a label and a file whose
 * content makes it unique; returns the new image id (free it). */
static char *build(const char *tag, const char *label, const char *content)
{
	int st;
	char *id =
		tl_sh(&st,
		      "d=$(mktemp -d) && printf 'FROM local/busybox:latest\\n"
		      "LABEL berth-test=%s\\nCOPY f /f\\n' >$d/Dockerfile && "
		      "printf '%s' >$d/f && docker build -q -t %s $d "
		      "2>/dev/null; rc=$?; rm -rf $d; exit $rc",
		      label, content, tag);
	assert_int_equal(st, 0);
	assert_true(strncmp(id, "sha256:", 7) == 0);
	return id;
}

static void test_list_matches_cli(void **state)
{
	struct api_image_list l;
	struct api_error err;
	char **lines = NULL, *got, *want;
	size_t i, j, n = 0;

	(void)state;
	assert_int_equal(api_images_list(client, 0, NULL, 0, &l, &err), API_OK);
	assert_true(l.n >= 3);
	for (i = 0; i < l.n; i++) {
		const struct api_image_summary *s = &l.items[i];
		size_t k = s->repo_tags.n ? s->repo_tags.n : 1;
		lines = realloc(lines, (n + k) * sizeof(*lines));
		assert_non_null(lines);
		/* The CLI shows an untagged image as <none>:<none>. */
		for (j = 0; j < k; j++)
			lines[n++] =
				dup_printf(api_str(s->id),
					   s->repo_tags.n ? s->repo_tags.v[j]
							  : "<none>:<none>");
	}
	got = join_sorted(lines, n);
	want = tl_sh(NULL,
		     "docker images --no-trunc --format "
		     "'{{.ID}} {{.Repository}}:{{.Tag}}' | LC_ALL=C sort");
	assert_string_equal(got, want);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(got);
	free(want);
	api_image_list_free(&l);
}

static void test_inspect_matches_cli(void **state)
{
	struct api_image_inspect img;
	struct api_error err;
	char got[1024], *want;
	const struct api_image_config *cfg = &img.config;

	(void)state;
	assert_int_equal(api_image_inspect(client, "local/app:1", &img, &err),
			 API_OK);
	snprintf(got, sizeof(got), "%s|%s|%s|%s|%s|%s|%lld|%zu|%s|%lld|%lld",
		 api_str(img.id), api_str(img.repo_tags.v[0]),
		 api_str(cfg->user), api_str(cfg->working_dir), api_str(img.os),
		 api_str(img.architecture), (long long)img.size, img.layers.n,
		 api_str(api_kv_get(&cfg->labels,
				    "org.opencontainers.image.title")),
		 (long long)cfg->healthcheck.interval,
		 (long long)cfg->healthcheck.retries);
	want = tl_sh(
		NULL,
		"docker image inspect --format '{{.Id}}|"
		"{{index .RepoTags 0}}|{{.Config.User}}|"
		"{{.Config.WorkingDir}}|{{.Os}}|{{.Architecture}}|"
		"{{.Size}}|{{len .RootFS.Layers}}|"
		"{{index .Config.Labels \"org.opencontainers.image.title\"}}"
		"|{{.Config.Healthcheck.Interval}}|"
		"{{.Config.Healthcheck.Retries}}' local/app:1");
	assert_string_equal(got, want);
	assert_non_null(strstr(img.raw, "\"Healthcheck\""));
	api_image_inspect_free(&img);
	free(want);

	assert_int_equal(
		api_image_inspect(client, "local/nosuch:9", &img, &err),
		API_E_HTTP);
	assert_int_equal(err.http_status, 404);
	assert_non_null(strstr(err.msg, "No such image"));
}

static void test_history_matches_cli(void **state)
{
	struct api_image_history h;
	struct api_error err;
	char got[8192] = "", *want;
	size_t i, len;

	(void)state;
	assert_int_equal(api_image_history(client, "local/plain:1", &h, &err),
			 API_OK);
	for (i = 0; i < h.n; i++) {
		char *p;
		len = strlen(got);
		snprintf(got + len, sizeof(got) - len, "%s%s", i ? "\n" : "",
			 api_str(h.items[i].created_by));
		/* The CLI shows tabs as spaces. */
		for (p = got + len; *p; p++)
			if (*p == '\t')
				*p = ' ';
	}
	len = strlen(got);
	while (len && got[len - 1] == '\n')
		got[--len] = '\0';
	want = tl_sh(NULL, "docker history --no-trunc --format "
			   "'{{.CreatedBy}}' local/plain:1");
	assert_string_equal(got, want);
	assert_non_null(strstr(got, "echo plain > /etc/plain-release"));
	free(want);
	want = tl_sh(NULL, "docker history -q local/plain:1 | wc -l");
	assert_int_equal(h.n, strtoul(want, NULL, 10));
	free(want);
	api_image_history_free(&h);
}

/* An image a container uses cannot go without force: the engine's 409. */
static void test_remove_in_use(void **state)
{
	char tag[160], cname[128], *id, *out;
	struct api_image_deleted_list del;
	struct api_error err;
	int st;
	size_t i, n_deleted = 0;

	(void)state;
	snprintf(tag, sizeof(tag), "%s:1", tl_name("rmimg"));
	snprintf(cname, sizeof(cname), "%s", tl_name("rmuser"));
	id = build(tag, cname, "in use");
	free(tl_sh(&st, "docker create --name %s --network none %s true", cname,
		   tag));
	assert_int_equal(st, 0);

	assert_int_equal(api_image_remove(client, tag, 0, 0, &del, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 409);
	assert_non_null(strstr(err.msg, "conflict"));
	out = tl_sh(&st, "docker rmi %s 2>&1", tag);
	assert_int_not_equal(st, 0);
	assert_non_null(strstr(out, err.msg));
	free(out);

	free(tl_sh(&st, "docker rm -f %s", cname));
	assert_int_equal(api_image_remove(client, tag, 0, 0, &del, &err),
			 API_OK);
	assert_true(del.n >= 2);
	assert_string_equal(del.items[0].untagged, tag);
	for (i = 0; i < del.n; i++)
		if (del.items[i].deleted &&
		    strcmp(del.items[i].deleted, id) == 0)
			n_deleted++;
	assert_int_equal(n_deleted, 1);
	api_image_deleted_list_free(&del);
	free(tl_sh(&st, "docker image inspect %s >/dev/null 2>&1", id));
	assert_int_not_equal(st, 0);
	free(id);
}

static void test_prune_dangling(void **state)
{
	char tag[160], label[128], filter_label[160], *old_id, *new_id, *ids;
	struct api_filter f[2];
	struct api_image_prune p;
	struct api_error err;
	size_t i, found = 0;
	int st;

	(void)state;
	snprintf(tag, sizeof(tag), "%s:1", tl_name("prune"));
	snprintf(label, sizeof(label), "%s", tl_name("prunelabel"));
	snprintf(filter_label, sizeof(filter_label), "berth-test=%s", label);
	old_id = build(tag, label, "first");
	new_id = build(tag, label, "second");
	assert_string_not_equal(old_id, new_id);
	ids = tl_sh(NULL, "docker images -a -q --no-trunc");
	assert_non_null(strstr(ids, old_id));
	free(ids);

	f[0] = (struct api_filter){"dangling", "true"};
	f[1] = (struct api_filter){"label", filter_label};
	assert_int_equal(api_images_prune(client, f, 2, &p, &err), API_OK);
	for (i = 0; i < p.deleted.n; i++)
		if (p.deleted.items[i].deleted &&
		    strcmp(p.deleted.items[i].deleted, old_id) == 0)
			found++;
	assert_int_equal(found, 1);
	api_image_prune_free(&p);
	ids = tl_sh(NULL, "docker images -a -q --no-trunc");
	assert_null(strstr(ids, old_id));
	assert_non_null(strstr(ids, new_id));
	free(ids);
	free(tl_sh(&st, "docker rmi %s", tag));
	assert_int_equal(st, 0);
	free(old_id);
	free(new_id);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_matches_cli),
		cmocka_unit_test(test_inspect_matches_cli),
		cmocka_unit_test(test_history_matches_cli),
		cmocka_unit_test(test_remove_in_use),
		cmocka_unit_test(test_prune_dangling),
	};
	return cmocka_run_group_tests_name("integration_images", tests, setup,
					   teardown);
}
