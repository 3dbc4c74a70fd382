/* The log frame demultiplexer and the line assembler on top of it. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/buf.h"
#include "api/logframes.h"
#include "api/logs.h"

/* What `docker run local/busybox sh -c 'echo out1; echo err1 >&2; printf
 * partial; printf err-partial >&2; echo; echo out2; echo err2 >&2; printf
 * "\xff\xfe invalid utf8\n"'` logged (json-file replaced the bad bytes). */
static const char nontty_out[] = "out1\npartial\nout2\n"
				 "\xef\xbf\xbd\xef\xbf\xbd invalid utf8\n";
static const char nontty_err[] = "err1\nerr-partialerr2\n";

struct sink {
	struct buf b[2];
	int calls;
	int bad_stream;
	int stop_after; /* stop on this call (1-based); 0: never */
};

static void sink_init(struct sink *s)
{
	memset(s, 0, sizeof(*s));
	buf_init(&s->b[0], 1u << 20);
	buf_init(&s->b[1], 1u << 20);
}

static void sink_done(struct sink *s)
{
	buf_free(&s->b[0]);
	buf_free(&s->b[1]);
}

static int sink_chunk(int stream, const char *data, size_t len, void *ud)
{
	struct sink *s = ud;

	s->calls++;
	if (stream != LOG_STDOUT && stream != LOG_STDERR)
		s->bad_stream++;
	assert_true(len > 0);
	assert_int_equal(buf_append(&s->b[stream == LOG_STDERR], data, len), 0);
	return s->stop_after && s->calls >= s->stop_after;
}

static void assert_sink(const struct sink *s, const char *out, size_t out_len,
			const char *err, size_t err_len)
{
	assert_int_equal(s->bad_stream, 0);
	assert_int_equal(s->b[0].len, out_len);
	assert_int_equal(s->b[1].len, err_len);
	assert_memory_equal(s->b[0].data ? s->b[0].data : "", out, out_len);
	assert_memory_equal(s->b[1].data ? s->b[1].data : "", err, err_len);
}

/* Feeds data cut at cut, then byte by byte when cut is (size_t)-1. */
static void demux(const char *data, size_t len, int raw, size_t cut,
		  struct sink *s)
{
	struct logframes lf;
	size_t i;

	logframes_init(&lf, raw, sink_chunk, s);
	if (cut == (size_t)-1) {
		for (i = 0; i < len; i++)
			assert_int_equal(logframes_feed(&lf, data + i, 1), 0);
	} else {
		assert_int_equal(logframes_feed(&lf, data, cut), 0);
		assert_int_equal(logframes_feed(&lf, data + cut, len - cut), 0);
	}
	assert_int_equal(logframes_finish(&lf), 0);
	assert_null(logframes_error(&lf));
}

static void check_every_split(const char *file, int raw, const char *out,
			      size_t out_len, const char *err, size_t err_len)
{
	size_t len, cut;
	char *data = tl_data(file, &len);

	for (cut = 0; cut <= len; cut++) {
		struct sink s;
		sink_init(&s);
		demux(data, len, raw, cut, &s);
		assert_sink(&s, out, out_len, err, err_len);
		sink_done(&s);
	}
	{
		struct sink s;
		sink_init(&s);
		demux(data, len, raw, (size_t)-1, &s);
		assert_sink(&s, out, out_len, err, err_len);
		sink_done(&s);
	}
	free(data);
}

static void test_recorded_nontty(void **state)
{
	(void)state;
	check_every_split("logs_nontty.bin", 0, nontty_out,
			  sizeof(nontty_out) - 1, nontty_err,
			  sizeof(nontty_err) - 1);
}

static void test_recorded_tty_raw(void **state)
{
	static const char out[] = "out1\r\nerr1\r\nout2\r\n";

	(void)state;
	check_every_split("logs_tty.bin", 1, out, sizeof(out) - 1, "", 0);
}

/* Raw TTY bytes taken for frames: 'o' is no stream type. */
static void test_tty_bytes_as_frames(void **state)
{
	struct logframes lf;
	struct sink s;
	size_t len;
	char *data = tl_data("logs_tty.bin", &len);

	(void)state;
	sink_init(&s);
	logframes_init(&lf, 0, sink_chunk, &s);
	assert_int_equal(logframes_feed(&lf, data, len), LOGFRAMES_ERROR);
	assert_non_null(strstr(logframes_error(&lf), "unknown stream type"));
	assert_int_equal(s.calls, 0);
	free(data);
	sink_done(&s);
}

