/* The swarm service rules on services recorded from the private engine
 * in swarm mode, and on hand-made ones with each risk (and none). */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/swarm_service.h"
#include "tests/lib/judge.h"
#include "posture/report.h"
#include "posture/rules.h"

struct judged {
	struct api_service_list l;
	struct posture_findings f;
};

static void judge(const char *file, struct judged *j)
{
	struct api_error err;
	size_t len, i;
	char *json = tl_data(file, &len);

	memset(j, 0, sizeof(*j));
	assert_int_equal(api_services_list_parse(json, len, &j->l, &err),
			 API_OK);
	free(json);
	for (i = 0; i < j->l.n; i++)
		assert_int_equal(tl_check_service(&j->l.items[i], &j->f),
				 API_OK);
}

static void judged_free(struct judged *j)
{
	posture_findings_free(&j->f);
	api_service_list_free(&j->l);
}

static size_t count_of(const struct posture_findings *f, const char *object)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->items[i].object, object) == 0)
			n++;
	return n;
}

/* The finding, asserted present with its severity; evidence must hold
 * want (NULL: anything). */
static const struct posture_finding *has(const struct posture_findings *f,
					 const char *id, const char *object,
					 enum posture_severity sev,
					 const char *want)
{
	const struct posture_finding *x = posture_findings_get(f, id, object);

	if (!x)
		fail_msg("no %s for %s", id, object);
	assert_int_equal(x->severity, sev);
	assert_int_equal(x->scope, POSTURE_SCOPE_SERVICE);
	if (want && !strstr(x->evidence, want))
		fail_msg("%s: evidence '%s' lacks '%s'", id, x->evidence, want);
	return x;
}

static void test_recorded(void **state)
{
	struct judged j;

	(void)state;
	judge("swarm_services.json", &j);
	/* s2: --cap-add NET_ADMIN, a bind of /var/run (not sensitive) */
	has(&j.f, "berth.service.caps", "s2", POSTURE_SEV_HIGH,
	    "ContainerSpec.CapabilityAdd=CAP_NET_ADMIN");
	assert_null(posture_findings_get(&j.f, "berth.service.sensitive_mount",
					 "s2"));
	assert_null(posture_findings_get(&j.f, "berth.service.docker_socket",
					 NULL));
	has(&j.f, "berth.service.root", "s2", POSTURE_SEV_LOW, "unset");
	has(&j.f, "berth.service.memory", "s2", POSTURE_SEV_MEDIUM,
	    "Limits.MemoryBytes unset");
	/* s3: --limit-cpu 0.5 --limit-memory 64M */
	assert_null(posture_findings_get(&j.f, "berth.service.memory", "s3"));
	assert_null(posture_findings_get(&j.f, "berth.service.cpu", "s3"));
	has(&j.f, "berth.service.pids", "s3", POSTURE_SEV_MEDIUM, "Pids");
	assert_null(posture_findings_get(&j.f, "berth.service.caps", "s1"));
	has(&j.f, "berth.service.readonly", "s1", POSTURE_SEV_LOW, NULL);
	has(&j.f, "berth.service.nnp", "s1", POSTURE_SEV_INFO, NULL);
	/* object_id is the service's id */
	assert_string_equal(
		posture_findings_get(&j.f, "berth.service.caps", "s2")
			->object_id,
		"gzrzryfcy2ffrx1dc9ru6vy6d");
	judged_free(&j);
}

static void test_risky(void **state)
{
	const struct posture_finding *x;
	struct judged j;

	(void)state;
	judge("swarm_services_risky.json", &j);
	x = has(&j.f, "berth.service.caps", "risky", POSTURE_SEV_CRITICAL,
		"CapabilityAdd=CAP_SYS_ADMIN; ContainerSpec.CapabilityAdd="
		"NET_ADMIN");
	assert_null(strstr(x->evidence, "NET_RAW"));
	has(&j.f, "berth.service.docker_socket", "risky", POSTURE_SEV_CRITICAL,
	    "//var/run/./docker.sock -> /var/run/docker.sock");
	x = has(&j.f, "berth.service.sensitive_mount", "risky",
		POSTURE_SEV_HIGH, "Mounts: /etc -> /host-etc (rw)");
	/* neither the socket nor the volume named /etc count here */
	assert_null(strstr(x->evidence, "docker.sock"));
	assert_null(strstr(x->evidence, "/v "));
	has(&j.f, "berth.service.seccomp", "risky", POSTURE_SEV_HIGH,
	    "Privileges.Seccomp.Mode=unconfined");
	has(&j.f, "berth.service.apparmor", "risky", POSTURE_SEV_MEDIUM,
	    "Privileges.AppArmor.Mode=unconfined");
	has(&j.f, "berth.service.root", "risky", POSTURE_SEV_MEDIUM,
	    "ContainerSpec.User=0:0");
	x = has(&j.f, "berth.service.ingress_port", "risky", POSTURE_SEV_MEDIUM,
		"*:8080->80/tcp (ingress); Endpoint.Ports: *:5353->53/udp");
	assert_null(strstr(x->evidence, "8443"));
	assert_int_equal(count_of(&j.f, "risky"), 12);
	/* hardened: only the read-only /etc/ssl bind, one grade lower */
	x = has(&j.f, "berth.service.sensitive_mount", "hardened",
		POSTURE_SEV_MEDIUM, "/etc/ssl -> /ssl (ro)");
	assert_null(strstr(x->evidence, "/srv/data"));
	assert_int_equal(count_of(&j.f, "hardened"), 1);
	judged_free(&j);
}

