#ifndef BERTH_TUI_CLIPBOARD_H
#define BERTH_TUI_CLIPBOARD_H

#include <stddef.h>

/*
 * The terminal's clipboard through OSC 52 ("ESC ] 52 ; c ; base64 BEL"):
 * over SSH and inside tmux (set-clipboard on) the text reaches the
 * user's own clipboard.  Only berth writes this sequence, with text it
 * chose, base64-encoded: nothing a container wrote passes through as
 * bytes.  CLIP_MAX caps the text (terminals drop longer sequences).
 */
#define CLIP_MAX (256 * 1024)

/* The sequence for text[0, len) into out (NUL-terminated); returns its
 * length, or 0 when len is over CLIP_MAX or out is too small (it needs
 * clip_osc52_size(len)). */
size_t clip_osc52_size(size_t len);
size_t clip_osc52(const char *text, size_t len, char *out, size_t outlen);

/* Writes the sequence to the terminal (fd); 0, or -1 with errno. */
int clip_copy(int fd, const char *text, size_t len);

#endif
