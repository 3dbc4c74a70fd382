#include "api/stats.h"

#include <stdlib.h>
#include <string.h>

#include "api/json.h"
#include "api/json_scan.h"
#include "api/jsonlines.h"
#include "api/query.h"

/*
 * A sample is read in one walk over its bytes (api/json_scan.h), not
 * through a cJSON tree: the console reads one a second for every visible
 * running row.  The names of the objects around a value are kept for the
 * few levels the fields sit in.
 */
#define PATH_LEVELS 4

struct stats_walk {
	struct api_stats *out;
	struct json_ev parent[PATH_LEVELS]; /* the container at each depth */
	int nomem;
	/* the io_service_bytes_recursive entry being read */
	char op;
	uint64_t op_value;
};

/* The container at depth d is an object or array called name. */
static int within(const struct stats_walk *w, unsigned d, const char *name)
{
	return d < PATH_LEVELS && json_key_is(&w->parent[d], name);
}

static void take_str(struct stats_walk *w, const struct json_ev *ev, char **dst)
{
	/* The first of duplicate keys counts, as cJSON's lookup finds it. */
	if (ev->tok != JSON_STRING || *dst)
		return;
	*dst = json_scan_strdup(ev);
	if (!*dst)
		w->nomem = 1;
}

static void take_u64(const struct json_ev *ev, const char *key, uint64_t *dst)
{
	if (ev->tok == JSON_NUMBER && json_key_is(ev, key))
		*dst = json_scan_u64(ev);
}

/* A value of memory_stats.stats; presence matters, not just the value. */
static void take_stat(const struct json_ev *ev, const char *key, int *has,
		      uint64_t *dst)
{
	if (ev->tok == JSON_NUMBER && json_key_is(ev, key)) {
		*has = 1;
		*dst = json_scan_u64(ev);
	}
}

static void walk_top(struct stats_walk *w, const struct json_ev *ev)
{
	struct api_stats *s = w->out;

	if (json_key_is(ev, "id"))
		take_str(w, ev, &s->id);
	else if (json_key_is(ev, "name"))
		take_str(w, ev, &s->name);
	else if (json_key_is(ev, "read"))
		take_str(w, ev, &s->read);
	else if (json_key_is(ev, "preread"))
		take_str(w, ev, &s->preread);
}

static void walk_pids(const struct json_ev *ev, struct api_stats *s)
{
	if (ev->depth != 2)
		return;
	take_u64(ev, "current", &s->pids_current);
	take_u64(ev, "limit", &s->pids_limit);
}

static void walk_cpu(const struct stats_walk *w, const struct json_ev *ev,
		     struct api_cpu_stats *cpu)
{
	if (ev->depth == 2) {
		take_u64(ev, "system_cpu_usage", &cpu->system_cpu_usage);
		take_u64(ev, "online_cpus", &cpu->online_cpus);
	} else if (ev->depth == 3 && within(w, 2, "cpu_usage")) {
		take_u64(ev, "total_usage", &cpu->total_usage);
	} else if (ev->depth == 4 && !ev->key && within(w, 3, "percpu_usage") &&
		   within(w, 2, "cpu_usage") && ev->tok != JSON_OBJ_END &&
		   ev->tok != JSON_ARR_END) {
		/* Every element counts, whatever its type, as
		 * cJSON_GetArraySize counts them. */
		cpu->percpu_count++;
	}
}

static void walk_mem(const struct stats_walk *w, const struct json_ev *ev,
		     struct api_mem_stats *mem)
{
	if (ev->depth == 2) {
		take_u64(ev, "usage", &mem->usage);
		take_u64(ev, "limit", &mem->limit);
		take_u64(ev, "max_usage", &mem->max_usage);
	} else if (ev->depth == 3 && within(w, 2, "stats")) {
		take_stat(ev, "cache", &mem->has_cache, &mem->cache);
		take_stat(ev, "total_inactive_file",
			  &mem->has_total_inactive_file,
			  &mem->total_inactive_file);
		take_stat(ev, "inactive_file", &mem->has_inactive_file,
			  &mem->inactive_file);
	}
}

