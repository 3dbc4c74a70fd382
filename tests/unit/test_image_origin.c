/* Where an image comes from and how it was built: references as the
 * engine normalises them, the policy's trusted registries, the image's
 * age, unpinned installs and whole-context copies. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <string.h>

#include "api/image_ops.h"
#include "api/images.h"
#include "api/reference.h"
#include "posture/checks.h"
#include "posture/policy.h"
#include "posture/rules.h"
#include "posture/shell_words.h"
#include "tests/lib/judge.h"

#define DIG                                                                    \
	"sha256:"                                                              \
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void ref_is(const char *s, const char *reg, const char *path,
		   const char *tag, const char *digest)
{
	struct api_ref r;

	assert_int_equal(api_ref_parse(s, &r), 0);
	assert_string_equal(r.registry, reg);
	assert_string_equal(r.path, path);
	assert_string_equal(r.tag, tag);
	assert_string_equal(r.digest, digest);
}

static void test_reference(void **state)
{
	struct api_ref r;
	char buf[512];

	(void)state;
	ref_is("nginx", "docker.io", "library/nginx", "", "");
	ref_is("nginx:1.25", "docker.io", "library/nginx", "1.25", "");
	ref_is("me/app:v2", "docker.io", "me/app", "v2", "");
	ref_is("docker.io/library/busybox@" DIG, "docker.io", "library/busybox",
	       "", DIG);
	ref_is("index.docker.io/me/app", "docker.io", "me/app", "", "");
	ref_is("127.0.0.1:5000/team/app:1", "127.0.0.1:5000", "team/app", "1",
	       "");
	ref_is("localhost/app", "localhost", "app", "", "");
	ref_is("ghcr.io/acme/tool:1@" DIG, "ghcr.io", "acme/tool", "1", DIG);
	ref_is("a__b/c.d-e", "docker.io", "a__b/c.d-e", "", "");
	assert_int_equal(api_ref_parse("Nginx", &r), -1);
	assert_int_equal(api_ref_parse("", &r), -1);
	assert_int_equal(api_ref_parse("nginx:", &r), -1);
	assert_int_equal(api_ref_parse("nginx@", &r), -1);
	assert_int_equal(api_ref_parse("nginx@sha256:xyz", &r), -1);
	assert_int_equal(api_ref_parse("a//b", &r), -1);
	assert_int_equal(api_ref_parse("-a", &r), -1);
	assert_int_equal(api_ref_parse("nginx:-x", &r), -1);

	assert_int_equal(api_ref_parse("busybox:1", &r), 0);
	assert_true(api_ref_official(&r));
	api_ref_familiar(&r, buf, sizeof(buf));
	assert_string_equal(buf, "busybox:1");
	api_ref_namespace(&r, buf, sizeof(buf));
	assert_string_equal(buf, "library");
	assert_int_equal(api_ref_parse("library/x/y", &r), 0);
	assert_false(api_ref_official(&r));
	assert_int_equal(api_ref_parse("127.0.0.1:5000/app@" DIG, &r), 0);
	assert_false(api_ref_official(&r));
	api_ref_familiar(&r, buf, sizeof(buf));
	assert_string_equal(buf, "127.0.0.1:5000/app@" DIG);
	api_ref_namespace(&r, buf, sizeof(buf));
	assert_string_equal(buf, "");
}

static void test_trusted(void **state)
{
	struct posture_policy p;
	struct api_ref r;

	(void)state;
	posture_policy_init(&p);
	assert_int_equal(
		posture_policy_set_trusted(&p, " 127.0.0.1:*, ghcr.io/acme/*"),
		0);
	assert_int_equal(p.trusted.n, 2);
	assert_int_equal(api_ref_parse("127.0.0.1:5000/app", &r), 0);
	assert_string_equal(posture_ref_origin(&p, &r), "trusted");
	assert_string_equal(posture_ref_origin(NULL, &r),
			    "a registry not in trusted_registries");
	assert_int_equal(api_ref_parse("ghcr.io/acme/tool", &r), 0);
	assert_string_equal(posture_ref_origin(&p, &r), "trusted");
	/* a glob over registry/path does not cross a '/' */
	assert_int_equal(api_ref_parse("ghcr.io/acme/x/tool", &r), 0);
	assert_false(posture_policy_trusts(&p, &r));
	assert_int_equal(api_ref_parse("ghcr.io/other/tool", &r), 0);
	assert_false(posture_policy_trusts(&p, &r));
	assert_int_equal(api_ref_parse("someone/tool", &r), 0);
	assert_string_equal(posture_ref_origin(&p, &r),
			    "a user namespace on Docker Hub");
	assert_int_equal(api_ref_parse("debian", &r), 0);
	assert_string_equal(posture_ref_origin(&p, &r), "official");
	assert_int_equal(posture_policy_max_age(&p), 90);
	p.image_max_age_days = 7;
	assert_int_equal(posture_policy_max_age(&p), 7);
	assert_int_equal(posture_policy_set_trusted(&p, ""), 0);
	assert_int_equal(p.trusted.n, 0);
	posture_policy_free(&p);
}

