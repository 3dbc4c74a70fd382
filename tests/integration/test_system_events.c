/* System endpoints and events against the private engine, checked
 * against what the docker CLI reports for the same engine. */
#include "tests/lib/testlib.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/events.h"
#include "api/system.h"

static struct api_client *client;

static int setup(void **state)
{
	(void)state;
	client = tl_client();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(tl_sh(NULL, "docker rm -f %s %s %s %s %s %s >/dev/null 2>&1",
		   tl_name("df"), tl_name("ev"), tl_name("win"),
		   tl_name("info"), tl_name("slow"), tl_name("other")));
	free(tl_sh(NULL, "docker volume rm -f %s >/dev/null 2>&1",
		   tl_name("dfvol")));
	api_client_free(client);
	client = NULL;
	return 0;
}

static void test_ping(void **state)
{
	struct api_error err;

	(void)state;
	assert_int_equal(api_ping(client, &err), API_OK);
}

static void test_version(void **state)
{
	struct api_version v;
	struct api_error err;
	char mine[256];
	char *cli;

	(void)state;
	assert_int_equal(api_version(client, &v, &err), API_OK);
	snprintf(mine, sizeof(mine), "%s %s", api_str(v.api_version),
		 api_str(v.version));
	cli = tl_sh(NULL, "docker version --format "
			  "'{{.Server.APIVersion}} {{.Server.Version}}'");
	assert_string_equal(mine, cli);
	assert_true(v.n_components > 0);
	free(cli);
	api_version_free(&v);
}

/* Other tests may change the engine between the two looks: retry. */
static void test_info(void **state)
{
	struct api_info i;
	struct api_error err;
	char mine[256];
	char *cli = NULL;
	int tries;

	(void)state;
	free(tl_sh(NULL,
		   "docker create --network none --name %s "
		   "local/busybox:latest true",
		   tl_name("info")));
	for (tries = 0; tries < 3; tries++) {
		free(cli);
		assert_int_equal(api_info(client, &i, &err), API_OK);
		snprintf(mine, sizeof(mine), "%lld %lld %lld %lld %lld %s %s",
			 (long long)i.containers, (long long)i.running,
			 (long long)i.paused, (long long)i.stopped,
			 (long long)i.images, api_str(i.server_version),
			 api_str(i.driver));
		api_info_free(&i);
		cli = tl_sh(NULL,
			    "docker info --format '{{.Containers}} "
			    "{{.ContainersRunning}} {{.ContainersPaused}} "
			    "{{.ContainersStopped}} {{.Images}} "
			    "{{.ServerVersion}} {{.Driver}}'");
		if (strcmp(mine, cli) == 0)
			break;
	}
	assert_string_equal(mine, cli);
	assert_true(strtol(cli, NULL, 10) >= 1);
	free(cli);
}

/* "1.982MB" as units.HumanSize prints it, back to bytes. */
static double human_bytes(const char *s)
{
	static const char *units[] = {"B",  "kB", "MB", "GB", "TB",
				      "PB", "EB", "ZB", "YB"};
	char *end;
	double v = strtod(s, &end);
	size_t k;

	for (k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
		size_t n = strlen(units[k]);
		if (strncmp(end, units[k], n) == 0 &&
		    (end[n] == '\0' || end[n] == ' '))
			return v * pow(1000.0, (double)k);
	}
	fail_msg("not a human size: %s", s);
	return 0;
}

/* The CLI keeps 4 significant digits. */
static int near(int64_t mine, double cli)
{
	return fabs((double)mine - cli) <= (double)mine * 0.0006 + 1.0;
}

static int df_row_matches(const struct api_df_row *r, const char *line)
{
	char type[64], size[64], recl[64], pct[16] = "";
	long long total, active;

	if (sscanf(line, "%63[^|]|%lld|%lld|%63[^|]|%63[^ (]%*[ (]%15[0-9]",
		   type, &total, &active, size, recl, pct) < 5)
		fail_msg("cannot read df line: %s", line);
	if (total != r->total || active != r->active)
		return 0;
	if (!near(r->size, human_bytes(size)) ||
	    !near(r->reclaimable, human_bytes(recl)))
		return 0;
	return pct[0] ? strtol(pct, NULL, 10) == r->pct : r->pct <= 0;
}

static int df_matches(void)
{
	struct api_df d;
	struct api_error err;
	const struct api_df_row *rows[4];
	char *cli, *line, *save = NULL;
	int i = 0, ok = 1;

	assert_int_equal(api_df(client, &d, &err), API_OK);
	rows[0] = &d.images;
	rows[1] = &d.containers;
	rows[2] = &d.volumes;
	rows[3] = &d.build_cache;
	cli = tl_sh(NULL, "docker system df --format '{{.Type}}|"
			  "{{.TotalCount}}|{{.Active}}|{{.Size}}|"
			  "{{.Reclaimable}}'");
	for (line = strtok_r(cli, "\n", &save); line && i < 4;
	     line = strtok_r(NULL, "\n", &save))
		ok &= df_row_matches(rows[i++], line);
	assert_int_equal(i, 4);
	free(cli);
	return ok;
}

