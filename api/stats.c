#include "api/stats.h"

#include <stdlib.h>
#include <string.h>

#include "api/json.h"
#include "api/jsonlines.h"
#include "api/query.h"

/* Hostile sums must not wrap round to small numbers. */
static uint64_t add_sat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static void map_cpu(const cJSON *o, struct api_cpu_stats *cpu)
{
	const cJSON *usage = jm_get(o, "cpu_usage");
	const cJSON *per = jm_get(usage, "percpu_usage");

	cpu->total_usage = jm_u64(usage, "total_usage");
	cpu->percpu_count =
		cJSON_IsArray(per) ? (size_t)cJSON_GetArraySize(per) : 0;
	cpu->system_cpu_usage = jm_u64(o, "system_cpu_usage");
	cpu->online_cpus = jm_u64(o, "online_cpus");
}

/* A value of memory_stats.stats; presence matters, not just the value. */
static int stat_value(const cJSON *stats, const char *key, uint64_t *v)
{
	const cJSON *it = jm_get(stats, key);

	if (!cJSON_IsNumber(it))
		return 0;
	*v = json_clamp_u64(it->valuedouble);
	return 1;
}

static void map_mem(const cJSON *o, struct api_mem_stats *mem)
{
	const cJSON *stats = jm_get(o, "stats");

	mem->usage = jm_u64(o, "usage");
	mem->limit = jm_u64(o, "limit");
	mem->max_usage = jm_u64(o, "max_usage");
	mem->has_cache = stat_value(stats, "cache", &mem->cache);
	mem->has_total_inactive_file = stat_value(stats, "total_inactive_file",
						  &mem->total_inactive_file);
	mem->has_inactive_file =
		stat_value(stats, "inactive_file", &mem->inactive_file);
}

static void map_networks(const cJSON *nets, struct api_stats *s)
{
	const cJSON *it;

	if (!cJSON_IsObject(nets))
		return;
	cJSON_ArrayForEach (it, nets) {
		if (!cJSON_IsObject(it))
			continue;
		s->n_networks++;
		s->net_rx_bytes =
			add_sat(s->net_rx_bytes, jm_u64(it, "rx_bytes"));
		s->net_tx_bytes =
			add_sat(s->net_tx_bytes, jm_u64(it, "tx_bytes"));
	}
}

/* As the CLI: entries are told apart by the first letter of op only. */
static void map_blkio(const cJSON *blkio, struct api_stats *s)
{
	const cJSON *arr = jm_get(blkio, "io_service_bytes_recursive"), *it;

	if (!cJSON_IsArray(arr))
		return;
	cJSON_ArrayForEach (it, arr) {
		const char *op = cJSON_GetStringValue(jm_get(it, "op"));
		uint64_t v = jm_u64(it, "value");

		if (!op)
			continue;
		if (op[0] == 'r' || op[0] == 'R')
			s->blk_read_bytes = add_sat(s->blk_read_bytes, v);
		else if (op[0] == 'w' || op[0] == 'W')
			s->blk_write_bytes = add_sat(s->blk_write_bytes, v);
	}
}

