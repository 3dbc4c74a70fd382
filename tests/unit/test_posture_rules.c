/* The posture helpers' arithmetic, the score, and the audit formats. */
#include "tests/lib/testlib.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "posture/report.h"
#include "posture/checks.h"
#include "posture/rules.h"
#include "posture/score.h"

static uint64_t bit(const char *name)
{
	int i = posture_cap_index(name);

	assert_true(i >= 0);
	return UINT64_C(1) << i;
}

static uint64_t caps(int priv, char **add, size_t na, char **drop, size_t nd)
{
	struct api_host_config hc = {0};

	hc.privileged = priv;
	hc.cap_add.v = add;
	hc.cap_add.n = na;
	hc.cap_drop.v = drop;
	hc.cap_drop.n = nd;
	return posture_caps_effective(&hc);
}

static void test_caps(void **state)
{
	char *sa[] = {"sys_admin"}, *cap_sa[] = {"CAP_SYS_ADMIN"};
	char *all[] = {"ALL"}, *all_l[] = {"all"}, *chown[] = {"CHOWN"};
	char *net[] = {"cap_net_raw", "Kill"};
	uint64_t def = posture_caps_default();

	(void)state;
	assert_int_equal(posture_cap_index("CAP_SYS_ADMIN"), 21);
	assert_int_equal(posture_cap_index("sys_admin"), 21);
	assert_int_equal(posture_cap_index("cap_bpf"), 39);
	assert_int_equal(posture_cap_index("ALL"), -1);
	assert_int_equal(posture_cap_index("FOO"), -1);
	assert_int_equal(__builtin_popcountll(def), 14);
	assert_true(def & bit("NET_RAW"));
	assert_false(def & bit("SYS_ADMIN"));
	assert_true(caps(0, NULL, 0, NULL, 0) == def);
	assert_true(caps(0, sa, 1, NULL, 0) == (def | bit("SYS_ADMIN")));
	assert_true(caps(0, cap_sa, 1, NULL, 0) == (def | bit("SYS_ADMIN")));
	assert_true(caps(1, NULL, 0, all, 1) == posture_caps_all());
	assert_true(caps(0, all_l, 1, NULL, 0) == posture_caps_all());
	assert_true(caps(0, all, 1, chown, 1) ==
		    (posture_caps_all() & ~bit("CHOWN")));
	assert_true(caps(0, NULL, 0, all, 1) == 0);
	assert_true(caps(0, sa, 1, all, 1) == bit("SYS_ADMIN"));
	/* drop then add: an add of a dropped cap wins, as in the engine */
	assert_true(caps(0, chown, 1, chown, 1) == def);
	assert_true(caps(0, NULL, 0, net, 2) ==
		    (def & ~bit("NET_RAW") & ~bit("KILL")));
	assert_int_equal(
		posture_cap_escape_grade(posture_cap_index("SYS_ADMIN")),
		POSTURE_SEV_CRITICAL);
	assert_int_equal(
		posture_cap_escape_grade(posture_cap_index("NET_ADMIN")),
		POSTURE_SEV_HIGH);
	assert_int_equal(posture_cap_escape_grade(posture_cap_index("CHOWN")),
			 -1);
}

static void test_user(void **state)
{
	(void)state;
	assert_true(posture_user_is_root(NULL));
	assert_true(posture_user_is_root(""));
	assert_true(posture_user_is_root("0"));
	assert_true(posture_user_is_root("root"));
	assert_true(posture_user_is_root("0:0"));
	assert_true(posture_user_is_root("root:root"));
	assert_true(posture_user_is_root(":1000"));
	assert_true(posture_user_is_root("000"));
	assert_false(posture_user_is_root("1000"));
	assert_false(posture_user_is_root("1000:1000"));
	assert_false(posture_user_is_root("0x"));
	assert_false(posture_user_is_root("app"));
	assert_false(posture_user_is_root("rootless"));
	assert_false(posture_user_is_root("1000:0"));
}

static void test_paths(void **state)
{
	(void)state;
	assert_string_equal(posture_path_sensitive("/"), "/");
	assert_string_equal(posture_path_sensitive("/etc"), "/etc");
	assert_string_equal(posture_path_sensitive("/etc/"), "/etc");
	assert_string_equal(posture_path_sensitive("//etc//ssl"), "/etc");
	assert_string_equal(posture_path_sensitive("/usr/lib"), "/usr");
	assert_string_equal(posture_path_sensitive("/tmp/../proc/1"), "/proc");
	assert_string_equal(posture_path_sensitive("/.."), "/");
	assert_null(posture_path_sensitive("/etcetera"));
	assert_null(posture_path_sensitive("/usrx/lib"));
	assert_null(posture_path_sensitive("/home/etc"));
	assert_null(posture_path_sensitive("/var/lib/lib"));
	assert_null(posture_path_sensitive("etc"));
	assert_null(posture_path_sensitive(NULL));
	assert_true(posture_path_docker_socket("/var/run/docker.sock", NULL));
	assert_true(posture_path_docker_socket("/run/docker.sock", NULL));
	assert_true(posture_path_docker_socket("/x/y/docker.sock", NULL));
	assert_true(posture_path_docker_socket("/srv/e.sock", "/srv//e.sock"));
	assert_false(posture_path_docker_socket("/srv/e.sock", NULL));
	assert_false(posture_path_docker_socket("/var/run", NULL));
	assert_false(posture_path_docker_socket(NULL, "/srv/e.sock"));
}