static void test_df(void **state)
{
	int tries;

	(void)state;
	free(tl_sh(NULL,
		   "docker run -d --network none --name %s -v %s:/data "
		   "local/busybox:latest sh -c 'echo hi >/data/x; "
		   "head -c 5000 /dev/zero >/f; sleep 300'",
		   tl_name("df"), tl_name("dfvol")));
	for (tries = 0; tries < 3; tries++)
		if (df_matches())
			return;
	fail_msg("berth's df differs from docker system df");
}

struct watch {
	char actions[16][32];
	int exit_codes[16];
	int n;
	int saw_stop;
	int ended;
	struct api_events_stream *stream;
	const char *name;
};

static void watch_event(const struct api_event *ev, void *ud)
{
	struct watch *w = ud;

	if (!ev->name || strcmp(ev->name, w->name) != 0)
		fail_msg("event for another container: %s", api_str(ev->name));
	if (w->n < 16) {
		snprintf(w->actions[w->n], sizeof(w->actions[0]), "%s",
			 ev->action_base);
		w->exit_codes[w->n] = ev->exit_code;
		w->n++;
	}
	if (strcmp(ev->action_base, "stop") == 0) {
		w->saw_stop = 1;
		/* stopping from inside the callback must be safe */
		api_events_stop(w->stream);
	}
}

static void watch_end(api_code code, const struct api_error *err, void *ud)
{
	struct watch *w = ud;

	(void)code;
	(void)err;
	w->ended = 1;
}

static int find(const struct watch *w, const char *action, int from)
{
	int i;

	for (i = from; i < w->n; i++)
		if (strcmp(w->actions[i], action) == 0)
			return i;
	return -1;
}

static void test_events_stream(void **state)
{
	static struct watch w;
	const char *name = tl_name("ev");
	struct api_filter f[] = {{"type", "container"}, {"container", name}};
	struct api_events_opts o = {.filters = f, .n_filters = 2};
	struct api_error err;
	time_t deadline;
	int start, die, stop;

	(void)state;
	memset(&w, 0, sizeof(w));
	w.name = name;
	free(tl_sh(NULL,
		   "docker create --network none --name %s "
		   "local/busybox:latest sh -c "
		   "'trap \"exit 7\" TERM; while :; do sleep 0.1; done'",
		   name));
	/* since: events the stream connects too late for are replayed */
	o.since = (int64_t)time(NULL) - 1;
	assert_int_equal(api_events_start(client, &o, watch_event, watch_end,
					  &w, &w.stream, &err),
			 API_OK);
	free(tl_sh(NULL, "docker start %s >/dev/null", name));
	free(tl_sh(NULL, "docker stop -t 10 %s >/dev/null", name));
	deadline = time(NULL) + 20;
	while (!w.saw_stop && !w.ended && time(NULL) < deadline) {
		api_client_process(client);
		if (!w.saw_stop)
			api_client_wait(client, NULL, 0, 200);
	}
	if (!w.saw_stop)
		api_events_stop(w.stream);
	assert_true(w.saw_stop);
	assert_false(w.ended);
	start = find(&w, "start", 0);
	die = find(&w, "die", start + 1);
	stop = find(&w, "stop", die + 1);
	assert_true(start >= 0);
	assert_true(die > start);
	assert_true(stop > die);
	assert_int_equal(w.exit_codes[die], 7);
	assert_int_equal(w.exit_codes[start], -1);
	/* the cancelled stream is gone; nothing more arrives */
	api_client_process(client);
	assert_int_equal(api_client_running(client), 0);
}

static void test_events_window(void **state)
{
	const char *name = tl_name("win");
	struct api_filter f[] = {{"container", name}};
	struct api_events_opts o = {.filters = f, .n_filters = 1};
	struct api_event_list l;
	struct api_error err;
	char mine[512] = "", *cli;
	size_t i;

	(void)state;
	o.since = (int64_t)time(NULL) - 1;
	free(tl_sh(NULL,
		   "docker create --network none --name %s "
		   "local/busybox:latest true >/dev/null && "
		   "docker rm %s >/dev/null",
		   name, name));
	o.until = (int64_t)time(NULL) + 1;
	assert_int_equal(api_events_collect(client, &o, 0, &l, &err), API_OK);
	assert_int_equal(l.bad_lines, 0);
	assert_false(l.truncated);
	for (i = 0; i < l.n; i++) {
		size_t n = strlen(mine);
		snprintf(mine + n, sizeof(mine) - n, "%s%s", i ? "," : "",
			 l.items[i].action);
	}
	cli = tl_sh(NULL,
		    "docker events --since %lld --until %lld --filter "
		    "container=%s --format '{{.Action}}' | paste -sd, -",
		    (long long)o.since, (long long)o.until, name);
	assert_string_equal(mine, cli);
	assert_non_null(strstr(mine, "create"));
	assert_non_null(strstr(mine, "destroy"));
	free(cli);
	api_event_list_free(&l);
	api_event_list_free(&l);
}

