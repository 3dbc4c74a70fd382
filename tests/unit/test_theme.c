/* Themes: the built-in, the shipped files, user files and their errors,
 * NO_COLOR, colour clamping and name resolution. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tui/theme.h"

static const char *const shipped[] = {"default", "light", "high-contrast",
				      "mono"};

static void load_data(const char *name, struct theme *t, unsigned char *seen,
		      char *err, size_t errlen, int want)
{
	size_t len;
	char *text = tl_data(name, &len);

	assert_int_equal(
		theme_parse_buffer(text, len, name, t, seen, err, errlen),
		want);
	free(text);
}

static void test_slot_names(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < TS_COUNT; i++) {
		const char *n = theme_slot_name((enum theme_slot)i);
		assert_non_null(n);
		assert_int_equal(theme_slot_find(n), i);
		for (j = 0; j < i; j++)
			assert_string_not_equal(n, theme_slot_name(j));
	}
	assert_null(theme_slot_name(TS_COUNT));
	assert_int_equal(theme_slot_find("state-running"), TS_STATE_RUNNING);
	assert_int_equal(theme_slot_find("KEYBAR-KEY"), TS_KEYBAR_KEY);
	assert_int_equal(theme_slot_find("nope"), -1);
}

/* Each shipped file loads cleanly and names every slot. */
static void test_shipped_themes_complete(void **state)
{
	char path[256], err[256];
	size_t i, len;
	int s;

	(void)state;
	for (i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++) {
		unsigned char seen[TS_COUNT];
		struct theme t;
		FILE *f;
		char *text;

		snprintf(path, sizeof(path), "themes/%s.theme", shipped[i]);
		f = fopen(path, "rb");
		assert_non_null(f);
		text = malloc(65536);
		assert_non_null(text);
		len = fread(text, 1, 65536, f);
		fclose(f);
		memset(seen, 0, sizeof(seen));
		err[0] = '\0';
		if (theme_parse_buffer(text, len, path, &t, seen, err,
				       sizeof(err)) != 0)
			fail_msg("%s", err);
		for (s = 0; s < TS_COUNT; s++)
			if (!seen[s])
				fail_msg("%s lacks %s", path,
					 theme_slot_name(s));
		assert_int_equal(theme_load_file(path, &t, err, sizeof(err)),
				 0);
		free(text);
	}
}

static void test_default_file_is_builtin(void **state)
{
	struct theme t;
	char err[256];

	(void)state;
	assert_int_equal(
		theme_load_file("themes/default.theme", &t, err, sizeof(err)),
		0);
	assert_memory_equal(&t, &theme_builtin, sizeof(t));
}

/* mono.theme is what NO_COLOR makes of the built-in theme. */
static void test_mono_file_is_no_color(void **state)
{
	struct theme t, nc = theme_builtin;
	char err[256];
	int i;

	(void)state;
	assert_int_equal(
		theme_load_file("themes/mono.theme", &t, err, sizeof(err)), 0);
	theme_apply_no_color(&nc);
	for (i = 0; i < TS_COUNT; i++) {
		assert_int_equal(t.s[i].fg, -1);
		assert_int_equal(t.s[i].bg, -1);
		assert_int_equal(t.s[i].attrs, nc.s[i].attrs);
	}
}

static void test_light_and_contrast_differ(void **state)
{
	struct theme l, h;
	char err[256];

	(void)state;
	assert_int_equal(
		theme_load_file("themes/light.theme", &l, err, sizeof(err)), 0);
	assert_int_equal(theme_load_file("themes/high-contrast.theme", &h, err,
					 sizeof(err)),
			 0);
	assert_int_equal(l.s[TS_SELECTED].bg, 31);
	assert_int_equal(h.s[TS_NORMAL].fg, 15);
	assert_int_equal(h.s[TS_NORMAL].bg, 0);
}

static void test_custom_file(void **state)
{
	unsigned char seen[TS_COUNT];
	struct theme t;
	char err[256];

	(void)state;
	load_data("theme_custom.theme", &t, seen, err, sizeof(err), 0);
	assert_int_equal(t.s[TS_SELECTED].fg, 231);
	assert_int_equal(t.s[TS_SELECTED].bg, 24);
	assert_int_equal(t.s[TS_SELECTED].attrs, THEME_BOLD);
	assert_int_equal(t.s[TS_STATE_RUNNING].fg, 10);
	assert_int_equal(t.s[TS_STATE_RUNNING].bg, -1);
	assert_int_equal(t.s[TS_STATE_RUNNING].attrs, THEME_UNDERLINE);
	assert_int_equal(t.s[TS_MATCH].fg, 3);
	assert_int_equal(t.s[TS_MATCH].attrs, THEME_ITALICS);
	assert_int_equal(t.s[TS_HEADER].fg, -1);
	assert_int_equal(t.s[TS_HEADER].attrs, THEME_DIM);
	assert_int_equal(t.s[TS_SPARK].fg, 0);
	assert_int_equal(t.s[TS_SPARK].bg, 255);
	/* Untouched slots keep the built-in style. */
	assert_memory_equal(&t.s[TS_ALERT], &theme_builtin.s[TS_ALERT],
			    sizeof(t.s[0]));
	assert_int_equal(seen[TS_SELECTED], 1);
	assert_int_equal(seen[TS_ALERT], 0);
}