api_code api_stats_parse(const char *json, size_t len, struct api_stats *out,
			 struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root = NULL;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "container stats", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	out->id = jm_str(&m, root, "id");
	out->name = jm_str(&m, root, "name");
	out->read = jm_str(&m, root, "read");
	out->preread = jm_str(&m, root, "preread");
	out->pids_current = jm_u64(jm_get(root, "pids_stats"), "current");
	out->pids_limit = jm_u64(jm_get(root, "pids_stats"), "limit");
	map_cpu(jm_get(root, "cpu_stats"), &out->cpu);
	map_cpu(jm_get(root, "precpu_stats"), &out->precpu);
	map_mem(jm_get(root, "memory_stats"), &out->mem);
	map_networks(jm_get(root, "networks"), out);
	map_blkio(jm_get(root, "blkio_stats"), out);
	cJSON_Delete(root);
	if (m.nomem) {
		api_stats_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

void api_stats_free(struct api_stats *s)
{
	if (!s)
		return;
	free(s->id);
	free(s->name);
	free(s->read);
	free(s->preread);
	memset(s, 0, sizeof(*s));
}

/* calculateCPUPercentUnix, in the same float64 steps. */
double api_stats_cpu_percent(const struct api_stats *s)
{
	double cpu_delta =
		(double)s->cpu.total_usage - (double)s->precpu.total_usage;
	double sys_delta = (double)s->cpu.system_cpu_usage -
			   (double)s->precpu.system_cpu_usage;
	double online = (double)s->cpu.online_cpus;

	if (online == 0.0)
		online = (double)s->cpu.percpu_count;
	if (sys_delta > 0.0 && cpu_delta > 0.0)
		return (cpu_delta / sys_delta) * online * 100.0;
	return 0.0;
}

/* calculateMemUsageUnixNoCache: a missing inactive_file counts as 0,
 * like a missing key of a Go map. */
uint64_t api_stats_mem_usage(const struct api_stats *s)
{
	const struct api_mem_stats *m = &s->mem;
	uint64_t inactive = m->has_inactive_file ? m->inactive_file : 0;

	if (m->has_total_inactive_file && m->total_inactive_file < m->usage)
		return m->usage - m->total_inactive_file;
	if (inactive < m->usage)
		return m->usage - inactive;
	return m->usage;
}

double api_stats_mem_percent(const struct api_stats *s)
{
	if (s->mem.limit == 0)
		return 0.0;
	return (double)api_stats_mem_usage(s) / (double)s->mem.limit * 100.0;
}

char *api_stats_path(const char *id, int stream, int one_shot)
{
	struct api_query q;

	if (!id || !*id)
		return NULL;
	api_query_init(&q, "/containers/");
	api_query_seg(&q, id);
	api_query_raw(&q, "/stats");
	api_query_str(&q, "stream", stream ? "true" : "false");
	if (one_shot && !stream)
		api_query_str(&q, "one-shot", "true");
	return api_query_take(&q);
}

static api_code bad_path(const char *id, struct api_error *err)
{
	if (!id || !*id)
		return api_error_set(err, API_E_INVALID, 0,
				     "container stats: no container given");
	return api_nomem(err);
}

api_code api_stats(struct api_client *c, const char *id, int one_shot,
		   struct api_stats *out, struct api_error *err)
{
	char *path, *body = NULL;
	size_t body_len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (one_shot && api_version_cmp(api_client_version(c), "1.41") < 0)
		one_shot = 0;
	path = api_stats_path(id, 0, one_shot);
	if (!path)
		return bad_path(id, err);
	rc = api_fetch_take(c, NULL, path, &body, &body_len, err);
	if (rc == API_OK)
		rc = api_stats_parse(body, body_len, out, err);
	free(body);
	return rc;
}

struct api_stats_stream {
	struct jsonlines jl;
	struct api_request *req;
	api_stats_fn on_stats;
	api_stats_end_fn on_end;
	void *ud;
	size_t bad;
	int nomem;
};

/* A stats document is a few kB; anything this long is not one. */
#define STATS_LINE_MAX (1024u * 1024u)

static int stream_line(const char *line, size_t len, void *ud)
{
	struct api_stats_stream *s = ud;
	struct api_stats st;
	api_code rc = api_stats_parse(line, len, &st, NULL);
	int stop;

	if (rc == API_E_NOMEM) {
		s->nomem = 1;
		return 1;
	}
	if (rc != API_OK) {
		s->bad++;
		return 0;
	}
	stop = s->on_stats(&st, s->ud);
	api_stats_free(&st);
	return stop != 0;
}

static int stream_data(const char *data, size_t len, void *ud)
{
	struct api_stats_stream *s = ud;

	return jsonlines_feed(&s->jl, data, len) != 0;
}

static void stream_done(struct api_request *req, api_code code,
			const struct api_response *resp,
			const struct api_error *err, void *ud)
{
	struct api_stats_stream *s = ud;
	struct api_error e = *err;

	(void)req;
	if (code == API_OK && jsonlines_finish(&s->jl) != 0)
		code = api_error_set(&e, API_E_CANCELLED, resp->status,
				     "cancelled");
	if (s->nomem)
		code = api_error_set(&e, API_E_NOMEM, resp->status,
				     "out of memory");
	if (s->on_end)
		s->on_end(code, &e, s->ud);
	jsonlines_done(&s->jl);
	free(s);
}

api_code api_stats_start(struct api_client *c, const char *id,
			 api_stats_fn on_stats, api_stats_end_fn on_end,
			 void *ud, struct api_stats_stream **out,
			 struct api_error *err)
{
	struct api_request_spec spec;
	struct api_stats_stream *s;
	char *path;
	api_code rc;

	*out = NULL;
	if (!on_stats)
		return api_error_set(err, API_E_INVALID, 0,
				     "container stats: no stats callback");
	path = api_stats_path(id, 1, 0);
	if (!path)
		return bad_path(id, err);
	s = calloc(1, sizeof(*s));
	if (!s) {
		free(path);
		return api_nomem(err);
	}
	jsonlines_init(&s->jl, STATS_LINE_MAX, stream_line, s);
	s->on_stats = on_stats;
	s->on_end = on_end;
	s->ud = ud;
	memset(&spec, 0, sizeof(spec));
	spec.path = path;
	spec.on_data = stream_data;
	spec.on_done = stream_done;
	spec.ud = s;
	rc = api_request_start(c, &spec, &s->req, err);
	free(path);
	if (rc != API_OK) {
		jsonlines_done(&s->jl);
		free(s);
		return rc;
	}
	*out = s;
	return API_OK;
}

void api_stats_stop(struct api_stats_stream *s)
{
	if (!s)
		return;
	api_request_cancel(s->req);
	jsonlines_done(&s->jl);
	free(s);
}

size_t api_stats_stream_bad(const struct api_stats_stream *s)
{
	return s->bad + s->jl.dropped;
}
