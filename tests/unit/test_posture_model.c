/* The posture pane's model: badges per concern from inspect JSON recorded
 * on the private engine (scripts/posture-fixtures.sh), the per-container
 * cache keyed by id, the order, counts and score of the host summary,
 * and hostile input. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/system.h"
#include "posture/rules.h"
#include "model/posture_model.h"

#define ENGINE "unix:///var/lib/berth-engine/docker.sock"

static void judge_fixture(struct posture_model *m, const char *name)
{
	struct api_error err;
	char file[128];
	size_t len;
	char *json;

	snprintf(file, sizeof(file), "posture_c_%s.json", name);
	json = tl_data(file, &len);
	assert_int_equal(pm_judge_json(m, json, len,
				       &(struct posture_engine){.host = ENGINE},
				       &err),
			 API_OK);
	free(json);
}

/* The only container of a fresh model judged from a fixture. */
static const struct pm_container *only(struct posture_model *m,
				       const char *name)
{
	pm_init(m);
	judge_fixture(m, name);
	assert_int_equal(m->n, 1);
	assert_true(m->items[0].judged);
	return &m->items[0];
}

static void assert_badge(const struct pm_container *e, enum pm_concern c,
			 const char *text, int sev)
{
	assert_string_equal(e->badges[c].text, text);
	assert_int_equal(e->badges[c].severity, sev);
}

static void test_privileged(void **state)
{
	struct posture_model m;
	const struct pm_container *e = only(&m, "privileged");

	(void)state;
	assert_string_equal(e->name, "pf-privileged");
	assert_badge(e, PM_PRIV, "PRIV", POSTURE_SEV_CRITICAL);
	/* privileged holds every capability and no confinement */
	assert_badge(e, PM_CAPS, "ESCAPE+1", POSTURE_SEV_CRITICAL);
	assert_badge(e, PM_CONFINE, "SECCOMP+4", POSTURE_SEV_HIGH);
	assert_badge(e, PM_MOUNTS, "DEVICE", POSTURE_SEV_MEDIUM);
	assert_badge(e, PM_USER, "ROOT", POSTURE_SEV_MEDIUM);
	assert_badge(e, PM_LIMITS, "NOMEM+3", POSTURE_SEV_MEDIUM);
	assert_badge(e, PM_PORTS, "", -1);
	assert_badge(e, PM_NS, "", -1);
	assert_int_equal(e->worst, POSTURE_SEV_CRITICAL);
	/* worst first in the detail */
	assert_string_equal(e->f.items[0].rule->id, "5.5");
	assert_int_equal(e->counts[POSTURE_SEV_CRITICAL], 2);
	pm_update(&m);
	/* 100 - 2*25 - 10 - min(7*4, 20) - 4 */
	assert_int_equal(m.score, 16);
	pm_free(&m);
	pm_free(&m);
}

static void test_docker_socket(void **state)
{
	struct posture_model m;
	const struct pm_container *e = only(&m, "docksock");

	(void)state;
	assert_badge(e, PM_MOUNTS, "SOCK", POSTURE_SEV_CRITICAL);
	assert_badge(e, PM_PRIV, "", -1);
	assert_badge(e, PM_CAPS, "", -1);
	assert_int_equal(e->worst, POSTURE_SEV_CRITICAL);
	pm_free(&m);
}

static void test_hardened(void **state)
{
	struct posture_model m;
	const struct pm_container *e = only(&m, "hardened");
	int c;

	(void)state;
	for (c = 0; c < PM_CONCERNS; c++) {
		assert_int_equal(e->badges[c].n, 0);
		assert_int_equal(e->badges[c].severity, -1);
		assert_string_equal(e->badges[c].text, "");
	}
	assert_int_equal(e->worst, -1);
	assert_int_equal(e->f.n, 0);
	pm_update(&m);
	assert_int_equal(m.score, 100);
	pm_free(&m);
}

