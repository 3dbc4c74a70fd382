/* Posture rules on inspect JSON recorded from the private engine's
 * fixtures (scripts/posture-fixtures.sh), and on hostile hand-made JSON:
 * the exact set of rule ids each one yields. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/images.h"
#include "api/networks.h"
#include "api/system.h"
#include "tests/lib/judge.h"
#include "posture/rules.h"

#define ENGINE "unix:///var/lib/berth-engine/docker.sock"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "a b c" sorted and deduplicated into out. */
static void sorted(char **ids, size_t n, char *out, size_t len)
{
	size_t i, off = 0;

	qsort(ids, n, sizeof(*ids), cmp_str);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i && strcmp(ids[i], ids[i - 1]) == 0)
			continue;
		off += (size_t)snprintf(out + off, len - off, "%s%s",
					off ? " " : "", ids[i]);
		assert_true(off < len);
	}
}

static void assert_ids(const struct posture_findings *f, const char *want)
{
	char *ids[128], *w = strdup(want), *tok, *save = NULL;
	char got_s[2048], want_s[2048];
	size_t n = 0, i;

	assert_non_null(w);
	assert_true(f->n < 128);
	for (i = 0; i < f->n; i++)
		ids[i] = (char *)f->items[i].rule->id;
	sorted(ids, f->n, got_s, sizeof(got_s));
	/* one finding per rule per object */
	for (i = 0; i + 1 < f->n; i++)
		assert_string_not_equal(ids[i], ids[i + 1]);
	for (tok = strtok_r(w, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save))
		ids[n++] = tok;
	sorted(ids, n, want_s, sizeof(want_s));
	assert_string_equal(got_s, want_s);
	free(w);
}

static void check_fixture(const char *name, const char *want)
{
	struct api_container_inspect ci = {0};
	struct posture_findings f = {0};
	struct api_error err;
	char file[128];
	size_t len;
	char *json;

	snprintf(file, sizeof(file), "posture_c_%s.json", name);
	json = tl_data(file, &len);
	assert_int_equal(api_container_inspect_parse(json, len, &ci, &err),
			 API_OK);
	assert_int_equal(tl_check_container(&ci, ENGINE, &f), API_OK);
	assert_ids(&f, want);
	posture_findings_free(&f);
	posture_findings_free(&f);
	api_container_inspect_free(&ci);
	free(json);
}

/* What a plain `docker run --network none busybox sleep` fails. */
#define BASE "4.1 5.11 5.12 5.13 5.26 5.27 5.29 berth.logs.unbounded"
#define BASE_NO_USER "5.11 5.12 5.13 5.26 5.27 5.29 berth.logs.unbounded"
/* a container that is not running: no runtime health check to judge */
#define BASE_STOPPED "4.1 5.11 5.12 5.13 5.26 5.29 berth.logs.unbounded"

static void test_fixtures_confinement(void **state)
{
	(void)state;
	check_fixture("privileged",
		      BASE " 5.5 5.4 berth.caps.escape 5.2 5.3 5.22 5.18");
	check_fixture("sysadmin", BASE " 5.4 berth.caps.escape");
	check_fixture("netadmin", BASE " 5.4 berth.caps.escape");
	check_fixture("capall", BASE " 5.4 berth.caps.escape");
	check_fixture("capdrop", BASE);
	check_fixture("seccomp", BASE " 5.22");
	check_fixture("ronnp", "4.1 5.11 5.12 5.27 5.29 berth.logs.unbounded");
	check_fixture("user1000", BASE_NO_USER);
}

static void test_fixtures_mounts_ports(void **state)
{
	(void)state;
	check_fixture("root", BASE " 5.6");
	check_fixture("etcro", BASE " 5.6");
	check_fixture("docksock", BASE " 5.32");
	check_fixture("shared", BASE " 5.20");
	check_fixture("port80", BASE_STOPPED " 5.8 5.14 5.30");
	check_fixture("portlo", BASE_STOPPED " 5.30");
	check_fixture("device", BASE " 5.18");
}

static void test_fixtures_ns_limits(void **state)
{
	(void)state;
	check_fixture("hostnet", BASE " 5.10");
	/* the engine adds label=disable itself for a host PID or IPC
	 * namespace: SELinux separation is really off */
	check_fixture("hostpid", BASE " 5.16 5.3");
	check_fixture("hostipc", BASE " 5.17 5.3");
	check_fixture("hostuts", BASE " 5.21");
	check_fixture("userns", BASE " 5.31");
	check_fixture("limits", "4.1 5.13 5.26 5.27 berth.logs.unbounded");
	check_fixture("ulimit", BASE " 5.19");
	check_fixture("always", BASE " 5.15");
	check_fixture("onfail5", BASE);
	check_fixture("restartno", BASE);
	check_fixture("health",
		      "5.11 5.12 5.13 5.26 5.29 berth.logs.unbounded");
	check_fixture("hardened", "");
}

static struct posture_findings run_json(const char *json)
{
	struct api_container_inspect ci = {0};
	struct posture_findings f = {0};
	struct api_error err;

