/* The console's export: format answers, file names, the dialog's
 * preview, writing the file, and the child output buffers. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/dialog.h"
#include "views/container_export.h"

static void test_parse_format(void **state)
{
	(void)state;
	assert_int_equal(cexport_parse_format(""), CEXPORT_RUN);
	assert_int_equal(cexport_parse_format("  "), CEXPORT_RUN);
	assert_int_equal(cexport_parse_format("run"), CEXPORT_RUN);
	assert_int_equal(cexport_parse_format("r"), CEXPORT_RUN);
	assert_int_equal(cexport_parse_format(" Compose "), CEXPORT_COMPOSE);
	assert_int_equal(cexport_parse_format("c"), CEXPORT_COMPOSE);
	assert_int_equal(cexport_parse_format("SYSTEMD"), CEXPORT_SYSTEMD);
	assert_int_equal(cexport_parse_format("sys"), CEXPORT_SYSTEMD);
	assert_int_equal(cexport_parse_format("runs"), -1);
	assert_int_equal(cexport_parse_format("x"), -1);
	assert_int_equal(cexport_parse_format("r un"), -1);
	assert_int_equal(cexport_parse_format("\xff\xfe"), -1);
	assert_int_equal(cexport_parse_format(NULL), -1);
	assert_string_equal(cexport_format_name(CEXPORT_COMPOSE), "compose");
	assert_string_equal(cexport_format_name(7), "run");
}

static void test_default_file(void **state)
{
	char b[64];

	(void)state;
	cexport_default_file("web-1", CEXPORT_RUN, b, sizeof(b));
	assert_string_equal(b, "web-1.sh");
	cexport_default_file("web_1.x", CEXPORT_COMPOSE, b, sizeof(b));
	assert_string_equal(b, "web_1.x.compose.yaml");
	cexport_default_file("db", CEXPORT_SYSTEMD, b, sizeof(b));
	assert_string_equal(b, "db.service");
	/* nothing that climbs out of the directory or hides the file */
	cexport_default_file("../a/b c\xc3\xa9", CEXPORT_RUN, b, sizeof(b));
	assert_string_equal(b, "_._a_b_c__.sh");
	cexport_default_file("", -3, b, sizeof(b));
	assert_string_equal(b, "container.sh");
	cexport_default_file(NULL, CEXPORT_SYSTEMD, b, 8);
	assert_string_equal(b, "contain");
}

static void test_preview_short(void **state)
{
	char out[DIALOG_TEXT_MAX];
	const char *t = "docker run -d --name web-1 local/app:1\n";

	(void)state;
	cexport_preview(t, strlen(t), out, sizeof(out));
	assert_string_equal(out, "docker run -d --name web-1 local/app:1");
	cexport_preview("", 0, out, sizeof(out));
	assert_string_equal(out, "");
}

static void test_preview_long(void **state)
{
	char out[DIALOG_TEXT_MAX], *t = malloc(10000), tail[64];
	size_t i, cut;

	(void)state;
	assert_non_null(t);
	/* lines of 49 characters and a newline */
	for (i = 0; i < 10000; i++)
		t[i] = i % 50 == 49 ? '\n' : (char)('a' + i % 26);
	cexport_preview(t, 10000, out, sizeof(out));
	assert_true(strlen(out) < sizeof(out));
	cut = (size_t)(strstr(out, "…") - out);
	assert_int_equal(cut % 50, 0); /* at a line end */
	assert_memory_equal(out, t, cut);
	snprintf(tail, sizeof(tail), "… %zu more bytes", 10000 - cut);
	assert_non_null(strstr(out, tail));

	/* one long line of 2-byte characters: never cut inside one */
	for (i = 0; i + 1 < 10000; i += 2)
		t[i] = '\xc3', t[i + 1] = '\xa9';
	cexport_preview(t, 10000, out, sizeof(out));
	cut = (size_t)(strstr(out, "\n…") - out);
	assert_int_equal(cut % 2, 0);
	assert_memory_equal(out, t, cut);
	free(t);
}

static void test_write(void **state)
{
	char dir[] = "/tmp/berth-cexport.XXXXXX", path[256], err[300], got[64];
	FILE *f;
	size_t n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/web.sh", dir);
	assert_int_equal(
		cexport_write(path, "old text, longer\n", 17, err, sizeof(err)),
		17);
	/* replaced, not appended */
	assert_int_equal(cexport_write(path, "a\0b\n", 4, err, sizeof(err)), 4);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(got, 1, sizeof(got), f);
	fclose(f);
	assert_int_equal(n, 4);
	assert_memory_equal(got, "a\0b\n", 4);
	unlink(path);

	/* ~/ is the home directory */
	setenv("HOME", dir, 1);
	assert_int_equal(cexport_write("~/u.service", "x", 1, err, sizeof(err)),
			 1);
	snprintf(path, sizeof(path), "%s/u.service", dir);
	assert_int_equal(access(path, F_OK), 0);
	unlink(path);

	snprintf(path, sizeof(path), "%s/no/such/dir/f", dir);
	assert_int_equal(cexport_write(path, "x", 1, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "No such file or directory"));
	assert_non_null(strstr(err, "/no/such/dir/f"));
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_format),
		cmocka_unit_test(test_default_file),
		cmocka_unit_test(test_preview_short),
		cmocka_unit_test(test_preview_long),
		cmocka_unit_test(test_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
