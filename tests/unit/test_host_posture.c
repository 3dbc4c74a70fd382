/* The host rules on hand-built facts, and the pure parsers behind the
 * host facts collector (argv, daemon.json, mountinfo). */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "tests/lib/judge.h"
#include "posture/hostfacts_collect.h"
#include "posture/hostfacts_fs.h"
#include "posture/check_host.h"
#include "posture/hostfacts.h"
#include "posture/rules.h"

static char *xdup(const char *s)
{
	char *d = strdup(s);

	assert_non_null(d);
	return d;
}

/* The finding ids, in table order, joined with spaces. */
static void ids(const struct posture_findings *f, char *buf, size_t len)
{
	size_t i, k, n = 0;

	buf[0] = '\0';
	for (k = 0; k < posture_rules_n; k++)
		for (i = 0; i < f->n; i++)
			if (f->items[i].rule == &posture_rules[k])
				n += (size_t)snprintf(buf + n, len - n, "%s%s",
						      n ? " " : "",
						      posture_rules[k].id);
}

static const struct posture_finding *get(const struct posture_findings *f,
					 const char *id)
{
	const struct posture_finding *x = posture_findings_get(f, id, NULL);

	assert_non_null(x);
	assert_int_equal(x->scope, POSTURE_SCOPE_HOST);
	return x;
}

static void file(struct hostfacts *h, enum hostfacts_file_id id,
		 const char *path, unsigned uid, unsigned gid,
		 const char *group, unsigned mode)
{
	struct hostfacts_file *f = &h->files[id];

	free(f->path);
	f->path = xdup(path);
	f->state = HF_PRESENT;
	f->uid = uid;
	f->gid = gid;
	f->owner = xdup(uid ? "alice" : "root");
	f->group = xdup(group);
	f->mode = mode;
}

static void argv_set(struct hostfacts *h, const char *const *argv, size_t n)
{
	size_t i;

	h->argv = calloc(n + 1, sizeof(*h->argv));
	assert_non_null(h->argv);
	for (i = 0; i < n; i++)
		h->argv[i] = xdup(argv[i]);
	h->argc = n;
	h->cmdline_state = HF_PRESENT;
	assert_int_equal(hostfacts_parse_argv(&h->opts, h->argv, n), API_OK);
}

static void reset_argv(struct hostfacts *h)
{
	size_t i;

	for (i = 0; i < h->argc; i++)
		free(h->argv[i]);
	free(h->argv);
	h->argv = NULL;
	h->argc = 0;
	hostfacts_opts_free(&h->opts);
}

static const char audit_all[] =
	"-w /usr/sbin/dockerd -k docker\n"
	"-w /var/lib/docker -k docker\n-w /etc/docker -k docker\n"
	"-a exit,always -F path=/usr/bin/runc -k docker\n";

/* A host set up the way the benchmark wants. */
static void hardened(struct hostfacts *h)
{
	static const char *const argv[] = {
		"/usr/sbin/dockerd",
		"-H",
		"fd://",
		"--no-new-privileges",
		"--userland-proxy=false",
		"--authorization-plugin",
		"authz",
		"--default-ulimit",
		"nofile=1024:4096",
	};

	memset(h, 0, sizeof(*h));
	h->engine_host = xdup("unix:///run/docker.sock");
	h->is_root = 1;
	file(h, HF_F_SOCKET, "/run/docker.sock", 0, 106, "docker", 0660);
	file(h, HF_F_DOCKERD, "/usr/sbin/dockerd", 0, 0, "root", 0755);
	file(h, HF_F_DATA_ROOT, "/var/lib/docker", 0, 0, "root", 0710);
	file(h, HF_F_ETC_DOCKER, "/etc/docker", 0, 0, "root", 0755);
	file(h, HF_F_RUNC, "/usr/bin/runc", 0, 0, "root", 0755);
	h->files[HF_F_DAEMON_JSON].path = xdup("/etc/docker/daemon.json");
	h->files[HF_F_DAEMON_JSON].state = HF_ABSENT;
	h->json_state = HF_ABSENT;
	h->daemon_pid = 42;
	argv_set(h, argv, sizeof(argv) / sizeof(argv[0]));
	h->data_root = xdup("/var/lib/docker");
	h->mount_point = xdup("/var/lib/docker");
	h->mount_device = xdup("8:17");
	h->root_device = xdup("8:1");
	h->audit_state = HF_PRESENT;
	h->audit_rules = xdup(audit_all);
	h->engine_version = xdup("28.0.1");
	h->api_version = xdup("1.48");
}