static void test_bad_stream_type_sticks(void **state)
{
	static const char in[] = "\x01\0\0\0\0\0\0\x02ok"
				 "\x03\0\0\0\0\0\0\x02no"
				 "\x01\0\0\0\0\0\0\x02ok";
	struct logframes lf;
	struct sink s;

	(void)state;
	sink_init(&s);
	logframes_init(&lf, 0, sink_chunk, &s);
	assert_int_equal(logframes_feed(&lf, in, sizeof(in) - 1),
			 LOGFRAMES_ERROR);
	assert_string_equal(logframes_error(&lf),
			    "unknown stream type (a TTY container?) in log "
			    "frame 2");
	/* The error state is sticky: nothing more gets through. */
	assert_int_equal(logframes_feed(&lf, in, 10), LOGFRAMES_ERROR);
	assert_int_equal(logframes_finish(&lf), LOGFRAMES_ERROR);
	assert_sink(&s, "ok", 2, "", 0);
	sink_done(&s);
}

static void test_nonzero_padding(void **state)
{
	static const char in[] = "\x02\0\x01\0\0\0\0\x02no";
	struct logframes lf;
	struct sink s;

	(void)state;
	sink_init(&s);
	logframes_init(&lf, 0, sink_chunk, &s);
	assert_int_equal(logframes_feed(&lf, in, 4), 0);
	assert_int_equal(logframes_feed(&lf, in + 4, sizeof(in) - 5),
			 LOGFRAMES_ERROR);
	assert_non_null(
		strstr(logframes_error(&lf), "non-zero header padding"));
	assert_int_equal(s.calls, 0);
	sink_done(&s);
}

/* A 4 GB frame is passed on as it comes and never buffered. */
static void test_huge_frame_streams(void **state)
{
	static const char hdr[] = "\x02\0\0\0\xff\xff\xff\xff";
	char chunk[4096];
	struct logframes lf;
	struct sink s;
	int i;

	(void)state;
	memset(chunk, 'x', sizeof(chunk));
	sink_init(&s);
	logframes_init(&lf, 0, sink_chunk, &s);
	assert_int_equal(logframes_feed(&lf, hdr, 8), 0);
	for (i = 0; i < 64; i++)
		assert_int_equal(logframes_feed(&lf, chunk, sizeof(chunk)), 0);
	assert_int_equal(s.calls, 64);
	assert_int_equal(s.b[1].len, 64 * sizeof(chunk));
	assert_int_equal(s.b[0].len, 0);
	assert_int_equal(lf.left, 0xffffffffu - 64 * sizeof(chunk));
	assert_int_equal(logframes_finish(&lf), LOGFRAMES_ERROR);
	assert_string_equal(logframes_error(&lf),
			    "the stream ended 4294705151 bytes short of the "
			    "payload in log frame 1");
	sink_done(&s);
}

static void test_truncated_header(void **state)
{
	static const char in[] = "\x01\0\0\0\0\0\0\x01"
				 "a\x01\0\0";
	struct logframes lf;
	struct sink s;

	(void)state;
	sink_init(&s);
	logframes_init(&lf, 0, sink_chunk, &s);
	assert_int_equal(logframes_feed(&lf, in, sizeof(in) - 1), 0);
	assert_int_equal(logframes_finish(&lf), LOGFRAMES_ERROR);
	assert_string_equal(logframes_error(&lf),
			    "the stream ended inside the header in log frame "
			    "2");
	assert_sink(&s, "a", 1, "", 0);
	sink_done(&s);
}

/* Empty frames are skipped, stdin frames are stdout (per the API), bytes
 * are passed on untouched, and a callback can stop the feed. */
static void test_odd_frames(void **state)
{
	static const char in[] = "\x01\0\0\0\0\0\0\0"
				 "\x00\0\0\0\0\0\0\x03\xff\xfe\n"
				 "\x02\0\0\0\0\0\0\x02\0e"
				 "\x01\0\0\0\0\0\0\x01z";
	struct logframes lf;
	struct sink s;

	(void)state;
	sink_init(&s);
	s.stop_after = 2;
	logframes_init(&lf, 0, sink_chunk, &s);
	assert_int_equal(logframes_feed(&lf, in, sizeof(in) - 1),
			 LOGFRAMES_STOP);
	assert_sink(&s, "\xff\xfe\n", 3, "\0e", 2);
	assert_null(logframes_error(&lf));
	assert_int_equal(lf.frames, 3);
	sink_done(&s);
}

struct lines {
	struct {
		int stream;
		char ts[LOGLINES_TS_MAX];
		char text[128];
		size_t len;
		int truncated;
		int partial;
	} l[16];
	int n;
};