static void test_odd_values(void **state)
{
	const struct posture_finding *x;
	struct judged j;

	(void)state;
	judge("swarm_services_risky.json", &j);
	/* cap-add ALL (any case) is privileged in all but name */
	has(&j.f, "berth.service.caps", "allcaps", POSTURE_SEV_CRITICAL,
	    "CapabilityAdd=all");
	has(&j.f, "berth.service.root", "allcaps", POSTURE_SEV_MEDIUM,
	    "User=root");
	/* null and wrong types confine nothing away: no finding */
	assert_null(
		posture_findings_get(&j.f, "berth.service.seccomp", "allcaps"));
	assert_null(posture_findings_get(&j.f, "berth.service.apparmor",
					 "allcaps"));
	/* 1e300 bytes is a (huge) limit; -1 CPUs and "100" pids are none */
	assert_null(
		posture_findings_get(&j.f, "berth.service.memory", "allcaps"));
	has(&j.f, "berth.service.cpu", "allcaps", POSTURE_SEV_LOW, NULL);
	has(&j.f, "berth.service.pids", "allcaps", POSTURE_SEV_MEDIUM, NULL);
	/* no name: the id names it; junk caps and mounts are skipped */
	x = has(&j.f, "berth.service.caps", "noname0000000000000000000",
		POSTURE_SEV_HIGH, "SYS_PTRACE");
	assert_null(strstr(x->evidence, "bogus"));
	assert_null(posture_findings_get(&j.f, "berth.service.sensitive_mount",
					 "noname0000000000000000000"));
	has(&j.f, "berth.service.ingress_port", "noname0000000000000000000",
	    POSTURE_SEV_MEDIUM, "*:9000->0/tcp");
	judged_free(&j);
}

static void test_hostile(void **state)
{
	struct judged j;
	size_t i;

	(void)state;
	judge("swarm_hostile.json", &j);
	/* "ALL" among junk still counts; a mount of Type 5 is no bind */
	for (i = 0; i < j.f.n; i++)
		if (strcmp(j.f.items[i].rule->id, "berth.service.caps") == 0)
			break;
	assert_true(i < j.f.n);
	assert_int_equal(j.f.items[i].severity, POSTURE_SEV_CRITICAL);
	assert_null(posture_findings_get(&j.f, "berth.service.docker_socket",
					 NULL));
	judged_free(&j);
}

static void test_rules_and_audit(void **state)
{
	struct audit_report rep = {0};
	struct judged j;
	char *text;
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < posture_rules_n; i++)
		if (posture_rules[i].scopes &
		    POSTURE_IN(POSTURE_SCOPE_SERVICE)) {
			assert_int_equal(strncmp(posture_rules[i].id,
						 "berth.service.", 14),
					 0);
			n++;
		}
	assert_int_equal(n, 12);
	assert_string_equal(posture_scope_name(POSTURE_SCOPE_SERVICE),
			    "service");
	judge("swarm_services_risky.json", &j);
	posture_findings_sort(&j.f);
	rep.host = "unix:///x.sock";
	rep.findings = &j.f;
	text = audit_json(&rep);
	assert_non_null(text);
	assert_non_null(strstr(text, "\"scope\":\t\"service\""));
	assert_non_null(strstr(text, "\"object\":\t\"risky\""));
	free(text);
	text = audit_sarif(&rep);
	assert_non_null(text);
	assert_non_null(strstr(text, "service/risky"));
	free(text);
	judged_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recorded),
		cmocka_unit_test(test_risky),
		cmocka_unit_test(test_odd_values),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_rules_and_audit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
