/* The rules CIS Docker Benchmark 1.6.0 words differently from a plain
 * reading: 5.2/5.3 "if applicable", 5.27 health at runtime, 5.30 the
 * default bridge, 4.7 update instructions alone.  Each judged through
 * posture_judge with the engine facts it depends on. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/container_top.h"
#include "api/networks.h"
#include "api/system.h"
#include "posture/checks.h"
#include "posture/rules.h"

static void judge_json(const char *json, const struct posture_engine *e,
		       struct posture_findings *f)
{
	struct api_container_inspect ci = {0};
	struct api_error err;

	assert_int_equal(
		api_container_inspect_parse(json, strlen(json), &ci, &err),
		API_OK);
	assert_int_equal(posture_judge(
				 &(struct posture_subject){
					 .scope = POSTURE_SCOPE_CONTAINER,
					 .engine = e,
					 .container = &ci},
				 f),
			 API_OK);
	api_container_inspect_free(&ci);
}

static void info_with(struct api_info *info, const char *opts)
{
	char json[512];
	struct api_error err;

	snprintf(json, sizeof(json), "{\"ID\":\"e1\",\"SecurityOptions\":%s}",
		 opts);
	assert_int_equal(api_info_parse(json, strlen(json), info, &err),
			 API_OK);
}

#define RUNNING "\"State\":{\"Running\":true,\"Status\":\"running\"}"
#define PLAIN "{\"Id\":\"c1\",\"Name\":\"/app\"," RUNNING "}"

static const struct posture_finding *get(const struct posture_findings *f,
					 const char *id)
{
	return posture_findings_get(f, id, NULL);
}

static void test_mac_if_applicable(void **state)
{
	struct api_info aa = {0}, se = {0}, none = {0};
	struct posture_findings f = {0};
	const struct posture_finding *x;

	(void)state;
	info_with(&aa, "[\"name=apparmor\",\"name=seccomp,profile=default\"]");
	info_with(&se, "[\"name=selinux\",\"name=seccomp,profile=default\"]");
	info_with(&none, "[\"name=seccomp,profile=default\"]");

	/* AppArmor engine: 5.2 judged on the container, 5.3 not at all */
	judge_json(PLAIN, &(struct posture_engine){.info = &aa}, &f);
	assert_null(get(&f, "5.2"));
	assert_null(get(&f, "5.3"));
	posture_findings_free(&f);
	judge_json("{\"Id\":\"c1\",\"Name\":\"/app\"," RUNNING
		   ",\"HostConfig\":{\"SecurityOpt\":[\"apparmor=unconfined\","
		   "\"label=disable\"]}}",
		   &(struct posture_engine){.info = &aa}, &f);
	assert_non_null(get(&f, "5.2"));
	assert_null(get(&f, "5.3"));
	posture_findings_free(&f);

	/* SELinux engine: the other way round */
	judge_json("{\"Id\":\"c1\",\"Name\":\"/app\"," RUNNING
		   ",\"HostConfig\":{\"SecurityOpt\":[\"apparmor=unconfined\","
		   "\"label=disable\"]}}",
		   &(struct posture_engine){.info = &se}, &f);
	assert_null(get(&f, "5.2"));
	assert_non_null(get(&f, "5.3"));
	posture_findings_free(&f);

	/* neither: every container fails both, the engine's options said */
	judge_json(PLAIN, &(struct posture_engine){.info = &none}, &f);
	x = get(&f, "5.2");
	assert_non_null(x);
	assert_non_null(strstr(x->evidence, "neither apparmor nor selinux"));
	assert_non_null(strstr(x->evidence, "name=seccomp,profile=default"));
	assert_non_null(get(&f, "5.3"));
	/* the fix is the engine's, not the container's */
	assert_non_null(strstr(posture_finding_fix(x), "dockerd"));
	posture_findings_free(&f);

	/* privileged: the fix follows the evidence (drop --privileged),
	 * and names the opt-out too when there is one */
	judge_json("{\"Id\":\"c1\",\"Name\":\"/app\"," RUNNING
		   ",\"HostConfig\":{\"Privileged\":true}}",
		   &(struct posture_engine){.info = &aa}, &f);
	assert_string_equal(posture_finding_fix(get(&f, "5.22")),
			    "drop --privileged (it turns AppArmor, SELinux and "
			    "seccomp off); grant only the capabilities or "
			    "devices needed");
	posture_findings_free(&f);
	judge_json("{\"Id\":\"c1\",\"Name\":\"/app\"," RUNNING
		   ",\"HostConfig\":{\"Privileged\":true,\"SecurityOpt\":"
		   "[\"seccomp=unconfined\"]}}",
		   &(struct posture_engine){.info = &aa}, &f);
	assert_string_equal(posture_finding_fix(get(&f, "5.22")),
			    "drop --privileged and --security-opt "
			    "seccomp=unconfined");
	posture_findings_free(&f);
	judge_json(
		"{\"Id\":\"c1\",\"Name\":\"/app\"," RUNNING
		",\"HostConfig\":{\"SecurityOpt\":[\"seccomp=unconfined\"]}}",
		&(struct posture_engine){.info = &aa}, &f);
	assert_string_equal(posture_finding_fix(get(&f, "5.22")),
			    get(&f, "5.22")->rule->fix);
	posture_findings_free(&f);

	/* nothing known of the engine: only what the container opts out of */
	judge_json(PLAIN, &(struct posture_engine){0}, &f);
	assert_null(get(&f, "5.2"));
	assert_null(get(&f, "5.3"));
	posture_findings_free(&f);

	/* and the engine itself says why, once */
	assert_int_equal(
		posture_judge(
			&(struct posture_subject){
				.scope = POSTURE_SCOPE_ENGINE,
				.engine = &(
					struct posture_engine){.info = &none}},
			&f),
		API_OK);
	assert_non_null(get(&f, "berth.engine.mac"));
	posture_findings_free(&f);
	assert_int_equal(
		posture_judge(
			&(struct posture_subject){
				.scope = POSTURE_SCOPE_ENGINE,
				.engine =
					&(struct posture_engine){.info = &aa}},
			&f),
		API_OK);
	assert_null(get(&f, "berth.engine.mac"));
	posture_findings_free(&f);
	api_info_free(&aa);
	api_info_free(&se);
	api_info_free(&none);
}

