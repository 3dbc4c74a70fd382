/* Accepted risks: config lines and container labels, judged through
 * posture_judge; they stay listed but leave the counts, the worst
 * severity and the score, and the reports say so. */
#include "tests/lib/testlib.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "posture/accept.h"
#include "posture/policy.h"
#include "posture/report.h"
#include "posture/rules.h"
#include "posture/score.h"
#include "tui/options.h"

/* 2026-06-15 12:00:00 UTC */
#define NOW 1781524800

/* A running container with no memory limit (5.11) and no CPU limit
 * (5.12), and the labels given. */
static void container(struct api_container_inspect *ci, const char *labels)
{
	char json[1024];
	struct api_error err;

	snprintf(json, sizeof(json),
		 "{\"Id\":\"c1\",\"Name\":\"/web-1\",\"Image\":\"sha256:i1\","
		 "\"State\":{\"Running\":true,\"Status\":\"running\"},"
		 "\"Config\":{\"Labels\":%s}}",
		 labels);
	memset(ci, 0, sizeof(*ci));
	assert_int_equal(
		api_container_inspect_parse(json, strlen(json), ci, &err),
		API_OK);
}

static void judge(const struct api_container_inspect *ci,
		  const struct posture_accepts *acc,
		  const struct api_kvlist *image_labels,
		  struct posture_findings *f)
{
	struct posture_policy p = {0};
	struct posture_engine e = {.policy = &p, .now = NOW};

	if (acc)
		p.accepts = *acc; /* borrowed: never freed here */

	assert_int_equal(posture_judge(
				 &(struct posture_subject){
					 .scope = POSTURE_SCOPE_CONTAINER,
					 .engine = &e,
					 .container = ci,
					 .image_labels = image_labels},
				 f),
			 API_OK);
}

static int add_line(struct posture_accepts *a, const char *line, char *msg,
		    size_t n)
{
	char buf[256], *w[8], *p;
	int k = 0;

	snprintf(buf, sizeof(buf), "%s", line);
	for (p = strtok(buf, " "); p && k < 8; p = strtok(NULL, " "))
		w[k++] = p;
	return posture_accepts_add(a, w, k, "cfg:7", msg, n);
}

static const struct posture_finding *get(const struct posture_findings *f,
					 const char *id)
{
	const struct posture_finding *x = posture_findings_get(f, id, NULL);

	assert_non_null(x);
	return x;
}

static void test_config_lines_checked(void **state)
{
	struct posture_accepts a = {0};
	char msg[256];

	(void)state;
	assert_int_equal(add_line(&a, "5.11 web-* batch", msg, sizeof(msg)), 0);
	assert_int_equal(
		add_line(&a, "5.1? * r until 2026-12-31", msg, sizeof(msg)), 0);
	assert_int_equal(a.n, 2);
	assert_string_equal(a.items[1].until, "2026-12-31");
	assert_string_equal(a.items[0].where, "cfg:7");
	assert_int_equal(add_line(&a, "9.99 web reason", msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "names no rule"));
	assert_int_equal(add_line(&a, "5.11 web", msg, sizeof(msg)), -1);
	assert_int_equal(
		add_line(&a, "5.11 web r until 2026-02-29", msg, sizeof(msg)),
		-1);
	assert_non_null(strstr(msg, "not a date"));
	assert_int_equal(
		add_line(&a, "5.11 web r after 2026-01-01", msg, sizeof(msg)),
		-1);
	assert_int_equal(a.n, 2);
	assert_true(posture_accept_date_ok("2028-02-29"));
	assert_false(posture_accept_date_ok("2100-02-29"));
	assert_false(posture_accept_date_ok("2026-13-01"));
	assert_false(posture_accept_date_ok("2026-1-01"));
	posture_accepts_free(&a);
}

