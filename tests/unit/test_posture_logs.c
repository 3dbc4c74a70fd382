/* The log configuration of a container: unbounded json-file or local
 * logs (berth.logs.unbounded), or none at all (berth.logs.none). */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <string.h>

#include "api/container_inspect.h"
#include "tests/lib/judge.h"

/* The ids of the log findings for a LogConfig (JSON), space-separated. */
static const char *logs(const char *log_config)
{
	static char out[256];
	struct api_container_inspect ci = {0};
	struct posture_findings f = {0};
	struct api_error err;
	char json[512];
	size_t i;

	snprintf(json, sizeof(json),
		 "{\"Id\":\"c1\",\"Name\":\"/app\",\"HostConfig\":{"
		 "\"LogConfig\":%s}}",
		 log_config);
	assert_int_equal(
		api_container_inspect_parse(json, strlen(json), &ci, &err),
		API_OK);
	assert_int_equal(tl_check_container(&ci, NULL, &f), API_OK);
	out[0] = '\0';
	for (i = 0; i < f.n; i++)
		if (strncmp(f.items[i].rule->id, "berth.logs.", 11) == 0)
			snprintf(out + strlen(out), sizeof(out) - strlen(out),
				 "%s%s=%s", out[0] ? " " : "",
				 f.items[i].rule->id + 11, f.items[i].evidence);
	posture_findings_free(&f);
	api_container_inspect_free(&ci);
	return out;
}

static void test_unbounded(void **state)
{
	(void)state;
	assert_string_equal(
		logs("{\"Type\":\"json-file\",\"Config\":{}}"),
		"unbounded=HostConfig.LogConfig.Type=json-file, no max-size");
	assert_string_equal(
		logs("{\"Type\":\"json-file\",\"Config\":{\"max-size\":\"-1\"}"
		     "}"),
		"unbounded=HostConfig.LogConfig.Type=json-file, max-size=-1");
	assert_string_equal(
		logs("{\"Type\":\"local\",\"Config\":{\"max-size\":\"-1\"}}"),
		"unbounded=HostConfig.LogConfig.Type=local, max-size=-1");
}

static void test_bounded_or_elsewhere(void **state)
{
	(void)state;
	assert_string_equal(logs("{\"Type\":\"json-file\",\"Config\":"
				 "{\"max-size\":\"10m\",\"max-file\":\"3\"}}"),
			    "");
	/* local rotates at 20 MB by itself */
	assert_string_equal(logs("{\"Type\":\"local\",\"Config\":{}}"), "");
	assert_string_equal(logs("{\"Type\":\"syslog\",\"Config\":{}}"), "");
	assert_string_equal(logs("{\"Type\":\"journald\"}"), "");
	/* not said: not judged */
	assert_string_equal(logs("null"), "");
}

static void test_none(void **state)
{
	(void)state;
	assert_string_equal(logs("{\"Type\":\"none\",\"Config\":{}}"),
			    "none=HostConfig.LogConfig.Type=none");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unbounded),
		cmocka_unit_test(test_bounded_or_elsewhere),
		cmocka_unit_test(test_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
