/* A container's processes read from /proc (posture/proc_top.h) against
 * the engine's own GET /containers/{id}/top, row for row: the PID and
 * CMD columns the posture rules read, for a container with children, a
 * dead child, an exec'd process, long and odd arguments; and no answer at
 * all where the cgroup is not the container's. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/container_top.h"
#include "posture/proc_top.h"

static struct api_client *client;
static char name[4][160];

static const char *const cmds[] = {
	/* two children, then the shell replaced by a third */
	"sh -c 'sleep 601 & sleep 602 & exec sleep 603'",
	/* the child exits and is never reaped: a zombie under sleep,
	 * which the cgroup may no longer list (as /top then does not) */
	"sh -c 'sleep 0.1 & exec sleep 604'",
	/* long arguments, and a tab inside one */
	"sh -c 'sleep 605; : " /* 40 x 10 characters */
	"aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffff"
	"gggggggggghhhhhhhhhhiiiiiiiiiijjjjjjjjjjkkkkkkkkkkllllllllll"
	"mmmmmmmmmmnnnnnnnnnnoooooooooopppppppppp\tqqq'",
	"sleep 606",
};

static int setup(void **state)
{
	int st, i;
	char *out;

	(void)state;
	for (i = 0; i < 4; i++) {
		snprintf(name[i], sizeof(name[i]), "%s-%d", tl_name("ptop"), i);
		out = tl_sh(&st,
			    "docker run -d --network none --name %s "
			    "local/busybox:latest %s 2>&1",
			    name[i], cmds[i]);
		free(out);
		if (st != 0)
			return -1;
	}
	out = tl_sh(&st, "docker exec -d %s sleep 607 2>&1", name[3]);
	free(out);
	if (st != 0)
		return -1;
	/* the zombie is made, the exec'd process is in */
	free(tl_sh(NULL, "sleep 1"));
	client = tl_client();
	return client ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(tl_sh(NULL, "docker rm -f %s %s %s %s >/dev/null 2>&1", name[0],
		   name[1], name[2], name[3]));
	api_client_free(client);
	return 0;
}

/* The PID and CMD columns, a line each, in the table's order. */
static char *columns(const struct api_top *t)
{
	int p = api_top_column(t, "PID"), c = api_top_column(t, "CMD");
	size_t i, len = 1, off = 0;
	char *s;

	assert_true(p >= 0 && c >= 0);
	for (i = 0; i < t->n; i++)
		len += strlen(api_top_cell(t, i, p)) +
		       strlen(api_top_cell(t, i, c)) + 2;
	s = malloc(len);
	assert_non_null(s);
	s[0] = '\0';
	for (i = 0; i < t->n; i++)
		off += (size_t)snprintf(s + off, len - off, "%s %s\n",
					api_top_cell(t, i, p),
					api_top_cell(t, i, c));
	return s;
}

static void test_same_as_engine(void **state)
{
	struct api_container_inspect ci;
	struct api_top mine, theirs;
	struct api_error err;
	char *a, *b;
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		memset(&ci, 0, sizeof(ci));
		assert_int_equal(
			api_container_inspect(client, name[i], &ci, &err),
			API_OK);
		assert_int_equal(proc_top_read("", ci.id, ci.state.pid, &mine),
				 0);
		assert_int_equal(
			api_container_top(client, ci.id, NULL, &theirs, &err),
			API_OK);
		a = columns(&mine);
		b = columns(&theirs);
		if (strcmp(a, b) != 0)
			fail_msg("%s\n/proc:\n%s/top:\n%s", cmds[i], a, b);
		/* what each case is there for */
		assert_true(mine.n >= (i == 0 ? 3u : i == 3 ? 2u : 1u));
		free(a);
		free(b);
		api_top_free(&mine);
		api_top_free(&theirs);
		api_container_inspect_free(&ci);
	}
}

/* Another container's id, a pid that is not the container's, no pid:
 * no answer, so the caller asks the engine. */
static void test_not_this_container(void **state)
{
	struct api_container_inspect a, b;
	struct api_top t;
	struct api_error err;

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	assert_int_equal(api_container_inspect(client, name[0], &a, &err),
			 API_OK);
	assert_int_equal(api_container_inspect(client, name[3], &b, &err),
			 API_OK);
	assert_int_equal(proc_top_read("", b.id, a.state.pid, &t), -1);
	assert_int_equal(t.n, 0);
	assert_int_equal(proc_top_read("", a.id, 1, &t), -1);
	assert_int_equal(proc_top_read("", a.id, 0, &t), -1);
	assert_int_equal(proc_top_read("/nonexistent", a.id, a.state.pid, &t),
			 -1);
	api_container_inspect_free(&a);
	api_container_inspect_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_engine),
		cmocka_unit_test(test_not_this_container),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