static void test_config_accepts_and_expires(void **state)
{
	struct api_container_inspect ci;
	struct posture_accepts a = {0};
	struct posture_findings f = {0};
	size_t counts[POSTURE_SEV_COUNT];
	const struct posture_finding *x;
	char msg[256];

	(void)state;
	container(&ci, "{}");
	judge(&ci, NULL, NULL, &f);
	int before = posture_score(&f);
	posture_findings_counts(&f, counts);
	size_t medium = counts[POSTURE_SEV_MEDIUM];
	posture_findings_free(&f);

	assert_int_equal(add_line(&a, "5.11 web-* batch until 2026-06-15", msg,
				  sizeof(msg)),
			 0);
	/* ran out the day before: counts again, says so */
	assert_int_equal(add_line(&a, "5.12 web-1 old until 2026-06-14", msg,
				  sizeof(msg)),
			 0);
	assert_int_equal(add_line(&a, "5.13 other r", msg, sizeof(msg)), 0);
	judge(&ci, &a, NULL, &f);
	x = get(&f, "5.11");
	assert_true(posture_finding_accepted(x));
	assert_string_equal(x->accept.reason, "batch");
	assert_string_equal(x->accept.where, "cfg:7");
	x = get(&f, "5.12");
	assert_false(posture_finding_accepted(x));
	assert_true(x->accept.expired);
	assert_false(get(&f, "5.13")->accept.reason != NULL);
	posture_findings_counts(&f, counts);
	assert_int_equal(counts[POSTURE_SEV_MEDIUM], medium - 1);
	assert_int_equal(posture_findings_accepted(&f), 1);
	assert_true(posture_score(&f) > before);
	/* listed last, whatever its severity */
	posture_findings_sort(&f);
	assert_string_equal(f.items[f.n - 1].rule->id, "5.11");
	posture_findings_free(&f);
	posture_accepts_free(&a);
	api_container_inspect_free(&ci);
}

static void test_labels_own_not_inherited(void **state)
{
	struct api_container_inspect ci, img;
	struct posture_findings f = {0};
	struct api_kvlist none = {0}, kept;
	const struct posture_finding *x;

	(void)state;
	container(&ci, "{\"berth.accept\":\"5.11, 5.2*\","
		       "\"berth.accept.reason\":\"sized by the host\"}");
	/* without the image's labels, no label can be told to be own */
	judge(&ci, NULL, NULL, &f);
	assert_null(get(&f, "5.11")->accept.reason);
	posture_findings_free(&f);
	/* the image has none: the container's own */
	judge(&ci, NULL, &none, &f);
	x = get(&f, "5.11");
	assert_true(posture_finding_accepted(x));
	assert_string_equal(x->accept.reason, "sized by the host");
	assert_string_equal(x->accept.where, "label berth.accept");
	assert_true(posture_finding_accepted(get(&f, "5.26")));
	assert_null(get(&f, "5.12")->accept.reason);
	posture_findings_free(&f);
	/* the image carries the same three: inherited, accepts nothing */
	container(&img, "{\"berth.accept\":\"5.11, 5.2*\","
			"\"berth.accept.reason\":\"sized by the host\","
			"\"org.opencontainers.image.title\":\"x\"}");
	assert_int_equal(posture_accept_labels_copy(&img.config.labels, &kept),
			 API_OK);
	assert_int_equal(kept.n, 2);
	judge(&ci, NULL, &kept, &f);
	assert_null(get(&f, "5.11")->accept.reason);
	posture_findings_free(&f);
	api_container_inspect_free(&ci);
	/* the same list with a reason of the run's own accepts */
	container(&ci, "{\"berth.accept\":\"5.11, 5.2*\","
		       "\"berth.accept.reason\":\"ops ticket 7\","
		       "\"berth.accept.until\":\"2026-05-01\"}");
	judge(&ci, NULL, &kept, &f);
	x = get(&f, "5.11");
	assert_string_equal(x->accept.reason, "ops ticket 7");
	assert_true(x->accept.expired); /* its until has passed */
	posture_findings_free(&f);
	api_kvlist_free(&kept);
	api_container_inspect_free(&img);
	api_container_inspect_free(&ci);
}

