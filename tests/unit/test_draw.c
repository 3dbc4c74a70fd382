/* Text drawn on the screen fits its columns exactly, whatever it holds. */
#include "tests/lib/testlib.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/keyname.h"

static int utf8_locale(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

/* Fits s into width columns and checks the wide result and columns. */
static void fit(const char *s, int width, const wchar_t *want, int want_cols,
		int want_rc)
{
	wchar_t out[64];
	int cols = -5, rc;

	rc = text_fit(s, width, out, 64, &cols);
	if (wcscmp(out, want) != 0)
		fail_msg("fit(\"%s\", %d) = \"%ls\", want \"%ls\"", s, width,
			 out, want);
	assert_int_equal(cols, want_cols);
	assert_int_equal(rc, want_rc);
}

static void test_fit_ascii(void **state)
{
	(void)state;
	fit("web-1", 10, L"web-1", 5, 5);
	fit("web-1", 5, L"web-1", 5, 5);
	fit("web-12", 5, L"web-\x2026", 5, -1);
	fit("abc", 1, L"\x2026", 1, -1);
	fit("abc", 0, L"", 0, 0);
	fit("abc", -3, L"", 0, 0);
	fit(NULL, 4, L"", 0, 0);
	fit("", 4, L"", 0, 0);
}

static void test_fit_wide_never_split(void **state)
{
	(void)state;
	/* 日本語 is six columns. */
	fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6, L"日本語", 6, 3);
	/* At 5 columns 語 cannot be there: 日本 + ellipsis. */
	fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, L"日本\x2026", 5, -1);
	/* At 4, 本 does not fit before the ellipsis: 3 columns, one pad. */
	fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, L"日\x2026", 3, -1);
	fit("ab\xe6\x97\xa5", 3, L"ab\x2026", 3, -1);
	fit("\xe6\x97\xa5", 1, L"\x2026", 1, -1);
	fit("\xf0\x9f\x90\xb3x", 3, L"\U0001F433x", 3, 2);
}

static void test_fit_combining_marks(void **state)
{
	(void)state;
	/* e + COMBINING ACUTE: one column, two characters. */
	fit("cafe\xcc\x81", 4, L"cafe\x0301", 4, 5);
	fit("cafe\xcc\x81s", 4, L"caf\x2026", 4, -1);
	/* A mark with nothing to sit on is dropped. */
	fit("\xcc\x81x", 4, L"x", 1, 1);
	/* Zalgo: at most DRAW_MAX_MARKS marks per character. */
	fit("a\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81", 4,
	    L"a\x0301\x0301\x0301\x0301", 1, 5);
}

static void test_fit_sanitizes(void **state)
{
	(void)state;
	fit("\x1b[31mred\x1b[0m", 10, L"red", 3, 3);
	fit("\x1b]0;title\x07ok", 10, L"ok", 2, 2);
	fit("a\xff"
	    "b",
	    10,
	    L"a\xfffd"
	    "b",
	    3, 3);
	fit("tab\there", 10, L"tab here", 8, 8);
}

static void test_fit_huge_input(void **state)
{
	size_t n = 1000000;
	char *big = malloc(n + 1);
	wchar_t out[16];
	int cols;

	(void)state;
	assert_non_null(big);
	memset(big, 'x', n);
	big[n] = 0;
	assert_int_equal(text_fit(big, 8, out, 16, &cols), -1);
	assert_int_equal(cols, 8);
	assert_true(wcscmp(out, L"xxxxxxx\x2026") == 0);
	/* Long escape garbage then text: cut early, still an ellipsis. */
	memset(big, 0, n);
	big[0] = 0x1b;
	big[1] = ']';
	memset(big + 2, 'y', n - 10);
	assert_int_equal(text_fit(big, 8, out, 16, &cols), -1);
	assert_true(wcscmp(out, L"\x2026") == 0);
	/* A tiny output buffer never overflows. */
	assert_int_equal(text_fit("abcdef", 10, out, 4, &cols), -1);
	assert_true(wcscmp(out, L"ab\x2026") == 0);
	free(big);
}

static void test_fit_ascii_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "C"));
	assert_false(draw_utf8());
	fit("web-12", 5, L"web-~", 5, -1);
	fit("caf\xc3\xa9", 5, L"caf?", 4, 4);
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	assert_true(draw_utf8());
}

static void test_width_and_wrap(void **state)
{
	const char *s = "remove container web-1 and its volumes";
	size_t next, n;

	(void)state;
	assert_int_equal(text_width("\xe6\x97\xa5x"), 3);
	assert_int_equal(text_width(""), 0);
	n = text_wrap(s, strlen(s), 20, &next);
	assert_int_equal(n, strlen("remove container"));
	assert_int_equal(next, strlen("remove container "));
	/* A word longer than the line is broken, never lost. */
	n = text_wrap("abcdefghij", 10, 4, &next);
	assert_int_equal(n, 4);
	assert_int_equal(next, 4);
	n = text_wrap("ab\ncd", 5, 10, &next);
	assert_int_equal(n, 2);
	assert_int_equal(next, 3);
	/* A wide character on a one-column line still moves on. */
	n = text_wrap("\xe6\x97\xa5\xe6\x9c\xac", 6, 1, &next);
	assert_int_equal(next, 3);
	n = text_wrap("short", 5, 10, &next);
	assert_int_equal(n, 5);
	assert_int_equal(next, 5);
}

