#ifndef BERTH_TUI_DIALOG_H
#define BERTH_TUI_DIALOG_H

#include <curses.h>
#include <stddef.h>

#include "tui/lineedit.h"

/*
 * Modal dialogs drawn centred over the screen:
 *   confirm  a question, an action button and Cancel, and optionally a
 *            checkbox ("also remove anonymous volumes").  Cancel has the
 *            focus at first, so a stray Enter never destroys anything.
 *            y confirms, n and Esc cancel, Enter presses the focused
 *            button, Tab/BTab/Left/Right move the focus, Space (or
 *            Enter) toggles the checkbox when it has the focus;
 *   prompt   a question over a line editor: Enter gives OK, Esc cancel;
 *   message  an error or notice shown until any key.
 * The texts are sanitized once, when the dialog is set up; newlines in
 * them are kept as line breaks.  dialog_draw() allocates nothing and
 * fits windows down to 40x10 (text wrapped, cut with an ellipsis).
 */

#define DIALOG_TEXT_MAX 2048
#define DIALOG_LABEL_MAX 128

enum dialog_kind { DIALOG_CONFIRM, DIALOG_PROMPT, DIALOG_MESSAGE };

enum dialog_result {
	DIALOG_OPEN, /* still open (the key was used or ignored) */
	DIALOG_OK,   /* confirmed; for a prompt, the text is ready */
	DIALOG_CANCEL
};

enum dialog_focus { DIALOG_FOCUS_CHECK, DIALOG_FOCUS_OK, DIALOG_FOCUS_CANCEL };

struct dialog {
	int kind;
	char title[DIALOG_LABEL_MAX];
	char text[DIALOG_TEXT_MAX];
	char ok[DIALOG_LABEL_MAX];
	char check[DIALOG_LABEL_MAX]; /* "" when there is no checkbox */
	int checked;
	int focus; /* enum dialog_focus */
	struct lineedit edit;
};

/* ok_label: the action ("Remove"); check_label: NULL for none. */
void dialog_confirm(struct dialog *d, const char *title, const char *text,
		    const char *ok_label, const char *check_label);
/* max: most bytes of UTF-8 the answer may have. */
void dialog_prompt(struct dialog *d, const char *title, const char *text,
		   const char *initial, size_t max);
void dialog_message(struct dialog *d, const char *title, const char *text);

enum dialog_result dialog_key(struct dialog *d, int key);

/* A prompt's answer as UTF-8; returns its length. */
size_t dialog_answer(const struct dialog *d, char *out, size_t outlen);

/* Draws the dialog centred in w.  For a prompt the window's cursor is
 * left in the field: the caller shows it with curs_set(1). */
void dialog_draw(struct dialog *d, WINDOW *w);

#endif