static void test_shell_words(void **state)
{
	const char *p = "A=1 sudo apt-get install -y 'a b' \"c\\\"d\" e\\ f"
			" && echo x|tr x y;; ( cd / )";
	struct sh_cmd c;

	(void)state;
	assert_int_equal(sh_next(&p, &c), 1);
	assert_int_equal(c.n, 6);
	assert_string_equal(c.w[0], "apt-get");
	assert_string_equal(c.w[3], "a b");
	assert_string_equal(c.w[4], "c\"d");
	assert_string_equal(c.w[5], "e f");
	assert_int_equal(sh_find(&c, 0, "-y"), 2);
	assert_int_equal(sh_find(&c, 3, "-y"), -1);
	assert_int_equal(sh_next(&p, &c), 1);
	assert_int_equal(c.n, 2);
	assert_int_equal(sh_next(&p, &c), 1);
	assert_string_equal(c.w[0], "tr");
	assert_int_equal(sh_next(&p, &c), 1);
	assert_string_equal(c.w[0], "cd");
	assert_int_equal(sh_next(&p, &c), 0);
}

static void unpinned_is(const char *run, int n, const char *list)
{
	char buf[160];

	assert_int_equal(posture_run_unpinned(run, buf, sizeof(buf)), n);
	assert_string_equal(buf, list);
}

static void test_unpinned(void **state)
{
	(void)state;
	unpinned_is("apt-get update && apt-get install -y --no-install-"
		    "recommends curl ca-certificates=20230311 ./x.deb",
		    1, "curl");
	unpinned_is("apt-get -o Dpkg::Options::=--force-confnew install -t "
		    "bookworm-backports git",
		    1, "git");
	unpinned_is("apk add --no-cache --virtual .deps gcc musl-dev=1.2-r0 "
		    "make~4.4",
		    1, "gcc");
	unpinned_is("yum install -y httpd-2.4.57 mod_ssl", 1, "mod_ssl");
	unpinned_is("dnf -y install @development-tools", 0, "");
	unpinned_is("pip install --no-cache-dir flask==3.0 requests>=2 rich", 1,
		    "rich");
	unpinned_is("python3 -m pip install -U pip", 1, "pip");
	unpinned_is("pip install -r requirements.txt", 0, "");
	unpinned_is("npm install -g yarn @angular/cli@17 left-pad@1.3.0", 1,
		    "yarn");
	unpinned_is("npm ci && npm install", 0, "");
	unpinned_is("gem install bundler -v 2.4 && gem install rails:7.1", 0,
		    "");
	unpinned_is("gem install rake", 1, "rake");
	/* a package named in a comment or an echo is not installed */
	unpinned_is("echo apt-get install curl", 0, "");
	unpinned_is("apt-get remove curl && apt-get install -y jq vim", 2,
		    "jq vim");
}