static int collect_line(const struct logline *line, void *ud)
{
	struct lines *ls = ud;

	assert_true(ls->n < 16);
	assert_true(line->len < sizeof(ls->l[0].text));
	ls->l[ls->n].stream = line->stream;
	assert_true(line->ts_len < LOGLINES_TS_MAX);
	if (line->ts_len)
		memcpy(ls->l[ls->n].ts, line->ts, line->ts_len);
	if (line->len)
		memcpy(ls->l[ls->n].text, line->text, line->len);
	ls->l[ls->n].len = line->len;
	ls->l[ls->n].truncated = line->truncated;
	ls->l[ls->n].partial = line->partial;
	ls->n++;
	return 0;
}

static void assert_line(const struct lines *ls, int i, int stream,
			const char *text, int truncated, int partial)
{
	assert_true(i < ls->n);
	assert_int_equal(ls->l[i].stream, stream);
	assert_string_equal(ls->l[i].text, text);
	assert_int_equal(ls->l[i].len, strlen(text));
	assert_int_equal(ls->l[i].truncated, truncated);
	assert_int_equal(ls->l[i].partial, partial);
}

/* Frames to lines: the recorded timestamped logs, cut everywhere. */
static void test_lines_recorded_timestamps(void **state)
{
	size_t len, cut;
	char *data = tl_data("logs_nontty_ts.bin", &len);

	(void)state;
	for (cut = 0; cut <= len; cut++) {
		struct logframes lf;
		struct loglines ll;
		struct lines ls;
		int i;

		memset(&ls, 0, sizeof(ls));
		loglines_init(&ll, 0, 1, collect_line, &ls);
		logframes_init(&lf, 0, loglines_chunk, &ll);
		assert_int_equal(logframes_feed(&lf, data, cut), 0);
		assert_int_equal(logframes_feed(&lf, data + cut, len - cut), 0);
		assert_int_equal(logframes_finish(&lf), 0);
		assert_int_equal(loglines_finish(&ll), 0);
		assert_int_equal(ls.n, 6);
		/* Each stream's lines in order; streams interleave by frame. */
		assert_line(&ls, 0, LOG_STDOUT, "out1", 0, 0);
		assert_line(&ls, 1, LOG_STDOUT, "partial", 0, 0);
		assert_line(&ls, 2, LOG_STDOUT, "out2", 0, 0);
		assert_line(&ls, 3, LOG_STDOUT,
			    "\xef\xbf\xbd\xef\xbf\xbd invalid utf8", 0, 0);
		assert_line(&ls, 4, LOG_STDERR, "err1", 0, 0);
		assert_line(&ls, 5, LOG_STDERR, "err-partialerr2", 0, 0);
		for (i = 0; i < 6; i++) {
			assert_int_equal(strlen(ls.l[i].ts), 30);
			assert_memory_equal(ls.l[i].ts, "2026-11-28T17:57:28.",
					    20);
			assert_int_equal(ls.l[i].ts[29], 'Z');
		}
		loglines_done(&ll);
	}
	free(data);
}

/* Partial lines of the two streams never mix. */
static void test_lines_interleaved(void **state)
{
	struct loglines ll;
	struct lines ls;

	(void)state;
	memset(&ls, 0, sizeof(ls));
	loglines_init(&ll, 0, 0, collect_line, &ls);
	loglines_chunk(LOG_STDOUT, "par", 3, &ll);
	loglines_chunk(LOG_STDERR, "err-", 4, &ll);
	loglines_chunk(LOG_STDOUT, "tial\n\nnext", 10, &ll);
	loglines_chunk(LOG_STDERR, "x\r\ny", 4, &ll);
	assert_int_equal(ls.n, 3);
	assert_int_equal(loglines_finish(&ll), 0);
	assert_int_equal(ls.n, 5);
	assert_line(&ls, 0, LOG_STDOUT, "partial", 0, 0);
	assert_line(&ls, 1, LOG_STDOUT, "", 0, 0);
	assert_line(&ls, 2, LOG_STDERR, "err-x", 0, 0);
	assert_line(&ls, 3, LOG_STDOUT, "next", 0, 1);
	assert_line(&ls, 4, LOG_STDERR, "y", 0, 1);
	loglines_done(&ll);
}

