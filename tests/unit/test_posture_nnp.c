/* 5.26 against the daemon's default: dockerd --no-new-privileges covers
 * every container that does not opt out, with an empty SecurityOpt.
 * Recorded from a private engine started with --no-new-privileges:
 * nnp-default ran with NoNewPrivs 1, nnp-optout
 * (--security-opt no-new-privileges=false) with NoNewPrivs 0. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "tests/lib/judge.h"
#include "posture/hostfacts.h"
#include "posture/rules.h"

/* Facts of a local daemon started with argv (argv[0] is "dockerd"). */
static void facts(struct hostfacts *h, const char *const *argv, size_t n)
{
	size_t i;

	memset(h, 0, sizeof(*h));
	h->argv = calloc(n + 1, sizeof(*h->argv));
	assert_non_null(h->argv);
	for (i = 0; i < n; i++) {
		h->argv[i] = strdup(argv[i]);
		assert_non_null(h->argv[i]);
	}
	h->argc = n;
	h->cmdline_state = HF_PRESENT;
	h->json_state = HF_ABSENT;
	assert_int_equal(hostfacts_parse_argv(&h->opts, h->argv, n), API_OK);
}

/* The 5.26 evidence for the container, "" when there is no finding. */
static void nnp_of(const char *json, size_t len, const struct hostfacts *h,
		   char *out, size_t cap)
{
	struct api_container_inspect ci = {0};
	struct posture_findings f = {0};
	const struct posture_finding *x;
	struct api_error err;

	assert_int_equal(api_container_inspect_parse(json, len, &ci, &err),
			 API_OK);
	assert_int_equal(tl_check_container_on(&ci, NULL, h, &f), API_OK);
	x = posture_findings_get(&f, "5.26", NULL);
	snprintf(out, cap, "%s", x ? x->evidence : "");
	if (x)
		assert_int_equal(x->severity, POSTURE_SEV_LOW);
	posture_findings_free(&f);
	api_container_inspect_free(&ci);
}

static void nnp_file(const char *file, const struct hostfacts *h, char *out,
		     size_t cap)
{
	size_t len;
	char *json = tl_data(file, &len);

	nnp_of(json, len, h, out, cap);
	free(json);
}

static void nnp_str(const char *json, const struct hostfacts *h, char *out,
		    size_t cap)
{
	nnp_of(json, strlen(json), h, out, cap);
}

#define LACKS "HostConfig.SecurityOpt lacks no-new-privileges"

static void test_daemon_default(void **state)
{
	static const char *const strict[] = {"dockerd", "--no-new-privileges"};
	static const char *const plain[] = {"dockerd", "--log-level", "info"};
	struct hostfacts h;
	char ev[800];

	(void)state;
	/* No facts (the console, a remote engine): judged on the field. */
	nnp_file("posture_c_nnp_default.json", NULL, ev, sizeof(ev));
	assert_string_equal(ev, LACKS);

	facts(&h, strict, 2);
	nnp_file("posture_c_nnp_default.json", &h, ev, sizeof(ev));
	assert_string_equal(ev, "");
	/* The opt-out wins over the daemon's default. */
	nnp_file("posture_c_nnp_optout.json", &h, ev, sizeof(ev));
	assert_string_equal(ev,
			    "HostConfig.SecurityOpt=no-new-privileges=false");
	/* A remote engine's facts are not this daemon's. */
	h.remote = 1;
	nnp_file("posture_c_nnp_default.json", &h, ev, sizeof(ev));
	assert_string_equal(ev, LACKS);
	hostfacts_free(&h);

	facts(&h, plain, 3);
	nnp_file("posture_c_nnp_default.json", &h, ev, sizeof(ev));
	assert_string_equal(ev, LACKS);
	hostfacts_free(&h);
}

static void test_daemon_json(void **state)
{
	static const char *const argv[] = {"dockerd"};
	static const char cfg[] = "{\"no-new-privileges\": true}";
	struct hostfacts h;
	struct api_error err;
	char ev[800];

	(void)state;
	facts(&h, argv, 1);
	h.json_state = HF_PRESENT;
	assert_int_equal(hostfacts_parse_daemon_json(&h.opts, cfg,
						     sizeof(cfg) - 1, &err),
			 API_OK);
	nnp_file("posture_c_nnp_default.json", &h, ev, sizeof(ev));
	assert_string_equal(ev, "");
	hostfacts_free(&h);
}

/* The engine parses the value with Go's ParseBool; the last one wins. */
static void test_container_values(void **state)
{
	static const struct {
		const char *opts;
		const char *want;
	} cases[] = {
		{"[\"no-new-privileges\"]", ""},
		{"[\"no-new-privileges=true\"]", ""},
		{"[\"no-new-privileges:true\"]", ""},
		{"[\"no-new-privileges=1\"]", ""},
		{"[\"no-new-privileges=TRUE\"]", ""},
		{"[\"no-new-privileges=false\"]",
		 "HostConfig.SecurityOpt=no-new-privileges=false"},
		{"[\"no-new-privileges:0\"]",
		 "HostConfig.SecurityOpt=no-new-privileges:0"},
		{"[\"no-new-privileges=false\",\"no-new-privileges\"]", ""},
		{"[\"no-new-privileges\",\"no-new-privileges=f\"]",
		 "HostConfig.SecurityOpt=no-new-privileges=f"},
		{"[\"no-new-privilegesX\"]", LACKS},
		{"[\"seccomp=unconfined\"]", LACKS},
		{"[null, 7, \"label=disable\"]", LACKS},
		{"null", LACKS},
	};
	char json[256], ev[800];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(json, sizeof(json),
			 "{\"Name\":\"/c\",\"HostConfig\":{\"SecurityOpt\":"
			 "%s}}",
			 cases[i].opts);
		nnp_str(json, NULL, ev, sizeof(ev));
		assert_string_equal(ev, cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_daemon_default),
		cmocka_unit_test(test_daemon_json),
		cmocka_unit_test(test_container_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
