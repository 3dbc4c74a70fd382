/* Volume and network endpoints against the private engine, checked with
 * the docker CLI.  Networks are internal bridges only: nothing routed. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/networks.h"
#include "api/volumes.h"

static struct api_client *client;
static char vol[128], vol_busy[128], vol_prune[128], user[128];
static char net[128], net_prune[128], prune_label[160];

static int setup(void **state)
{
	(void)state;
	client = tl_client();
	snprintf(vol, sizeof(vol), "%s", tl_name("vol"));
	snprintf(vol_busy, sizeof(vol_busy), "%s", tl_name("volbusy"));
	snprintf(vol_prune, sizeof(vol_prune), "%s", tl_name("volprune"));
	snprintf(user, sizeof(user), "%s", tl_name("voluser"));
	snprintf(net, sizeof(net), "%s", tl_name("net"));
	snprintf(net_prune, sizeof(net_prune), "%s", tl_name("netprune"));
	snprintf(prune_label, sizeof(prune_label), "berth-test=%s",
		 tl_name("prune"));
	return 0;
}

/* Whatever a failed test left behind. */
static int teardown(void **state)
{
	(void)state;
	free(tl_sh(NULL, "docker rm -f %s >/dev/null 2>&1", user));
	free(tl_sh(NULL, "docker volume rm -f %s %s %s >/dev/null 2>&1", vol,
		   vol_busy, vol_prune));
	free(tl_sh(NULL, "docker network rm %s %s >/dev/null 2>&1", net,
		   net_prune));
	api_client_free(client);
	client = NULL;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts lines[0..n) and joins them with newlines (free it). */
static char *join_sorted(char **lines, size_t n)
{
	size_t i, total = 1;
	char *out;

	qsort(lines, n, sizeof(*lines), cmp_str);
	for (i = 0; i < n; i++)
		total += strlen(lines[i]) + 1;
	out = calloc(1, total);
	assert_non_null(out);
	for (i = 0; i < n; i++) {
		size_t len = strlen(out);
		snprintf(out + len, total - len, "%s%s", i ? "\n" : "",
			 lines[i]);
	}
	return out;
}

static const struct api_volume *find_volume(const struct api_volume_list *l,
					    const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i].name && strcmp(l->items[i].name, name) == 0)
			return &l->items[i];
	return NULL;
}

static void test_volume_created_by_cli(void **state)
{
	struct api_volume_list l;
	struct api_volume v;
	struct api_error err;
	const struct api_volume *got;
	char line[512], **names, *joined, *want;
	size_t i;
	int st;

	(void)state;
	free(tl_sh(&st,
		   "docker volume create --label team=berth --label "
		   "tier=test %s",
		   vol));
	assert_int_equal(st, 0);
	assert_int_equal(api_volumes_list(client, NULL, 0, &l, &err), API_OK);
	got = find_volume(&l, vol);
	assert_non_null(got);
	snprintf(line, sizeof(line), "%s team=%s tier=%s %s",
		 api_str(got->driver),
		 api_str(api_kv_get(&got->labels, "team")),
		 api_str(api_kv_get(&got->labels, "tier")),
		 api_str(got->mountpoint));
	want = tl_sh(NULL,
		     "docker volume inspect --format '{{.Driver}} "
		     "team={{.Labels.team}} tier={{.Labels.tier}} "
		     "{{.Mountpoint}}' %s",
		     vol);
	assert_string_equal(line, want);
	free(want);

	names = calloc(l.n ? l.n : 1, sizeof(*names));
	assert_non_null(names);
	for (i = 0; i < l.n; i++)
		names[i] = l.items[i].name;
	joined = join_sorted(names, l.n);
	want = tl_sh(NULL, "docker volume ls -q | LC_ALL=C sort");
	assert_string_equal(joined, want);
	free(want);
	free(joined);
	free(names);
	api_volume_list_free(&l);

	assert_int_equal(api_volume_inspect(client, vol, &v, &err), API_OK);
	assert_string_equal(v.name, vol);
	assert_string_equal(api_kv_get(&v.labels, "tier"), "test");
	api_volume_free(&v);
	assert_int_equal(api_volume_remove(client, vol, 0, &err), API_OK);
	free(tl_sh(&st, "docker volume inspect %s >/dev/null 2>&1", vol));
	assert_int_not_equal(st, 0);
}

