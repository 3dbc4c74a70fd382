#ifndef BERTH_TUI_SANITIZE_H
#define BERTH_TUI_SANITIZE_H

#include <stddef.h>

#include "tui/sgr.h"

/*
 * Makes outside text (container names, labels, log lines, engine messages)
 * safe to put on the user's terminal: no container may move the cursor,
 * set the title, reach the clipboard (OSC 52) or clear the screen.
 *   - escape sequences (CSI, OSC, DCS, SOS, PM, APC, two-byte ESC x) and
 *     their C1 equivalents are removed whole;
 *   - other C0/C1 controls and DEL are removed; a tab becomes one space;
 *   - invalid UTF-8 (bad, overlong, surrogate, past U+10FFFF) becomes U+FFFD;
 *   - bidirectional overrides and isolates are removed, so right-to-left
 *     text cannot reorder the rest of the screen.
 * The output is valid UTF-8, NUL-terminated, cut at a character boundary
 * when it does not fit.  Returns the output length.  An output buffer of
 * 3 * len + 1 bytes always holds the whole result.
 */
size_t term_sanitize(const char *in, size_t len, char *out, size_t outlen);

/* The same text as term_sanitize, and where a program's own colours
 * (SGR sequences, removed from the text like every other) change:
 * runs[0..*n_runs), at output offsets, in order.  Only the runs that
 * fit are kept; past the last, the text is plain. */
size_t term_sanitize_styled(const char *in, size_t len, char *out,
			    size_t outlen, struct sgr_run *runs,
			    size_t max_runs, size_t *n_runs);

/* A malloc'd sanitized copy of a NUL-terminated string (NULL: ""). */
char *term_sanitize_dup(const char *s);

#endif