/* An image with created time and history lines (JSON), judged at now. */
static void judge(const char *created, const char *digests, const char *history,
		  const struct posture_policy *p, struct posture_findings *f)
{
	char ij[1024];
	struct api_image_inspect img = {0};
	struct api_image_history h = {0};
	struct api_error err;
	struct posture_engine e = {.policy = p, .now = 1767225600};
	struct posture_subject s = {.image = NULL};

	snprintf(ij, sizeof(ij),
		 "{\"Id\":\"sha256:ab\",\"RepoTags\":[\"app:1\"],"
		 "\"RepoDigests\":%s,\"Created\":\"%s\","
		 "\"Config\":{\"User\":\"app\","
		 "\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]}}}",
		 digests, created);
	assert_int_equal(api_image_inspect_parse(ij, strlen(ij), &img, &err),
			 API_OK);
	assert_int_equal(
		api_image_history_parse(history, strlen(history), &h, &err),
		API_OK);
	s.image = &img;
	s.history = &h;
	assert_int_equal(tl_judge(POSTURE_SCOPE_IMAGE, &e, &s, f), API_OK);
	api_image_history_free(&h);
	api_image_inspect_free(&img);
}

static const char *ev(const struct posture_findings *f, const char *id)
{
	const struct posture_finding *x = posture_findings_get(f, id, NULL);

	return x ? x->evidence : NULL;
}

#define H(cmd) "{\"Id\":\"<missing>\",\"CreatedBy\":\"" cmd "\"}"
#define CLEAN "[" H("/bin/sh -c #(nop)  CMD [\\\"sh\\\"]") "]"
#define COPY_DIR H("/bin/sh -c #(nop) COPY dir:4f1c2e in /app ")
#define COPY_DOT H("COPY --chown=1:1 . /src # buildkit")
#define COPY_FILE H("/bin/sh -c #(nop) COPY file:9a in /etc/x ")
#define INSTALL H("/bin/sh -c apt-get install -y curl=8 jq")
#define BUILT "[" COPY_DIR "," COPY_DOT "," COPY_FILE "," INSTALL "]"

static void test_image_rules(void **state)
{
	struct posture_policy p;
	struct posture_findings f = {0};

	(void)state;
	posture_policy_init(&p);
	/* 2026-01-01 judged: built 2025-12-01 is young, 2025-09-01 old */
	judge("2025-12-01T00:00:00Z", "[\"busybox@" DIG "\"]", CLEAN, &p, &f);
	assert_int_equal(f.n, 0);
	posture_findings_free(&f);
	judge("2025-09-01T00:00:00.5Z", "[\"127.0.0.1:5000/app@" DIG "\"]",
	      CLEAN, &p, &f);
	assert_string_equal(ev(&f, "berth.image.age"),
			    "Created=2025-09-01 (122 days ago, limit 90)");
	assert_string_equal(ev(&f, "berth.image.unofficial"),
			    "RepoDigests=127.0.0.1:5000/app: a registry not "
			    "in trusted_registries");
	posture_findings_free(&f);
	/* trusted, a longer limit; no digest at all is a local build */
	p.image_max_age_days = 200;
	assert_int_equal(posture_policy_set_trusted(&p, "127.0.0.1:*"), 0);
	judge("2025-09-01T00:00:00Z", "[\"127.0.0.1:5000/app@" DIG "\"]", CLEAN,
	      &p, &f);
	assert_int_equal(f.n, 0);
	posture_findings_free(&f);
	judge("2025-09-01T00:00:00Z", "[]", CLEAN, NULL, &f);
	assert_null(ev(&f, "berth.image.unofficial"));
	assert_non_null(ev(&f, "berth.image.age"));
	posture_findings_free(&f);
	judge("2025-12-01T00:00:00Z", "[\"me/app@" DIG "\"]", BUILT, &p, &f);
	assert_string_equal(ev(&f, "berth.image.unofficial"),
			    "RepoDigests=docker.io/me/app: a user namespace "
			    "on Docker Hub");
	assert_string_equal(ev(&f, "berth.image.copyall"),
			    "History layer 0: dir:4f1c2e in /app; History "
			    "layer 1: COPY . /src");
	assert_string_equal(ev(&f, "berth.image.unpinned"),
			    "History layer 3: 1 without a version: jq");
	posture_findings_free(&f);
	posture_policy_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_trusted),
		cmocka_unit_test(test_shell_words),
		cmocka_unit_test(test_unpinned),
		cmocka_unit_test(test_image_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
