#ifndef BERTH_TUI_SANITIZE_H
#define BERTH_TUI_SANITIZE_H

#include <stddef.h>

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

/* A malloc'd sanitized copy of a NUL-terminated string (NULL: ""). */
char *term_sanitize_dup(const char *s);

#endif