static void test_crlf(void **state)
{
	struct theme t;
	char err[256];

	(void)state;
	load_data("theme_crlf.theme", &t, NULL, err, sizeof(err), 0);
	assert_int_equal(t.s[TS_TITLE].fg, 1);
	assert_int_equal(t.s[TS_TITLE].bg, -1);
	assert_int_equal(t.s[TS_BORDER].bg, 4);
}

static const struct {
	const char *file, *msg;
} bad[] = {
	{"theme_bad_slot.theme",
	 "theme_bad_slot.theme:3: unknown slot 'bogus-slot'"},
	{"theme_bad_colour.theme",
	 "theme_bad_colour.theme:4: unknown colour 'purple'"},
	{"theme_bad_attr.theme",
	 "theme_bad_attr.theme:2: unknown attribute 'shiny'"},
	{"theme_bad_syntax.theme",
	 "theme_bad_syntax.theme:1: expected 'slot = style'"},
	{"theme_bad_range.theme",
	 "theme_bad_range.theme:1: unknown colour 'colour256'"},
	{"theme_dup.theme", "theme_dup.theme:2: slot 'title' given twice"},
	{"theme_empty_style.theme", "theme_empty_style.theme:1: empty style"},
	{"theme_empty_word.theme",
	 "theme_empty_word.theme:1: empty word in style"},
	{"theme_bad_utf8.theme",
	 "theme_bad_utf8.theme:2: unknown colour '\xff\xfe'"},
	{"theme_huge.theme", "theme_huge.theme:1: unknown colour "
			     "'colour99999999999999999999999'"},
};

/* Every error names file and line, and leaves the built-in theme. */
static void test_errors(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct theme t;
		char err[256] = "";
		memset(&t, 0x5a, sizeof(t));
		load_data(bad[i].file, &t, NULL, err, sizeof(err), -1);
		assert_string_equal(err, bad[i].msg);
		assert_memory_equal(&t, &theme_builtin, sizeof(t));
	}
}

static void test_errors_inline(void **state)
{
	static const char nul[] = "title = fg=red\nheader\0 = bold\n";
	char longline[2048], err[256];
	struct theme t;

	(void)state;
	assert_int_equal(theme_parse_buffer(nul, sizeof(nul) - 1, "x", &t, NULL,
					    err, sizeof(err)),
			 -1);
	assert_string_equal(err, "x:2: NUL byte in line");
	memset(longline, 'a', sizeof(longline));
	assert_int_equal(theme_parse_buffer(longline, sizeof(longline), "y", &t,
					    NULL, err, sizeof(err)),
			 -1);
	assert_string_equal(err, "y:1: line too long");
	assert_int_equal(theme_parse_buffer(" = bold", 7, "z", &t, NULL, err,
					    sizeof(err)),
			 -1);
	assert_string_equal(err, "z:1: missing slot name before '='");
	/* Empty and comment-only input is the built-in theme. */
	assert_int_equal(
		theme_parse_buffer("", 0, "e", &t, NULL, err, sizeof(err)), 0);
	assert_memory_equal(&t, &theme_builtin, sizeof(t));
	assert_int_equal(theme_load_file("tests/data/no-such.theme", &t, err,
					 sizeof(err)),
			 -1);
	assert_string_equal(err, "tests/data/no-such.theme: No such file or "
				 "directory");
}

static void test_style_words(void **state)
{
	struct theme_style st = {-1, -1, 0};
	char err[128];

	(void)state;
	assert_int_equal(theme_style_parse("fg=brightwhite,bg=COLOR7,blink,"
					   "reverse,underscore",
					   &st, err, sizeof(err)),
			 0);
	assert_int_equal(st.fg, 15);
	assert_int_equal(st.bg, 7);
	assert_int_equal(st.attrs,
			 THEME_BLINK | THEME_REVERSE | THEME_UNDERLINE);
	assert_int_equal(theme_style_parse("fg=default,nounderline", &st, err,
					   sizeof(err)),
			 0);
	assert_int_equal(st.fg, -1);
	assert_int_equal(st.attrs, THEME_BLINK | THEME_REVERSE);
	assert_int_equal(
		theme_style_parse("fg=colour-1", &st, err, sizeof(err)), -1);
	assert_string_equal(err, "unknown colour 'colour-1'");
	assert_int_equal(theme_style_parse("fg=bright", &st, err, sizeof(err)),
			 -1);
	assert_int_equal(theme_style_parse("fg=colour", &st, err, sizeof(err)),
			 -1);
}

