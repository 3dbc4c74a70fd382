/* The build context tar (with .dockerignore), the /build path and the
 * build output lines recorded from the engine. */
#include "tests/lib/testlib.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/build.h"
#include "api/buildctx.h"
#include "api/jsonlines.h"

static char dir[256];

static int setup(void **state)
{
	char *out;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/berth-t-buildctx-%d", (int)getpid());
	out = tl_sh(NULL,
		    "set -e; rm -rf %s; mkdir -p %s/logs/deep %s/sub; cd %s; "
		    "printf 'FROM x\\n' > Dockerfile; echo a > a.txt; "
		    "echo s > secret.txt; echo s > sub/secret.txt; "
		    "echo l > logs/a.log; echo k > logs/keep.txt; "
		    "echo d > logs/deep/keep.txt; echo r > README.md; "
		    "head -c 300000 /dev/zero | tr '\\0' 'z' > big.bin; "
		    "ln -s a.txt link; mkfifo fifo; "
		    "printf '# rules\\nsecret.txt\\nlogs/\\n!logs/keep.txt\\n"
		    "*.md\\nDockerfile\\n.dockerignore\\n' > .dockerignore",
		    dir, dir, dir, dir);
	free(out);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(tl_sh(NULL, "rm -rf %s", dir));
	return 0;
}

/* The whole tar, read in odd-sized pieces. */
static char *read_all(struct buildctx *b, size_t *len)
{
	size_t cap = 1 << 20, n = 0;
	char *all = malloc(cap);
	ssize_t got;

	assert_non_null(all);
	while ((got = api_buildctx_read(b, all + n, 777)) > 0) {
		n += (size_t)got;
		if (cap - n < 777) {
			cap *= 2;
			all = realloc(all, cap);
			assert_non_null(all);
		}
	}
	assert_int_equal(got, 0);
	*len = n;
	return all;
}

static void test_tar_honours_dockerignore(void **state)
{
	struct buildctx *b;
	struct api_error err = {0};
	struct archive *ar = archive_read_new();
	struct archive_entry *e;
	char names[512] = "", *all;
	size_t len;
	int64_t big = 0;

	(void)state;
	assert_int_equal(api_buildctx_open(dir, NULL, &b, &err), API_OK);
	all = read_all(b, &len);
	assert_int_equal(api_buildctx_entries(b), 8);
	api_buildctx_close(b);
	archive_read_support_format_tar(ar);
	assert_int_equal(archive_read_open_memory(ar, all, len), ARCHIVE_OK);
	while (archive_read_next_header(ar, &e) == ARCHIVE_OK) {
		const char *p = archive_entry_pathname(e);
		strncat(names, p, sizeof(names) - strlen(names) - 2);
		strcat(names, " ");
		if (strcmp(p, "big.bin") == 0) {
			char chunk[4096];
			ssize_t n;
			while ((n = archive_read_data(ar, chunk,
						      sizeof(chunk))) > 0)
				big += n;
			assert_int_equal(chunk[0], 'z');
		}
		if (strcmp(p, "link") == 0)
			assert_string_equal(archive_entry_symlink(e), "a.txt");
		if (strcmp(p, "a.txt") == 0)
			assert_int_equal(archive_entry_uid(e), 0);
	}
	assert_string_equal(names, ".dockerignore Dockerfile a.txt big.bin "
				   "link logs/keep.txt sub/ "
				   "sub/secret.txt ");
	assert_int_equal(big, 300000);
	archive_read_free(ar);
	free(all);
}

static void test_tar_refusals(void **state)
{
	struct buildctx *b = NULL;
	struct api_error err = {0};

	(void)state;
	assert_int_equal(api_buildctx_open(dir, "../Dockerfile", &b, &err),
			 API_E_INVALID);
	assert_null(b);
	assert_non_null(strstr(err.msg, "not inside"));
	assert_int_equal(api_buildctx_open(dir, "/etc/passwd", &b, &err),
			 API_E_INVALID);
	assert_int_equal(
		api_buildctx_open("/nonexistent-berth", NULL, &b, &err),
		API_E_INVALID);
	free(tl_sh(NULL, "echo '[' >> %s/.dockerignore", dir));
	assert_int_equal(api_buildctx_open(dir, NULL, &b, &err), API_E_INVALID);
	assert_null(b);
	free(tl_sh(NULL, "echo x > %s/.dockerignore", dir));
	/* a subdirectory Dockerfile is fine */
	assert_int_equal(api_buildctx_open(dir, "sub/./secret.txt", &b, &err),
			 API_OK);
	api_buildctx_close(b);
	api_buildctx_close(NULL);
}

