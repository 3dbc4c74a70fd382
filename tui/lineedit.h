#ifndef BERTH_TUI_LINEEDIT_H
#define BERTH_TUI_LINEEDIT_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

/*
 * A single-line editor for the filter, rename and "save to file"
 * prompts.  The text is kept as wide characters so the cursor moves by
 * whole characters; its UTF-8 form never exceeds the max given to
 * lineedit_init().  Keys are keyname.h ints:
 *   Left/C-b Right/C-f Home/C-a End/C-e   move
 *   BSpace/C-h  Del/C-d                   delete before / at the cursor
 *   C-k  C-u  C-w                         kill to end / to start / word
 *   Enter  Esc/C-g                        finish
 * No allocation: the struct holds its buffer.
 */

#define LINEEDIT_MAX 1024 /* bytes of UTF-8, and characters */

enum lineedit_result {
	LE_IGNORED,  /* not an editing key: the caller may use it */
	LE_CONSUMED, /* the text or the cursor changed (or could not) */
	LE_ENTER,
	LE_ESCAPE
};

struct lineedit {
	wchar_t buf[LINEEDIT_MAX + 1];
	size_t len;   /* characters */
	size_t bytes; /* UTF-8 bytes of buf */
	size_t cur;   /* cursor, 0..len */
	size_t max;   /* most UTF-8 bytes allowed */
	size_t first; /* first character shown (horizontal scroll) */
};

/* Empties le; max bytes of UTF-8 (0 or too big: LINEEDIT_MAX). */
void lineedit_init(struct lineedit *le, size_t max);

/* Replaces the text (invalid UTF-8 and controls are dropped, the rest
 * cut at max) and puts the cursor at its end. */
void lineedit_set(struct lineedit *le, const char *utf8);

/* The text as UTF-8 into out (always NUL-terminated); returns its
 * length.  out needs max + 1 bytes to hold every text. */
size_t lineedit_text(const struct lineedit *le, char *out, size_t outlen);

enum lineedit_result lineedit_key(struct lineedit *le, int key);

/* Horizontal scrolling for a field of width columns: updates le->first
 * so the cursor is visible, returns the cursor's column in the field. */
int lineedit_scroll(struct lineedit *le, int width);

/* Draws the field at (y, x), width columns, and leaves the window's
 * cursor on the edit cursor (the caller shows it with curs_set). */
void lineedit_draw(struct lineedit *le, WINDOW *w, int y, int x, int width,
		   attr_t attr);

#endif