	assert_int_equal(
		api_container_inspect_parse(json, strlen(json), &ci, &err),
		API_OK);
	assert_int_equal(tl_check_container(&ci, NULL, &f), API_OK);
	api_container_inspect_free(&ci);
	return f;
}

static void test_severities_and_evidence(void **state)
{
	struct api_container_inspect ci = {0};
	struct posture_findings f = {0};
	const struct posture_finding *x;
	struct api_error err;
	size_t len;
	char *json = tl_data("posture_c_etcro.json", &len);

	(void)state;
	assert_int_equal(api_container_inspect_parse(json, len, &ci, &err),
			 API_OK);
	assert_int_equal(tl_check_container(&ci, ENGINE, &f), API_OK);
	x = posture_findings_get(&f, "5.6", NULL);
	assert_non_null(x);
	/* read-only: still a finding, one grade below read-write */
	assert_int_equal(x->severity, POSTURE_SEV_MEDIUM);
	assert_string_equal(x->evidence, "Mounts: /etc -> /hostetc (ro)");
	assert_string_equal(x->object, "pf-etcro");
	posture_findings_free(&f);
	api_container_inspect_free(&ci);
	free(json);

	f = run_json("{\"Name\":\"/w\",\"Mounts\":[{\"Type\":\"bind\","
		     "\"Source\":\"/usr/lib\",\"Destination\":\"/l\","
		     "\"RW\":true}],\"HostConfig\":{\"CapAdd\":[\"NET_ADMIN\"]}"
		     "}");
	assert_int_equal(posture_findings_get(&f, "5.6", "w")->severity,
			 POSTURE_SEV_HIGH);
	x = posture_findings_get(&f, "berth.caps.escape", "w");
	assert_int_equal(x->severity, POSTURE_SEV_HIGH);
	assert_string_equal(x->evidence, "HostConfig.CapAdd=NET_ADMIN; "
					 "NET_ADMIN");
	posture_findings_free(&f);

	f = run_json("{\"Name\":\"/p\",\"HostConfig\":{\"Privileged\":true}}");
	assert_int_equal(
		posture_findings_get(&f, "berth.caps.escape", "p")->severity,
		POSTURE_SEV_CRITICAL);
	assert_string_equal(posture_findings_get(&f, "5.5", "p")->evidence,
			    "HostConfig.Privileged=true");
	posture_findings_free(&f);
}

static void test_hostile(void **state)
{
	struct posture_findings f;

	(void)state;
	/* wrong types, nulls, huge numbers, invalid UTF-8 */
	f = run_json("{\"Name\":\"/h\",\"Config\":{\"User\":5,\"Healthcheck\":"
		     "null},\"HostConfig\":{\"Privileged\":\"yes\",\"Memory\":"
		     "1e300,\"NanoCpus\":-1e300,\"PidsLimit\":1e300,\"CapAdd\":"
		     "[null,\"cap_sys_admin\",5,{}],\"CapDrop\":\"ALL\","
		     "\"SecurityOpt\":[\"no-new-privileges:true\",null],"
		     "\"ReadonlyRootfs\":1,\"RestartPolicy\":{\"Name\":"
		     "\"always\",\"MaximumRetryCount\":1e300},\"PortBindings\":"
		     "{\"80/tcp\":[{\"HostIp\":null,\"HostPort\":\"\\u0000\"},"
		     "{\"HostIp\":\"::\",\"HostPort\":\"99999\"},7]}},"
		     "\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/etc/\xff\","
		     "\"RW\":\"true\"},null,{\"Source\":null}],"
		     "\"NetworkSettings\":{\"Ports\":null}}");
	assert_ids(&f, "4.1 5.12 5.13 5.15 5.4 berth.caps.escape 5.6 5.14");
	assert_int_equal(posture_findings_get(&f, "5.6", "h")->severity,
			 POSTURE_SEV_MEDIUM);
	posture_findings_free(&f);

	f = run_json("{}");
	/* no LogConfig at all: its logging is not judged */
	assert_ids(&f, "4.1 5.11 5.12 5.13 5.26 5.29");
	assert_string_equal(f.items[0].object, "");
	posture_findings_free(&f);

	f = run_json("{\"Name\":\"/e\",\"HostConfig\":{\"CapAdd\":[],"
		     "\"CapDrop\":[],\"Binds\":[],\"PortBindings\":{}},"
		     "\"Mounts\":[],\"Config\":{}}");
	assert_ids(&f, "4.1 5.11 5.12 5.13 5.26 5.29");
	posture_findings_free(&f);
}

static void load_engine(struct api_info *info, struct api_version *ver)
{
	struct api_error err;
	size_t len;
	char *j = tl_data("posture_info.json", &len);

	assert_int_equal(api_info_parse(j, len, info, &err), API_OK);
	free(j);
	j = tl_data("posture_version.json", &len);
	assert_int_equal(api_version_parse(j, len, ver, &err), API_OK);
	free(j);
}

