#ifndef BERTH_TUI_SGR_ATTR_H
#define BERTH_TUI_SGR_ATTR_H

#include <curses.h>

#include "tui/sgr.h"

/* The curses attribute that draws a program's own style: base (the
 * theme's, for the line) with the style's bold, underline and colours
 * brought to what the terminal has.  Colour pairs are made on first use;
 * when the terminal has no pair left the colours are dropped, never the
 * text. */
attr_t sgr_attr(const struct sgr_style *s, attr_t base);

#endif