/* Over-long lines are cut at the cap, the rest skipped, however fed. */
static void test_lines_overlong(void **state)
{
	static const char in[] = "0123456789abc\n01234567\nshort\r\n"
				 "01234567\r\n012345678\r\nxyzxyzxyzxyz";
	size_t len = sizeof(in) - 1, step;

	(void)state;
	for (step = 1; step <= len; step++) {
		struct loglines ll;
		struct lines ls;
		size_t off;

		memset(&ls, 0, sizeof(ls));
		loglines_init(&ll, 8, 0, collect_line, &ls);
		for (off = 0; off < len; off += step)
			loglines_chunk(LOG_STDERR, in + off,
				       len - off < step ? len - off : step,
				       &ll);
		loglines_finish(&ll);
		assert_int_equal(ls.n, 6);
		assert_line(&ls, 0, LOG_STDERR, "01234567", 1, 0);
		assert_line(&ls, 1, LOG_STDERR, "01234567", 0, 0);
		assert_line(&ls, 2, LOG_STDERR, "short", 0, 0);
		assert_line(&ls, 3, LOG_STDERR, "01234567", 0, 0);
		assert_line(&ls, 4, LOG_STDERR, "01234567", 1, 0);
		assert_line(&ls, 5, LOG_STDERR, "xyzxyzxy", 1, 0);
		assert_int_equal(ll.truncated, 3);
		loglines_done(&ll);
	}
}

/* The cap is on the text: the timestamp does not count against it. */
static void test_lines_timestamp_split(void **state)
{
	static const char in[] = "2024-01-02T03:04:05.123456789Z abcdefgh\n"
				 "2024-01-02T03:04:05.5Z abcdefghijk\n"
				 "no-timestamp-here\n"
				 "2024-01-02T03:04:05Z \n";
	struct loglines ll;
	struct lines ls;

	(void)state;
	memset(&ls, 0, sizeof(ls));
	loglines_init(&ll, 8, 1, collect_line, &ls);
	loglines_chunk(LOG_STDOUT, in, sizeof(in) - 1, &ll);
	assert_int_equal(ls.n, 4);
	assert_line(&ls, 0, LOG_STDOUT, "abcdefgh", 0, 0);
	assert_string_equal(ls.l[0].ts, "2024-01-02T03:04:05.123456789Z");
	assert_line(&ls, 1, LOG_STDOUT, "abcdefgh", 1, 0);
	assert_string_equal(ls.l[1].ts, "2024-01-02T03:04:05.5Z");
	assert_line(&ls, 2, LOG_STDOUT, "no-times", 1, 0);
	assert_string_equal(ls.l[2].ts, "");
	assert_line(&ls, 3, LOG_STDOUT, "", 0, 0);
	assert_string_equal(ls.l[3].ts, "2024-01-02T03:04:05Z");
	loglines_done(&ll);
}

static int stop_line(const struct logline *line, void *ud)
{
	(void)line;
	return ++*(int *)ud == 2;
}

static void test_lines_stop(void **state)
{
	struct loglines ll;
	int n = 0;

	(void)state;
	loglines_init(&ll, 0, 0, stop_line, &n);
	assert_int_equal(loglines_chunk(LOG_STDOUT, "a\nb\nc\n", 6, &ll),
			 LOGFRAMES_STOP);
	assert_int_equal(n, 2);
	loglines_done(&ll);
}

static void test_logs_path(void **state)
{
	struct api_logs_opts o = API_LOGS_OPTS_INIT;
	char *p;

	(void)state;
	p = api_logs_path("abc", NULL);
	assert_string_equal(p,
			    "/containers/abc/logs?stdout=1&stderr=1&tail=all");
	free(p);
	o.want_stderr = 0;
	o.follow = 1;
	o.since = 1700000000;
	o.until = 1700000100;
	o.tail = 0;
	o.timestamps = 1;
	p = api_logs_path("my/ctr", &o);
	assert_string_equal(p, "/containers/my%2Fctr/logs?stdout=1&stderr=0&"
			       "follow=1&since=1700000000&until=1700000100&"
			       "tail=0&timestamps=1");
	free(p);
	/* Neither stream: the engine would refuse, so both. */
	o.want_stdout = 0;
	o.follow = o.timestamps = 0;
	o.since = o.until = 0;
	o.tail = 5;
	p = api_logs_path("x", &o);
	assert_string_equal(p, "/containers/x/logs?stdout=1&stderr=1&tail=5");
	free(p);
	assert_null(api_logs_path("", NULL));
	assert_null(api_logs_path(NULL, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recorded_nontty),
		cmocka_unit_test(test_recorded_tty_raw),
		cmocka_unit_test(test_tty_bytes_as_frames),
		cmocka_unit_test(test_bad_stream_type_sticks),
		cmocka_unit_test(test_nonzero_padding),
		cmocka_unit_test(test_huge_frame_streams),
		cmocka_unit_test(test_truncated_header),
		cmocka_unit_test(test_odd_frames),
		cmocka_unit_test(test_lines_recorded_timestamps),
		cmocka_unit_test(test_lines_interleaved),
		cmocka_unit_test(test_lines_overlong),
		cmocka_unit_test(test_lines_timestamp_split),
		cmocka_unit_test(test_lines_stop),
		cmocka_unit_test(test_logs_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