/* 6.1: unused images older than 30 days named; fewer than half in use
 * said; none of it without both lists. */
static void test_image_sprawl(void **state)
{
	/* 2026-06-15 12:00 UTC; the images 200, 31 and 10 days old */
	const int64_t now = 1781524800;
	char json[1024];
	struct api_image_list l = {0};
	struct api_strv used = {0};
	char *ids[] = {"sha256:aaa", NULL};
	struct posture_findings f = {0};
	struct api_error err;
	struct posture_engine e = {
		.images = &l, .images_used = &used, .now = now};
	struct posture_subject s = {.scope = POSTURE_SCOPE_ENGINE,
				    .engine = &e};

	(void)state;
	snprintf(json, sizeof(json),
		 "[{\"Id\":\"sha256:aaa\",\"RepoTags\":[\"app:1\"],"
		 "\"Created\":%lld},"
		 "{\"Id\":\"sha256:0123456789abcdef\",\"RepoTags\":"
		 "[\"<none>:<none>\"],\"Created\":%lld},"
		 "{\"Id\":\"sha256:ccc\",\"RepoTags\":[\"old:2\"],"
		 "\"Created\":%lld},"
		 "{\"Id\":\"sha256:ddd\",\"RepoTags\":[\"new:3\"],"
		 "\"Created\":%lld}]",
		 (long long)(now - 200 * 86400), (long long)(now - 200 * 86400),
		 (long long)(now - 31 * 86400), (long long)(now - 10 * 86400));
	assert_int_equal(api_images_list_parse(json, strlen(json), &l, &err),
			 API_OK);
	used.v = ids;
	used.n = 1;
	assert_int_equal(posture_judge(&s, &f), API_OK);
	/* app:1 runs, however old; new:3 is too young to name */
	assert_string_equal(get(&f, "6.1")->evidence,
			    "Images=4, in use=1; unused 0123456789ab, created "
			    "200 days ago; unused old:2, created 31 days ago");
	posture_findings_free(&f);
	/* none stale, but three of four unused */
	e.now = now - 60 * 86400 + 1;
	l.items[1].created = l.items[2].created = e.now - 86400;
	assert_int_equal(posture_judge(&s, &f), API_OK);
	assert_string_equal(get(&f, "6.1")->evidence,
			    "Images=4, in use=1: fewer than half");
	posture_findings_free(&f);
	/* without the list of what runs: no finding */
	used.n = 0;
	e.images_used = NULL;
	assert_int_equal(posture_judge(&s, &f), API_OK);
	assert_null(get(&f, "6.1"));
	posture_findings_free(&f);
	api_image_list_free(&l);
}