static void check(const struct hostfacts *h, struct posture_findings *f,
		  const char *want)
{
	char got[2048];

	assert_int_equal(tl_check_host(h, f), API_OK);
	ids(f, got, sizeof(got));
	assert_string_equal(got, want);
}

static void test_hardened_clean(void **state)
{
	struct hostfacts h;
	struct posture_findings f = {0};

	(void)state;
	hardened(&h);
	check(&h, &f, "");
	posture_findings_free(&f);
	hostfacts_free(&h);
	hostfacts_free(&h); /* twice is safe */
}

static void test_remote(void **state)
{
	struct hostfacts h = {0};
	struct posture_findings f = {0};

	(void)state;
	h.engine_host = xdup("tcp://10.0.0.5:2376");
	h.remote = 1;
	check(&h, &f, "berth.host.remote");
	assert_int_equal(f.items[0].severity, POSTURE_SEV_INFO);
	assert_non_null(strstr(f.items[0].evidence, "tcp://10.0.0.5:2376"));
	posture_findings_free(&f);
	hostfacts_free(&h);
}

static void test_loose_socket(void **state)
{
	struct hostfacts h;
	struct posture_findings f = {0};
	const struct posture_finding *x;

	(void)state;
	hardened(&h);
	h.files[HF_F_SOCKET].mode = 0666;
	h.group_members = calloc(2, sizeof(char *));
	assert_non_null(h.group_members);
	h.group_members[0] = xdup("alice");
	h.group_members[1] = xdup("bob");
	h.n_group_members = 2;
	check(&h, &f, "1.1.2 3.16");
	x = get(&f, "3.16");
	assert_int_equal(x->severity, POSTURE_SEV_CRITICAL);
	assert_string_equal(
		x->evidence,
		"/run/docker.sock mode 0666, want 0660 or stricter");
	x = get(&f, "1.1.2");
	assert_int_equal(x->severity, POSTURE_SEV_MEDIUM);
	assert_non_null(strstr(x->evidence, "alice in group docker"));
	assert_non_null(strstr(x->evidence, "bob in group docker"));
	posture_findings_free(&f);
	/* world-readable only: high; owned by a user: 3.15 */
	h.files[HF_F_SOCKET].mode = 0664;
	h.files[HF_F_SOCKET].uid = 1000;
	check(&h, &f, "1.1.2 3.15 3.16");
	assert_int_equal(get(&f, "3.16")->severity, POSTURE_SEV_HIGH);
	assert_int_equal(get(&f, "3.15")->severity, POSTURE_SEV_HIGH);
	posture_findings_free(&f);
	hostfacts_free(&h);
}

static void test_files(void **state)
{
	struct hostfacts h;
	struct posture_findings f = {0};

	(void)state;
	hardened(&h);
	file(&h, HF_F_DAEMON_JSON, "/etc/docker/daemon.json", 1000, 0, "root",
	     0666);
	h.json_state = HF_PRESENT;
	file(&h, HF_F_TLS_KEY, "/etc/docker/key.pem", 0, 0, "root", 0640);
	file(&h, HF_F_DOCKER_SERVICE, "/lib/systemd/system/docker.service", 0,
	     50, "staff", 0644);
	file(&h, HF_F_CONTAINERD_SOCK, "/run/containerd/containerd.sock", 0, 0,
	     "root", 0660);
	h.certs = calloc(1, sizeof(*h.certs));
	assert_non_null(h.certs);
	h.n_certs = 1;
	h.certs[0].path = xdup("/etc/docker/certs.d/r:5000/ca.crt");
	h.certs[0].state = HF_PRESENT;
	h.certs[0].mode = 0644;
	/* present files need audit rules too */
	check(&h, &f, "1.1.7 1.1.8 1.1.11 3.1 3.8 3.14 3.17 3.18");
	assert_int_equal(get(&f, "3.18")->severity, POSTURE_SEV_HIGH);
	assert_int_equal(get(&f, "3.8")->severity, POSTURE_SEV_MEDIUM);
	assert_string_equal(get(&f, "3.1")->evidence,
			    "/lib/systemd/system/docker.service is root:staff "
			    "(uid 0, gid 50), want root:root");
	posture_findings_free(&f);
	hostfacts_free(&h);
}

