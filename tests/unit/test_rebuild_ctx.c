/* Build context resolution: the Compose build: section, the labels that
 * point at it, and the remembered contexts. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ops/compose_build.h"
#include "ops/rebuild_ctx.h"

static char dir[256];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/berth-t-rebuildctx-%d", (int)getpid());
	free(tl_sh(NULL, "rm -rf %s; mkdir -p %s/proj/app %s/state", dir, dir,
		   dir));
	setenv("XDG_STATE_HOME", "", 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(tl_sh(NULL, "rm -rf %s", dir));
	return 0;
}

static api_code parse(const char *y, const char *svc, struct compose_build *b)
{
	struct api_error err = {0};

	return compose_build_parse(y, strlen(y), svc, b, &err);
}

static void test_compose_forms(void **state)
{
	struct compose_build b = {0};

	(void)state;
	assert_int_equal(
		parse("services:\n  web:\n    build: ./app\n", "web", &b),
		API_OK);
	assert_true(b.found);
	assert_string_equal(b.context, "./app");
	assert_null(b.dockerfile);
	compose_build_free(&b);
	assert_int_equal(parse("services:\n"
			       "  web:\n"
			       "    image: x\n"
			       "  api:\n"
			       "    build:\n"
			       "      context: app\n"
			       "      dockerfile: Dockerfile.prod\n"
			       "      target: final\n"
			       "      args:\n"
			       "        MSG: hello world\n"
			       "        EMPTY:\n"
			       "        N: 5\n",
			       "api", &b),
			 API_OK);
	assert_string_equal(b.context, "app");
	assert_string_equal(b.dockerfile, "Dockerfile.prod");
	assert_string_equal(b.target, "final");
	assert_int_equal(b.args.n, 3);
	assert_string_equal(api_kv_get(&b.args, "MSG"), "hello world");
	assert_string_equal(api_kv_get(&b.args, "EMPTY"), "");
	assert_string_equal(api_kv_get(&b.args, "N"), "5");
	/* a later file overrides field by field */
	assert_int_equal(parse("services: {api: {build: {target: dev, "
			       "args: [MSG=bye, BARE, =x, 'EQ=a=b']}}}",
			       "api", &b),
			 API_OK);
	assert_string_equal(b.context, "app");
	assert_string_equal(b.target, "dev");
	assert_string_equal(api_kv_get(&b.args, "MSG"), "bye");
	assert_string_equal(api_kv_get(&b.args, "EQ"), "a=b");
	assert_null(api_kv_get(&b.args, "BARE"));
	assert_int_equal(b.args.n, 4);
	compose_build_free(&b);
	compose_build_free(&b);
}

static void test_compose_odd(void **state)
{
	struct compose_build b = {0};

	(void)state;
	assert_int_equal(parse("x-b: &b {context: shared}\n"
			       "services: {w: {build: *b}}\n",
			       "w", &b),
			 API_OK);
	assert_string_equal(b.context, "shared");
	compose_build_free(&b);
	assert_int_equal(parse("services: {w: {image: x}}", "w", &b), API_OK);
	assert_false(b.found);
	assert_int_equal(parse("services: {w: {build: [1, 2]}}", "w", &b),
			 API_OK);
	assert_true(b.found);
	assert_null(b.context);
	compose_build_free(&b);
	assert_int_equal(parse("services: {w: {build: {args: 5, context: "
			       "{a: 1}}}}",
			       "w", &b),
			 API_OK);
	assert_null(b.context);
	assert_int_equal(b.args.n, 0);
	compose_build_free(&b);
	assert_int_equal(parse("services: [w]", "w", &b), API_OK);
	assert_false(b.found);
	assert_int_equal(parse("", "w", &b), API_OK);
	assert_int_equal(parse("services: {w: {build: \"\xff\xfe\"}}", "w", &b),
			 API_E_PARSE);
	assert_int_equal(parse("services:\n  w: [\n", "w", &b), API_E_PARSE);
	assert_false(b.found);
}

