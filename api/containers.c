#include "api/containers.h"

#include <stdlib.h>
#include <string.h>

static char *dup_or_flag(struct json_map *m, const char *s)
{
	char *d = strdup(s);

	if (!d)
		m->nomem = 1;
	return d;
}

/* Ports outside 0..65535 are nonsense from the engine: show none. */
static unsigned port_num(const cJSON *obj, const char *key)
{
	int64_t v = jm_i64(obj, key);

	return v > 0 && v <= 65535 ? (unsigned)v : 0;
}

static struct api_port *ports_map(struct json_map *m, const cJSON *arr,
				  size_t *n)
{
	const cJSON *it;
	struct api_port *p;

	*n = 0;
	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0)
		return NULL;
	p = calloc((size_t)cJSON_GetArraySize(arr), sizeof(*p));
	if (!p) {
		m->nomem = 1;
		return NULL;
	}
	cJSON_ArrayForEach (it, arr) {
		if (!cJSON_IsObject(it))
			continue;
		p[*n].ip = jm_str(m, it, "IP");
		p[*n].private_port = port_num(it, "PrivatePort");
		p[*n].public_port = port_num(it, "PublicPort");
		p[*n].type = jm_str(m, it, "Type");
		(*n)++;
	}
	return p;
}

static void ports_free(struct api_port *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(p[i].ip);
		free(p[i].type);
	}
	free(p);
}

struct api_mount_point *api_mount_points_map(struct json_map *m,
					     const cJSON *arr, size_t *n)
{
	const cJSON *it;
	struct api_mount_point *mp;

	*n = 0;
	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0)
		return NULL;
	mp = calloc((size_t)cJSON_GetArraySize(arr), sizeof(*mp));
	if (!mp) {
		m->nomem = 1;
		return NULL;
	}
	cJSON_ArrayForEach (it, arr) {
		struct api_mount_point *d = &mp[*n];
		if (!cJSON_IsObject(it))
			continue;
		d->type = jm_str(m, it, "Type");
		d->name = jm_str(m, it, "Name");
		d->source = jm_str(m, it, "Source");
		d->destination = jm_str(m, it, "Destination");
		d->driver = jm_str(m, it, "Driver");
		d->mode = jm_str(m, it, "Mode");
		d->rw = jm_bool(it, "RW");
		d->propagation = jm_str(m, it, "Propagation");
		(*n)++;
	}
	return mp;
}

void api_mount_points_free(struct api_mount_point *mp, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(mp[i].type);
		free(mp[i].name);
		free(mp[i].source);
		free(mp[i].destination);
		free(mp[i].driver);
		free(mp[i].mode);
		free(mp[i].propagation);
	}
	free(mp);
}

/* Legacy links add names like "/app/db" next to the container's own
 * "/db": the primary name is the one without an inner '/'. */
static char *primary_name(struct json_map *m, const struct api_strv *names)
{
	const char *best = NULL;
	size_t i;

	for (i = 0; i < names->n; i++) {
		const char *s = names->v[i] + (names->v[i][0] == '/');
		if (!strchr(s, '/')) {
			best = s;
			break;
		}
	}
	if (!best && names->n)
		best = names->v[0] + (names->v[0][0] == '/');
	return best ? dup_or_flag(m, best) : NULL;
}

static void summary_map(struct json_map *m, const cJSON *o,
			struct api_container_summary *s)
{
	s->id = jm_str(m, o, "Id");
	s->names = jm_strv(m, o, "Names");
	s->name = primary_name(m, &s->names);
	s->image = jm_str(m, o, "Image");
	s->image_id = jm_str(m, o, "ImageID");
	s->command = jm_str(m, o, "Command");
	s->created = jm_i64(o, "Created");
	s->state = jm_str(m, o, "State");
	s->status = jm_str(m, o, "Status");
	s->ports = ports_map(m, jm_get(o, "Ports"), &s->n_ports);
	s->labels = jm_kv(m, o, "Labels");
	s->network_mode = jm_str(m, jm_get(o, "HostConfig"), "NetworkMode");
	s->networks = jm_keys(m, jm_get(o, "NetworkSettings"), "Networks");
	s->mounts = api_mount_points_map(m, jm_get(o, "Mounts"), &s->n_mounts);
}