static void test_denied(void **state)
{
	struct hostfacts h;
	struct posture_findings f = {0};
	struct hostfacts_file *j;

	(void)state;
	hardened(&h);
	h.is_root = 0;
	j = &h.files[HF_F_DAEMON_JSON];
	j->state = HF_DENIED;
	j->err = 13;
	h.json_state = HF_DENIED;
	h.audit_state = HF_DENIED;
	free(h.audit_rules);
	h.audit_rules = NULL;
	/* section 2 is not judged: berth.host.config says why */
	check(&h, &f, "berth.host.config berth.host.audit 3.17 3.18");
	assert_int_equal(get(&f, "3.17")->severity, POSTURE_SEV_INFO);
	assert_string_equal(get(&f, "3.18")->evidence,
			    "/etc/docker/daemon.json: could not check "
			    "(Permission denied)");
	assert_non_null(strstr(get(&f, "berth.host.config")->evidence,
			       "daemon.json: could not check"));
	posture_findings_free(&f);
	hostfacts_free(&h);
}

static void test_flags(void **state)
{
	static const char *const argv[] = {
		"dockerd",
		"-H",
		"unix:///run/docker.sock",
		"-H",
		"tcp://0.0.0.0:2375",
		"--log-level=debug",
		"--iptables=false",
		"--cgroup-parent",
		"/mine",
	};
	struct hostfacts h;
	struct posture_findings f = {0};
	const struct posture_finding *x;

	(void)state;
	hardened(&h);
	reset_argv(&h);
	argv_set(&h, argv, sizeof(argv) / sizeof(argv[0]));
	check(&h, &f,
	      "2.3 2.4 2.7 2.8 2.10 2.12 2.14 "
	      "2.16");
	x = get(&f, "2.7");
	assert_int_equal(x->severity, POSTURE_SEV_CRITICAL);
	assert_string_equal(x->evidence,
			    "-H tcp://0.0.0.0:2375 (command line) without TLS");
	assert_string_equal(get(&f, "2.3")->evidence,
			    "log-level=debug (command line)");
	assert_string_equal(get(&f, "2.16")->evidence,
			    "userland-proxy=(unset, true)");
	posture_findings_free(&f);
	/* the same TLS-less host from daemon.json, and --tlsverify cures it */
	hostfacts_opts_free(&h.opts);
	assert_int_equal(
		hostfacts_opt_add(&h.opts, "host", "tcp://:2375", HF_SRC_JSON),
		API_OK);
	check(&h, &f, "2.7 2.8 2.12 2.14 2.16");
	posture_findings_free(&f);
	assert_int_equal(
		hostfacts_opt_add(&h.opts, "tlsverify", "true", HF_SRC_ARGV),
		API_OK);
	check(&h, &f, "2.8 2.12 2.14 2.16");
	posture_findings_free(&f);
	hostfacts_free(&h);
}

