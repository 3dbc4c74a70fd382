#include "tui/sgr_attr.h"

#include "tui/theme.h"

/* attr_t holds a pair number of 8 bits: pairs above the theme's, up to
 * 255, are made as programs' colours are met, and kept. */
#define LAST_PAIR 255

struct pair_key {
	short fg, bg;
};

static struct pair_key pairs[LAST_PAIR + 1];
static int first_pair, n_pairs;
static unsigned generation = (unsigned)-1;

static int colours(void)
{
	return stdscr != NULL && has_colors() ? COLORS : 0;
}

static int last_pair(void)
{
	return COLOR_PAIRS - 1 < LAST_PAIR ? COLOR_PAIRS - 1 : LAST_PAIR;
}

/* The pair for fg/bg (terminal colours, -1: default); 0 when none is
 * left or the terminal cannot. */
static int pair_for(short fg, short bg)
{
	int i;

	if (generation != theme_curses_generation()) {
		generation = theme_curses_generation();
		first_pair = THEME_PAIRS + 1;
		n_pairs = 0;
	}
	for (i = 0; i < n_pairs; i++)
		if (pairs[i].fg == fg && pairs[i].bg == bg)
			return first_pair + i;
	if (first_pair + n_pairs > last_pair())
		return 0;
	if (init_pair((short)(first_pair + n_pairs), fg, bg) == ERR)
		return 0;
	pairs[n_pairs].fg = fg;
	pairs[n_pairs].bg = bg;
	return first_pair + n_pairs++;
}

attr_t sgr_attr(const struct sgr_style *s, attr_t base)
{
	int n = colours(), bold = 0, unused, fg, bg, pair;
	attr_t a = base;

	if (s->bold)
		a |= A_BOLD;
	if (s->underline)
		a |= A_UNDERLINE;
	if (n < 8 || (s->fg == SGR_DEFAULT && s->bg == SGR_DEFAULT))
		return a;
	fg = theme_clamp_colour(s->fg, n, &bold);
	bg = theme_clamp_colour(s->bg, n, &unused);
	if (!theme_default_colours()) {
		if (fg < 0)
			fg = 7;
		if (bg < 0)
			bg = 0;
	}
	pair = pair_for((short)fg, (short)bg);
	if (!pair)
		return a;
	if (bold)
		a |= A_BOLD;
	return (a & ~A_COLOR) | COLOR_PAIR(pair);
}