static void test_sprawl(void **state)
{
	struct api_info info = {0};
	struct posture_findings f = {0};
	struct api_error err;
	const char *many = "{\"ID\":\"e\",\"Containers\":40,"
			   "\"ContainersRunning\":14}";
	const char *few = "{\"ID\":\"e\",\"Containers\":40,"
			  "\"ContainersRunning\":15}";
	const char *bad = "{\"ID\":\"e\",\"Containers\":"
			  "9223372036854775807,\"ContainersRunning\":"
			  "-9223372036854775808}";
	struct api_info hostile = {0};
	struct posture_engine ie = {.info = &info}, he = {.info = &hostile};
	struct posture_subject s = {.scope = POSTURE_SCOPE_ENGINE};

	(void)state;
	assert_int_equal(api_info_parse(many, strlen(many), &info, &err),
			 API_OK);
	s.engine = &ie;
	assert_int_equal(posture_judge(&s, &f), API_OK);
	assert_string_equal(get(&f, "6.2")->evidence,
			    "Containers=40, of them 14 running: 26 stopped or "
			    "paused");
	posture_findings_free(&f);
	api_info_free(&info);
	memset(&info, 0, sizeof(info));
	/* hostile counts: no finding, no overflow */
	assert_int_equal(api_info_parse(bad, strlen(bad), &hostile, &err),
			 API_OK);
	s.engine = &he;
	assert_int_equal(posture_judge(&s, &f), API_OK);
	assert_null(get(&f, "6.2"));
	posture_findings_free(&f);
	api_info_free(&hostile);
	s.engine = &ie;
	/* 25 idle is the limit, not beyond it */
	assert_int_equal(api_info_parse(few, strlen(few), &info, &err), API_OK);
	assert_int_equal(posture_judge(&s, &f), API_OK);
	assert_null(get(&f, "6.2"));
	posture_findings_free(&f);
	api_info_free(&info);
}

static void test_health_at_runtime(void **state)
{
	struct posture_engine e = {0};
	struct posture_findings f = {0};

	(void)state;
	/* running with no State.Health: 5.27 */
	judge_json(PLAIN, &e, &f);
	assert_non_null(get(&f, "5.27"));
	assert_null(get(&f, "4.6")); /* the image's rule, not the container's */
	posture_findings_free(&f);
	/* --no-healthcheck over an image's HEALTHCHECK */
	judge_json("{\"Id\":\"c1\",\"Name\":\"/app\"," RUNNING
		   ",\"Config\":{\"Healthcheck\":{\"Test\":[\"NONE\"]}}}",
		   &e, &f);
	assert_non_null(strstr(get(&f, "5.27")->evidence, "no-healthcheck"));
	posture_findings_free(&f);
	/* checked and healthy, or still starting: nothing */
	judge_json("{\"Id\":\"c1\",\"Name\":\"/app\",\"State\":{\"Running\":"
		   "true,\"Health\":{\"Status\":\"starting\"}}}",
		   &e, &f);
	assert_null(get(&f, "5.27"));
	assert_null(get(&f, "berth.health.unhealthy"));
	posture_findings_free(&f);
	/* checked and failing: an alert of its own, not 5.27 */
	judge_json("{\"Id\":\"c1\",\"Name\":\"/app\",\"State\":{\"Running\":"
		   "true,\"Health\":{\"Status\":\"unhealthy\","
		   "\"FailingStreak\":3}}}",
		   &e, &f);
	assert_null(get(&f, "5.27"));
	assert_non_null(get(&f, "berth.health.unhealthy"));
	posture_findings_free(&f);
	/* not running: no runtime check to judge */
	judge_json("{\"Id\":\"c1\",\"Name\":\"/app\",\"State\":{\"Running\":"
		   "false,\"Status\":\"exited\"}}",
		   &e, &f);
	assert_null(get(&f, "5.27"));
	posture_findings_free(&f);
}