static void test_audit(void **state)
{
	struct hostfacts h;
	struct posture_findings f = {0};

	(void)state;
	hardened(&h);
	free(h.audit_rules);
	/* commented out, and a longer path, do not count */
	h.audit_rules = xdup("#-w /usr/sbin/dockerd -k docker\n"
			     "-w /etc/docker/daemon.json -k docker\n"
			     "-w /var/lib/docker -k docker\n"
			     "-w /usr/bin/runc -k docker");
	check(&h, &f, "1.1.3 1.1.6");
	assert_string_equal(get(&f, "1.1.6")->evidence,
			    "no audit rule names /etc/docker");
	posture_findings_free(&f);
	/* no rules file at all: one info finding, no per-file ones */
	free(h.audit_rules);
	h.audit_rules = NULL;
	h.audit_state = HF_ABSENT;
	check(&h, &f, "berth.host.audit");
	assert_int_equal(f.items[0].severity, POSTURE_SEV_INFO);
	posture_findings_free(&f);
	hostfacts_free(&h);
}

static void test_partition_version(void **state)
{
	struct hostfacts h;
	struct posture_findings f = {0};
	int a = 0, b = 0;

	(void)state;
	hardened(&h);
	free(h.mount_device);
	h.mount_device = xdup("8:1"); /* dockerd's bind mount onto itself */
	free(h.engine_version);
	h.engine_version = xdup("20.10.24+dfsg1");
	check(&h, &f, "1.1.1 1.2.2");
	assert_string_equal(get(&f, "1.2.2")->evidence,
			    "Engine 20.10.24+dfsg1 (API 1.48, the 20.10 line "
			    "released 2020-12-08); newest known: 28.0 "
			    "(2025-02-19)");
	assert_int_equal(get(&f, "1.1.1")->severity, POSTURE_SEV_LOW);
	posture_findings_free(&f);
	free(h.mount_point);
	h.mount_point = xdup("/");
	free(h.engine_version);
	h.engine_version = xdup("v?garbage");
	check(&h, &f, "1.1.1");
	assert_string_equal(f.items[0].evidence,
			    "DockerRootDir=/var/lib/docker is on the root "
			    "filesystem");
	posture_findings_free(&f);
	hostfacts_free(&h);
	assert_int_equal(posture_version_split("27.3.1", &a, &b), 0);
	assert_int_equal(a * 100 + b, 2703);
	assert_int_equal(posture_version_split("99999999999.1", &a, &b), -1);
	assert_int_equal(posture_version_split("27", &a, &b), -1);
	assert_int_equal(posture_version_split(NULL, &a, &b), -1);
	assert_string_equal(posture_engine_release_find("26.1.4")->date,
			    "2024-04-22");
	assert_null(posture_engine_release_find("22.06.0"));
}

static void test_parse_argv(void **state)
{
	char *argv[] = {"dockerd",
			"-H",
			"unix:///s",
			"-Htcp://h:1",
			"--live-restore",
			"--icc=false",
			"-D",
			"--log-level",
			"warn",
			"stray",
			"-g",
			"/data",
			"--graph=/old",
			"-",
			"--",
			"--x=",
			NULL};
	struct hostfacts h = {0};

	(void)state;
	assert_int_equal(hostfacts_parse_argv(&h.opts, argv, 16), API_OK);
	assert_string_equal(h.opts.items[0].key, "host");
	assert_string_equal(h.opts.items[0].value, "unix:///s");
	assert_string_equal(h.opts.items[1].value, "tcp://h:1");
	assert_true(hostfacts_opt_bool(&h, "live-restore", 0));
	assert_false(hostfacts_opt_bool(&h, "icc", 1));
	assert_true(hostfacts_opt_bool(&h, "debug", 0));
	assert_string_equal(hostfacts_opt_get(&h, "log-level"), "warn");
	/* --graph is the old name of --data-root; the last one wins */
	assert_string_equal(hostfacts_opt_get(&h, "data-root"), "/old");
	assert_string_equal(hostfacts_opt_get(&h, "x"), "");
	assert_null(hostfacts_opt_get(&h, "stray"));
	assert_int_equal(h.opts.n, 9);
	assert_int_equal(hostfacts_opt_bool(&h, "log-level", 7), 7);
	hostfacts_free(&h);
}

