/* The options table: defaults, config files and their errors, --help. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/options.h"

static int parse_data(struct options *o, const char *name, char *err,
		      size_t errlen)
{
	size_t len;
	char *text = tl_data(name, &len);
	int rc = options_parse_buffer(o, text, len, name, err, errlen);

	free(text);
	return rc;
}

static void test_defaults(void **state)
{
	struct options o;
	struct keymap km;

	(void)state;
	assert_int_equal(options_init(&o), 0);
	assert_string_equal(o.theme, "default");
	assert_false(o.read_only);
	assert_false(o.mouse);
	assert_int_equal(o.log_tail, 1000);
	assert_int_equal(o.log_max_lines, 100000);
	assert_int_equal(o.log_max_bytes, 16L * 1024 * 1024);
	assert_true(o.stats);
	assert_true(o.log_colours);
	assert_true(o.log_fields);
	assert_true(o.log_fold);
	assert_false(o.drift);
	assert_int_equal(o.refresh_ms, 500);
	assert_string_equal(o.shell, "/bin/bash:/bin/sh");
	assert_true(o.confirm_destructive);
	assert_string_equal(o.host, "");
	assert_int_equal(o.time_format, OPT_TIME_RELATIVE);
	assert_int_equal(o.sort, OPT_SORT_NAME);
	keymap_init(&km);
	assert_memory_equal(&o.keys, &km, sizeof(km));
	options_free(&o);
	options_free(&o);
}

/* Every row of the table is well formed and its default valid. */
static void test_table(void **state)
{
	const struct option_def *t;
	size_t n, i;
	char err[256];

	(void)state;
	t = options_table(&n);
	assert_int_equal(n, 21);
	for (i = 0; i < n; i++) {
		assert_non_null(t[i].help);
		assert_ptr_equal(options_find(t[i].name), &t[i]);
		if (t[i].type == OPT_INT || t[i].type == OPT_BYTES) {
			assert_true(t[i].min <= t[i].def_num);
			assert_true(t[i].def_num <= t[i].max);
			assert_non_null(t[i].arg);
		}
		if (t[i].type == OPT_ENUM)
			assert_non_null(t[i].values[t[i].def_num]);
		if (t[i].type == OPT_STRING && t[i].check)
			assert_int_equal(
				t[i].check(t[i].def_str, err, sizeof(err)), 0);
	}
	/* the column list: known names, name among them */
	t = options_find("columns");
	assert_non_null(t);
	assert_int_equal(t->check("name,net,block,pids", err, sizeof(err)), 0);
	assert_int_equal(t->check("name,netio", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown column 'netio'"));
	assert_int_equal(t->check("cpu,mem", err, sizeof(err)), -1);
	assert_int_equal(t->check("name,,cpu", err, sizeof(err)), -1);
	assert_null(options_find("colour"));
	assert_non_null(options_find("LOG_TAIL"));
}

static void test_full_file(void **state)
{
	struct options o;
	char err[256] = "";

	(void)state;
	assert_int_equal(options_init(&o), 0);
	if (parse_data(&o, "config_full.conf", err, sizeof(err)) != 0)
		fail_msg("%s", err);
	assert_string_equal(o.theme, "light");
	assert_true(o.read_only);
	assert_true(o.mouse);
	assert_int_equal(o.log_tail, 500);
	assert_int_equal(o.log_max_lines, 2000);
	assert_int_equal(o.log_max_bytes, 4L * 1024 * 1024);
	assert_false(o.stats);
	assert_false(o.log_colours);
	assert_false(o.log_fields);
	assert_false(o.log_fold);
	assert_true(o.drift);
	assert_int_equal(o.refresh_ms, 100);
	assert_string_equal(o.shell, "/bin/zsh:/bin/sh");
	assert_false(o.confirm_destructive);
	assert_string_equal(o.host, "unix:///tmp/x.sock#1");
	assert_int_equal(o.time_format, OPT_TIME_ABSOLUTE);
	assert_int_equal(o.sort, OPT_SORT_CPU);
	assert_int_equal(keymap_lookup(&o.keys, KCTX_CONTAINERS, 'x'),
			 ACT_CONTAINER_KILL);
	assert_int_equal(keymap_lookup(&o.keys, KCTX_LIST, '#'), ACT_LIST_TOP);
	assert_int_equal(keymap_lookup(&o.keys, KCTX_CONTAINERS, 19),
			 ACT_CONTAINER_STOP);
	assert_int_equal(keymap_lookup(&o.keys, KCTX_CONTAINERS, 's'),
			 ACT_NONE);
	assert_int_equal(keymap_lookup(&o.keys, KCTX_DIALOG, 'q'),
			 ACT_DIALOG_CANCEL);
	options_free(&o);
}

static void test_crlf_empty_utf8(void **state)
{
	struct options o, d;
	char err[256] = "";

	(void)state;
	assert_int_equal(options_init(&o), 0);
	assert_int_equal(parse_data(&o, "config_crlf.conf", err, sizeof(err)),
			 0);
	assert_string_equal(o.theme, "mono");
	assert_int_equal(o.log_max_bytes, 64 * 1024);
	options_free(&o);

	assert_int_equal(options_init(&o), 0);
	assert_int_equal(options_init(&d), 0);
	assert_int_equal(parse_data(&o, "config_empty.conf", err, sizeof(err)),
			 0);
	assert_string_equal(o.theme, d.theme);
	assert_int_equal(o.log_tail, d.log_tail);
	options_free(&d);
	/* Bytes that are not UTF-8 are kept as they are. */
	assert_int_equal(parse_data(&o, "config_utf8.conf", err, sizeof(err)),
			 0);
	assert_string_equal(o.theme, "\xff\xfe");
	assert_string_equal(o.host, "unix:///\xc3\x28");
	options_free(&o);
}

static const struct {
	const char *file, *msg;
} bad[] = {
	{"config_bad_unknown.conf",
	 "config_bad_unknown.conf:2: unknown option 'colour'"},
	{"config_bad_bool.conf",
	 "config_bad_bool.conf:1: mouse: 'maybe' is not yes or no"},
	{"config_bad_int.conf",
	 "config_bad_int.conf:3: log_tail: 'lots' is not a number"},
	{"config_bad_range.conf", "config_bad_range.conf:1: log_tail: 1000001 "
				  "is out of range (0..1000000)"},
	{"config_bad_size.conf",
	 "config_bad_size.conf:1: log_max_bytes: '2T' is not a size"},
	{"config_bad_huge.conf",
	 "config_bad_huge.conf:1: log_max_bytes: 99999999999999999999G is "
	 "out of range (65536..1073741824)"},
	{"config_bad_enum.conf", "config_bad_enum.conf:1: sort: 'size' is not "
				 "one of name, state, created, cpu, mem"},
	{"config_bad_syntax.conf",
	 "config_bad_syntax.conf:2: expected 'name = value'"},
	{"config_bad_quote.conf", "config_bad_quote.conf:1: unclosed quote"},
	{"config_bad_trailing.conf",
	 "config_bad_trailing.conf:1: text after the quoted value"},
	{"config_bad_host.conf",
	 "config_bad_host.conf:1: host: 'ftp://example' is not "
	 "unix://PATH or tcp://HOST:PORT"},
	{"config_bad_shell.conf", "config_bad_shell.conf:1: shell: empty "
				  "entry in '/bin/bash::/bin/sh'"},
	{"config_bad_bind_args.conf",
	 "config_bad_bind_args.conf:1: expected 'bind CONTEXT KEY ACTION'"},
	{"config_bad_bind_ctx.conf",
	 "config_bad_bind_ctx.conf:1: unknown context 'kitchen'"},
	{"config_bad_bind_key.conf",
	 "config_bad_bind_key.conf:1: unknown key 'Hyper-x'"},
	{"config_bad_bind_action.conf",
	 "config_bad_bind_action.conf:1: unknown action 'app.explode'"},
	{"config_bad_key_args.conf",
	 "config_bad_key_args.conf:1: expected 'key ACTION = KEY'"},
	{"config_bad_utf8.conf", "config_bad_utf8.conf:2: sort: '\xff' is not "
				 "one of name, state, created, cpu, mem"},
	{"config_bad_noname.conf",
	 "config_bad_noname.conf:1: missing option name before '='"},
};

/* Each error names file, line and culprit; the options stay as they
 * were, even the lines before the bad one. */
static void test_errors(void **state)
{
	struct options o;
	struct keymap km;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char err[256] = "";
		assert_int_equal(options_init(&o), 0);
		km = o.keys;
		assert_int_equal(parse_data(&o, bad[i].file, err, sizeof(err)),
				 -1);
		assert_string_equal(err, bad[i].msg);
		assert_false(o.mouse);
		assert_string_equal(o.theme, "default");
		assert_memory_equal(&o.keys, &km, sizeof(km));
		options_free(&o);
	}
}

static void test_errors_inline(void **state)
{
	static const char nul[] = "mouse = yes\nsort\0 = cpu\n";
	char big[5000], err[256];
	struct options o;

	(void)state;
	assert_int_equal(options_init(&o), 0);
	assert_int_equal(options_parse_buffer(&o, nul, sizeof(nul) - 1, "n",
					      err, sizeof(err)),
			 -1);
	assert_string_equal(err, "n:2: NUL byte in line");
	memset(big, ' ', sizeof(big));
	assert_int_equal(options_parse_buffer(&o, big, sizeof(big), "b", err,
					      sizeof(err)),
			 -1);
	assert_string_equal(err, "b:1: line too long");
	assert_int_equal(options_load_file("tests/data/no-such.conf", &o, err,
					   sizeof(err)),
			 -1);
	assert_string_equal(err, "tests/data/no-such.conf: No such file or "
				 "directory");
	assert_int_equal(options_load_file("tests/data/config_full.conf", &o,
					   err, sizeof(err)),
			 0);
	assert_string_equal(o.theme, "light");
	options_free(&o);
}

static void test_set(void **state)
{
	struct options o;
	char err[256];

	(void)state;
	assert_int_equal(options_init(&o), 0);
	assert_int_equal(
		options_set(&o, "log_max_bytes", "1g", err, sizeof(err)), 0);
	assert_int_equal(o.log_max_bytes, 1024L * 1024 * 1024);
	assert_int_equal(
		options_set(&o, "log_max_bytes", "512KB", err, sizeof(err)), 0);
	assert_int_equal(o.log_max_bytes, 512 * 1024);
	assert_int_equal(
		options_set(&o, "log_max_bytes", "65536", err, sizeof(err)), 0);
	assert_int_equal(o.log_max_bytes, 65536);
	assert_int_equal(
		options_set(&o, "log_max_bytes", "2G", err, sizeof(err)), -1);
	assert_int_equal(
		options_set(&o, "log_max_bytes", "1MX", err, sizeof(err)), -1);
	assert_int_equal(options_set(&o, "log_tail", "-1", err, sizeof(err)),
			 -1);
	assert_string_equal(err, "log_tail: -1 is out of range (0..1000000)");
	assert_int_equal(options_set(&o, "log_tail", "1e300", err, sizeof(err)),
			 -1);
	assert_string_equal(err, "log_tail: '1e300' is not a number");
	assert_int_equal(options_set(&o, "log_tail", "", err, sizeof(err)), -1);
	assert_int_equal(options_set(&o, "log_tail", " 5", err, sizeof(err)),
			 -1);
	assert_int_equal(options_set(&o, "stats", "OFF", err, sizeof(err)), 0);
	assert_false(o.stats);
	assert_true(o.log_colours);
	assert_int_equal(options_set(&o, "stats", "1", err, sizeof(err)), 0);
	assert_true(o.stats);
	assert_int_equal(options_set(&o, "log_colours", "no", err, sizeof(err)),
			 0);
	assert_false(o.log_colours);
	assert_int_equal(options_set(&o, "host", "tcp://127.0.0.1:2375", err,
				     sizeof(err)),
			 0);
	assert_string_equal(o.host, "tcp://127.0.0.1:2375");
	assert_int_equal(options_set(&o, "host", "tcp://", err, sizeof(err)),
			 -1);
	assert_string_equal(o.host, "tcp://127.0.0.1:2375");
	assert_int_equal(options_set(&o, "theme", "", err, sizeof(err)), -1);
	assert_string_equal(err, "theme: a name is needed");
	assert_int_equal(options_set(&o, "sort", "MEM", err, sizeof(err)), 0);
	assert_int_equal(o.sort, OPT_SORT_MEM);
	options_free(&o);
}

static void test_copy(void **state)
{
	struct options a, b;
	char err[256];

	(void)state;
	assert_int_equal(options_init(&a), 0);
	assert_int_equal(options_copy(&b, &a), 0);
	assert_ptr_not_equal(a.theme, b.theme);
	assert_int_equal(options_set(&b, "theme", "light", err, sizeof(err)),
			 0);
	assert_string_equal(a.theme, "default");
	assert_string_equal(b.theme, "light");
	options_free(&a);
	options_free(&b);
}

static void test_default_path(void **state)
{
	char *p;

	(void)state;
	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	p = options_default_path();
	assert_string_equal(p, "/x/cfg/berth/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/home/u", 1);
	p = options_default_path();
	assert_string_equal(p, "/home/u/.config/berth/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(options_default_path());
}

static char *capture(void (*print)(FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	print(f);
	fclose(f);
	return buf;
}

static void test_help_and_man(void **state)
{
	const struct option_def *t;
	size_t n, i;
	char *help = capture(options_print_help);
	char *man = capture(options_print_man);

	(void)state;
	t = options_table(&n);
	for (i = 0; i < n; i++)
		assert_non_null(strstr(help, t[i].name));
	assert_non_null(strstr(help, "  log_max_bytes = SIZE (64K..1G)\n"));
	assert_non_null(strstr(help, "(default: 16M)"));
	assert_non_null(strstr(help, "  time_format = relative|absolute\n"));
	assert_non_null(strstr(help, "  mouse = yes|no\n"));
	assert_non_null(strstr(help, "(default: \"/bin/bash:/bin/sh\")"));
	assert_non_null(strstr(man, ".TP\n.B log_max_bytes = \\fISIZE"));
	assert_non_null(strstr(man, "Default: \"/bin/bash:/bin/sh\"."));
	assert_null(strstr(man, "\n-"));
	free(help);
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_full_file),
		cmocka_unit_test(test_crlf_empty_utf8),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_errors_inline),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_help_and_man),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
