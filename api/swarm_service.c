#include "api/swarm_service.h"

#include <stdlib.h>
#include <string.h>

static api_code no_id(struct api_error *err)
{
	return api_error_set(err, API_E_INVALID, 0, "no service given");
}

static char *id_path(const char *id, const char *tail)
{
	struct api_query q;

	if (!id || !*id)
		return NULL;
	api_query_init(&q, "/services/");
	api_query_seg(&q, id);
	if (tail)
		api_query_raw(&q, tail);
	return api_query_take(&q);
}

static const char *mode_name(const cJSON *mode)
{
	static const char *const names[][2] = {
		{"Replicated", "replicated"},
		{"Global", "global"},
		{"ReplicatedJob", "replicated-job"},
		{"GlobalJob", "global-job"},
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (cJSON_IsObject(jm_get(mode, names[i][0])))
			return names[i][1];
	return NULL;
}

static void map_ports(struct json_map *m, const cJSON *arr,
		      struct api_service *s)
{
	const cJSON *it;
	size_t cap;

	if (!cJSON_IsArray(arr))
		return;
	s->ports = jm_alloc_array(arr, sizeof(*s->ports), &cap, m);
	cJSON_ArrayForEach (it, arr) {
		struct api_service_port *p;
		if (m->nomem || !cJSON_IsObject(it) || s->n_ports >= cap)
			continue;
		p = &s->ports[s->n_ports++];
		p->protocol = jm_str(m, it, "Protocol");
		p->target = jm_i64(it, "TargetPort");
		p->published = jm_i64(it, "PublishedPort");
		p->publish_mode = jm_str(m, it, "PublishMode");
	}
}

static void map_mounts(struct json_map *m, const cJSON *arr,
		       struct api_service *s)
{
	const cJSON *it;
	size_t cap;

	if (!cJSON_IsArray(arr))
		return;
	s->mounts = jm_alloc_array(arr, sizeof(*s->mounts), &cap, m);
	cJSON_ArrayForEach (it, arr) {
		struct api_service_mount *x;
		if (m->nomem || !cJSON_IsObject(it) || s->n_mounts >= cap)
			continue;
		x = &s->mounts[s->n_mounts++];
		x->type = jm_str(m, it, "Type");
		x->source = jm_str(m, it, "Source");
		x->target = jm_str(m, it, "Target");
		x->read_only = jm_bool(it, "ReadOnly");
	}
}

static void map_task_template(struct json_map *m, const cJSON *tt,
			      struct api_service *s)
{
	const cJSON *cs = jm_get(tt, "ContainerSpec");
	const cJSON *priv = jm_get(cs, "Privileges");
	const cJSON *lim = jm_path(tt, "Resources.Limits");

	s->image = jm_str(m, cs, "Image");
	s->user = jm_str(m, cs, "User");
	s->cap_add = jm_strv(m, cs, "CapabilityAdd");
	map_mounts(m, jm_get(cs, "Mounts"), s);
	s->seccomp_mode = jm_str(m, jm_get(priv, "Seccomp"), "Mode");
	s->apparmor_mode = jm_str(m, jm_get(priv, "AppArmor"), "Mode");
	s->no_new_privileges = jm_bool(priv, "NoNewPrivileges");
	s->read_only_rootfs = jm_bool(cs, "ReadOnly");
	s->limit_nano_cpus = jm_i64(lim, "NanoCPUs");
	s->limit_memory = jm_i64(lim, "MemoryBytes");
	s->limit_pids = jm_i64(lim, "Pids");
	s->force_update = jm_i64(tt, "ForceUpdate");
}

static void map_service(struct json_map *m, const cJSON *o,
			struct api_service *s)
{
	const cJSON *spec = jm_get(o, "Spec");
	const cJSON *mode = jm_get(spec, "Mode");
	const cJSON *st = jm_get(o, "ServiceStatus");
	char *text;

	s->id = jm_str(m, o, "ID");
	s->version = jm_u64(jm_get(o, "Version"), "Index");
	s->created_at = jm_str(m, o, "CreatedAt");
	s->updated_at = jm_str(m, o, "UpdatedAt");
	s->name = jm_str(m, spec, "Name");
	s->labels = jm_kv(m, spec, "Labels");
	if (mode_name(mode)) {
		s->mode = strdup(mode_name(mode));
		if (!s->mode)
			m->nomem = 1;
	}
	s->replicas = jm_i64_or(jm_get(mode, "Replicated"), "Replicas", -1);
	if (!cJSON_IsObject(jm_get(mode, "Replicated")))
		s->replicas = -1;
	else if (s->replicas < 0)
		s->replicas = 1; /* the engine's default when unset */
	s->running_tasks = jm_i64_or(st, "RunningTasks", -1);
	s->desired_tasks = jm_i64_or(st, "DesiredTasks", -1);
	map_ports(m, jm_path(o, "Endpoint.Ports"), s);
	s->update_state = jm_str(m, jm_get(o, "UpdateStatus"), "State");
	s->update_message = jm_str(m, jm_get(o, "UpdateStatus"), "Message");
	map_task_template(m, jm_get(spec, "TaskTemplate"), s);
	if (cJSON_IsObject(spec)) {
		text = cJSON_PrintUnformatted(spec);
		if (!text)
			m->nomem = 1;
		s->spec_json = text;
	}
}

void api_service_free(struct api_service *s)
{
	size_t i;

	free(s->id);
	free(s->created_at);
	free(s->updated_at);
	free(s->name);
	free(s->image);
	free(s->mode);
	for (i = 0; i < s->n_ports; i++) {
		free(s->ports[i].protocol);
		free(s->ports[i].publish_mode);
	}
	free(s->ports);
	free(s->update_state);
	free(s->update_message);
	api_kvlist_free(&s->labels);
	free(s->user);
	api_strv_free(&s->cap_add);
	for (i = 0; i < s->n_mounts; i++) {
		free(s->mounts[i].type);
		free(s->mounts[i].source);
		free(s->mounts[i].target);
	}
	free(s->mounts);
	free(s->seccomp_mode);
	free(s->apparmor_mode);
	if (s->spec_json)
		cJSON_free(s->spec_json);
	memset(s, 0, sizeof(*s));
}

void api_service_list_free(struct api_service_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		api_service_free(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

/* ---- list and inspect ---- */

char *api_services_list_path(int status)
{
	struct api_query q;

	api_query_init(&q, "/services");
	if (status)
		api_query_bool(&q, "status", 1);
	return api_query_take(&q);
}

api_code api_services_list_parse(const char *json, size_t len,
				 struct api_service_list *out,
				 struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *it;
	cJSON *root;
	size_t cap;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "service list", cJSON_Array, &root, err);
	if (rc != API_OK)
		return rc;
	out->items = jm_alloc_array(root, sizeof(*out->items), &cap, &m);
	cJSON_ArrayForEach (it, root) {
		if (m.nomem)
			break;
		if (cJSON_IsObject(it) && out->n < cap)
			map_service(&m, it, &out->items[out->n++]);
	}
	cJSON_Delete(root);
	if (m.nomem) {
		api_service_list_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_services_list(struct api_client *c, struct api_service_list *out,
			   struct api_error *err)
{
	int status = api_version_cmp(api_client_version(c), "1.41") >= 0;
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_services_list_path(status), &body,
			    &len, err);
	if (rc == API_OK)
		rc = api_services_list_parse(body, len, out, err);
	free(body);
	return rc;
}

char *api_service_inspect_path(const char *id)
{
	return id_path(id, NULL);
}

api_code api_service_inspect_parse(const char *json, size_t len,
				   struct api_service *out,
				   struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "service inspect", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	map_service(&m, root, out);
	cJSON_Delete(root);
	if (m.nomem) {
		api_service_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_service_inspect(struct api_client *c, const char *id,
			     struct api_service *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!id || !*id)
		return no_id(err);
	rc = api_fetch_take(c, NULL, api_service_inspect_path(id), &body, &len,
			    err);
	if (rc == API_OK)
		rc = api_service_inspect_parse(body, len, out, err);
	free(body);
	return rc;
}

/* ---- remove and logs ---- */

char *api_service_remove_path(const char *id)
{
	return id_path(id, NULL);
}

api_code api_service_remove(struct api_client *c, const char *id,
			    struct api_error *err)
{
	if (!id || !*id)
		return no_id(err);
	return api_fetch_take(c, "DELETE", api_service_remove_path(id), NULL,
			      NULL, err);
}

char *api_service_logs_path(const char *id, const struct api_logs_opts *opts)
{
	static const struct api_logs_opts defaults = API_LOGS_OPTS_INIT;
	struct api_query q;
	int out, errs;

	if (!id || !*id)
		return NULL;
	if (!opts)
		opts = &defaults;
	out = opts->want_stdout;
	errs = opts->want_stderr;
	if (!out && !errs)
		out = errs = 1;
	api_query_init(&q, "/services/");
	api_query_seg(&q, id);
	api_query_raw(&q, "/logs");
	api_query_bool(&q, "stdout", out);
	api_query_bool(&q, "stderr", errs);
	if (opts->follow)
		api_query_bool(&q, "follow", 1);
	if (opts->since > 0)
		api_query_int(&q, "since", (long long)opts->since);
	if (opts->tail >= 0)
		api_query_int(&q, "tail", (long long)opts->tail);
	else
		api_query_str(&q, "tail", "all");
	if (opts->timestamps)
		api_query_bool(&q, "timestamps", 1);
	return api_query_take(&q);
}