static void test_build_path(void **state)
{
	struct api_kv kv[] = {{"MSG", "a b&c"}, {"EMPTY", NULL}};
	struct api_kvlist args = {kv, 2};
	struct build_opts o = {.tag = "local/x:1",
			       .dockerfile = "sub/Dockerfile",
			       .target = "final",
			       .buildargs = &args};
	char *p = api_build_path(&o);

	(void)state;
	assert_string_equal(p, "/build?t=local%2Fx%3A1&dockerfile=sub%"
			       "2FDockerfile&target=final&buildargs=%7B%"
			       "22MSG%22%3A%22a%20b%26c%22%2C%22EMPTY%22%"
			       "3A%22%22%7D");
	free(p);
	memset(&o, 0, sizeof(o));
	p = api_build_path(&o);
	assert_string_equal(p, "/build");
	free(p);
}

struct tally {
	int n[5];
	char id[128], error[256];
};

static int count_line(const char *line, size_t len, void *ud)
{
	struct tally *t = ud;
	struct build_msg m;
	struct api_error err = {0};

	if (api_build_line_parse(line, len, &m, &err) != API_OK) {
		t->n[BUILD_MSG_OTHER] += 100;
		return 0;
	}
	t->n[m.kind]++;
	if (m.kind == BUILD_MSG_AUX_ID)
		snprintf(t->id, sizeof(t->id), "%s", m.text);
	if (m.kind == BUILD_MSG_ERROR)
		snprintf(t->error, sizeof(t->error), "%s", m.text);
	api_build_msg_free(&m);
	api_build_msg_free(&m);
	return 0;
}

static void tally_file(const char *name, struct tally *t)
{
	struct jsonlines jl;
	size_t len;
	char *data = tl_data(name, &len);

	memset(t, 0, sizeof(*t));
	jsonlines_init(&jl, 4096, count_line, t);
	jsonlines_feed(&jl, data, len);
	jsonlines_finish(&jl);
	jsonlines_done(&jl);
	free(data);
}

static void test_output_recorded(void **state)
{
	struct tally t;

	(void)state;
	tally_file("build_ok.jsonl", &t);
	assert_int_equal(t.n[BUILD_MSG_STREAM], 18);
	assert_int_equal(t.n[BUILD_MSG_AUX_ID], 1);
	assert_int_equal(t.n[BUILD_MSG_ERROR], 0);
	assert_string_equal(t.id, "sha256:04788cb50fd287a42dc974ca2d3b28c2938"
				  "2e6d2b53a101d6a23deb8001f96b7");
	tally_file("build_fail.jsonl", &t);
	assert_int_equal(t.n[BUILD_MSG_STREAM], 6);
	assert_int_equal(t.n[BUILD_MSG_ERROR], 1);
	assert_string_equal(t.error, "The command '/bin/sh -c false' returned "
				     "a non-zero code: 1");
}

static void test_output_hostile(void **state)
{
	struct tally t;

	(void)state;
	tally_file("build_hostile.jsonl", &t);
	/* "[]" and "not json" fail; three objects say nothing known */
	assert_int_equal(t.n[BUILD_MSG_OTHER], 200 + 3);
	assert_int_equal(t.n[BUILD_MSG_ERROR], 2);
	assert_string_equal(t.error, "only detail");
	assert_int_equal(t.n[BUILD_MSG_AUX_ID], 1);
	assert_string_equal(t.id, "sha256:beef");
	assert_int_equal(t.n[BUILD_MSG_STREAM], 1);
	assert_int_equal(t.n[BUILD_MSG_STATUS], 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tar_honours_dockerignore),
		cmocka_unit_test(test_tar_refusals),
		cmocka_unit_test(test_build_path),
		cmocka_unit_test(test_output_recorded),
		cmocka_unit_test(test_output_hostile),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