static void write_file(const char *name, const char *text)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void test_from_labels(void **state)
{
	char wd[300], files[700];
	struct api_kv kv[3] = {
		{"com.docker.compose.project.working_dir", wd},
		{"com.docker.compose.project.config_files", files},
		{"com.docker.compose.service", "api"}};
	struct api_kvlist labels = {kv, 3};
	struct rebuild_ctx r;
	struct api_error err = {0};
	char want[300];

	(void)state;
	snprintf(wd, sizeof(wd), "%s/proj", dir);
	snprintf(files, sizeof(files), "%s/proj/a.yaml,%s/proj/b.yaml", dir,
		 dir);
	write_file("proj/a.yaml", "services:\n  api:\n    build:\n"
				  "      context: app\n"
				  "      args: {V: one}\n");
	write_file("proj/b.yaml", "services: {api: {build: {dockerfile: "
				  "sub/../D2, target: t}}}\n");
	assert_int_equal(
		rebuild_ctx_resolve("c1", &labels, NULL, NULL, &r, &err),
		API_OK);
	snprintf(want, sizeof(want), "%s/proj/app", dir);
	assert_string_equal(r.context_dir, want);
	assert_string_equal(r.dockerfile, "D2");
	assert_string_equal(r.target, "t");
	assert_string_equal(api_kv_get(&r.args, "V"), "one");
	assert_string_equal(r.source, "compose");
	rebuild_ctx_free(&r);
	rebuild_ctx_free(&r);
	write_file("proj/b.yaml", "services: {api: {image: x}, other: "
				  "{build: .}}\n");
	kv[2].value = "other";
	assert_int_equal(rebuild_ctx_from_compose(&labels, &r, &err), API_OK);
	assert_string_equal(r.context_dir, wd);
	rebuild_ctx_free(&r);
	kv[2].value = "none";
	assert_int_equal(rebuild_ctx_from_compose(&labels, &r, &err),
			 API_E_INVALID);
	assert_non_null(strstr(err.msg, "no build section"));
	labels.n = 1;
	assert_int_equal(rebuild_ctx_from_compose(&labels, &r, &err),
			 API_E_INVALID);
	assert_null(r.context_dir);
}

static void test_remembered(void **state)
{
	char st[300], ctx[300], want[300];
	struct rebuild_ctx r;
	struct api_error err = {0};
	struct api_kvlist none = {0};
	char *file;

	(void)state;
	snprintf(st, sizeof(st), "%s/state", dir);
	setenv("XDG_STATE_HOME", st, 1);
	file = rebuild_state_file();
	snprintf(want, sizeof(want), "%s/state/berth/rebuild", dir);
	assert_string_equal(file, want);
	assert_int_equal(rebuild_state_load(file, "web", &r, &err),
			 API_E_INVALID);
	assert_non_null(strstr(err.msg, "--context"));
	snprintf(ctx, sizeof(ctx), "%s/proj/./app/", dir);
	assert_int_equal(
		rebuild_ctx_resolve("web", &none, ctx, "Dfile", &r, &err),
		API_OK);
	assert_string_equal(r.source, "given");
	rebuild_ctx_free(&r);
	assert_int_equal(rebuild_ctx_resolve("db", NULL, dir, NULL, &r, &err),
			 API_OK);
	rebuild_ctx_free(&r);
	/* once given, remembered: the second resolve needs no --context */
	assert_int_equal(
		rebuild_ctx_resolve("web", &none, NULL, NULL, &r, &err),
		API_OK);
	snprintf(want, sizeof(want), "%s/proj/app", dir);
	assert_string_equal(r.context_dir, want);
	assert_string_equal(r.dockerfile, "Dfile");
	assert_string_equal(r.source, "remembered");
	rebuild_ctx_free(&r);
	/* given again: replaced, not duplicated */
	assert_int_equal(rebuild_ctx_resolve("web", NULL, dir, NULL, &r, &err),
			 API_OK);
	rebuild_ctx_free(&r);
	assert_int_equal(rebuild_state_load(file, "web", &r, &err), API_OK);
	assert_string_equal(r.context_dir, dir);
	assert_null(r.dockerfile);
	rebuild_ctx_free(&r);
	free(tl_sh(NULL, "test $(wc -l < %s) -eq 2", file));
	assert_int_equal(rebuild_ctx_resolve("x", NULL, "/nonexistent-berth",
					     NULL, &r, &err),
			 API_E_INVALID);
	assert_int_equal(
		rebuild_ctx_resolve("x", NULL, dir, "/etc/passwd", &r, &err),
		API_E_INVALID);
	free(file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compose_forms),
		cmocka_unit_test(test_compose_odd),
		cmocka_unit_test(test_from_labels),
		cmocka_unit_test(test_remembered),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