static void test_events_errors(void **state)
{
	struct api_events_opts o = {0};
	struct api_event_list l;
	struct api_error err;

	(void)state;
	assert_int_equal(api_events_collect(client, &o, 0, &l, &err),
			 API_E_INVALID);
	/* the engine refuses a window that ends before it starts */
	o.since = 2000;
	o.until = 1000;
	assert_int_equal(api_events_collect(client, &o, 0, &l, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 400);
	assert_non_null(strstr(err.msg, "cannot be after"));
	assert_int_equal(l.n, 0);
	assert_null(l.items);
}

/* Cancelling one request and starting another from inside a stream's
 * callback (what the container store does on a destroy event): curl
 * will not let go of a handle then, and freeing it anyway once made the
 * next request receive the cancelled one's answer.  The new request runs
 * on a second client sharing the multi, as each engine's does. */
struct cancel_case {
	struct api_client *other;
	struct api_request *slow, *next;
	struct api_events_stream *stream;
	int slow_done, next_done, swapped;
	char next_id[80];
};

static void slow_done(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	(void)req;
	(void)code;
	(void)resp;
	(void)err;
	((struct cancel_case *)ud)->slow_done = 1;
}

static void next_done(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct cancel_case *k = ud;
	const char *id =
		code == API_OK ? strstr(resp->body, "\"Id\":\"") : NULL;

	(void)req;
	(void)err;
	k->next_done = 1;
	if (id)
		snprintf(k->next_id, sizeof(k->next_id), "%.64s", id + 6);
}

static void cancel_event(const struct api_event *ev, void *ud)
{
	struct cancel_case *k = ud;
	struct api_request_spec spec = {.on_done = next_done, .ud = k};
	char path[128];

	if (k->swapped || strcmp(api_str(ev->action_base), "create") != 0)
		return;
	k->swapped = 1;
	api_request_cancel(k->slow);
	snprintf(path, sizeof(path), "/containers/%s/json", ev->actor_id);
	spec.path = path;
	assert_int_equal(api_request_start(k->other, &spec, &k->next, NULL),
			 API_OK);
	api_events_stop(k->stream);
}

static void test_cancel_in_callback(void **state)
{
	static struct cancel_case k;
	const char *slow = tl_name("slow"), *other = tl_name("other");
	struct api_filter f[] = {{"type", "container"}, {"container", other}};
	struct api_events_opts o = {.filters = f, .n_filters = 2};
	struct api_client_opts co = {0};
	struct api_request_spec spec = {.on_done = slow_done, .ud = &k};
	struct api_error err;
	char path[160], *want;
	time_t deadline;
	int i;

	(void)state;
	/* the transport got this wrong by hanging inside curl: bound it */
	alarm(90);
	memset(&k, 0, sizeof(k));
	co.host = getenv("DOCKER_HOST");
	co.multi = api_client_multi(client);
	assert_int_equal(api_client_new(&co, &k.other, &err), API_OK);
	free(tl_sh(
		NULL,
		"docker run -d --network none --name %s local/busybox:latest "
		"sleep 600 >/dev/null",
		slow));
	want = tl_sh(NULL,
		     "docker create --network none --name %s "
		     "local/busybox:latest true",
		     other);
	/* Several rounds: the cancelled one is in flight on some of them. */
	for (i = 0; i < 3; i++) {
		memset(&k.slow, 0,
		       sizeof(k) - offsetof(struct cancel_case, slow));
		snprintf(path, sizeof(path),
			 "/containers/%s/stats?stream=false", slow);
		spec.path = path;
		assert_int_equal(
			api_request_start(client, &spec, &k.slow, &err),
			API_OK);
		o.since = (int64_t)time(NULL) - 30;
		assert_int_equal(api_events_start(client, &o, cancel_event,
						  NULL, &k, &k.stream, &err),
				 API_OK);
		deadline = time(NULL) + 15;
		while (!k.next_done && time(NULL) < deadline) {
			api_client_process(client);
			if (!k.next_done)
				api_client_wait(client, NULL, 0, 200);
		}
		assert_true(k.swapped);
		assert_true(k.next_done);
		assert_false(
			k.slow_done); /* a cancelled request is never told */
		assert_string_equal(k.next_id, want);
	}
	api_client_process(client);
	assert_int_equal(api_client_running(client), 0);
	assert_int_equal(api_client_running(k.other), 0);
	api_client_free(k.other);
	free(want);
	alarm(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ping),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_info),
		cmocka_unit_test(test_df),
		cmocka_unit_test(test_events_stream),
		cmocka_unit_test(test_events_window),
		cmocka_unit_test(test_events_errors),
		cmocka_unit_test(test_cancel_in_callback),
	};
	return cmocka_run_group_tests_name("system_events", tests, setup,
					   teardown);
}
