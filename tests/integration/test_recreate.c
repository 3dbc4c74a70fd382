/* Lossless recreate against the private engine, checked with docker
 * inspect (the CLI's view), never with berth's own parse. */
#include "tests/lib/testlib.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ops/recreate.h"

static struct api_client *client;
static char c1[128], c2[128], net1[128], net2[128], vol[128], img[128];
static char bind_dir[256];

/* The fields a recreate must change: ids, timestamps, paths holding the
 * id, the engine's generated hostname and network endpoints, and the
 * anonymous volume now mounted by name.  Anything else must be equal. */
static const char *const may_change[] = {
	"Id",
	"Created",
	"State",
	"ResolvConfPath",
	"HostnamePath",
	"HostsPath",
	"LogPath",
	"GraphDriver",
	"Config.Hostname",
	"HostConfig.Mounts",
	"NetworkSettings.SandboxID",
	"NetworkSettings.SandboxKey",
	"NetworkSettings.Networks.*.EndpointID",
	"NetworkSettings.Networks.*.MacAddress",
	"NetworkSettings.Networks.*.Aliases",
	NULL,
};

static int allowed(const char *path)
{
	int i;

	for (i = 0; may_change[i]; i++) {
		const char *p = may_change[i], *q = path;

		while (*p && *q) {
			if (*p == '*') {
				while (*q && *q != '.')
					q++;
				p++;
				continue;
			}
			if (*p != *q)
				break;
			p++;
			q++;
		}
		if (!*p && (!*q || *q == '.'))
			return 1;
	}
	return 0;
}

static void diff(const cJSON *a, const cJSON *b, const char *path, char *out,
		 size_t outlen)
{
	char sub[512];
	const cJSON *x;

	if (allowed(path))
		return;
	if (cJSON_IsObject(a) && cJSON_IsObject(b)) {
		cJSON_ArrayForEach (x, a) {
			snprintf(sub, sizeof(sub), "%s%s%s", path,
				 *path ? "." : "", x->string);
			diff(x, cJSON_GetObjectItemCaseSensitive(b, x->string),
			     sub, out, outlen);
		}
		cJSON_ArrayForEach (x, b)
			if (!cJSON_GetObjectItemCaseSensitive(a, x->string)) {
				snprintf(sub, sizeof(sub), "%s%s%s", path,
					 *path ? "." : "", x->string);
				diff(NULL, x, sub, out, outlen);
			}
		return;
	}
	if (!a || !b || !cJSON_Compare(a, b, 1)) {
		size_t n = strlen(out);
		snprintf(out + n, outlen - n, " %s", path);
	}
}

static cJSON *inspect(const char *name)
{
	int st;
	char *s = tl_sh(&st, "docker inspect --format '{{json .}}' %s", name);
	cJSON *j = st == 0 ? cJSON_Parse(s) : NULL;

	if (!j)
		fail_msg("docker inspect %s: %s", name, s);
	free(s);
	return j;
}

static void rm_all(void)
{
	free(tl_sh(NULL,
		   "docker rm -f %s %s $(docker ps -aq --filter name=berth-) "
		   ">/dev/null 2>&1; docker network rm %s %s >/dev/null 2>&1;"
		   "docker volume rm %s >/dev/null 2>&1; docker rmi %s "
		   ">/dev/null 2>&1; rm -rf %s",
		   c1, c2, net1, net2, vol, img, bind_dir));
}

static void sh_ok(const char *cmd)
{
	int st;
	char *out = tl_sh(&st, "%s 2>&1", cmd);

	if (st != 0)
		fail_msg("%s: %s", cmd, out);
	free(out);
}

