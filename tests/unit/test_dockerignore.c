/* .dockerignore rules: cases after moby's patternmatcher and Go's
 * filepath.Clean test tables. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/dockerignore.h"

static int excluded_by(const char *rules, const char *path)
{
	struct dockerignore d;
	struct api_error err = {0};
	int m;

	assert_int_equal(api_dockerignore_parse(rules, strlen(rules), &d, &err),
			 API_OK);
	m = api_dockerignore_excluded(&d, path);
	api_dockerignore_free(&d);
	return m;
}

struct mcase {
	const char *pattern, *path;
	int want;
};

static void test_moby_matches(void **state)
{
	static const struct mcase cases[] = {
		{"**", "file", 1},
		{"**/", "file", 1},
		{"**", "dir/file", 1},
		{"**/", "dir/file", 1},
		{"**/**", "dir/file", 1},
		{"dir/**", "dir/file", 1},
		{"dir/**", "dir/dir2/file", 1},
		{"**/dir", "dir", 1},
		{"**/dir", "dir/file", 1},
		{"**/dir2/*", "dir/dir2/file", 1},
		{"**/dir2/**", "dir/dir2/dir3/file", 1},
		{"**file", "file", 1},
		{"**file", "dir/file", 1},
		{"**/file", "dir/file", 1},
		{"**file", "dir/dir/file", 1},
		{"**/file", "dir/dir/file", 1},
		{"**/file*", "dir/dir/file", 1},
		{"**/file*", "dir/dir/file.txt", 1},
		{"**/file*txt", "dir/dir/file.txt", 1},
		{"**/file*.txt", "dir/dir/file.txt", 1},
		{"**/file*.txt*", "dir/dir/file.txt", 1},
		{"**/**/*.txt", "dir/dir/file.txt", 1},
		{"**/**/*.txt2", "dir/dir/file.txt", 0},
		{"**/*.txt", "file.txt", 1},
		{"**/**/*.txt", "file.txt", 1},
		{"a**/*.txt", "a/file.txt", 1},
		{"a**/*.txt", "a/dir/file.txt", 1},
		{"a**/*.txt", "a/dir/dir/file.txt", 1},
		{"a/*.txt", "a/dir/file.txt", 0},
		{"a/*.txt", "a/file.txt", 1},
		{"a/*.txt**", "a/file.txt", 1},
		{"a[b-d]e", "ae", 0},
		{"a[b-d]e", "ace", 1},
		{"a[b-d]e", "aae", 0},
		{"a[^b-d]e", "aze", 1},
		{"a[^b-d]e", "ace", 0},
		{".*", ".foo", 1},
		{".*", "foo", 0},
		{"abc.def", "abcdef", 0},
		{"abc.def", "abc.def", 1},
		{"abc.def", "abcZdef", 0},
		{"abc?def", "abcZdef", 1},
		{"abc?def", "abcdef", 0},
		{"abc?def", "abc/def", 0},
		{"a\\\\", "a\\", 1},
		{"a\\*b", "a*b", 1},
		{"a\\*b", "axb", 0},
		{"**/foo/bar", "foo/bar", 1},
		{"**/foo/bar", "dir/foo/bar", 1},
		{"**/foo/bar", "dir/dir2/foo/bar", 1},
		{"abc/**", "abc", 0},
		{"abc/**", "abc/def", 1},
		{"abc/**", "abc/def/ghi", 1},
		{"**/.foo", ".foo", 1},
		{"**/.foo", "bar.foo", 0},
		{"a(b)c/def", "a(b)c/def", 1},
		{"a(b)c/def", "a(b)c/xyz", 0},
		{"a.|)$(}+{bc", "a.|)$(}+{bc", 1},
		{"dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3.whl",
		 1},
		{"*", "a/b", 1}, /* through the parent "a" */
		{"*.go", "dir/x.go", 0},
		{"*/*.go", "dir/x.go", 1},
		{"/abs/path", "abs/path", 1},
		{"./rel//x/../y", "rel/y", 1},
		{"dir/", "dir/sub/file", 1},
		{"caf\xc3\xa9?", "caf\xc3\xa9\xc3\xb1", 1},
		{"?", "\xc3\xa9", 1},
		{"??", "\xc3\xa9", 0},
		{"[\xc3\xa0-\xc3\xbf]x", "\xc3\xa9x", 1},
		{"bad\xff*", "bad\xff\xfe", 1},
		{"*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		 0},
		{"foo", "foobar", 0},
		{"foo", "barfoo", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = excluded_by(cases[i].pattern, cases[i].path);
		if (got != cases[i].want)
			fail_msg("pattern \"%s\" path \"%s\": got %d",
				 cases[i].pattern, cases[i].path, got);
	}
}

static void test_exceptions_and_order(void **state)
{
	static const char rules[] = "# comment\n"
				    "secret.txt\n"
				    "logs/\n"
				    "!logs/keep.txt\n"
				    "  *.md  \r\n"
				    "!README.md\n"
				    "\n";
	struct dockerignore d;
	struct api_error err = {0};

	(void)state;
	assert_int_equal(
		api_dockerignore_parse(rules, sizeof(rules) - 1, &d, &err),
		API_OK);
	assert_int_equal(d.n, 5);
	assert_true(d.has_exclusions);
	assert_true(api_dockerignore_excluded(&d, "secret.txt"));
	assert_false(api_dockerignore_excluded(&d, "sub/secret.txt"));
	assert_true(api_dockerignore_excluded(&d, "logs"));
	assert_true(api_dockerignore_excluded(&d, "logs/a.log"));
	assert_true(api_dockerignore_excluded(&d, "logs/deep/keep.txt"));
	assert_false(api_dockerignore_excluded(&d, "logs/keep.txt"));
	assert_true(api_dockerignore_excluded(&d, "NOTES.md"));
	assert_false(api_dockerignore_excluded(&d, "README.md"));
	assert_false(api_dockerignore_excluded(&d, "Dockerfile"));
	assert_false(api_dockerignore_excluded(&d, "# comment"));
	/* logs/ holds an exception: the walk must go in */
	assert_false(api_dockerignore_skip_dir(&d, "logs"));
	assert_true(api_dockerignore_skip_dir(&d, "other"));
	assert_true(api_dockerignore_skip_dir(&d, "log"));
	api_dockerignore_free(&d);
	api_dockerignore_free(&d);
}

