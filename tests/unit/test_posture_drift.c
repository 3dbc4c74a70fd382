/* berth.drift: what a running container changed against its image,
 * parsed from the engine's answer to GET /containers/{id}/changes, under
 * the trees an image owns; directories changed only because of what
 * they hold are not evidence; nothing when not running or not read. */
#include "tests/lib/testlib.h"

#include <string.h>

#include "api/container_changes.h"
#include "api/container_inspect.h"
#include "posture/checks.h"
#include "tests/lib/judge.h"

#define RUNNING "{\"Id\":\"c1\",\"Name\":\"/app\",\"State\":{\"Running\":true}}"
#define STOPPED                                                                \
	"{\"Id\":\"c1\",\"Name\":\"/app\",\"State\":{\"Running\":false}}"

/* The drift finding for the changes (JSON), or NULL; f is the caller's. */
static const struct posture_finding *
drift(const char *inspect, const char *changes, struct posture_findings *f)
{
	struct api_container_inspect ci = {0};
	struct api_changes ch = {0};
	struct api_error err;

	memset(f, 0, sizeof(*f));
	assert_int_equal(api_container_inspect_parse(inspect, strlen(inspect),
						     &ci, &err),
			 API_OK);
	if (changes)
		assert_int_equal(api_container_changes_parse(
					 changes, strlen(changes), &ch, &err),
				 API_OK);
	assert_int_equal(
		tl_judge(POSTURE_SCOPE_CONTAINER, &(struct posture_engine){0},
			 &(struct posture_subject){.container = &ci,
						   .changes = changes ? &ch
								      : NULL},
			 f),
		API_OK);
	api_changes_free(&ch);
	api_container_inspect_free(&ci);
	return posture_findings_get(f, "berth.drift", NULL);
}

static void test_programs(void **state)
{
	struct posture_findings f;
	const struct posture_finding *x;

	(void)state;
	/* as the engine answered for: echo >> /etc/passwd; cp busybox
	 * /bin/nc2; rm /bin/true; echo > /tmp/t */
	x = drift(
		RUNNING,
		"[{\"Path\":\"/bin\",\"Kind\":0},{\"Path\":\"/bin/nc2\","
		"\"Kind\":1},{\"Path\":\"/bin/true\",\"Kind\":2},{\"Path\":"
		"\"/etc\",\"Kind\":0},{\"Path\":\"/etc/passwd\",\"Kind\":0},"
		"{\"Path\":\"/tmp\",\"Kind\":0},{\"Path\":\"/tmp/t\",\"Kind\":"
		"1}]",
		&f);
	assert_non_null(x);
	assert_int_equal(x->severity, POSTURE_SEV_HIGH);
	assert_string_equal(x->evidence,
			    "A /bin/nc2; D /bin/true; C /etc/passwd");
	posture_findings_free(&f);
}

static void test_config_only(void **state)
{
	struct posture_findings f;
	const struct posture_finding *x;

	(void)state;
	x = drift(RUNNING,
		  "[{\"Path\":\"/etc\",\"Kind\":0},{\"Path\":\"/etc/app.conf\","
		  "\"Kind\":1},{\"Path\":\"/etcetera\",\"Kind\":1},{\"Path\":"
		  "\"/usrlocal\",\"Kind\":1}]",
		  &f);
	assert_non_null(x);
	/* configuration alone is a warning; /etcetera is not /etc */
	assert_int_equal(x->severity, POSTURE_SEV_MEDIUM);
	assert_string_equal(x->evidence, "A /etc/app.conf");
	posture_findings_free(&f);
}

static void test_nothing(void **state)
{
	struct posture_findings f;
	const struct posture_finding *x;

	(void)state;
	/* the engine's null: nothing changed */
	assert_null(drift(RUNNING, "null", &f));
	posture_findings_free(&f);
	assert_null(drift(RUNNING,
			  "[{\"Path\":\"/tmp\",\"Kind\":0},{\"Path\":"
			  "\"/tmp/x\",\"Kind\":1},{\"Path\":\"/var/log/a\","
			  "\"Kind\":1}]",
			  &f));
	posture_findings_free(&f);
	/* the directory with something in it, not its neighbour: by
	 * path with '/' first, in any order the engine sends */
	x = drift(RUNNING,
		  "[{\"Path\":\"/usr/lib-y\",\"Kind\":0},{\"Path\":"
		  "\"/usr/lib/x\",\"Kind\":1},{\"Path\":\"/usr/lib\","
		  "\"Kind\":0},{\"Path\":\"/usr\",\"Kind\":0}]",
		  &f);
	assert_non_null(x);
	assert_string_equal(x->evidence, "A /usr/lib/x; C /usr/lib-y");
	posture_findings_free(&f);
	/* a directory of its own, changed (its mode): evidence */
	assert_non_null(drift(RUNNING, "[{\"Path\":\"/usr\",\"Kind\":0}]", &f));
	posture_findings_free(&f);
	/* not read, or not running: not judged */
	assert_null(drift(RUNNING, NULL, &f));
	posture_findings_free(&f);
	assert_null(drift(STOPPED, "[{\"Path\":\"/bin/x\",\"Kind\":1}]", &f));
	posture_findings_free(&f);
}

static void test_parse(void **state)
{
	struct api_changes ch;
	struct api_error err;

	(void)state;
	assert_int_equal(api_container_changes_parse("{}", 2, &ch, &err),
			 API_E_PARSE);
	assert_int_equal(api_container_changes_parse("[{\"Kind\":1},7,"
						     "{\"Path\":\"/a\"}]",
						     31, &ch, &err),
			 API_OK);
	/* no path: skipped; no kind: modified */
	assert_int_equal(ch.n, 1);
	assert_string_equal(ch.items[0].path, "/a");
	assert_int_equal(api_change_letter(ch.items[0].kind), 'C');
	assert_int_equal(api_change_letter(9), '?');
	api_changes_free(&ch);
	assert_null(api_container_changes_path(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_programs),
		cmocka_unit_test(test_config_only),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