static int setup(void **state)
{
	char cmd[2048];
	int sub = 16 + (int)(getpid() % 200);

	(void)state;
	snprintf(c1, sizeof(c1), "%s", tl_name("many"));
	snprintf(c2, sizeof(c2), "%s", tl_name("net"));
	snprintf(net1, sizeof(net1), "%s", tl_name("n1"));
	snprintf(net2, sizeof(net2), "%s", tl_name("n2"));
	snprintf(vol, sizeof(vol), "%s", tl_name("vol"));
	snprintf(img, sizeof(img), "local/berth-exits-%d", (int)getpid());
	snprintf(bind_dir, sizeof(bind_dir), "/tmp/%s", tl_name("bind"));
	rm_all();
	client = tl_client();
	snprintf(cmd, sizeof(cmd),
		 "mkdir -p %s && docker run -d --name %s --network none "
		 "-e A=1 -e 'B=two words' -l l1=v1 -l l2=v2 "
		 "--entrypoint /bin/sh -w /tmp --hostname keepme "
		 "--health-cmd true --health-interval 30s "
		 "--stop-signal SIGUSR1 --stop-timeout 1 "
		 "--restart on-failure:3 --cap-add SYS_PTRACE "
		 "--cap-drop NET_RAW --security-opt no-new-privileges "
		 "--memory 64m --cpus 0.5 --pids-limit 100 "
		 "--ulimit nofile=1024:2048 --device /dev/null:/dev/xnull "
		 "--tmpfs /run/t:size=1m -v %s:/bind:ro -v %s:/named "
		 "-v /anon --add-host foo:10.1.2.3 --dns 10.0.0.53 "
		 "--log-opt max-size=1m local/busybox:latest -c 'sleep 600'",
		 bind_dir, c1, bind_dir, vol);
	sh_ok(cmd);
	snprintf(cmd, sizeof(cmd),
		 "docker network create --internal --subnet 172.31.%d.0/24 "
		 "%s >/dev/null && docker network create --internal %s "
		 ">/dev/null && docker run -d --name %s --network %s "
		 "--network-alias db --ip 172.31.%d.10 --stop-timeout 1 "
		 "local/busybox:latest sleep 600 && docker network connect "
		 "--alias db2 %s %s",
		 sub, net1, net2, c2, net1, sub, net2, c2);
	sh_ok(cmd);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rm_all();
	api_client_free(client);
	return 0;
}

static void recreate_ok(const char *name, char *new_id, size_t len)
{
	struct recreate_opts o;
	struct api_error err;

	recreate_opts_init(&o);
	o.grace_ms = 1000;
	err.msg[0] = '\0';
	if (recreate_run(client, name, &o, NULL, new_id, len, &err) != API_OK)
		fail_msg("recreate %s: %s", name, err.msg);
}

/* Mounts come back in another order, and the anonymous volume, now
 * mounted by name, reports Mode "z": keyed by destination, that Mode
 * aside, they must be the same. */
static void normalize_mounts(cJSON *root)
{
	cJSON *mounts = cJSON_GetObjectItem(root, "Mounts"), *m, *sorted;

	if (!cJSON_IsArray(mounts))
		return;
	sorted = cJSON_CreateObject();
	while ((m = cJSON_DetachItemFromArray(mounts, 0))) {
		cJSON *name = cJSON_GetObjectItem(m, "Name");
		cJSON *dest = cJSON_GetObjectItem(m, "Destination");

		if (cJSON_IsString(name) && strlen(name->valuestring) == 64)
			cJSON_DeleteItemFromObject(m, "Mode");
		cJSON_AddItemToObject(
			sorted, cJSON_IsString(dest) ? dest->valuestring : "?",
			m);
	}
	cJSON_ReplaceItemInObject(root, "Mounts", sorted);
}

static void assert_same(cJSON *before, cJSON *after)
{
	char bad[4096] = "";

	normalize_mounts(before);
	normalize_mounts(after);
	diff(before, after, "", bad, sizeof(bad));
	cJSON_Delete(before);
	cJSON_Delete(after);
	if (*bad)
		fail_msg("fields changed by the recreate:%s", bad);
}

