#include "api/logframes.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

enum { LF_HEADER, LF_PAYLOAD, LF_ERROR };

void logframes_init(struct logframes *lf, int raw, logframes_fn on_chunk,
		    void *ud)
{
	memset(lf, 0, sizeof(*lf));
	lf->on_chunk = on_chunk;
	lf->ud = ud;
	lf->raw = raw;
	lf->state = LF_HEADER;
}

static int fail(struct logframes *lf, const char *what)
{
	lf->state = LF_ERROR;
	snprintf(lf->msg, sizeof(lf->msg), "%s in log frame %llu", what,
		 (unsigned long long)lf->frames);
	return LOGFRAMES_ERROR;
}

static int take_header(struct logframes *lf)
{
	const unsigned char *h = lf->hdr;

	lf->frames++;
	lf->hdr_len = 0;
	/* Raw TTY output read as frames lands here too, which is why the
	 * message hints at it. */
	if (h[0] > LOG_STDERR)
		return fail(lf, "unknown stream type (a TTY container?)");
	if (h[1] || h[2] || h[3])
		return fail(lf, "non-zero header padding (a TTY container?)");
	/* The API says stdin frames are written on stdout. */
	lf->stream = h[0] == LOG_STDERR ? LOG_STDERR : LOG_STDOUT;
	lf->left = (uint32_t)h[4] << 24 | (uint32_t)h[5] << 16 |
		   (uint32_t)h[6] << 8 | (uint32_t)h[7];
	lf->state = lf->left ? LF_PAYLOAD : LF_HEADER;
	return 0;
}

static int feed_frames(struct logframes *lf, const char *data, size_t len)
{
	while (len) {
		size_t n;
		int stream = lf->stream;

		if (lf->state == LF_HEADER) {
			n = sizeof(lf->hdr) - lf->hdr_len;
			if (n > len)
				n = len;
			memcpy(lf->hdr + lf->hdr_len, data, n);
			lf->hdr_len += n;
			data += n;
			len -= n;
			if (lf->hdr_len == sizeof(lf->hdr) &&
			    take_header(lf) != 0)
				return LOGFRAMES_ERROR;
			continue;
		}
		n = len < lf->left ? len : lf->left;
		lf->left -= (uint32_t)n;
		if (lf->left == 0)
			lf->state = LF_HEADER;
		if (lf->on_chunk(stream, data, n, lf->ud) != 0)
			return LOGFRAMES_STOP;
		data += n;
		len -= n;
	}
	return 0;
}

int logframes_feed(struct logframes *lf, const char *data, size_t len)
{
	if (lf->state == LF_ERROR)
		return LOGFRAMES_ERROR;
	if (!lf->raw)
		return feed_frames(lf, data, len);
	if (len && lf->on_chunk(LOG_STDOUT, data, len, lf->ud) != 0)
		return LOGFRAMES_STOP;
	return 0;
}

int logframes_finish(struct logframes *lf)
{
	if (lf->state == LF_ERROR)
		return LOGFRAMES_ERROR;
	if (lf->raw)
		return 0;
	if (lf->state == LF_PAYLOAD) {
		char what[96];
		snprintf(what, sizeof(what),
			 "the stream ended %lu bytes short of the payload",
			 (unsigned long)lf->left);
		return fail(lf, what);
	}
	if (lf->hdr_len) {
		lf->frames++;
		return fail(lf, "the stream ended inside the header");
	}
	return 0;
}

const char *logframes_error(const struct logframes *lf)
{
	return lf->state == LF_ERROR ? lf->msg : NULL;
}

void loglines_init(struct loglines *ll, size_t max_line, int timestamps,
		   loglines_fn fn, void *ud)
{
	size_t cap;

	memset(ll, 0, sizeof(*ll));
	ll->max_line = max_line ? max_line : LOGLINES_DEFAULT_MAX;
	ll->timestamps = timestamps;
	ll->fn = fn;
	ll->ud = ud;
	/* Room for a TTY's '\r' and the timestamp, so that the cap is on
	 * the text the user sees. */
	cap = ll->max_line + 1 + (timestamps ? LOGLINES_TS_MAX : 0);
	buf_init(&ll->line[0], cap);
	buf_init(&ll->line[1], cap);
}