static void test_volume_filter(void **state)
{
	struct api_volume_list l;
	struct api_error err;
	struct api_filter f = {"name", vol_busy};
	int st;

	(void)state;
	free(tl_sh(&st, "docker volume create %s", vol_busy));
	assert_int_equal(st, 0);
	assert_int_equal(api_volumes_list(client, &f, 1, &l, &err), API_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].name, vol_busy);
	api_volume_list_free(&l);
}

static void test_volume_remove_in_use(void **state)
{
	struct api_error err;
	char *out;
	int st;

	(void)state;
	free(tl_sh(&st,
		   "docker create --name %s --network none -v %s:/x "
		   "local/busybox:latest true",
		   user, vol_busy));
	assert_int_equal(st, 0);
	assert_int_equal(api_volume_remove(client, vol_busy, 0, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 409);
	assert_non_null(strstr(err.msg, "volume is in use"));
	out = tl_sh(&st, "docker volume rm %s 2>&1", vol_busy);
	assert_int_not_equal(st, 0);
	assert_non_null(strstr(out, err.msg));
	free(out);
	free(tl_sh(&st, "docker rm -f %s", user));
	assert_int_equal(api_volume_remove(client, vol_busy, 0, &err), API_OK);
	assert_int_equal(api_volume_remove(client, vol_busy, 0, &err),
			 API_E_HTTP);
	assert_int_equal(err.http_status, 404);
}

static void test_volume_prune(void **state)
{
	struct api_filter f[] = {{"label", prune_label}, {"all", "true"}};
	struct api_volume_prune p;
	struct api_error err;
	char *ls;
	size_t i, found = 0;
	int st;

	(void)state;
	free(tl_sh(&st, "docker volume create --label %s %s", prune_label,
		   vol_prune));
	assert_int_equal(st, 0);
	/* Before API 1.42 named volumes are pruned too, and the engine
	 * refuses the "all" filter as invalid. */
	if (api_version_cmp(api_client_version(client), "1.42") < 0)
		assert_int_equal(api_volumes_prune(client, f, 1, &p, &err),
				 API_OK);
	else
		assert_int_equal(api_volumes_prune(client, f, 2, &p, &err),
				 API_OK);
	for (i = 0; i < p.deleted.n; i++)
		found += strcmp(p.deleted.v[i], vol_prune) == 0;
	assert_int_equal(found, 1);
	api_volume_prune_free(&p);
	ls = tl_sh(NULL, "docker volume ls -q");
	assert_null(strstr(ls, vol_prune));
	free(ls);
}

static void test_networks_match_cli(void **state)
{
	struct api_network_list l;
	struct api_error err;
	char **lines, *got, *want;
	size_t i, n;

	(void)state;
	assert_int_equal(api_networks_list(client, NULL, 0, &l, &err), API_OK);
	assert_true(l.n >= 2);
	lines = calloc(l.n, sizeof(*lines));
	assert_non_null(lines);
	for (i = 0; i < l.n; i++) {
		const struct api_network *nw = &l.items[i];
		n = strlen(api_str(nw->id)) + strlen(api_str(nw->name)) +
		    strlen(api_str(nw->driver)) + strlen(api_str(nw->scope)) +
		    8;
		lines[i] = malloc(n);
		assert_non_null(lines[i]);
		snprintf(lines[i], n, "%s %s %s %s", api_str(nw->id),
			 api_str(nw->name), api_str(nw->driver),
			 api_str(nw->scope));
	}
	got = join_sorted(lines, l.n);
	want = tl_sh(NULL, "docker network ls --no-trunc --format '{{.ID}} "
			   "{{.Name}} {{.Driver}} {{.Scope}}' | LC_ALL=C sort");
	assert_string_equal(got, want);
	for (i = 0; i < l.n; i++)
		free(lines[i]);
	free(lines);
	free(got);
	free(want);
	api_network_list_free(&l);
}

static void test_network_internal_lifecycle(void **state)
{
	struct api_filter f = {"name", net};
	struct api_network_list l;
	struct api_network nw;
	struct api_error err;
	char *id, *out;
	int st;

	(void)state;
	id = tl_sh(&st,
		   "docker network create --internal --label team=berth "
		   "--subnet 10.214.0.0/24 %s",
		   net);
	assert_int_equal(st, 0);
	assert_int_equal(api_networks_list(client, &f, 1, &l, &err), API_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].id, id);
	assert_true(l.items[0].internal);
	assert_string_equal(l.items[0].driver, "bridge");
	assert_string_equal(api_kv_get(&l.items[0].labels, "team"), "berth");
	assert_int_equal(l.items[0].n_ipam_configs, 1);
	out = tl_sh(NULL,
		    "docker network inspect --format "
		    "'{{range .IPAM.Config}}{{.Subnet}}{{end}}' %s",
		    net);
	assert_string_equal(l.items[0].ipam_configs[0].subnet, out);
	free(out);
	api_network_list_free(&l);

	/* A running container on it shows up as an endpoint. */
	free(tl_sh(&st,
		   "docker run -d --name %s --network %s local/busybox:latest "
		   "sleep 60",
		   user, net));
	assert_int_equal(st, 0);
	assert_int_equal(api_network_inspect(client, net, &nw, &err), API_OK);
	assert_int_equal(nw.n_containers, 1);
	assert_string_equal(nw.containers[0].name, user);
	out = tl_sh(NULL,
		    "docker inspect --format "
		    "'{{.Id}} {{(index .NetworkSettings.Networks \"%s\")"
		    ".IPAddress}}' %s",
		    net, user);
	assert_non_null(strstr(out, nw.containers[0].container_id));
	assert_non_null(strstr(out, " 10.214.0."));
	assert_true(strncmp(nw.containers[0].ipv4, strchr(out, ' ') + 1,
			    strlen(strchr(out, ' ') + 1)) == 0);
	free(out);
	api_network_free(&nw);

	assert_int_equal(api_network_remove(client, net, &err), API_E_HTTP);
	assert_non_null(strstr(err.msg, "active endpoints"));
	free(tl_sh(&st, "docker rm -f %s", user));
	assert_int_equal(api_network_remove(client, id, &err), API_OK);
	out = tl_sh(NULL, "docker network ls -q --no-trunc");
	assert_null(strstr(out, id));
	free(out);
	free(id);
}

