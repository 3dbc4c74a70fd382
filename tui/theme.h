#ifndef BERTH_TUI_THEME_H
#define BERTH_TUI_THEME_H

#include <curses.h>
#include <stddef.h>

/*
 * Themes: every colour the console draws comes from a semantic slot, so
 * a theme file can recolour the whole interface and views never name
 * colours.  A theme file has one line per slot:
 *
 *     # comment
 *     state-running = fg=green,bold    # a comment here too
 *     selected      = fg=black,bg=colour39
 *
 * Colours: default, black red green yellow blue magenta cyan white,
 * brightblack..brightwhite (8-15), colourN / colorN (0-255).
 * Attributes: bold dim underline reverse blink italics, or none.
 * Slots a file does not name keep the built-in value.
 */

enum theme_slot {
	TS_NORMAL,
	TS_TITLE,
	TS_HEADER,
	TS_SELECTED,
	TS_MARKED,
	TS_DIM,
	TS_STATE_RUNNING,
	TS_STATE_PAUSED,
	TS_STATE_EXITED,
	TS_STATE_DEAD,
	TS_STATE_CREATED,
	TS_STATE_RESTARTING,
	TS_HEALTH_OK,
	TS_HEALTH_BAD,
	TS_SEV_CRITICAL,
	TS_SEV_HIGH,
	TS_SEV_MEDIUM,
	TS_SEV_LOW,
	TS_SEV_INFO,
	TS_STDERR,
	TS_MATCH,
	TS_ALERT,
	TS_STATUS_OK,
	TS_STATUS_ERR,
	TS_KEYBAR_KEY,
	TS_KEYBAR_LABEL,
	TS_BORDER,
	TS_GROUP,
	TS_SPARK,
	TS_COUNT
};

#define THEME_BOLD 0x01u
#define THEME_DIM 0x02u
#define THEME_UNDERLINE 0x04u
#define THEME_REVERSE 0x08u
#define THEME_BLINK 0x10u
#define THEME_ITALICS 0x20u

#define THEME_DEFAULT_COLOUR (-1)

struct theme_style {
	short fg, bg;	/* -1 default, 0-255 */
	unsigned attrs; /* THEME_* */
};

struct theme {
	struct theme_style s[TS_COUNT];
};

/* The built-in theme (a dark background), used when no file is. */
extern const struct theme theme_builtin;

/* "state-running" for TS_STATE_RUNNING; NULL out of range. */
const char *theme_slot_name(enum theme_slot slot);
int theme_slot_find(const char *name);

/* Parses one style string ("fg=green,bg=default,bold") over *st.
 * Returns 0, or -1 with a message naming the bad word in err. */
int theme_style_parse(const char *text, struct theme_style *st, char *err,
		      size_t errlen);

/* Parses a theme file's text; filename only labels the errors
 * ("FILE:LINE: message").  On any error *out is the built-in theme and
 * -1 is returned.  seen (may be NULL) gets 1 for every slot named. */
int theme_parse_buffer(const char *text, size_t len, const char *filename,
		       struct theme *out, unsigned char seen[TS_COUNT],
		       char *err, size_t errlen);

/* The same for a file. */
int theme_load_file(const char *path, struct theme *out, char *err,
		    size_t errlen);

/* Resolves a theme name to a file: $XDG_CONFIG_HOME/berth/themes (else
 * ~/.config/berth/themes), then each of dirs (NULL-terminated, may be
 * NULL).  A name with a '/' is taken as a path.  Writes the path into
 * out and returns 0, or -1 when no readable file is found. */
int theme_find(const char *name, const char *const *dirs, char *out,
	       size_t outlen);

/* True when $NO_COLOR is set and not empty (no-color.org). */
int theme_no_color_requested(void);

/* Drops every colour, keeping bold, underline, reverse and the rest so
 * the selection and headers stay visible. */
void theme_apply_no_color(struct theme *t);

/* The nearest colour a terminal with ncolours colours can show (8, 16,
 * 88, 256...); *bold is set when the brightness has to come from bold
 * because only 8 colours exist.  -1 stays -1. */
int theme_clamp_colour(int colour, int ncolours, int *bold);

/*
 * The curses side.  theme_init_curses() allocates one colour pair per
 * slot, after initscr() and start_color(); without colours (has_colors()
 * false, or never initialised, as in unit tests) the slots get their
 * attributes alone.  theme_attr() is what views pass to wattr_on().
 */
void theme_init_curses(const struct theme *t);
/* Whether the terminal's own colours (-1) can be used in pairs, and a
 * count bumped by every theme_init_curses (pairs made later for other
 * uses start again then). */
int theme_default_colours(void);
unsigned theme_curses_generation(void);
/* Pairs 1..THEME_PAIRS are the theme's. */
#define THEME_PAIRS TS_COUNT
attr_t theme_attr(enum theme_slot slot);

#endif