static void test_other_concerns(void **state)
{
	struct posture_model m;
	const struct pm_container *e;

	(void)state;
	e = only(&m, "hostnet");
	assert_badge(e, PM_NS, "NET", POSTURE_SEV_HIGH);
	pm_free(&m);
	e = only(&m, "port80");
	assert_badge(e, PM_PORTS, "<1024+2", POSTURE_SEV_MEDIUM);
	pm_free(&m);
	e = only(&m, "sysadmin");
	assert_badge(e, PM_CAPS, "ESCAPE+1", POSTURE_SEV_CRITICAL);
	assert_badge(e, PM_PRIV, "", -1);
	pm_free(&m);
	e = only(&m, "user1000");
	assert_badge(e, PM_USER, "", -1);
	pm_free(&m);
	e = only(&m, "limits");
	/* every limit set, but its logs unbounded */
	assert_badge(e, PM_LIMITS, "LOGS", POSTURE_SEV_MEDIUM);
	pm_free(&m);
}

/* Every container rule but the healthchecks has a column. */
static void test_every_rule_has_a_column(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < posture_rules_n; i++) {
		const struct posture_rule *r = &posture_rules[i];
		int health = strcmp(r->id, "5.27") == 0 ||
			     strcmp(r->id, "berth.health.unhealthy") == 0;
		if (!(r->scopes & POSTURE_IN(POSTURE_SCOPE_CONTAINER)))
			continue;
		if (health)
			assert_int_equal(pm_concern_of(r->id), -1);
		else {
			assert_true(pm_concern_of(r->id) >= 0);
			assert_true(strlen(pm_badge_word(r->id)) > 0);
		}
	}
	assert_int_equal(pm_concern_of("nope"), -1);
	assert_int_equal(pm_concern_of(NULL), -1);
	assert_string_equal(pm_badge_word("nope"), "");
	assert_string_equal(pm_concern_name(PM_MOUNTS), "MOUNTS");
	assert_string_equal(pm_concern_name(PM_CONCERNS), "");
}

static void test_cache_by_id(void **state)
{
	struct posture_model m;
	struct pm_container *e;
	const char *keep[2];
	char hard_id[80], priv_id[80];

	(void)state;
	pm_init(&m);
	judge_fixture(&m, "hardened");
	judge_fixture(&m, "docksock");
	judge_fixture(&m, "privileged");
	snprintf(hard_id, sizeof(hard_id), "%s", m.items[0].id);
	snprintf(priv_id, sizeof(priv_id), "%s", m.items[2].id);
	/* judged again: replaced, not added */
	judge_fixture(&m, "hardened");
	assert_int_equal(m.n, 3);
	pm_update(&m);
	/* worst first: two criticals before one, clean last */
	assert_string_equal(m.items[0].name, "pf-privileged");
	assert_string_equal(m.items[1].name, "pf-docksock");
	assert_string_equal(m.items[2].name, "pf-hardened");
	assert_int_equal(m.counts[POSTURE_SEV_CRITICAL], 3);
	/* a new one from an event: unjudged, due, last */
	e = pm_want(&m, "abc123", "newcomer");
	assert_non_null(e);
	assert_false(e->judged);
	assert_true(e->want);
	pm_update(&m);
	assert_string_equal(m.items[3].id, "abc123");
	assert_int_equal(pm_pending(&m), 1);
	e = pm_next_wanted(&m);
	assert_non_null(e);
	assert_string_equal(e->id, "abc123");
	e->want = 0;
	e->inflight = 1;
	assert_null(pm_next_wanted(&m));
	/* an event while it runs: once more afterwards */
	e = pm_want(&m, "abc123", NULL);
	assert_true(e->again);
	assert_false(e->want);
	assert_string_equal(e->name, "newcomer");
	pm_drop(&m, "abc123");
	assert_null(pm_find(&m, "abc123"));
	assert_null(pm_want(&m, "", "x"));
	/* a full list keeps only what it names */
	keep[0] = hard_id;
	keep[1] = priv_id;
	pm_keep_only(&m, keep, 2);
	assert_int_equal(m.n, 2);
	assert_null(pm_find(&m, "nothing"));
	assert_non_null(pm_find(&m, hard_id));
	assert_non_null(pm_find(&m, priv_id));
	pm_drop(&m, hard_id);
	pm_update(&m);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.counts[POSTURE_SEV_CRITICAL], 2);
	pm_free(&m);
}

