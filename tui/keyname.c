#include "tui/keyname.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct named_key {
	const char *name;
	int key;
};

/* The first row for a key gives its canonical name; later rows are
 * aliases people type from habit. */
static const struct named_key kn_named[] = {
	{"Space", ' '},
	{"Enter", '\n'},
	{"Tab", '\t'},
	{"BTab", BKEY_FUNC(KEY_BTAB)},
	{"Esc", 0x1b},
	{"BSpace", BKEY_FUNC(KEY_BACKSPACE)},
	{"Up", BKEY_FUNC(KEY_UP)},
	{"Down", BKEY_FUNC(KEY_DOWN)},
	{"Left", BKEY_FUNC(KEY_LEFT)},
	{"Right", BKEY_FUNC(KEY_RIGHT)},
	{"Home", BKEY_FUNC(KEY_HOME)},
	{"End", BKEY_FUNC(KEY_END)},
	{"PgUp", BKEY_FUNC(KEY_PPAGE)},
	{"PgDn", BKEY_FUNC(KEY_NPAGE)},
	{"Ins", BKEY_FUNC(KEY_IC)},
	{"Del", BKEY_FUNC(KEY_DC)},
	{"Return", '\n'},
	{"Escape", 0x1b},
	{"Backspace", BKEY_FUNC(KEY_BACKSPACE)},
	{"PageUp", BKEY_FUNC(KEY_PPAGE)},
	{"PageDown", BKEY_FUNC(KEY_NPAGE)},
	{"Insert", BKEY_FUNC(KEY_IC)},
	{"Delete", BKEY_FUNC(KEY_DC)},
};

#define KN_NNAMED (sizeof(kn_named) / sizeof(kn_named[0]))
#define KN_MAX_FKEY 24

/* One UTF-8 code point filling all of s, or -1. Rejects overlong
 * forms, surrogates and anything past U+10FFFF. */
static int kn_utf8_one(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int cp, n, i;

	if (p[0] < 0x80) {
		cp = p[0];
		n = 0;
	} else if ((p[0] & 0xe0) == 0xc0) {
		cp = p[0] & 0x1f;
		n = 1;
	} else if ((p[0] & 0xf0) == 0xe0) {
		cp = p[0] & 0x0f;
		n = 2;
	} else if ((p[0] & 0xf8) == 0xf0) {
		cp = p[0] & 0x07;
		n = 3;
	} else {
		return -1;
	}
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (p[n + 1] != '\0')
		return -1;
	if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
	    (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	return cp;
}

static int kn_utf8_put(int cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* A character that is written as itself: not a control character,
 * not DEL or a C1 control, not a surrogate. */
static int kn_printable(int cp)
{
	return cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0) &&
	       !(cp >= 0xd800 && cp <= 0xdfff) && cp <= 0x10ffff;
}

static int kn_parse_ctrl(const char *s)
{
	static const char punct[] = "@[\\]^_";
	const char *p;

	if (strcasecmp(s, "Space") == 0)
		return 0;
	if (s[0] == '\0' || s[1] != '\0')
		return -1;
	if ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) {
		int k = s[0] & 0x1f;
		/* Terminals send CR for C-m as for Enter; both fold to
		 * Enter on input, so C-m must name Enter too. */
		return k == '\r' ? '\n' : k;
	}
	p = strchr(punct, s[0]);
	if (p == NULL)
		return -1;
	return s[0] & 0x1f;
}

static int kn_parse_base(const char *s)
{
	size_t i;
	char *end;
	long n;
	int cp;

	for (i = 0; i < KN_NNAMED; i++)
		if (strcasecmp(s, kn_named[i].name) == 0)
			return kn_named[i].key;
	if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9') {
		n = strtol(s + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= KN_MAX_FKEY)
			return BKEY_FUNC(KEY_F((int)n));
	}
	if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' && s[2] != '\0')
		return kn_parse_ctrl(s + 2);
	cp = kn_utf8_one(s);
	if (cp >= 0 && kn_printable(cp))
		return cp;
	return -1;
}

int keyname_parse(const char *name, int *key)
{
	int meta = 0, k;

	if (name == NULL || name[0] == '\0')
		return -1;
	if ((name[0] == 'M' || name[0] == 'm') && name[1] == '-' &&
	    name[2] != '\0') {
		meta = BKEY_META;
		name += 2;
	} else if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
		   (name[2] == 'M' || name[2] == 'm') && name[3] == '-' &&
		   name[4] != '\0') {
		/* C-M-x is M-C-x. */
		k = kn_parse_ctrl(name + 4);
		if (k < 0)
			return -1;
		*key = k | BKEY_META;
		return 0;
	}
	k = kn_parse_base(name);
	if (k < 0)
		return -1;
	*key = k | meta;
	return 0;
}

static int kn_format_base(int key, char *buf, size_t len)
{
	size_t i;
	char tmp[8];
	int n;

	for (i = 0; i < KN_NNAMED; i++)
		if (kn_named[i].key == key)
			return snprintf(buf, len, "%s", kn_named[i].name);
	if (key >= BKEY_FUNC(KEY_F(1)) && key <= BKEY_FUNC(KEY_F(KN_MAX_FKEY)))
		return snprintf(buf, len, "F%d", key - BKEY_FUNC(KEY_F0));
	if (key == 0)
		return snprintf(buf, len, "C-Space");
	if (key > 0 && key < 0x20 && key != '\r')
		return snprintf(buf, len, "C-%c",
				key <= 26 ? 'a' + key - 1 : '@' + key);
	if (kn_printable(key)) {
		n = kn_utf8_put(key, tmp);
		tmp[n] = '\0';
		return snprintf(buf, len, "%s", tmp);
	}
	return -1;
}

const char *keyname_format(int key, char *buf, size_t len)
{
	int off = 0;

	if (len == 0)
		return buf;
	if (key >= 0 && (key & BKEY_META)) {
		off = snprintf(buf, len, "M-");
		key &= ~BKEY_META;
		if ((size_t)off >= len)
			return buf;
	}
	if (key < 0 || kn_format_base(key, buf + off, len - (size_t)off) < 0)
		snprintf(buf, len, "?");
	return buf;
}

int keyname_from_wch(int rc, unsigned int wch)
{
	if (rc == KEY_CODE_YES) {
		switch (wch) {
		case KEY_ENTER:
			return '\n';
		case KEY_FIND:
			return BKEY_FUNC(KEY_HOME);
		case KEY_SELECT:
			return BKEY_FUNC(KEY_END);
		default:
			if (wch > 0xffff)
				return BKEY_NONE;
			return BKEY_FUNC((int)wch);
		}
	}
	if (rc != OK || wch > 0x10ffff)
		return BKEY_NONE;
	if (wch == '\r')
		return '\n';
	if (wch == 0x7f)
		return BKEY_FUNC(KEY_BACKSPACE);
	return (int)wch;
}
