/* What the logs pane says of a log driver: whether the engine reads it
 * back, and where the output goes. */
#include "tests/lib/testlib.h"

#include <string.h>

#include "model/log_driver.h"

static void test_read_modes(void **state)
{
	(void)state;
	assert_int_equal(log_driver_read("json-file"), LOG_READ_NATIVE);
	assert_int_equal(log_driver_read("local"), LOG_READ_NATIVE);
	assert_int_equal(log_driver_read("journald"), LOG_READ_NATIVE);
	assert_int_equal(log_driver_read(""), LOG_READ_NATIVE);
	assert_int_equal(log_driver_read(NULL), LOG_READ_NATIVE);
	assert_int_equal(log_driver_read("none"), LOG_READ_NEVER);
	assert_int_equal(log_driver_read("syslog"), LOG_READ_CACHE);
	assert_int_equal(log_driver_read("fluentd"), LOG_READ_CACHE);
	assert_int_equal(log_driver_read("some/plugin:latest"), LOG_READ_CACHE);
}

static void test_where(void **state)
{
	struct api_kv kv[] = {{"syslog-address", "tcp://127.0.0.1:601"},
			      {"tag", "web"}};
	struct api_kvlist opts = {kv, 2}, empty = {NULL, 0};
	char out[200];

	(void)state;
	log_driver_where("syslog", &opts, out, sizeof(out));
	assert_string_equal(out, "syslog, to tcp://127.0.0.1:601");
	log_driver_where("syslog", &empty, out, sizeof(out));
	assert_string_equal(out, "syslog, to the host's syslog");
	log_driver_where("fluentd", NULL, out, sizeof(out));
	assert_string_equal(out, "fluentd, to localhost:24224");
	/* the option of another driver is not taken for this one's */
	log_driver_where("gelf", &opts, out, sizeof(out));
	assert_string_equal(out, "gelf, to a GELF server");
	log_driver_where("none", &opts, out, sizeof(out));
	assert_string_equal(out, "none");
	log_driver_where("acme/logs", &empty, out, sizeof(out));
	assert_string_equal(out, "acme/logs (a logging plugin)");
	log_driver_where(NULL, NULL, out, sizeof(out));
	assert_string_equal(out, "json-file, to the engine's log files");
	/* cut, never past the buffer */
	log_driver_where("syslog", &opts, out, 8);
	assert_string_equal(out, "syslog,");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_modes),
		cmocka_unit_test(test_where),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