static void test_network_prune(void **state)
{
	struct api_filter f = {"label", prune_label};
	struct api_network_prune p;
	struct api_error err;
	char *out;
	size_t i, found = 0;
	int st;

	(void)state;
	free(tl_sh(&st, "docker network create --internal --label %s %s",
		   prune_label, net_prune));
	assert_int_equal(st, 0);
	assert_int_equal(api_networks_prune(client, &f, 1, &p, &err), API_OK);
	for (i = 0; i < p.deleted.n; i++)
		found += strcmp(p.deleted.v[i], net_prune) == 0;
	assert_int_equal(found, 1);
	assert_int_equal(p.deleted.n, 1);
	api_network_prune_free(&p);
	out = tl_sh(NULL, "docker network ls --format '{{.Name}}'");
	assert_null(strstr(out, net_prune));
	assert_non_null(strstr(out, "none"));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_volume_created_by_cli),
		cmocka_unit_test(test_volume_filter),
		cmocka_unit_test(test_volume_remove_in_use),
		cmocka_unit_test(test_volume_prune),
		cmocka_unit_test(test_networks_match_cli),
		cmocka_unit_test(test_network_internal_lifecycle),
		cmocka_unit_test(test_network_prune),
	};
	return cmocka_run_group_tests_name("integration_volumes_networks",
					   tests, setup, teardown);
}
