/* The frame demultiplexer, line assembler and timestamp reader on
 * arbitrary bytes.  The
 * first byte picks the mode, the line cap and where the input is cut, so
 * chunking is fuzzed too; a second pass byte by byte must agree. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/logframes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct tally {
	uint64_t sum[2];
	size_t bytes[2];
};

static int count_line(const struct logline *l, void *ud)
{
	struct tally *t = ud;
	size_t i;

	if (l->len > 64 || l->ts_len >= LOGLINES_TS_MAX)
		abort();
	for (i = 0; i < l->len; i++)
		t->sum[l->stream == LOG_STDERR] += (unsigned char)l->text[i];
	for (i = 0; i < l->ts_len; i++)
		t->sum[l->stream == LOG_STDERR] += (unsigned char)l->ts[i];
	t->bytes[l->stream == LOG_STDERR] += l->len + l->ts_len;
	/* the timestamp read as a time, within its bytes */
	t->sum[l->stream == LOG_STDERR] +=
		(uint64_t)logline_tsn(l->ts, l->ts_len);
	return 0;
}

static int run(const uint8_t *data, size_t size, int raw, int ts, size_t cut,
	       struct tally *t)
{
	struct logframes lf;
	struct loglines ll;
	const char *p = (const char *)data;
	int rc = 0;
	size_t i;

	loglines_init(&ll, 64, ts, count_line, t);
	logframes_init(&lf, raw, loglines_chunk, &ll);
	if (cut) {
		for (i = 0; i < size && rc == 0; i++)
			rc = logframes_feed(&lf, p + i, 1);
	} else {
		rc = logframes_feed(&lf, p, size / 2);
		if (rc == 0)
			rc = logframes_feed(&lf, p + size / 2, size - size / 2);
	}
	if (rc == 0)
		rc = logframes_finish(&lf);
	if ((rc != 0) != (logframes_error(&lf) != NULL))
		abort();
	loglines_finish(&ll);
	loglines_done(&ll);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tally a, b;
	int raw, ts, ra, rb;

	if (size < 1)
		return 0;
	raw = data[0] & 1;
	ts = (data[0] >> 1) & 1;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	ra = run(data + 1, size - 1, raw, ts, 0, &a);
	rb = run(data + 1, size - 1, raw, ts, 1, &b);
	if (ra != rb || memcmp(&a, &b, sizeof(a)) != 0)
		abort();
	return 0;
}
