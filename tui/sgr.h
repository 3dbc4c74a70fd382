#ifndef BERTH_TUI_SGR_H
#define BERTH_TUI_SGR_H

#include <stddef.h>
#include <stdint.h>

/*
 * The colours a program writes into its output (SGR: ESC [ ... m), kept
 * as data beside the sanitized text instead of passed to the terminal.
 * Only colours (8, 16, 256 and true colour, the last brought down to the
 * 256-colour cube), bold, underline and their resets are understood;
 * any other attribute in the same sequence is ignored, and every other
 * sequence is removed by the sanitizer as before.
 */

#define SGR_DEFAULT (-1) /* the terminal's own colour */

struct sgr_style {
	int16_t fg, bg; /* SGR_DEFAULT or 0..255 */
	uint8_t bold, underline;
};

/* From output byte `at` on, text is drawn in `st`. */
struct sgr_run {
	uint32_t at;
	struct sgr_style st;
};

extern const struct sgr_style sgr_plain;

int sgr_same(const struct sgr_style *a, const struct sgr_style *b);

/* Applies the parameters of one SGR sequence (the bytes between "ESC ["
 * and "m", e.g. "1;38;5;208") to s.  Returns -1, leaving s alone, when
 * they are not an SGR parameter string (private markers, other bytes). */
int sgr_apply(struct sgr_style *s, const char *params, size_t n);

#endif
