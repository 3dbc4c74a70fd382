/* posture/proc_top: ps's CMD of one process, the cgroup directory of a
 * /proc/PID/cgroup text, and a whole read over a made-up tree (cgroup
 * v2, v1's pids controller, a cgroup below the container's). */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "posture/proc_top.h"

#define ID "0a86fd78b6826de2814bb32da53f6825b8aaf9a7af401f0c53b1ba4bd6fed486"

static char root[64];

static void put(const char *rel, const char *text, size_t len)
{
	char path[512], *p;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}
#define PUTS(rel, s) put(rel, s, strlen(s))

static void proc(long pid, const char *comm, char state, const char *cmdline,
		 size_t len)
{
	char rel[128], stat[256];

	snprintf(rel, sizeof(rel), "proc/%ld/stat", pid);
	snprintf(stat, sizeof(stat), "%ld (%s) %c 1 1 1 0 -1\n", pid, comm,
		 state);
	PUTS(rel, stat);
	snprintf(rel, sizeof(rel), "proc/%ld/cmdline", pid);
	put(rel, cmdline, len);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/berth-ptop.XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(tl_sh(NULL, "rm -rf %s", root));
	return 0;
}

static void test_cmd(void **state)
{
	char out[64];

	(void)state;
	proc_top_cmd("sleep\0"
		     "600\0",
		     10, "sleep", 'S', out, sizeof(out));
	assert_string_equal(out, "sleep 600");
	proc_top_cmd("a\tb\0\x1b[2J\0", 10, "a", 'S', out, sizeof(out));
	assert_string_equal(out, "a?b ?[2J");
	proc_top_cmd("", 0, "sleep", 'Z', out, sizeof(out));
	assert_string_equal(out, "[sleep] <defunct>");
	proc_top_cmd("\0\0", 2, "kworker/0:1", 'I', out, sizeof(out));
	assert_string_equal(out, "[kworker/0:1]");
	proc_top_cmd("0123456789abcdef", 16, "x", 'S', out, 8);
	assert_string_equal(out, "0123456");
}

static void test_cgroup_dir(void **state)
{
	char dir[512], want[512];

	(void)state;
	PUTS("sys/fs/cgroup/pids/docker/" ID "/cgroup.procs", "");
	PUTS("sys/fs/cgroup/system.slice/docker-" ID ".scope/cgroup.procs", "");
	/* v1: the pids controller's line, whatever else the text holds */
	assert_int_equal(proc_top_cgroup_dir(root,
					     "9:name=systemd:/docker/" ID "\n"
					     "8:pids:/docker/" ID "\n",
					     ID, dir, sizeof(dir)),
			 0);
	snprintf(want, sizeof(want), "%s/sys/fs/cgroup/pids/docker/" ID, root);
	assert_string_equal(dir, want);
	/* v2 alone, systemd's driver */
	assert_int_equal(proc_top_cgroup_dir(
				 root, "0::/system.slice/docker-" ID ".scope",
				 ID, dir, sizeof(dir)),
			 0);
	/* another container's cgroup, a climb out, no directory, junk */
	assert_int_equal(proc_top_cgroup_dir(root, "8:pids:/docker/other", ID,
					     dir, sizeof(dir)),
			 -1);
	assert_int_equal(proc_top_cgroup_dir(root,
					     "8:pids:/docker/" ID "/../..", ID,
					     dir, sizeof(dir)),
			 -1);
	assert_int_equal(proc_top_cgroup_dir(root, "0::/docker/" ID, ID, dir,
					     sizeof(dir)),
			 -1);
	assert_int_equal(
		proc_top_cgroup_dir(root, "::\n:\n0:", ID, dir, sizeof(dir)),
		-1);
	assert_int_equal(proc_top_cgroup_dir(root, "8:pids:/docker/" ID, "0a",
					     dir, sizeof(dir)),
			 -1);
}

static void test_read(void **state)
{
	struct api_top t;

	(void)state;
	PUTS("proc/40/cgroup", "0::/system.slice/docker-" ID ".scope\n");
	/* out of pid order, one listed twice, one below, one gone */
	PUTS("sys/fs/cgroup/system.slice/docker-" ID ".scope/cgroup.procs",
	     "52\n40\n52\n");
	PUTS("sys/fs/cgroup/system.slice/docker-" ID ".scope/sub/cgroup.procs",
	     "45\n99\n");
	proc(40, "sh", 'S', "sh\0-c\0while :; do :; done\0", 26);
	proc(45, "my (odd) name", 'S', "", 0);
	proc(52, "sleep", 'Z', "", 0);
	assert_int_equal(proc_top_read(root, ID, 40, &t), 0);
	assert_int_equal(t.n, 3);
	assert_string_equal(t.titles.v[api_top_column(&t, "CMD")], "CMD");
	assert_string_equal(api_top_cell(&t, 0, 0), "40");
	assert_string_equal(api_top_cell(&t, 0, 1),
			    "sh -c while :; do :; done");
	assert_string_equal(api_top_cell(&t, 1, 1), "[my (odd) name]");
	assert_string_equal(api_top_cell(&t, 2, 1), "[sleep] <defunct>");
	api_top_free(&t);
	/* a pid the cgroup does not hold is not the container's */
	PUTS("proc/41/cgroup", "0::/system.slice/docker-" ID ".scope\n");
	assert_int_equal(proc_top_read(root, ID, 41, &t), -1);
	assert_int_equal(t.n, 0);
	assert_int_equal(proc_top_read(root, ID, 7, &t), -1);
	/* the container stopping: its cgroup is empty */
	PUTS("sys/fs/cgroup/system.slice/docker-" ID ".scope/cgroup.procs", "");
	PUTS("sys/fs/cgroup/system.slice/docker-" ID ".scope/sub/cgroup.procs",
	     "");
	assert_int_equal(proc_top_read(root, ID, 40, &t), -1);
	assert_int_equal(t.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cmd),
		cmocka_unit_test(test_cgroup_dir),
		cmocka_unit_test(test_read),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
