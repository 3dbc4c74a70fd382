#include "tui/clipboard.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char head[] = "\033]52;c;";

size_t clip_osc52_size(size_t len)
{
	return sizeof(head) - 1 + (len + 2) / 3 * 4 + 2; /* BEL, NUL */
}

size_t clip_osc52(const char *text, size_t len, char *out, size_t outlen)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i, o = sizeof(head) - 1;
	unsigned v;

	if (len > CLIP_MAX || outlen < clip_osc52_size(len))
		return 0;
	memcpy(out, head, o);
	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
		out[o++] = b64[v >> 18];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = b64[v >> 6 & 63];
		out[o++] = b64[v & 63];
	}
	if (i < len) {
		v = (unsigned)s[i] << 16 |
		    (i + 1 < len ? (unsigned)s[i + 1] << 8 : 0);
		out[o++] = b64[v >> 18];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = i + 1 < len ? b64[v >> 6 & 63] : '=';
		out[o++] = '=';
	}
	out[o++] = '\a';
	out[o] = '\0';
	return o;
}

int clip_copy(int fd, const char *text, size_t len)
{
	size_t n = clip_osc52_size(len), done = 0;
	char *seq;
	ssize_t w;
	int rc = 0;

	if (len > CLIP_MAX) {
		errno = EMSGSIZE;
		return -1;
	}
	if ((seq = malloc(n)) == NULL)
		return -1;
	n = clip_osc52(text, len, seq, n);
	while (done < n) {
		w = write(fd, seq + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = -1;
			break;
		}
		done += (size_t)w;
	}
	free(seq);
	return rc;
}
