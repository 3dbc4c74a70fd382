/* Where docker cp puts a copy, and how archive entries are renamed for
 * it; and the engine's path stat header. */
#include "tests/lib/testlib.h"

#include <string.h>

#include "api/container_archive.h"
#include "ops/cp_plan.h"

static struct cp_plan p;
static char msg[256];

static int plan(const char *src, enum cp_kind sk, const char *dst,
		enum cp_kind dk, enum cp_kind pk)
{
	msg[0] = '\0';
	return cp_plan_make(src, sk, dst, dk, pk, &p, msg, sizeof(msg));
}

static const char *entry(const char *name)
{
	static char out[512];
	int unsafe;
	const char *r = cp_entry_name(&p, name, out, sizeof(out), &unsafe);

	return r ? r : unsafe ? "UNSAFE" : "SKIP";
}

static void test_into_a_directory(void **state)
{
	(void)state;
	assert_int_equal(plan("/etc", CP_DIR, "/tmp/x", CP_DIR, CP_DIR), 0);
	assert_string_equal(p.dir, "/tmp/x");
	assert_string_equal(entry("etc/passwd"), "etc/passwd");
	assert_string_equal(entry("etc/"), "etc");
	/* contents into an existing directory: no top entry */
	assert_int_equal(plan("/etc/.", CP_DIR, "/tmp/x", CP_DIR, CP_DIR), 0);
	assert_string_equal(entry("./"), "SKIP");
	assert_string_equal(entry("./passwd"), "passwd");
}

static void test_to_a_new_name(void **state)
{
	(void)state;
	assert_int_equal(plan("/etc", CP_DIR, "/tmp/conf", CP_ABSENT, CP_DIR),
			 0);
	assert_string_equal(p.dir, "/tmp");
	assert_string_equal(entry("etc/passwd"), "conf/passwd");
	assert_string_equal(entry("etc"), "conf");
	assert_int_equal(plan("/etc/.", CP_DIR, "new", CP_ABSENT, CP_DIR), 0);
	assert_string_equal(p.dir, ".");
	assert_string_equal(entry("./"), "new");
	assert_string_equal(entry("./group"), "new/group");
	/* a file over a file */
	assert_int_equal(
		plan("/etc/passwd", CP_FILE, "/tmp/p", CP_FILE, CP_DIR), 0);
	assert_string_equal(entry("passwd"), "p");
}

static void test_refusals(void **state)
{
	(void)state;
	assert_int_equal(plan("/etc", CP_DIR, "/tmp/f", CP_FILE, CP_DIR), -1);
	assert_string_equal(msg, "cannot copy a directory to a file: /tmp/f");
	assert_int_equal(
		plan("/etc/passwd", CP_FILE, "/nope/", CP_ABSENT, CP_ABSENT),
		-1);
	assert_string_equal(msg, "destination directory /nope/ does not exist");
	assert_int_equal(
		plan("/a", CP_FILE, "/no/such/f", CP_ABSENT, CP_ABSENT), -1);
	assert_string_equal(msg, "/no/such: no such directory");
	assert_int_equal(plan("/x", CP_ABSENT, "/tmp", CP_DIR, CP_DIR), -1);
	/* what an archive may not hold */
	assert_int_equal(plan("/etc", CP_DIR, "/tmp/x", CP_DIR, CP_DIR), 0);
	assert_string_equal(entry("/etc/passwd"), "UNSAFE");
	assert_string_equal(entry("etc/../../root"), "UNSAFE");
	assert_string_equal(entry("other/file"), "UNSAFE");
	assert_string_equal(entry("etcetera"), "UNSAFE");
}

static void test_names(void **state)
{
	char b[64];

	(void)state;
	cp_basename("/a/b/", b, sizeof(b));
	assert_string_equal(b, "b");
	cp_dirname("/a/b/", b, sizeof(b));
	assert_string_equal(b, "/a");
	cp_dirname("/a", b, sizeof(b));
	assert_string_equal(b, "/");
	cp_dirname("a", b, sizeof(b));
	assert_string_equal(b, ".");
}

static void test_path_stat(void **state)
{
	/* as the engine sent it for /etc */
	static const char h[] =
		"eyJuYW1lIjoiZXRjIiwic2l6ZSI6NDA5NiwibW9kZSI6MjE0NzQ4NDE0MSwi"
		"bXRpbWUiOiIyMDI2LTEyLTA0VDE5OjA0OjQ1LjY1MjU0NTQ0WiIsImxpbmtU"
		"YXJnZXQiOiIifQ==";
	struct api_path_stat st;
	struct api_error err;

	(void)state;
	assert_int_equal(api_path_stat_parse(h, strlen(h), &st, &err), API_OK);
	assert_string_equal(st.name, "etc");
	assert_int_equal(st.size, 4096);
	assert_true(st.mode & API_MODE_DIR);
	assert_int_equal(st.mode & 0777, 0755);
	api_path_stat_free(&st);
	assert_int_equal(api_path_stat_parse("!!", 2, &st, &err), API_E_PARSE);
	assert_int_equal(api_path_stat_parse("bnVsbA==", 8, &st, &err),
			 API_E_PARSE); /* "null" */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_into_a_directory),
		cmocka_unit_test(test_to_a_new_name),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_path_stat),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