/* Dialogs: their state and keys need no terminal. */
static struct dialog dlg;

static void test_confirm_keys(void **state)
{
	(void)state;
	dialog_confirm(&dlg, "Remove", "Remove web-1?", "Remove", NULL);
	/* The safe button has the focus: a stray Enter cancels. */
	assert_int_equal(dlg.focus, DIALOG_FOCUS_CANCEL);
	assert_int_equal(dialog_key(&dlg, '\n'), DIALOG_CANCEL);
	assert_int_equal(dialog_key(&dlg, 'y'), DIALOG_OK);
	assert_int_equal(dialog_key(&dlg, 'n'), DIALOG_CANCEL);
	assert_int_equal(dialog_key(&dlg, 0x1b), DIALOG_CANCEL);
	assert_int_equal(dialog_key(&dlg, 'q'), DIALOG_OPEN);
	assert_int_equal(dialog_key(&dlg, '\t'), DIALOG_OPEN);
	assert_int_equal(dlg.focus, DIALOG_FOCUS_OK); /* wraps round */
	assert_int_equal(dialog_key(&dlg, '\n'), DIALOG_OK);
	dialog_key(&dlg, BKEY_FUNC(KEY_RIGHT));
	assert_int_equal(dlg.focus, DIALOG_FOCUS_CANCEL);
	dialog_key(&dlg, BKEY_FUNC(KEY_LEFT));
	assert_int_equal(dlg.focus, DIALOG_FOCUS_OK);
}

static void test_confirm_checkbox(void **state)
{
	(void)state;
	dialog_confirm(&dlg, "Remove", "Remove db?", "Remove",
		       "also remove anonymous volumes");
	assert_false(dlg.checked);
	dialog_key(&dlg, '\t'); /* Cancel -> checkbox */
	assert_int_equal(dlg.focus, DIALOG_FOCUS_CHECK);
	assert_int_equal(dialog_key(&dlg, ' '), DIALOG_OPEN);
	assert_true(dlg.checked);
	assert_int_equal(dialog_key(&dlg, '\n'), DIALOG_OPEN);
	assert_false(dlg.checked);
	dialog_key(&dlg, ' ');
	dialog_key(&dlg, BKEY_FUNC(KEY_BTAB)); /* back to Cancel */
	assert_int_equal(dlg.focus, DIALOG_FOCUS_CANCEL);
	assert_int_equal(dialog_key(&dlg, ' '), DIALOG_OPEN);
	assert_int_equal(dialog_key(&dlg, 'y'), DIALOG_OK);
	assert_true(dlg.checked);
}

