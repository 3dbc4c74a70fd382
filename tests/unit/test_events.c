/* Event parsing and the stream splitter, from a recorded engine session. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/events.h"

/* What a test keeps of each event: enough to compare runs. */
struct seen {
	char line[64][160];
	int n;
	int ends;
};

static void record(const struct api_event *ev, void *ud)
{
	struct seen *s = ud;

	if (s->n < 64)
		snprintf(s->line[s->n], sizeof(s->line[0]), "%s|%s|%s|%s|%d",
			 api_str(ev->type), api_str(ev->action_base),
			 api_str(ev->action_detail), api_str(ev->name),
			 ev->exit_code);
	s->n++;
}

static void feed_split(const char *data, size_t len, size_t cut,
		       struct seen *out, size_t *bad)
{
	struct api_events_stream st;

	memset(out, 0, sizeof(*out));
	api_events_stream_init(&st, record, NULL, out);
	api_events_stream_feed(&st, data, cut);
	api_events_stream_feed(&st, data + cut, len - cut);
	api_events_stream_finish(&st);
	*bad = st.bad_lines;
	assert_int_equal(st.events, (size_t)out->n);
	api_events_stream_done(&st);
}

static void assert_same(const struct seen *a, const struct seen *b)
{
	int i;

	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n && i < 64; i++)
		assert_string_equal(a->line[i], b->line[i]);
}

static void test_lifecycle_recording(void **state)
{
	static struct seen s;
	size_t len, bad;
	char *data = tl_data("events_lifecycle.jsonl", &len);

	(void)state;
	feed_split(data, len, len, &s, &bad);
	assert_int_equal(bad, 0);
	assert_int_equal(s.n, 27);
	assert_string_equal(s.line[0], "volume|create|||-1");
	assert_string_equal(s.line[2], "container|create||sysc-rec-run|-1");
	assert_string_equal(s.line[3], "network|connect||none|-1");
	assert_string_equal(s.line[11], "container|die||sysc-rec-exited|3");
	assert_string_equal(s.line[13],
			    "container|exec_create|sh -c true|sysc-rec-run|-1");
	assert_string_equal(s.line[14],
			    "container|exec_start|sh -c true|sysc-rec-run|-1");
	assert_string_equal(s.line[15], "container|exec_die||sysc-rec-run|0");
	assert_string_equal(s.line[21], "container|kill||sysc-rec-term|-1");
	assert_string_equal(s.line[22], "container|die||sysc-rec-term|7");
	assert_string_equal(s.line[24], "container|stop||sysc-rec-term|-1");
	assert_string_equal(s.line[25], "container|destroy||sysc-rec-term|-1");
	free(data);
}

/* Every two-piece cut, then one byte at a time: always the same events. */
static void test_every_split(void **state)
{
	static struct seen whole, part;
	struct api_events_stream st;
	size_t len, cut, i, bad;
	char *data = tl_data("events_lifecycle.jsonl", &len);

	(void)state;
	feed_split(data, len, len, &whole, &bad);
	for (cut = 0; cut <= len; cut++) {
		feed_split(data, len, cut, &part, &bad);
		assert_int_equal(bad, 0);
		assert_same(&whole, &part);
	}
	memset(&part, 0, sizeof(part));
	api_events_stream_init(&st, record, NULL, &part);
	for (i = 0; i < len; i++)
		api_events_stream_feed(&st, data + i, 1);
	api_events_stream_finish(&st);
	api_events_stream_done(&st);
	assert_same(&whole, &part);
	free(data);
}

static void test_event_fields(void **state)
{
	struct api_event ev;
	struct api_error err;
	size_t len;
	char *data = tl_data("events_lifecycle.jsonl", &len);
	char *line = data;
	int i;

	(void)state;
	for (i = 0; i < 22; i++)
		line = strchr(line, '\n') + 1;
	assert_int_equal(api_event_parse(line, strcspn(line, "\n"), &ev, &err),
			 API_OK);
	assert_string_equal(ev.type, "container");
	assert_string_equal(ev.action, "die");
	assert_string_equal(ev.action_base, "die");
	assert_null(ev.action_detail);
	assert_string_equal(ev.actor_id, "8aafa16f980cb505637439ef318941af7"
					 "80fc3975d44d93f88562ff4b42244df");
	assert_string_equal(ev.scope, "local");
	assert_int_equal(ev.time, 1795888653);
	/* through a double: exact to a few hundred ns */
	assert_true(llabs(ev.time_nano - 1795888653218281048LL) < 512);
	assert_string_equal(ev.name, "sysc-rec-term");
	assert_string_equal(api_kv_get(&ev.attributes, "image"),
			    "local/busybox:latest");
	assert_int_equal(ev.exit_code, 7);
	api_event_free(&ev);
	api_event_free(&ev);
	free(data);
}