static void test_many_settings(void **state)
{
	cJSON *before, *after;
	char new_id[80], *s;

	(void)state;
	sh_ok("sleep 0.3");
	free(tl_sh(NULL, "docker exec %s sh -c 'echo kept > /anon/f'", c1));
	before = inspect(c1);
	recreate_ok(c1, new_id, sizeof(new_id));
	after = inspect(c1);
	assert_string_equal(cJSON_GetObjectItem(after, "Id")->valuestring,
			    new_id);
	assert_string_not_equal(cJSON_GetObjectItem(before, "Id")->valuestring,
				new_id);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(
		cJSON_GetObjectItem(after, "State"), "Running")));
	assert_same(before, after);
	s = tl_sh(NULL, "docker exec %s cat /anon/f", c1);
	assert_string_equal(s, "kept");
	free(s);
	s = tl_sh(NULL, "docker ps -aq --filter name=%s-berth | wc -l", c1);
	assert_string_equal(s, "0");
	free(s);
}

static void test_networks(void **state)
{
	cJSON *before, *after;
	char new_id[80], *s;

	(void)state;
	before = inspect(c2);
	recreate_ok(c2, new_id, sizeof(new_id));
	after = inspect(c2);
	assert_same(before, after);
	s = tl_sh(NULL,
		  "docker inspect --format '{{range $k, $v := "
		  ".NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} "
		  "{{join $v.Aliases \",\"}};{{end}}' %s",
		  c2);
	assert_non_null(strstr(s, "db"));
	assert_non_null(strstr(s, "db2"));
	assert_non_null(strstr(s, ".10 "));
	free(s);
}

/* The old container is back, running under its name, and no temporary
 * one is left.  Takes old_id. */
static void assert_old_back(char *old_id)
{
	char want[256], *s;

	s = tl_sh(NULL,
		  "docker inspect --format '{{.Id}} {{.State.Running}}' %s",
		  c2);
	snprintf(want, sizeof(want), "%s true", old_id);
	assert_string_equal(s, want);
	free(s);
	s = tl_sh(NULL, "docker ps -aq --filter name=%s-berth | wc -l", c2);
	assert_string_equal(s, "0");
	free(s);
	free(old_id);
}

/* Recreates c2 on an image whose main process is sh -c SCRIPT, with
 * grace_ms to stay up: it must fail, roll back, and leave the old one
 * as it was.  err says why it failed. */
static void fails_and_rolls_back(const char *script, int grace_ms,
				 struct api_error *err)
{
	struct recreate_opts o;
	char *old_id;
	char cmd[512];

	snprintf(cmd, sizeof(cmd),
		 "printf 'FROM local/busybox:latest\\nENTRYPOINT [\"sh\", "
		 "\"-c\", \"%s\"]\\n' | docker build -q -t %s - >/dev/null",
		 script, img);
	sh_ok(cmd);
	old_id = tl_sh(NULL, "docker inspect --format '{{.Id}}' %s", c2);
	recreate_opts_init(&o);
	o.image = img;
	o.grace_ms = grace_ms;
	assert_int_not_equal(recreate_run(client, c2, &o, NULL, NULL, 0, err),
			     API_OK);
	assert_non_null(strstr(err->msg, "rolled back"));
	assert_old_back(old_id);
}

static void test_rollback(void **state)
{
	struct api_error err;

	(void)state;
	fails_and_rolls_back("exit 3", 1500, &err);
}

/* Up when started, dead a second later: the engine's die event inside
 * the grace period is what rolls it back, with the exit code. */
static void test_dies_in_grace(void **state)
{
	struct api_error err;

	(void)state;
	fails_and_rolls_back("sleep 1; exit 4", 4000, &err);
	if (!strstr(err.msg, "did not stay up") ||
	    !strstr(err.msg, "exit code 4"))
		fail_msg("unexpected failure: %s", err.msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_settings),
		cmocka_unit_test(test_networks),
		cmocka_unit_test(test_rollback),
		cmocka_unit_test(test_dies_in_grace),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