/* Hostile sums must not wrap round to small numbers. */
static uint64_t add_sat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static void walk_networks(const struct json_ev *ev, struct api_stats *s)
{
	uint64_t v = 0;

	/* A keyed object at depth 2 is one network (networks is then an
	 * object, as only members have names). */
	if (ev->depth == 2 && ev->key && ev->tok == JSON_OBJ_BEGIN) {
		s->n_networks++;
	} else if (ev->depth == 3 && ev->tok == JSON_NUMBER) {
		take_u64(ev, "rx_bytes", &v);
		s->net_rx_bytes = add_sat(s->net_rx_bytes, v);
		v = 0;
		take_u64(ev, "tx_bytes", &v);
		s->net_tx_bytes = add_sat(s->net_tx_bytes, v);
	}
}

/* As the CLI: entries are told apart by the first letter of op only.  The
 * entries are array elements (no name) at depth 3. */
static void walk_blkio(struct stats_walk *w, const struct json_ev *ev)
{
	struct api_stats *s = w->out;

	if (ev->depth == 3 && !ev->key && ev->tok == JSON_OBJ_BEGIN) {
		w->op = 0;
		w->op_value = 0;
	} else if (ev->depth == 4 && ev->tok == JSON_STRING &&
		   json_key_is(ev, "op") && !w->op) {
		w->op = ev->len ? ev->text[0] : '?';
	} else if (ev->depth == 4) {
		take_u64(ev, "value", &w->op_value);
	} else if (ev->depth == 3 && !ev->key && ev->tok == JSON_OBJ_END) {
		if (w->op == 'r' || w->op == 'R')
			s->blk_read_bytes =
				add_sat(s->blk_read_bytes, w->op_value);
		else if (w->op == 'w' || w->op == 'W')
			s->blk_write_bytes =
				add_sat(s->blk_write_bytes, w->op_value);
	}
}

static int walk(const struct json_ev *ev, void *ud)
{
	struct stats_walk *w = ud;
	struct api_stats *s = w->out;

	if (ev->depth == 0 && ev->tok != JSON_OBJ_BEGIN &&
	    ev->tok != JSON_OBJ_END)
		return 1; /* not an object: refused below */
	if (ev->depth < PATH_LEVELS &&
	    (ev->tok == JSON_OBJ_BEGIN || ev->tok == JSON_ARR_BEGIN))
		w->parent[ev->depth] = *ev;
	if (ev->depth == 1)
		walk_top(w, ev);
	else if (ev->depth < 2)
		return 0;
	else if (within(w, 1, "pids_stats"))
		walk_pids(ev, s);
	else if (within(w, 1, "cpu_stats"))
		walk_cpu(w, ev, &s->cpu);
	else if (within(w, 1, "precpu_stats"))
		walk_cpu(w, ev, &s->precpu);
	else if (within(w, 1, "memory_stats"))
		walk_mem(w, ev, &s->mem);
	else if (within(w, 1, "networks"))
		walk_networks(ev, s);
	else if (within(w, 1, "blkio_stats") &&
		 within(w, 2, "io_service_bytes_recursive"))
		walk_blkio(w, ev);
	return w->nomem ? 2 : 0;
}

api_code api_stats_parse(const char *json, size_t len, struct api_stats *out,
			 struct api_error *err)
{
	struct stats_walk w;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&w, 0, sizeof(w));
	w.out = out;
	rc = json_scan(json, len, walk, &w);
	if (rc == 0)
		return API_OK;
	api_stats_free(out);
	if (rc == 2)
		return api_nomem(err);
	if (rc == 1)
		return api_error_set(err, API_E_PARSE, 0,
				     "container stats: not a JSON object");
	return api_error_set(err, API_E_PARSE, 0,
			     "container stats: the engine's answer is not "
			     "valid JSON");
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
	spec.lazy = 1;
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
