#ifndef BERTH_TUI_KEYNAME_H
#define BERTH_TUI_KEYNAME_H

#include <stddef.h>

/*
 * A key is one int, so tables can hold it and compare it with ==:
 *   - a character (control characters included) is its Unicode code
 *     point: 'a', ' ', 0x01 for C-a, '\n' for Enter, '\t' for Tab,
 *     0x1b for Esc;
 *   - a special key is BKEY_FUNC(k) with k an ncurses KEY_* code
 *     (KEY_UP, KEY_F(1), KEY_BACKSPACE...), which keeps it apart from
 *     every code point;
 *   - either may carry BKEY_META, for a key that came after an Esc.
 * keyname_from_wch() turns what get_wch() returned into this form.
 *
 * Names (what the config file and the help overlay use):
 *   a  S  ?  é        one character (any UTF-8 code point)
 *   Space Enter Tab BTab Esc BSpace
 *   Up Down Left Right Home End PgUp PgDn Ins Del F1..F12
 *   C-x               control: x in a-z, or one of @ [ \ ] ^ _
 *   M-x               meta (Esc prefix) on any of the above: M-C-x too
 * Named keys are matched without regard to case ("space", "PGUP");
 * single characters are matched exactly ("s" is not "S").
 */

#define BKEY_NONE (-1)
#define BKEY_FUNC_BASE 0x200000
#define BKEY_META 0x1000000
#define BKEY_FUNC(k) (BKEY_FUNC_BASE + (k))

/* Longest name keyname_format() writes, with its NUL. */
#define KEYNAME_MAX 16

/* Parses NAME into *key; -1 for a name that is not a key. */
int keyname_parse(const char *name, int *key);

/* Writes KEY's canonical name into buf (KEYNAME_MAX bytes suffice);
 * returns buf, or "?" written into it for an int that is no key. */
const char *keyname_format(int key, char *buf, size_t len);

/* The key for one get_wch() result: rc is its return value (OK or
 * KEY_CODE_YES), wch what it stored.  Folds the spellings terminals
 * use for one key (CR and KEY_ENTER are Enter, DEL is BSpace). */
int keyname_from_wch(int rc, unsigned int wch);

#endif
