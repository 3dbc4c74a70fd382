/* One line per engine event, and which events are alerts. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/events.h"
#include "model/event_format.h"

static int utc(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static void parse(const char *line, struct api_event *ev)
{
	struct api_error err;

	assert_int_equal(api_event_parse(line, strlen(line), ev, &err), API_OK);
}

/* The recorded session: exit 3, then SIGKILL (137). */
static void test_recorded(void **state)
{
	static const char *const want[] = {
		"18:10:45 container create paneJ-ex3 "
		"image=local/busybox:latest",
		"18:10:45 container attach paneJ-ex3 "
		"image=local/busybox:latest",
		"18:10:46 container start paneJ-ex3 image=local/busybox:latest",
		"18:10:46 container die paneJ-ex3 exitCode=3 "
		"image=local/busybox:latest",
		"18:10:46 container create paneJ-kill "
		"image=local/busybox:latest",
		"18:10:46 container start paneJ-kill "
		"image=local/busybox:latest",
		"18:10:46 container kill paneJ-kill signal=9 "
		"image=local/busybox:latest",
		"18:10:46 container die paneJ-kill exitCode=137 "
		"image=local/busybox:latest",
	};
	static const int alert[] = {0, 0, 0, 1, 0, 0, 0, 1};
	size_t len, i = 0;
	char *data = tl_data("event_format_recorded.jsonl", &len);
	char *save = NULL, *l;
	char buf[512];

	(void)state;
	for (l = strtok_r(data, "\n", &save); l && i < 8;
	     l = strtok_r(NULL, "\n", &save), i++) {
		struct api_event ev;
		parse(l, &ev);
		assert_int_equal(event_format(&ev, buf, sizeof(buf)),
				 strlen(want[i]));
		assert_string_equal(buf, want[i]);
		assert_int_equal(event_is_alert(&ev), alert[i]);
		api_event_free(&ev);
	}
	assert_int_equal(i, 8);
	free(data);
}

static void test_alerts(void **state)
{
	static const struct {
		const char *json;
		int alert;
	} cases[] = {
		{"{\"Type\":\"container\",\"Action\":\"oom\",\"Actor\":{\"ID\":"
		 "\"a\",\"Attributes\":{\"name\":\"w\"}},\"time\":0}",
		 1},
		{"{\"Type\":\"container\",\"Action\":\"health_status: "
		 "unhealthy\",\"Actor\":{\"ID\":\"a\"},\"time\":0}",
		 1},
		{"{\"Type\":\"container\",\"Action\":\"health_status: "
		 "healthy\",\"Actor\":{\"ID\":\"a\"},\"time\":0}",
		 0},
		{"{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":"
		 "\"a\",\"Attributes\":{\"exitCode\":\"0\"}},\"time\":0}",
		 0},
		{"{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":"
		 "\"a\"},\"time\":0}",
		 0},
		{"{\"Type\":\"image\",\"Action\":\"oom\",\"time\":0}", 0},
		{"{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":"
		 "\"a\",\"Attributes\":{\"exitCode\":\"1\"}},\"time\":0}",
		 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct api_event ev;
		struct event_fields f;
		parse(cases[i].json, &ev);
		assert_int_equal(event_is_alert(&ev), cases[i].alert);
		event_fields(&ev, &f);
		assert_int_equal(f.alert, cases[i].alert);
		api_event_free(&ev);
	}
}

static void test_fields_and_hostile(void **state)
{
	struct api_event ev;
	struct event_fields f;
	char small[16];

	(void)state;
	/* no name: the short id stands in; image events omit image= */
	parse("{\"Type\":\"image\",\"Action\":\"pull\",\"Actor\":{\"ID\":"
	      "\"sha256:0123456789abcdef\",\"Attributes\":{\"image\":\"x\"}},"
	      "\"time\":1e300}",
	      &ev);
	event_fields(&ev, &f);
	assert_string_equal(f.time, "--:--:--");
	assert_string_equal(f.type, "image");
	assert_string_equal(f.action, "pull");
	assert_string_equal(f.name, "sha256:01234");
	assert_string_equal(f.detail, "");
	/* cut short, still terminated */
	assert_int_equal(event_format(&ev, small, sizeof(small)), 15);
	assert_string_equal(small, "--:--:-- image ");
	api_event_free(&ev);
	/* nothing at all: every field NULL */
	memset(&ev, 0, sizeof(ev));
	ev.exit_code = -1;
	event_fields(&ev, &f);
	assert_string_equal(f.type, "");
	assert_string_equal(f.name, "");
	assert_string_equal(f.time, "00:00:00");
	assert_int_equal(f.alert, 0);
	assert_int_equal(event_format(&ev, small, 0), 0);
	assert_int_equal(event_format(&ev, small, sizeof(small)), 11);
	assert_string_equal(small, "00:00:00   ");
	/* invalid UTF-8 and a huge exit code are kept as text */
	parse("{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":"
	      "\"x\",\"Attributes\":{\"name\":\"n\xff\xfe\",\"exitCode\":"
	      "\"99999999999999999999\"}},\"time\":60}",
	      &ev);
	event_fields(&ev, &f);
	assert_string_equal(f.time, "00:01:00");
	assert_string_equal(f.name, "n\xff\xfe");
	assert_string_equal(f.detail, "exitCode=99999999999999999999");
	api_event_free(&ev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recorded),
		cmocka_unit_test(test_alerts),
		cmocka_unit_test(test_fields_and_hostile),
	};
	return cmocka_run_group_tests(tests, utc, NULL);
}
