#ifndef BERTH_API_BUF_H
#define BERTH_API_BUF_H

#include <stddef.h>

/*
 * A growable byte buffer with a hard cap (after curl's dynbuf): bodies
 * and stream lines from the engine can be arbitrarily large, so every
 * buffer says up front how much it may ever hold.  The content is always
 * NUL-terminated so JSON parsers can take it directly.
 */
struct buf {
	char *data;
	size_t len;
	size_t cap; /* allocated */
	size_t max; /* never grow beyond this many bytes of content */
};

void buf_init(struct buf *b, size_t max);
/* Returns 0, or -1 when out of memory or when the cap would be passed
 * (nothing is appended then). */
int buf_append(struct buf *b, const void *data, size_t len);
void buf_reset(struct buf *b);
/* Hands the content to the caller (who frees it) and empties b. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

#endif