#define ON_BRIDGE                                                              \
	"{\"Id\":\"c1\",\"Name\":\"/app\"," RUNNING                            \
	",\"HostConfig\":{\"NetworkMode\":\"default\"},\"NetworkSettings\":"   \
	"{\"Networks\":{\"bridge\":{\"NetworkID\":\"%s\"}}}}"

static void test_default_bridge(void **state)
{
	struct api_info info = {0};
	struct api_network br = {0};
	struct posture_findings f = {0};
	struct api_error err;
	char json[512];
	const char *brj = "{\"Name\":\"bridge\",\"Id\":\"b1\",\"Options\":{"
			  "\"com.docker.network.bridge.default_bridge\":"
			  "\"true\"}}";

	(void)state;
	info_with(&info, "[\"name=apparmor\"]");
	assert_int_equal(api_network_inspect_parse(brj, strlen(brj), &br, &err),
			 API_OK);
	/* attached to the engine's default bridge */
	snprintf(json, sizeof(json), ON_BRIDGE, "b1");
	judge_json(json, &(struct posture_engine){.info = &info, .bridge = &br},
		   &f);
	assert_non_null(get(&f, "5.30"));
	posture_findings_free(&f);
	/* created, not yet connected: the name is what it will join */
	snprintf(json, sizeof(json), ON_BRIDGE, "");
	judge_json(json, &(struct posture_engine){.info = &info, .bridge = &br},
		   &f);
	assert_non_null(get(&f, "5.30"));
	posture_findings_free(&f);
	/* an engine with no default bridge (--bridge=none): NetworkMode
	 * "default" and a "bridge" key prove nothing */
	judge_json(json, &(struct posture_engine){.info = &info}, &f);
	assert_null(get(&f, "5.30"));
	posture_findings_free(&f);
	/* a network called bridge that is not the default one */
	snprintf(json, sizeof(json), ON_BRIDGE, "other");
	judge_json(json, &(struct posture_engine){.info = &info, .bridge = &br},
		   &f);
	assert_null(get(&f, "5.30"));
	posture_findings_free(&f);
	/* a user-defined network */
	judge_json("{\"Id\":\"c1\",\"Name\":\"/app\"," RUNNING
		   ",\"NetworkSettings\":{\"Networks\":{\"web\":{}}}}",
		   &(struct posture_engine){.info = &info, .bridge = &br}, &f);
	assert_null(get(&f, "5.30"));
	posture_findings_free(&f);
	api_network_free(&br);
	api_info_free(&info);
}

static void test_update_alone(void **state)
{
	static const char *const alone[] = {
		"apt-get update",
		"apt-get -q update",
		"set -e; apt-get update",
		"DEBIAN_FRONTEND=noninteractive apt-get update",
		"sudo apt update",
		"apk update",
		"yum makecache",
		"dnf makecache --refresh",
		"zypper refresh",
		"apt-get update && echo done",
	};
	static const char *const fine[] = {
		"apt-get update && apt-get install -y curl",
		"apt-get update; apt-get -y upgrade",
		"apk add --update curl",
		"apk --update add curl",
		"apk update && apk add curl",
		"yum update -y",
		"dnf makecache && dnf install -y vim",
		"zypper ref && zypper in -y vim",
		"echo apt-get update",
		"echo update > /version",
		"update-alternatives --set x y",
		"",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(alone) / sizeof(alone[0]); i++)
		if (!posture_run_update_alone(alone[i]))
			fail_msg("not seen as an update alone: %s", alone[i]);
	for (i = 0; i < sizeof(fine) / sizeof(fine[0]); i++)
		if (posture_run_update_alone(fine[i]))
			fail_msg("seen as an update alone: %s", fine[i]);
	assert_int_equal(posture_run_update_alone(NULL), 0);
}