static void test_engine_in_score(void **state)
{
	struct posture_model m;
	struct api_info info = {0};
	struct api_version ver = {0};
	struct api_error err;
	size_t len;
	char *j;

	(void)state;
	j = tl_data("posture_info.json", &len);
	assert_int_equal(api_info_parse(j, len, &info, &err), API_OK);
	free(j);
	j = tl_data("posture_version.json", &len);
	assert_int_equal(api_version_parse(j, len, &ver, &err), API_OK);
	free(j);
	pm_init(&m);
	assert_int_equal(
		pm_judge_engine(&m,
				&(struct posture_engine){
					.info = &info,
					.version = &ver,
					.host = "tcp://10.0.0.1:2375"}),
		API_OK);
	assert_true(m.engine_judged);
	/* plain TCP is critical and sorts first */
	assert_string_equal(m.engine.items[0].rule->id, "berth.engine.tls");
	pm_update(&m);
	assert_true(m.score <= 75);
	assert_int_equal(m.counts[POSTURE_SEV_CRITICAL], 0);
	/* nothing known of the engine: judged all the same */
	assert_int_equal(pm_judge_engine(&m, &(struct posture_engine){0}),
			 API_OK);
	/* no engine at all: refused, so a caller cannot skip it */
	assert_int_equal(pm_judge_engine(&m, NULL), API_E_INVALID);
	pm_free(&m);
	api_info_free(&info);
	api_version_free(&ver);
}

static void test_hostile(void **state)
{
	static const char *const bad[] = {
		"",	      "[1]", "null", "{\"Id\":null}", "{\"Id\":\"\"}",
		"{\"Id\":7}",
	};
	static const char odd[] =
		"{\"Id\":\"f00\",\"Name\":\"/x\xff\\u0000y\","
		"\"HostConfig\":{\"Privileged\":\"yes\",\"Memory\":1e300,"
		"\"CapAdd\":[null,7,\"ALL\"],\"Binds\":{}},"
		"\"Mounts\":[null,{\"Source\":null}],\"Config\":[]}";
	struct posture_model m;
	struct api_error err;
	size_t i;

	(void)state;
	pm_init(&m);
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_int_not_equal(
			pm_judge_json(&m, bad[i], strlen(bad[i]),
				      &(struct posture_engine){.host = ENGINE},
				      &err),
			API_OK);
	assert_int_equal(m.n, 0);
	assert_int_equal(pm_judge_json(&m, odd, sizeof(odd) - 1,
				       &(struct posture_engine){0}, &err),
			 API_OK);
	assert_int_equal(m.n, 1);
	/* a string "yes" is no privileged flag, but cap-add ALL escapes */
	assert_int_equal(m.items[0].badges[PM_PRIV].n, 0);
	assert_int_equal(m.items[0].badges[PM_CAPS].severity,
			 POSTURE_SEV_CRITICAL);
	pm_update(&m);
	pm_badges(NULL, m.items[0].badges);
	assert_int_equal(m.items[0].badges[PM_CAPS].n, 0);
	pm_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_privileged),
		cmocka_unit_test(test_docker_socket),
		cmocka_unit_test(test_hardened),
		cmocka_unit_test(test_other_concerns),
		cmocka_unit_test(test_every_rule_has_a_column),
		cmocka_unit_test(test_cache_by_id),
		cmocka_unit_test(test_engine_in_score),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