static void test_ports(void **state)
{
	(void)state;
	assert_true(posture_ip_all_interfaces("0.0.0.0"));
	assert_true(posture_ip_all_interfaces("::"));
	assert_true(posture_ip_all_interfaces("[::]"));
	assert_true(posture_ip_all_interfaces(""));
	assert_true(posture_ip_all_interfaces(NULL));
	assert_false(posture_ip_all_interfaces("127.0.0.1"));
	assert_false(posture_ip_all_interfaces("::1"));
	assert_int_equal(posture_port_first("80"), 80);
	assert_int_equal(posture_port_first("8000-8010"), 8000);
	assert_int_equal(posture_port_first(""), 0);
	assert_int_equal(posture_port_first("99999"), 0);
	assert_int_equal(posture_port_first("-1"), 0);
	assert_int_equal(posture_port_first("80x"), 0);
	assert_int_equal(posture_port_first(NULL), 0);
}

static void add(struct posture_findings *f, const char *id,
		enum posture_severity s, const char *obj)
{
	const struct posture_rule *r = posture_rule_find(id);

	assert_non_null(r);
	posture_findings_add(f, r, s, posture_rule_scope(r), obj, "id1",
			     "E=\"x\"\n");
}

static void test_table_and_score(void **state)
{
	struct posture_findings f = {0};
	size_t i, j;
	int k;

	(void)state;
	for (i = 0; i < posture_rules_n; i++) {
		assert_non_null(posture_rules[i].check);
		assert_true(strlen(posture_rules[i].why) > 10);
		for (j = i + 1; j < posture_rules_n; j++)
			assert_string_not_equal(posture_rules[i].id,
						posture_rules[j].id);
	}
	assert_int_equal(posture_score(&f), 100);
	add(&f, "5.5", POSTURE_SEV_CRITICAL, "a");
	assert_int_equal(posture_score(&f), 75);
	for (k = 0; k < 20; k++)
		add(&f, "5.12", POSTURE_SEV_LOW, "b");
	assert_int_equal(posture_score(&f), 65); /* low capped at 10 */
	for (k = 0; k < 10; k++)
		add(&f, "5.5", POSTURE_SEV_CRITICAL, "c");
	for (k = 0; k < 10; k++)
		add(&f, "5.10", POSTURE_SEV_HIGH, "c");
	assert_int_equal(posture_score(&f), 0);
	posture_findings_sort(&f);
	assert_int_equal(f.items[0].severity, POSTURE_SEV_CRITICAL);
	assert_int_equal(f.items[f.n - 1].severity, POSTURE_SEV_LOW);
	assert_int_equal(posture_findings_worst(&f), POSTURE_SEV_CRITICAL);
	posture_findings_free(&f);
	posture_findings_free(&f);
	assert_int_equal(posture_findings_worst(&f), -1);
}

static void test_formats(void **state)
{
	struct posture_findings f = {0};
	struct audit_report r = {0};
	cJSON *j, *sum, *arr, *run;
	char *s;

	(void)state;
	add(&f, "5.12", POSTURE_SEV_LOW, "web");
	add(&f, "5.5", POSTURE_SEV_CRITICAL, "web");
	add(&f, "2.15", POSTURE_SEV_LOW, "engine");
	posture_findings_sort(&f);
	r.host = "unix:///x.sock";
	r.generated = 0;
	r.findings = &f;
	s = audit_json(&r);
	assert_non_null(s);
	j = cJSON_Parse(s);
	assert_non_null(j);
	assert_string_equal(cJSON_GetObjectItem(j, "generated")->valuestring,
			    "1970-01-01T00:00:00Z");
	assert_true(cJSON_IsNull(
		cJSON_GetObjectItem(cJSON_GetObjectItem(j, "engine"), "name")));
	sum = cJSON_GetObjectItem(j, "summary");
	assert_int_equal(cJSON_GetObjectItem(sum, "critical")->valueint, 1);
	assert_int_equal(cJSON_GetObjectItem(sum, "low")->valueint, 2);
	assert_int_equal(cJSON_GetObjectItem(sum, "total")->valueint, 3);
	assert_int_equal(cJSON_GetObjectItem(j, "score")->valueint, 73);
	arr = cJSON_GetObjectItem(j, "findings");
	assert_int_equal(cJSON_GetArraySize(arr), 3);
	assert_string_equal(
		cJSON_GetObjectItem(cJSON_GetArrayItem(arr, 0), "id")
			->valuestring,
		"5.5");
	assert_string_equal(
		cJSON_GetObjectItem(cJSON_GetArrayItem(arr, 0), "evidence")
			->valuestring,
		"E=\"x\"\n");
	cJSON_Delete(j);
	free(s);

	s = audit_sarif(&r);
	assert_non_null(s);
	j = cJSON_Parse(s);
	assert_non_null(j);
	assert_string_equal(cJSON_GetObjectItem(j, "version")->valuestring,
			    "2.1.0");
	run = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0);
	assert_int_equal(
		cJSON_GetArraySize(cJSON_GetObjectItem(run, "results")), 3);
	arr = cJSON_GetObjectItem(
		cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver"),
		"rules");
	assert_int_equal(cJSON_GetArraySize(arr), (int)posture_rules_n);
	assert_string_equal(
		cJSON_GetObjectItem(
			cJSON_GetArrayItem(cJSON_GetObjectItem(run, "results"),
					   0),
			"level")
			->valuestring,
		"error");
	cJSON_Delete(j);
	free(s);
	assert_string_equal(audit_sarif_level(POSTURE_SEV_MEDIUM), "warning");
	assert_string_equal(audit_sarif_level(POSTURE_SEV_INFO), "note");
	posture_findings_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_caps),
		cmocka_unit_test(test_user),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_table_and_score),
		cmocka_unit_test(test_formats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