static void judge_top(const char *procs, struct posture_findings *f)
{
	struct api_container_inspect ci = {0};
	struct api_top top = {0};
	struct api_error err;
	char json[1024];

	snprintf(json, sizeof(json),
		 "{\"Titles\":[\"UID\",\"PID\",\"PPID\",\"CMD\"],"
		 "\"Processes\":[%s]}",
		 procs);
	assert_int_equal(
		api_container_top_parse(json, strlen(json), &top, &err),
		API_OK);
	assert_int_equal(
		api_container_inspect_parse(PLAIN, strlen(PLAIN), &ci, &err),
		API_OK);
	assert_int_equal(posture_judge(
				 &(struct posture_subject){
					 .scope = POSTURE_SCOPE_CONTAINER,
					 .engine = &(struct posture_engine){0},
					 .container = &ci,
					 .top = &top},
				 f),
			 API_OK);
	api_top_free(&top);
	api_container_inspect_free(&ci);
}

static void test_processes(void **state)
{
	static const struct {
		const char *cmd, *prog;
	} progs[] = {
		{"/usr/sbin/sshd -D", "sshd"},
		{"sshd: /usr/sbin/sshd -D [listener] 0 of 10-100", "sshd"},
		{"/bin/sh /usr/sbin/sshd", "sshd"},
		{"python3 /app/server.py --port 80", "server.py"},
		{"sh -c sleep 600", "sh"},
		{"/usr/bin/supervisord -n", "supervisord"},
		{"", ""},
	};
	struct posture_findings f = {0};
	char prog[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
		posture_cmd_program(progs[i].cmd, prog, sizeof(prog));
		assert_string_equal(prog, progs[i].prog);
	}
	posture_cmd_program(NULL, prog, sizeof(prog));
	assert_string_equal(prog, "");

	/* sshd among the processes: 5.7, its command line as evidence */
	judge_top("[\"root\",\"10\",\"1\",\"/usr/sbin/sshd -D\"]", &f);
	assert_non_null(strstr(get(&f, "5.7")->evidence, "/usr/sbin/sshd -D"));
	assert_null(get(&f, "berth.process.supervisor"));
	posture_findings_free(&f);
	/* a supervisor as the main process */
	judge_top("[\"root\",\"10\",\"1\",\"/usr/bin/supervisord -n\"],"
		  "[\"root\",\"11\",\"10\",\"nginx\"]",
		  &f);
	assert_non_null(get(&f, "berth.process.supervisor"));
	posture_findings_free(&f);
	/* three unrelated programs started by a shell */
	judge_top("[\"root\",\"10\",\"1\",\"sh -c a & b & c\"],"
		  "[\"root\",\"11\",\"10\",\"sleep 600\"],"
		  "[\"root\",\"12\",\"10\",\"tail -f /dev/null\"],"
		  "[\"root\",\"13\",\"10\",\"watch -n 60 true\"]",
		  &f);
	assert_non_null(strstr(get(&f, "berth.process.supervisor")->evidence,
			       "sleep, tail, watch"));
	posture_findings_free(&f);
	/* one program under --init, its workers of the same name: fine */
	judge_top("[\"root\",\"10\",\"1\",\"/sbin/docker-init -- nginx\"],"
		  "[\"root\",\"11\",\"10\",\"nginx: master\"],"
		  "[\"www\",\"12\",\"11\",\"nginx: worker\"]",
		  &f);
	assert_null(get(&f, "berth.process.supervisor"));
	assert_null(get(&f, "5.7"));
	posture_findings_free(&f);
	/* processes not read: neither rule judges */
	judge_json(PLAIN, &(struct posture_engine){0}, &f);
	assert_null(get(&f, "5.7"));
	assert_null(get(&f, "berth.process.supervisor"));
	posture_findings_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mac_if_applicable),
		cmocka_unit_test(test_health_at_runtime),
		cmocka_unit_test(test_default_bridge),
		cmocka_unit_test(test_update_alone),
		cmocka_unit_test(test_processes),
		cmocka_unit_test(test_sprawl),
		cmocka_unit_test(test_image_sprawl),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