void api_container_summary_free(struct api_container_summary *s)
{
	free(s->id);
	api_strv_free(&s->names);
	free(s->name);
	free(s->image);
	free(s->image_id);
	free(s->command);
	free(s->state);
	free(s->status);
	ports_free(s->ports, s->n_ports);
	api_kvlist_free(&s->labels);
	free(s->network_mode);
	api_strv_free(&s->networks);
	api_mount_points_free(s->mounts, s->n_mounts);
	memset(s, 0, sizeof(*s));
}

void api_container_list_free(struct api_container_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		api_container_summary_free(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

char *api_containers_list_path(const struct api_containers_list_opts *o)
{
	struct api_query q;

	api_query_init(&q, "/containers/json");
	if (o && o->all)
		api_query_bool(&q, "all", 1);
	if (o && o->limit > 0)
		api_query_int(&q, "limit", o->limit);
	if (o)
		api_query_filters(&q, o->filters, o->n_filters);
	return api_query_take(&q);
}

api_code api_containers_list_parse(const char *json, size_t len,
				   struct api_container_list *out,
				   struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *it;
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "container list", cJSON_Array, &root,
			   err);
	if (rc != API_OK)
		return rc;
	out->items = calloc((size_t)cJSON_GetArraySize(root) + 1,
			    sizeof(*out->items));
	if (!out->items)
		m.nomem = 1;
	cJSON_ArrayForEach (it, root) {
		if (m.nomem)
			break;
		if (!cJSON_IsString(jm_get(it, "Id")))
			continue;
		summary_map(&m, it, &out->items[out->n++]);
	}
	cJSON_Delete(root);
	if (m.nomem) {
		api_container_list_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_containers_list(struct api_client *c,
			     const struct api_containers_list_opts *o,
			     struct api_container_list *out,
			     struct api_error *err)
{
	char *body = NULL;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_containers_list_path(o), &body, &len,
			    err);
	if (rc == API_OK)
		rc = api_containers_list_parse(body, len, out, err);
	free(body);
	return rc;
}

static const struct {
	const char *name;
	const char *method;
	const char *suffix;
} actions[] = {
	[API_CONTAINER_START] = {"start", "POST", "/start"},
	[API_CONTAINER_STOP] = {"stop", "POST", "/stop"},
	[API_CONTAINER_RESTART] = {"restart", "POST", "/restart"},
	[API_CONTAINER_KILL] = {"kill", "POST", "/kill"},
	[API_CONTAINER_PAUSE] = {"pause", "POST", "/pause"},
	[API_CONTAINER_UNPAUSE] = {"unpause", "POST", "/unpause"},
	[API_CONTAINER_REMOVE] = {"remove", "DELETE", ""},
	[API_CONTAINER_RENAME] = {"rename", "POST", "/rename"},
};

static int action_ok(enum api_container_action a)
{
	return (unsigned)a < sizeof(actions) / sizeof(actions[0]);
}

const char *api_container_action_method(enum api_container_action a)
{
	return action_ok(a) ? actions[a].method : NULL;
}

const char *api_container_action_name(enum api_container_action a)
{
	return action_ok(a) ? actions[a].name : NULL;
}

char *api_container_action_path(enum api_container_action a, const char *id,
				const struct api_container_action_opts *o)
{
	static const struct api_container_action_opts defaults = {.timeout =
									  -1};
	struct api_query q;

	if (!action_ok(a) || !id || !*id)
		return NULL;
	if (!o)
		o = &defaults;
	if (a == API_CONTAINER_RENAME && (!o->new_name || !*o->new_name))
		return NULL;
	api_query_init(&q, "/containers/");
	api_query_seg(&q, id);
	api_query_raw(&q, actions[a].suffix);
	if ((a == API_CONTAINER_STOP || a == API_CONTAINER_RESTART) &&
	    o->timeout >= 0)
		api_query_int(&q, "t", o->timeout);
	if (a == API_CONTAINER_KILL && o->signal && *o->signal)
		api_query_str(&q, "signal", o->signal);
	if (a == API_CONTAINER_REMOVE) {
		if (o->force)
			api_query_bool(&q, "force", 1);
		if (o->volumes)
			api_query_bool(&q, "v", 1);
	}
	if (a == API_CONTAINER_RENAME)
		api_query_str(&q, "name", o->new_name);
	return api_query_take(&q);
}

api_code api_container_action_result(enum api_container_action a, api_code code,
				     long http_status, struct api_error *err)
{
	if (code == API_E_HTTP && http_status == 304 &&
	    (a == API_CONTAINER_START || a == API_CONTAINER_STOP ||
	     a == API_CONTAINER_RESTART)) {
		api_error_clear(err);
		return API_OK;
	}
	return code;
}

api_code api_container_action(struct api_client *c, enum api_container_action a,
			      const char *id,
			      const struct api_container_action_opts *o,
			      struct api_error *err)
{
	struct api_request_spec spec = {0};
	long status = 0;
	api_code rc;

	spec.path = api_container_action_path(a, id, o);
	if (!spec.path)
		return api_error_set(err, API_E_INVALID, 0,
				     "container %s: missing or bad argument",
				     action_ok(a) ? actions[a].name : "action");
	spec.method = actions[a].method;
	/* Stopping waits for the grace period, longer than the default. */
	if (a == API_CONTAINER_STOP || a == API_CONTAINER_RESTART)
		spec.timeout_ms = -1;
	rc = api_call(c, &spec, &status, NULL, NULL, err);
	free((char *)spec.path);
	return api_container_action_result(a, rc, status, err);
}

api_code api_container_start(struct api_client *c, const char *id,
			     struct api_error *err)
{
	return api_container_action(c, API_CONTAINER_START, id, NULL, err);
}

api_code api_container_stop(struct api_client *c, const char *id, int timeout,
			    struct api_error *err)
{
	struct api_container_action_opts o = {.timeout = timeout};

	return api_container_action(c, API_CONTAINER_STOP, id, &o, err);
}

api_code api_container_restart(struct api_client *c, const char *id,
			       int timeout, struct api_error *err)
{
	struct api_container_action_opts o = {.timeout = timeout};

	return api_container_action(c, API_CONTAINER_RESTART, id, &o, err);
}

api_code api_container_kill(struct api_client *c, const char *id,
			    const char *signal, struct api_error *err)
{
	struct api_container_action_opts o = {.timeout = -1, .signal = signal};

	return api_container_action(c, API_CONTAINER_KILL, id, &o, err);
}

api_code api_container_pause(struct api_client *c, const char *id,
			     struct api_error *err)
{
	return api_container_action(c, API_CONTAINER_PAUSE, id, NULL, err);
}

api_code api_container_unpause(struct api_client *c, const char *id,
			       struct api_error *err)
{
	return api_container_action(c, API_CONTAINER_UNPAUSE, id, NULL, err);
}

api_code api_container_remove(struct api_client *c, const char *id, int force,
			      int volumes, struct api_error *err)
{
	struct api_container_action_opts o = {
		.timeout = -1, .force = force, .volumes = volumes};

	return api_container_action(c, API_CONTAINER_REMOVE, id, &o, err);
}

api_code api_container_rename(struct api_client *c, const char *id,
			      const char *new_name, struct api_error *err)
{
	struct api_container_action_opts o = {.timeout = -1,
					      .new_name = new_name};

	return api_container_action(c, API_CONTAINER_RENAME, id, &o, err);
}
