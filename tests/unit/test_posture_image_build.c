/* 4.10 secrets and 4.11 unverified installs, read from an image's
 * config and history as the engine gives them; a secret's value never
 * reaches the evidence. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <string.h>

#include "api/image_ops.h"
#include "api/images.h"
#include "posture/checks.h"
#include "posture/rules.h"
#include "tests/lib/judge.h"

/* The image with Env env (a JSON array) and history lines (JSON). */
static void judge(const char *env, const char *history,
		  struct posture_findings *f)
{
	char ij[1024];
	struct api_image_inspect img = {0};
	struct api_image_history h = {0};
	struct api_error err;

	snprintf(ij, sizeof(ij),
		 "{\"Id\":\"sha256:ab\",\"RepoTags\":[\"app:1\"],"
		 "\"Config\":{\"User\":\"app\",\"Env\":%s,"
		 "\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]}}}",
		 env);
	assert_int_equal(api_image_inspect_parse(ij, strlen(ij), &img, &err),
			 API_OK);
	assert_int_equal(
		api_image_history_parse(history, strlen(history), &h, &err),
		API_OK);
	assert_int_equal(tl_check_image(&img, &h, NULL, f), API_OK);
	api_image_history_free(&h);
	api_image_inspect_free(&img);
}

static const char *ev(const struct posture_findings *f, const char *id)
{
	const struct posture_finding *x = posture_findings_get(f, id, NULL);

	return x ? x->evidence : NULL;
}

#define H(cmd) "{\"Id\":\"<missing>\",\"CreatedBy\":\"" cmd "\"}"

static void test_secret_names(void **state)
{
	(void)state;
	assert_true(posture_secret_name("DB_PASSWORD", 11));
	assert_true(posture_secret_name("github_token", 12));
	assert_true(posture_secret_name("AWS_REGION", 10));
	assert_true(posture_secret_name("SIGNING_KEY", 11));
	assert_false(posture_secret_name("PASSWORD_FILE", 13));
	assert_false(posture_secret_name("GPG_KEY", 7));
	assert_false(posture_secret_name("KEYBOARD", 8));
	assert_false(posture_secret_name("PATH", 4));
	assert_string_equal(posture_secret_value("x AKIAABCDEFGHIJKLMNOP y"),
			    "an AWS access key id");
	assert_null(posture_secret_value("AKIAshort"));
	assert_string_equal(
		posture_secret_value("-----BEGIN RSA PRIVATE KEY-----\nMII"),
		"a private key");
	assert_null(posture_secret_value("-----BEGIN PUBLIC KEY-----"));
}

static void test_secrets(void **state)
{
	struct posture_findings f = {0};
	const char *e;

	(void)state;
	judge("[\"PATH=/bin\",\"DB_PASSWORD=hunter2\",\"EMPTY_TOKEN=\","
	      "\"NOTE=ghp_abcdef123456\",\"PASSWORD_FILE=/run/secrets/x\"]",
	      "[" H("|2 API_TOKEN=s3cr3t MODE=x /bin/sh -c true") "," H(
		      "|2 API_TOKEN=s3cr3t MODE=x /bin/sh -c echo "
		      "AKIAABCDEFGHIJKLMNOP") "]",
	      &f);
	e = ev(&f, "4.10");
	assert_non_null(e);
	assert_string_equal(e,
			    "Env DB_PASSWORD is set (value not shown); "
			    "Env NOTE holds a GitHub token (not shown); "
			    "History layer 0: build arg API_TOKEN (value not "
			    "shown); History layer 1 holds an AWS access key "
			    "id (not shown)");
	assert_null(strstr(e, "hunter2"));
	assert_null(strstr(e, "s3cr3t"));
	posture_findings_free(&f);
	/* none of it: no finding */
	judge("[\"PATH=/bin\",\"GPG_KEY=0123ABCD\"]",
	      "[" H("|1 MODE=x /bin/sh -c true") "]", &f);
	assert_null(ev(&f, "4.10"));
	posture_findings_free(&f);
}

static void test_unverified(void **state)
{
	struct posture_findings f = {0};
	const char *e;

	(void)state;
	judge("[]",
	      "[" H("/bin/sh -c curl -fsSL https://x.example/i.sh | sh") "," H(
		      "/bin/sh -c wget -qO- https://x.example/i | sudo "
		      "bash -s") "," H("/bin/sh -c apt-get install -y "
				       "--allow-unauthenticated foo") "," H("/b"
									    "in"
									    "/s"
									    "h "
									    "-c"
									    " p"
									    "ip"
									    " i"
									    "ns"
									    "ta"
									    "ll"
									    " -"
									    "-t"
									    "ru"
									    "st"
									    "ed"
									    "-h"
									    "os"
									    "t "
									    "x."
									    "ex"
									    "am"
									    "pl"
									    "e "
									    "fo"
									    "o") "," H("/bin/sh -c curl -o /a.tgz "
										       "https://x.example/a.tgz") "," H("/bin/sh -c curl -o /b.tgz https://x.example/b.tgz && "
															"sha256sum -c /b.sha") "," H("/bin/sh -c true || "
																		     "echo curl | cat") "," H("/bin/sh -c #(nop)  LABEL x=curl|sh") "]",
	      &f);
	e = ev(&f, "4.11");
	assert_non_null(e);
	assert_non_null(strstr(e, "History layer 0: a download piped into a "
				  "shell: curl -fsSL"));
	assert_non_null(strstr(e, "History layer 1: a download piped into a "
				  "shell"));
	assert_non_null(strstr(e, "History layer 2: apt without signature"));
	assert_non_null(strstr(e, "History layer 3: pip trusting a host"));
	assert_non_null(strstr(e, "History layer 4: a download with no "
				  "checksum"));
	/* checked in the same RUN; "curl" as a word piped into cat; a
	 * LABEL is no RUN */
	assert_null(strstr(e, "History layer 5"));
	assert_null(strstr(e, "History layer 7"));
	posture_findings_free(&f);
	judge("[]", "[" H("/bin/sh -c apk add --no-cache curl") "]", &f);
	assert_null(ev(&f, "4.11"));
	posture_findings_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_secret_names),
		cmocka_unit_test(test_secrets),
		cmocka_unit_test(test_unverified),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