static void test_hostile_lines(void **state)
{
	static struct seen s;
	size_t len, bad;
	char *data = tl_data("events_hostile.jsonl", &len);

	(void)state;
	feed_split(data, len, len / 2, &s, &bad);
	assert_int_equal(bad, 4);
	assert_int_equal(s.n, 7);
	assert_string_equal(s.line[0],
			    "container|health_status|healthy|web|-1");
	assert_string_equal(s.line[1], "|die|||-1");
	assert_string_equal(s.line[2], "container|die||n\xff\xfe|-1");
	assert_string_equal(s.line[3], "|kill|||-1");
	assert_string_equal(s.line[4], "container|exec_start|||-1");
	assert_string_equal(s.line[5], "image|pull|||-1");
	/* the last line had no '\n': only finish hands it over */
	assert_string_equal(s.line[6], "container|die||tail|0");
	free(data);
}

static void test_hostile_values(void **state)
{
	static const char legacy[] =
		"{\"status\":\"die\",\"id\":\"legacy1\",\"time\":1400000000}";
	static const char huge[] = "{\"Action\":\"x\",\"time\":1e300,"
				   "\"timeNano\":-1e300,\"Actor\":{\"ID\":7}}";
	static const char *bad[] = {"",
				    "{}",
				    "null",
				    "[]",
				    "{\"Action\":1}",
				    "{\"Action\":null}",
				    "\xff"};
	struct api_event ev;
	struct api_error err;
	size_t i;

	(void)state;
	assert_int_equal(api_event_parse(legacy, strlen(legacy), &ev, &err),
			 API_OK);
	assert_string_equal(ev.action, "die");
	assert_string_equal(ev.actor_id, "legacy1");
	assert_null(ev.type);
	assert_true(ev.time_nano == 1400000000LL * 1000000000LL);
	api_event_free(&ev);
	assert_int_equal(api_event_parse(huge, strlen(huge), &ev, &err),
			 API_OK);
	assert_true(ev.time == INT64_MAX);
	assert_true(ev.time_nano == INT64_MIN);
	assert_null(ev.actor_id);
	assert_null(ev.name);
	assert_int_equal(ev.attributes.n, 0);
	api_event_free(&ev);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(
			api_event_parse(bad[i], strlen(bad[i]), &ev, &err),
			API_E_PARSE);
		assert_null(ev.action);
		api_event_free(&ev);
	}
}

static void test_path(void **state)
{
	struct api_filter f[] = {{"type", "container"}, {"container", "web"}};
	struct api_events_opts o = {.since = 1700000000,
				    .until = 1700000100,
				    .filters = f,
				    .n_filters = 2};
	char *p;

	(void)state;
	p = api_events_path(&o);
	assert_string_equal(p, "/events?since=1700000000&until=1700000100&"
			       "filters=%7B%22type%22%3A%5B%22container%22%5D%"
			       "2C%22container%22%3A%5B%22web%22%5D%7D");
	free(p);
	p = api_events_path(NULL);
	assert_string_equal(p, "/events");
	free(p);
}

/* An over-long line is dropped and counted; the stream goes on. */
static void test_overlong_line(void **state)
{
	static struct seen s;
	struct api_events_stream st;
	static const char ok[] =
		"{\"Type\":\"container\",\"Action\":\"start\"}\n";
	char *big = malloc(JSONLINES_DEFAULT_MAX + 10);

	(void)state;
	assert_non_null(big);
	memset(big, 'x', JSONLINES_DEFAULT_MAX + 10);
	memset(&s, 0, sizeof(s));
	api_events_stream_init(&st, record, NULL, &s);
	api_events_stream_feed(&st, big, JSONLINES_DEFAULT_MAX + 10);
	api_events_stream_feed(&st, "\n", 1);
	api_events_stream_feed(&st, ok, sizeof(ok) - 1);
	api_events_stream_finish(&st);
	api_events_stream_done(&st);
	assert_int_equal(st.bad_lines, 1);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.line[0], "container|start|||-1");
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lifecycle_recording),
		cmocka_unit_test(test_every_split),
		cmocka_unit_test(test_event_fields),
		cmocka_unit_test(test_hostile_lines),
		cmocka_unit_test(test_hostile_values),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_overlong_line),
	};
	return cmocka_run_group_tests_name("events", tests, NULL, NULL);
}