static void test_engine(void **state)
{
	struct api_info info = {0};
	struct api_version ver = {0};
	struct api_network br = {0};
	struct posture_findings f = {0};
	struct api_error err;
	const char *brj = "{\"Name\":\"bridge\",\"Options\":{"
			  "\"com.docker.network.bridge.enable_icc\":\"true\"}}";

	(void)state;
	load_engine(&info, &ver);
	assert_int_equal(tl_check_engine(&info, &ver, NULL, ENGINE, 0, &f),
			 API_OK);
	/* the fixture engine has neither AppArmor nor SELinux */
	assert_ids(&f, "2.1 2.9 2.13 2.15 berth.engine.mac");
	assert_string_equal(posture_findings_get(&f, "2.13", NULL)->evidence,
			    "LoggingDriver=json-file");
	posture_findings_free(&f);

	assert_int_equal(api_network_inspect_parse(brj, strlen(brj), &br, &err),
			 API_OK);
	assert_int_equal(
		tl_check_engine(&info, &ver, &br, "tcp://10.0.0.1:2375", 0, &f),
		API_OK);
	assert_ids(&f,
		   "2.1 2.2 berth.engine.tls 2.9 2.13 2.15 berth.engine.mac");
	assert_int_equal(
		posture_findings_get(&f, "berth.engine.tls", NULL)->severity,
		POSTURE_SEV_CRITICAL);
	posture_findings_free(&f);
	/* TLS on: no berth.engine.tls; icc=false: no 2.2 */
	api_kvlist_free(&br.options);
	assert_int_equal(tl_check_engine(&info, &ver, NULL,
					 "tcp://10.0.0.1:2376", 1, &f),
			 API_OK);
	assert_null(posture_findings_get(&f, "berth.engine.tls", NULL));
	posture_findings_free(&f);
	/* nothing fetched at all: no crash, nothing claimed */
	assert_int_equal(tl_check_engine(NULL, NULL, NULL, NULL, 0, &f),
			 API_OK);
	assert_int_equal(f.n, 0);
	api_network_free(&br);
	api_info_free(&info);
	api_version_free(&ver);
}

static void check_image(const char *t, const char *want)
{
	struct api_image_inspect img = {0};
	struct api_image_history h = {0};
	struct posture_findings f = {0};
	struct api_error err;
	char file[64];
	size_t len;
	char *j;

	snprintf(file, sizeof(file), "posture_img_%s.json", t);
	j = tl_data(file, &len);
	assert_int_equal(api_image_inspect_parse(j, len, &img, &err), API_OK);
	free(j);
	snprintf(file, sizeof(file), "posture_hist_%s.json", t);
	j = tl_data(file, &len);
	assert_int_equal(api_image_history_parse(j, len, &h, &err), API_OK);
	free(j);
	assert_int_equal(tl_check_image(&img, &h, NULL, &f), API_OK);
	assert_ids(&f, want);
	posture_findings_free(&f);
	api_image_history_free(&h);
	api_image_inspect_free(&img);
}

static void test_images(void **state)
{
	struct api_image_inspect img = {0};
	struct api_image_history h = {0};
	struct posture_findings f = {0};
	struct api_error err;
	const char *ij = "{\"Id\":\"sha256:ab\",\"RepoTags\":[],\"Config\":{"
			 "\"User\":\"0:0\",\"Healthcheck\":{\"Test\":[\"NONE\"]"
			 "}}}";
	const char *hj =
		"[{\"CreatedBy\":\"/bin/sh -c apt-get update\"},"
		"{\"CreatedBy\":\"/bin/sh -c apt-get update && apt-get install"
		" -y x\"},{\"CreatedBy\":\"/bin/sh -c #(nop) ADD "
		"https://x.example/a.tgz /a\"},{\"CreatedBy\":\"/bin/sh -c "
		"#(nop) ADD file:0123 in / \"}]";

	(void)state;
	check_image("busybox", "4.1 4.6 berth.image.tag");
	check_image("app", "");
	assert_int_equal(api_image_inspect_parse(ij, strlen(ij), &img, &err),
			 API_OK);
	assert_int_equal(api_image_history_parse(hj, strlen(hj), &h, &err),
			 API_OK);
	assert_int_equal(tl_check_image(&img, &h, NULL, &f), API_OK);
	assert_ids(&f, "4.1 4.6 4.7 4.9 berth.image.tag berth.image.unpinned");
	assert_string_equal(f.items[0].object, "sha256:ab");
	assert_string_equal(posture_findings_get(&f, "4.9", NULL)->evidence,
			    "History layer 2: ADD https://x.example/a.tgz /a");
	assert_string_equal(posture_findings_get(&f, "4.7", NULL)->evidence,
			    "History layer 0: apt-get update");
	posture_findings_free(&f);
	api_image_history_free(&h);
	api_image_inspect_free(&img);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures_confinement),
		cmocka_unit_test(test_fixtures_mounts_ports),
		cmocka_unit_test(test_fixtures_ns_limits),
		cmocka_unit_test(test_severities_and_evidence),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_engine),
		cmocka_unit_test(test_images),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