static int emit(struct loglines *ll, int idx, const char *p, size_t n,
		int truncated, int partial)
{
	struct logline l;

	memset(&l, 0, sizeof(l));
	l.stream = idx ? LOG_STDERR : LOG_STDOUT;
	if (!truncated && n && p[n - 1] == '\r')
		n--;
	if (ll->timestamps && n) {
		const char *sp = memchr(
			p, ' ', n < LOGLINES_TS_MAX ? n : LOGLINES_TS_MAX);
		if (sp) {
			l.ts = p;
			l.ts_len = (size_t)(sp - p);
			n -= l.ts_len + 1;
			p = sp + 1;
		}
	}
	if (n > ll->max_line) {
		n = ll->max_line;
		truncated = 1;
	}
	l.text = p;
	l.len = n;
	l.truncated = truncated;
	l.partial = partial;
	if (truncated)
		ll->truncated++;
	return ll->fn(&l, ll->ud) ? LOGFRAMES_STOP : 0;
}

/* Appends one line's bytes (n of them, nl says whether they end it). */
static int add(struct loglines *ll, int idx, const char *data, size_t n, int nl)
{
	struct buf *b = &ll->line[idx];
	size_t room = b->max - b->len;
	int rc = 0;

	if (ll->skipping[idx])
		return 0;
	if (b->len == 0 && nl && n <= b->max)
		return emit(ll, idx, data, n, 0, 0); /* no copy needed */
	if (n > room || buf_append(b, data, n) != 0) {
		/* Cut: hand on what fits (all that memory allowed) now and
		 * skip the rest of the line. */
		if (n > room)
			buf_append(b, data, room);
		rc = emit(ll, idx, b->data ? b->data : "", b->len, 1, 0);
		buf_reset(b);
		ll->skipping[idx] = 1;
	} else if (nl) {
		rc = emit(ll, idx, b->data ? b->data : "", b->len, 0, 0);
		buf_reset(b);
	}
	return rc;
}

int loglines_chunk(int stream, const char *data, size_t len, void *ud)
{
	struct loglines *ll = ud;
	int idx = stream == LOG_STDERR;

	while (len) {
		const char *nl = memchr(data, '\n', len);
		size_t n = nl ? (size_t)(nl - data) : len;
		int rc = add(ll, idx, data, n, nl != NULL);

		if (nl)
			ll->skipping[idx] = 0;
		if (rc)
			return rc;
		if (!nl)
			break;
		data = nl + 1;
		len -= n + 1;
	}
	return 0;
}

int loglines_finish(struct loglines *ll)
{
	int idx, rc = 0;

	for (idx = 0; idx < 2; idx++) {
		struct buf *b = &ll->line[idx];
		if (!rc && !ll->skipping[idx] && b->len)
			rc = emit(ll, idx, b->data, b->len, 0, 1);
		buf_reset(b);
		ll->skipping[idx] = 0;
	}
	return rc;
}

void loglines_done(struct loglines *ll)
{
	buf_free(&ll->line[0]);
	buf_free(&ll->line[1]);
}

int64_t logline_tsn(const char *ts, size_t len)
{
	char b[LOGLINES_TS_MAX + 1];
	struct tm tm;
	const char *p;
	int64_t ns = 0, scale = 100000000;
	int sign, oh, om;

	if (!ts || len < 20 || len > LOGLINES_TS_MAX)
		return 0;
	memcpy(b, ts, len);
	b[len] = '\0';
	memset(&tm, 0, sizeof(tm));
	p = strptime(b, "%Y-%m-%dT%H:%M:%S", &tm);
	if (!p || tm.tm_year < 70)
		return 0;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++) {
			ns += (*p - '0') * scale;
			scale /= 10;
		}
	if (*p == 'Z' && p[1] == '\0')
		return (int64_t)timegm(&tm) * 1000000000 + ns;
	if ((*p != '+' && *p != '-') ||
	    sscanf(p + 1, "%2d:%2d", &oh, &om) != 2 || strlen(p) != 6)
		return 0;
	sign = *p == '-' ? -1 : 1;
	return ((int64_t)timegm(&tm) - sign * (oh * 3600 + om * 60)) *
		       1000000000 +
	       ns;
}