static void test_no_color(void **state)
{
	struct theme t = theme_builtin;
	int i;

	(void)state;
	theme_apply_no_color(&t);
	for (i = 0; i < TS_COUNT; i++) {
		assert_int_equal(t.s[i].fg, -1);
		assert_int_equal(t.s[i].bg, -1);
	}
	assert_true(t.s[TS_SELECTED].attrs & THEME_REVERSE);
	assert_true(t.s[TS_TITLE].attrs & THEME_BOLD);
	assert_int_equal(t.s[TS_NORMAL].attrs, 0);
	setenv("NO_COLOR", "", 1);
	assert_false(theme_no_color_requested());
	setenv("NO_COLOR", "1", 1);
	assert_true(theme_no_color_requested());
	unsetenv("NO_COLOR");
	assert_false(theme_no_color_requested());
}

static void test_clamp(void **state)
{
	int bold;

	(void)state;
	assert_int_equal(theme_clamp_colour(196, 256, &bold), 196);
	assert_int_equal(bold, 0);
	assert_int_equal(theme_clamp_colour(196, 16, &bold), 9);
	assert_int_equal(theme_clamp_colour(196, 8, &bold), 1);
	assert_int_equal(bold, 1);
	assert_int_equal(theme_clamp_colour(9, 8, &bold), 1);
	assert_int_equal(bold, 1);
	assert_int_equal(theme_clamp_colour(3, 8, &bold), 3);
	assert_int_equal(bold, 0);
	assert_int_equal(theme_clamp_colour(231, 16, &bold), 15);
	assert_int_equal(theme_clamp_colour(16, 16, &bold), 0);
	assert_int_equal(theme_clamp_colour(244, 16, &bold), 8);
	assert_int_equal(theme_clamp_colour(21, 88, &bold), 4);
	assert_int_equal(theme_clamp_colour(-1, 256, &bold), -1);
	assert_int_equal(theme_clamp_colour(5, 2, &bold), -1);
	assert_int_equal(theme_clamp_colour(300, 256, &bold), -1);
}

static void test_find(void **state)
{
	const char *dirs[] = {"tests/data/none", "themes", NULL};
	char dir[128], path[256], out[512];
	FILE *f;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/berth-theme-test-%d", (int)getpid());
	snprintf(path, sizeof(path), "%s/berth", dir);
	mkdir(dir, 0700);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/berth/themes", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/berth/themes/light.theme", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("title = bold\n", f);
	fclose(f);

	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_int_equal(theme_find("light", dirs, out, sizeof(out)), 0);
	assert_string_equal(out, path);
	assert_int_equal(theme_find("mono", dirs, out, sizeof(out)), 0);
	assert_string_equal(out, "themes/mono.theme");
	assert_int_equal(theme_find("nope", dirs, out, sizeof(out)), -1);
	assert_int_equal(theme_find("mono", NULL, out, sizeof(out)), -1);
	assert_int_equal(
		theme_find("themes/light.theme", NULL, out, sizeof(out)), 0);
	assert_string_equal(out, "themes/light.theme");
	/* Without XDG_CONFIG_HOME, ~/.config. */
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/nonexistent-berth-home", 1);
	assert_int_equal(theme_find("light", dirs, out, sizeof(out)), 0);
	assert_string_equal(out, "themes/light.theme");
	assert_int_equal(theme_find("light", dirs, out, 10), -1);

	unlink(path);
	snprintf(path, sizeof(path), "%s/berth/themes", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/berth", dir);
	rmdir(path);
	rmdir(dir);
}

/* No initscr(): attributes only, no colour pairs. */
static void test_curses_without_terminal(void **state)
{
	(void)state;
	theme_init_curses(&theme_builtin);
	assert_int_equal(theme_attr(TS_TITLE), A_BOLD);
	assert_int_equal(theme_attr(TS_SELECTED), A_NORMAL);
	assert_int_equal(theme_attr(TS_SEV_CRITICAL) & A_COLOR, 0);
	assert_int_equal(theme_attr(TS_COUNT), A_NORMAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slot_names),
		cmocka_unit_test(test_shipped_themes_complete),
		cmocka_unit_test(test_default_file_is_builtin),
		cmocka_unit_test(test_mono_file_is_no_color),
		cmocka_unit_test(test_light_and_contrast_differ),
		cmocka_unit_test(test_custom_file),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_errors_inline),
		cmocka_unit_test(test_style_words),
		cmocka_unit_test(test_no_color),
		cmocka_unit_test(test_clamp),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_curses_without_terminal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