static void test_prompt_and_message(void **state)
{
	char out[64];

	(void)state;
	dialog_prompt(&dlg, "Rename", "New name:", "web-1", 32);
	dialog_key(&dlg, BKEY_FUNC(KEY_BACKSPACE));
	dialog_key(&dlg, '2');
	assert_int_equal(dialog_key(&dlg, 'y'), DIALOG_OPEN); /* typed */
	assert_int_equal(dialog_key(&dlg, '\n'), DIALOG_OK);
	assert_int_equal(dialog_answer(&dlg, out, sizeof(out)), 6);
	assert_string_equal(out, "web-2y");
	assert_int_equal(dialog_key(&dlg, 0x1b), DIALOG_CANCEL);
	dialog_message(&dlg, "Error", "no such container");
	assert_int_equal(dialog_answer(&dlg, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(dialog_key(&dlg, BKEY_FUNC(KEY_RESIZE)), DIALOG_OPEN);
	assert_int_equal(dialog_key(&dlg, 'x'), DIALOG_OK);
	/* Outside text is cleaned once; its newlines stay line breaks. */
	dialog_message(&dlg,
		       "\x1b]0;t\x07"
		       "Err",
		       "a\x1b[2Jb\nc\rd");
	assert_string_equal(dlg.title, "Err");
	assert_string_equal(dlg.text, "ab\ncd");
}

/* Curses: what draw_text put into a pad, read back. */
static SCREEN *scr;
static FILE *scr_out, *scr_in;

static int curses_up(void **state)
{
	(void)state;
	if (utf8_locale(state) != 0)
		return -1;
	setenv("TERM", "xterm-256color", 1);
	scr_out = fopen("/dev/null", "w");
	scr_in = fopen("/dev/null", "r");
	if (!scr_out || !scr_in)
		return -1;
	scr = newterm(NULL, scr_out, scr_in);
	return scr ? 0 : -1;
}

static int curses_down(void **state)
{
	(void)state;
	endwin();
	delscreen(scr);
	fclose(scr_out);
	fclose(scr_in);
	return 0;
}

static void read_back(WINDOW *p, int y, int x, int n, wchar_t *out)
{
	wchar_t buf[128];

	assert_true(n < 128);
	assert_int_not_equal(mvwinnwstr(p, y, x, buf, n), ERR);
	wcscpy(out, buf);
}

#define SEEN(got, want)                                                        \
	do {                                                                   \
		if (wcsncmp(got, want, wcslen(want)) != 0)                     \
			fail_msg("read back \"%ls\", want \"%ls\"", got,       \
				 want);                                        \
	} while (0)

static void test_draw_into_pad(void **state)
{
	WINDOW *p = newpad(4, 30);
	wchar_t got[128];

	(void)state;
	assert_non_null(p);
	/* Fill with dots so padding shows as spaces. */
	for (int y = 0; y < 4; y++)
		mvwhline(p, y, 0, '.', 30);
	assert_int_equal(draw_text(p, 0, 2, 8, "\xe6\x97\xa5\xe6\x9c\xac", 0),
			 4);
	read_back(p, 0, 0, 12, got);
	SEEN(got, L"..日本    ..");
	/* Escape sequences never land in the window. */
	draw_text(p, 1, 0, 10, "\x1b[2Jev\x1b]0;t\x07il", 0);
	read_back(p, 1, 0, 11, got);
	SEEN(got, L"evil      .");
	/* Cut with an ellipsis; right-aligned pads on the left. */
	draw_text(p, 2, 0, 5, "container", 0);
	draw_text_right(p, 2, 6, 6, "42", 0);
	read_back(p, 2, 0, 13, got);
	SEEN(got, L"cont\x2026.    42.");
	/* Past the window edge: cut to the window, no wrap. */
	draw_text(p, 3, 25, 20, "abcdefgh", 0);
	read_back(p, 3, 20, 10, got);
	SEEN(got, L".....abcd\x2026");
	/* A wide character that would straddle the end becomes a pad. */
	draw_text(p, 3, 0, 3, "a\xe6\x97\xa5\xe6\x9c\xac", 0);
	read_back(p, 3, 0, 4, got);
	SEEN(got, L"a\x2026 .");
	delwin(p);
}

static void test_dialog_fits_small_screen(void **state)
{
	WINDOW *p = newpad(10, 40);
	wchar_t got[64];
	char long_text[600];

	(void)state;
	assert_non_null(p);
	for (size_t i = 0; i + 1 < sizeof(long_text); i++)
		long_text[i] = i % 6 == 5 ? ' ' : 'w';
	long_text[sizeof(long_text) - 1] = 0;
	dialog_confirm(&dlg, "Remove 3 containers", long_text, "Remove",
		       "also remove anonymous volumes");
	dialog_draw(&dlg, p);
	/* 36 wide, the whole height: text cut to what is left. */
	mvwinnwstr(p, 0, 2, got, 36);
	SEEN(got, L"lq Remove 3 containers qqq");
	mvwinnwstr(p, 4, 2, got, 36);
	SEEN(got, L"x wwwww wwwww wwwww wwwww wwwww w\x2026 x");
	mvwinnwstr(p, 6, 2, got, 36);
	SEEN(got, L"x [ ] also remove anonymous volum\x2026 x");
	mvwinnwstr(p, 8, 2, got, 36);
	SEEN(got, L"x      [ Remove ]  [ Cancel ]      x");
	mvwinnwstr(p, 9, 2, got, 36);
	SEEN(got, L"mqqq");
	/* A prompt leaves the cursor in its field. */
	dialog_prompt(&dlg, "Rename", "New name:", "web-1", 32);
	dialog_draw(&dlg, p);
	assert_int_equal(getcury(p), 4);
	assert_int_equal(getcurx(p), 9);
	mvwinnwstr(p, 4, 2, got, 36);
	SEEN(got, L"x web-1 ");
	delwin(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_ascii),
		cmocka_unit_test(test_fit_wide_never_split),
		cmocka_unit_test(test_fit_combining_marks),
		cmocka_unit_test(test_fit_sanitizes),
		cmocka_unit_test(test_fit_huge_input),
		cmocka_unit_test(test_fit_ascii_locale),
		cmocka_unit_test(test_width_and_wrap),
		cmocka_unit_test(test_confirm_keys),
		cmocka_unit_test(test_confirm_checkbox),
		cmocka_unit_test(test_prompt_and_message),
		cmocka_unit_test_setup_teardown(test_draw_into_pad, curses_up,
						curses_down),
		cmocka_unit_test_setup_teardown(test_dialog_fits_small_screen,
						curses_up, curses_down),
	};

	return cmocka_run_group_tests(tests, utf8_locale, NULL);
}