static void test_reports_carry_it(void **state)
{
	struct api_container_inspect ci;
	struct posture_accepts a = {0};
	struct posture_findings f = {0};
	struct audit_report r = {0};
	char msg[256], *json, *sarif;
	cJSON *root, *res, *one, *sup;
	int i, suppressed = 0;

	(void)state;
	container(&ci, "{}");
	assert_int_equal(add_line(&a, "5.11 web-1 batch", msg, sizeof(msg)), 0);
	judge(&ci, &a, NULL, &f);
	r.findings = &f;
	r.host = "unix:///x.sock";
	json = audit_json(&r);
	assert_non_null(json);
	root = cJSON_Parse(json);
	assert_int_equal(
		cJSON_GetObjectItem(cJSON_GetObjectItem(root, "summary"),
				    "accepted")
			->valueint,
		1);
	cJSON_Delete(root);
	assert_non_null(strstr(json, "\"acceptance\""));
	sarif = audit_sarif(&r);
	assert_non_null(sarif);
	root = cJSON_Parse(sarif);
	res = cJSON_GetObjectItem(
		cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0),
		"results");
	for (i = 0; i < cJSON_GetArraySize(res); i++) {
		one = cJSON_GetArrayItem(res, i);
		sup = cJSON_GetObjectItem(one, "suppressions");
		if (!sup)
			continue;
		suppressed++;
		assert_string_equal(
			cJSON_GetObjectItem(one, "ruleId")->valuestring,
			"5.11");
		sup = cJSON_GetArrayItem(sup, 0);
		assert_string_equal(
			cJSON_GetObjectItem(sup, "kind")->valuestring,
			"external");
		assert_non_null(strstr(
			cJSON_GetObjectItem(sup, "justification")->valuestring,
			"batch (cfg:7)"));
	}
	assert_int_equal(suppressed, 1);
	cJSON_Delete(root);
	free(json);
	free(sarif);
	posture_findings_free(&f);
	posture_accepts_free(&a);
	api_container_inspect_free(&ci);
}

/* The copy a model keeps of a finding keeps its acceptance. */
static void test_copy_keeps_it(void **state)
{
	struct api_container_inspect ci;
	struct posture_accepts a = {0}, b;
	struct posture_findings f = {0}, g = {0};
	char msg[256];

	(void)state;
	container(&ci, "{}");
	assert_int_equal(add_line(&a, "5.1* web-1 all", msg, sizeof(msg)), 0);
	assert_int_equal(posture_accepts_copy(&b, &a), 0);
	posture_accepts_free(&a);
	judge(&ci, &b, NULL, &f);
	posture_findings_copy(&g, &f);
	assert_int_equal(posture_findings_accepted(&g),
			 posture_findings_accepted(&f));
	assert_true(posture_findings_accepted(&g) >= 2);
	assert_string_equal(get(&g, "5.12")->accept.reason, "all");
	posture_findings_free(&f);
	posture_findings_free(&g);
	posture_accepts_free(&b);
	api_container_inspect_free(&ci);
}

static int to_list(void *ctx, char *const *w, int n, const char *where,
		   char *msg, size_t msglen)
{
	return posture_accepts_add(ctx, w, n, where, msg, msglen);
}

/* The config file's reader hands accept lines over with FILE:LINE. */
static void test_config_file_lines(void **state)
{
	static const char good[] = "theme = default\n"
				   "# why: the job is bounded elsewhere\n"
				   "accept 5.11 'web-*' \"bounded, see #12\" "
				   "until 2027-01-01\n";
	static const char bad[] = "\n\naccept 5.11 web\n";
	struct posture_accepts a = {0};
	struct options_command cmd = {"accept", to_list, &a};
	struct options o;
	char err[512];

	(void)state;
	assert_int_equal(options_init(&o), 0);
	assert_int_equal(options_parse_buffer_with(&o, good, strlen(good),
						   "conf", &cmd, 1, err,
						   sizeof(err)),
			 0);
	assert_int_equal(a.n, 1);
	assert_string_equal(a.items[0].subject, "web-*");
	assert_string_equal(a.items[0].reason, "bounded, see #12");
	assert_string_equal(a.items[0].where, "conf:3");
	assert_int_equal(options_parse_buffer_with(&o, bad, strlen(bad), "conf",
						   &cmd, 1, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "conf:3: expected 'accept"));
	/* a reader that does not know the command refuses the line */
	assert_int_equal(options_parse_buffer(&o, good, strlen(good), "conf",
					      err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "conf:3:"));
	options_free(&o);
	posture_accepts_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_lines_checked),
		cmocka_unit_test(test_config_accepts_and_expires),
		cmocka_unit_test(test_labels_own_not_inherited),
		cmocka_unit_test(test_reports_carry_it),
		cmocka_unit_test(test_copy_keeps_it),
		cmocka_unit_test(test_config_file_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