static void test_later_rules_win(void **state)
{
	(void)state;
	assert_false(excluded_by("*.txt\n!a.txt\n", "a.txt"));
	assert_true(excluded_by("!a.txt\n*.txt\n", "a.txt"));
	assert_true(excluded_by("docs\n!docs/README.md\ndocs/README.md\n",
				"docs/README.md"));
	assert_false(excluded_by("docs\n!docs/README.md\n", "docs/README.md"));
	assert_true(excluded_by("docs\n!docs/README.md\n", "docs/other.md"));
	/* the parent dir matches, so an exception on the dir re-includes */
	assert_false(excluded_by("*\n!sub\n", "sub/file"));
	assert_true(excluded_by("*\n!sub\n", "other/file"));
}

static void test_added_rules(void **state)
{
	struct dockerignore d;
	struct api_error err = {0};
	static const char rules[] = "*\n";

	(void)state;
	assert_int_equal(api_dockerignore_parse(rules, 2, &d, &err), API_OK);
	assert_false(d.has_exclusions);
	assert_true(api_dockerignore_skip_dir(&d, "any"));
	assert_true(api_dockerignore_excluded(&d, "Dockerfile"));
	assert_int_equal(api_dockerignore_add(&d, "!Dockerfile", &err), API_OK);
	assert_int_equal(api_dockerignore_add(&d, "!.dockerignore", &err),
			 API_OK);
	assert_false(api_dockerignore_excluded(&d, "Dockerfile"));
	assert_false(api_dockerignore_excluded(&d, ".dockerignore"));
	assert_true(api_dockerignore_excluded(&d, "main.c"));
	api_dockerignore_free(&d);
}

static void test_bad_patterns(void **state)
{
	static const char *bad[] = {"[",   "a[", "[]a]",      "[a-",
				    "[\\", "!",	 "ok\n!  \n", "x[a-]"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct dockerignore d;
		struct api_error err = {0};
		api_code rc = api_dockerignore_parse(bad[i], strlen(bad[i]), &d,
						     &err);
		if (rc != API_E_INVALID)
			fail_msg("\"%s\": got %d", bad[i], rc);
		assert_int_equal(d.n, 0);
		assert_null(d.pats);
	}
}

static void test_empty_and_bom(void **state)
{
	struct dockerignore d;
	struct api_error err = {0};

	(void)state;
	assert_int_equal(api_dockerignore_parse("", 0, &d, &err), API_OK);
	assert_int_equal(d.n, 0);
	assert_false(api_dockerignore_excluded(&d, "x"));
	api_dockerignore_free(&d);
	assert_int_equal(
		api_dockerignore_parse("\xEF\xBB\xBFx\n#y\n", 8, &d, &err),
		API_OK);
	assert_int_equal(d.n, 1);
	assert_true(api_dockerignore_excluded(&d, "x"));
	assert_false(api_dockerignore_excluded(&d, "#y"));
	api_dockerignore_free(&d);
	/* an embedded NUL never matches a real path */
	assert_int_equal(api_dockerignore_parse("a\0b\n", 4, &d, &err), API_OK);
	assert_false(api_dockerignore_excluded(&d, "a"));
	api_dockerignore_free(&d);
}

static void test_path_clean(void **state)
{
	static const char *cases[][2] = {
		{"abc", "abc"},
		{"abc/def", "abc/def"},
		{"", "."},
		{".", "."},
		{"..", ".."},
		{"../..", "../.."},
		{"../../abc", "../../abc"},
		{"/abc", "/abc"},
		{"/", "/"},
		{"abc/", "abc"},
		{"abc//def//ghi", "abc/def/ghi"},
		{"//abc", "/abc"},
		{"abc/./def", "abc/def"},
		{"/./abc/def", "/abc/def"},
		{"abc/.", "abc"},
		{"abc/def/ghi/../jkl", "abc/def/jkl"},
		{"abc/def/../ghi/../jkl", "abc/jkl"},
		{"abc/def/..", "abc"},
		{"abc/def/../..", "."},
		{"/abc/def/../..", "/"},
		{"abc/def/../../..", ".."},
		{"/abc/def/../../..", "/"},
		{"abc/def/../../../ghi/jkl/../../../mno", "../../mno"},
		{"abc/./../def", "def"},
		{"abc//./../def", "def"},
		{"abc/../../././../def", "../../def"},
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int n = api_path_clean(cases[i][0], strlen(cases[i][0]), out,
				       sizeof(out));
		assert_int_equal(n, (int)strlen(cases[i][1]));
		assert_string_equal(out, cases[i][1]);
	}
	assert_int_equal(api_path_clean("abcdef", 6, out, 4), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moby_matches),
		cmocka_unit_test(test_exceptions_and_order),
		cmocka_unit_test(test_later_rules_win),
		cmocka_unit_test(test_added_rules),
		cmocka_unit_test(test_bad_patterns),
		cmocka_unit_test(test_empty_and_bom),
		cmocka_unit_test(test_path_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