static void test_parse_json(void **state)
{
	static const char j[] =
		"{\"icc\": true, \"live-restore\": false, \"log-level\": "
		"\"debug\", \"hosts\": [\"unix:///s\", 5, null, "
		"\"tcp://0.0.0.0:2375\"], \"insecure-registries\": "
		"[\"r:5000\"], \"default-ulimits\": {\"nofile\": {\"Name\": "
		"\"nofile\", \"Hard\": 1e300}}, \"max-concurrent-downloads\": "
		"1e300, \"userns-remap\": null, \"\xff\xfe\": \"\xc3\"}";
	struct hostfacts h = {0};
	struct api_error err;
	size_t i, hosts = 0;

	(void)state;
	assert_int_equal(
		hostfacts_parse_daemon_json(&h.opts, j, strlen(j), &err),
		API_OK);
	assert_true(hostfacts_opt_bool(&h, "icc", 0));
	assert_false(hostfacts_opt_bool(&h, "live-restore", 1));
	assert_string_equal(hostfacts_opt_get(&h, "log-level"), "debug");
	for (i = 0; i < h.opts.n; i++)
		if (strcmp(h.opts.items[i].key, "host") == 0) {
			hosts++;
			assert_int_equal(h.opts.items[i].src, HF_SRC_JSON);
		}
	assert_int_equal(hosts, 2);
	assert_string_equal(hostfacts_opt_get(&h, "host"),
			    "tcp://0.0.0.0:2375");
	assert_string_equal(hostfacts_opt_get(&h, "insecure-registry"),
			    "r:5000");
	assert_string_equal(hostfacts_opt_get(&h, "default-ulimit"), "nofile");
	assert_string_equal(hostfacts_opt_get(&h, "max-concurrent-downloads"),
			    "1.0000000000000001e+300");
	assert_null(hostfacts_opt_get(&h, "userns-remap"));
	hostfacts_free(&h);
	assert_int_equal(hostfacts_parse_daemon_json(&h.opts, "[1]", 3, &err),
			 API_E_PARSE);
	assert_int_equal(
		hostfacts_parse_daemon_json(&h.opts, "{\"icc\":", 7, &err),
		API_E_PARSE);
	assert_int_equal(hostfacts_parse_daemon_json(&h.opts, "", 0, &err),
			 API_E_PARSE);
	assert_int_equal(h.opts.n, 0);
	hostfacts_free(&h);
}

static void test_mount_of(void **state)
{
	static const char mi[] =
		"27 1 254:0 / / rw - ext4 /dev/vda rw\n"
		"40 27 0:40 / /tmp rw - tmpfs tmpfs rw\n"
		"41 27 8:17 / /var/lib rw - xfs /dev/sdb1 rw\n"
		"42 41 8:17 /docker /var/lib/docker\\040x rw - xfs /dev/sdb1 "
		"rw\n"
		"garbage line\n";
	char *p = NULL, *t = NULL, *d = NULL;

	(void)state;
	assert_int_equal(hostfacts_mount_of(mi, "/var/lib/docker", &p, &t, &d),
			 0);
	assert_string_equal(p, "/var/lib");
	assert_string_equal(t, "xfs");
	assert_string_equal(d, "8:17");
	free(p);
	free(t);
	free(d);
	assert_int_equal(
		hostfacts_mount_of(mi, "/var/lib/docker x/v", &p, &t, &d), 0);
	assert_string_equal(p, "/var/lib/docker x");
	free(p);
	free(t);
	free(d);
	assert_int_equal(hostfacts_mount_of(mi, "/tmpfoo/x", &p, &t, &d), 0);
	assert_string_equal(p, "/");
	assert_string_equal(d, "254:0");
	free(p);
	free(t);
	free(d);
	assert_int_equal(hostfacts_mount_of("", "/x", &p, &t, &d), -1);
	assert_null(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hardened_clean),
		cmocka_unit_test(test_remote),
		cmocka_unit_test(test_loose_socket),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_denied),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_audit),
		cmocka_unit_test(test_partition_version),
		cmocka_unit_test(test_parse_argv),
		cmocka_unit_test(test_parse_json),
		cmocka_unit_test(test_mount_of),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
