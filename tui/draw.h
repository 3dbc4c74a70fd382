#ifndef BERTH_TUI_DRAW_H
#define BERTH_TUI_DRAW_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

/*
 * Width-aware text drawing.  Everything drawn here passes through
 * term_sanitize() first, so outside text can never reach the terminal
 * as a control sequence.  Columns are counted with wcwidth(): a wide
 * (CJK) character takes two, a combining mark none; a character that
 * does not fit is never split, its place is padded instead.  Text cut
 * short ends with an ellipsis ('~' when the locale is not UTF-8).
 * Nothing is allocated: inputs are cut to DRAW_MAX_IN bytes first.
 */

#define DRAW_MAX_IN 4096
#define DRAW_MAX_COLS 1024
/* Combining marks kept on one base character (ncurses holds 4). */
#define DRAW_MAX_MARKS 4

/* Fits utf8 (NULL: "") into width columns: writes the wide characters
 * (NUL-terminated) into out, the columns they take into *cols_used (may
 * be NULL).  Returns how many wide characters were written, or -1 when
 * the text had to be cut (an ellipsis was appended). */
int text_fit(const char *utf8, int width, wchar_t *out, size_t outlen,
	     int *cols_used);

/* Columns sanitized utf8 takes, at most DRAW_MAX_IN bytes of it. */
int text_width(const char *utf8);

/* Word wrap over already sanitized text: the bytes of s (len bytes) that
 * make its first line of at most width columns, broken after a space
 * when one exists and at '\n'.  *next gets where the next line starts
 * (spaces and the newline skipped); *next == len at the end. */
size_t text_wrap(const char *s, size_t len, int width, size_t *next);

/* True when the terminal's locale is UTF-8. */
int draw_utf8(void);

/* Draws utf8 at (y, x) in exactly width columns (cut to the window):
 * left-aligned and padded with spaces.  attr comes from theme_attr().
 * Returns the columns the text itself took. */
int draw_text(WINDOW *w, int y, int x, int width, const char *utf8,
	      attr_t attr);

/* The same, right-aligned: for numbers and sizes. */
int draw_text_right(WINDOW *w, int y, int x, int width, const char *utf8,
		    attr_t attr);

/* Fills width columns at (y, x) with spaces. */
void draw_fill(WINDOW *w, int y, int x, int width, attr_t attr);

#endif
