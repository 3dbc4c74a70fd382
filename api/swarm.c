#include "api/swarm.h"

#include <stdlib.h>
#include <string.h>

/* ---- nodes ---- */

char *api_nodes_list_path(const struct api_filter *filters, size_t n_filters)
{
	struct api_query q;

	api_query_init(&q, "/nodes");
	api_query_filters(&q, filters, n_filters);
	return api_query_take(&q);
}

static void map_node(struct json_map *m, const cJSON *o, struct api_node *n)
{
	const cJSON *spec = jm_get(o, "Spec");
	const cJSON *status = jm_get(o, "Status");
	const cJSON *mgr = jm_get(o, "ManagerStatus");

	n->id = jm_str(m, o, "ID");
	n->hostname = jm_str(m, jm_get(o, "Description"), "Hostname");
	n->engine_version =
		jm_str(m, jm_path(o, "Description.Engine"), "EngineVersion");
	n->role = jm_str(m, spec, "Role");
	n->availability = jm_str(m, spec, "Availability");
	n->labels = jm_kv(m, spec, "Labels");
	n->state = jm_str(m, status, "State");
	n->addr = jm_str(m, status, "Addr");
	n->reachability = jm_str(m, mgr, "Reachability");
	n->leader = jm_bool(mgr, "Leader");
}

static void node_free(struct api_node *n)
{
	free(n->id);
	free(n->hostname);
	free(n->role);
	free(n->availability);
	free(n->state);
	free(n->addr);
	free(n->engine_version);
	free(n->reachability);
	api_kvlist_free(&n->labels);
	memset(n, 0, sizeof(*n));
}

void api_node_list_free(struct api_node_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		node_free(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

api_code api_nodes_list_parse(const char *json, size_t len,
			      struct api_node_list *out, struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *it;
	cJSON *root;
	size_t cap;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "node list", cJSON_Array, &root, err);
	if (rc != API_OK)
		return rc;
	out->items = jm_alloc_array(root, sizeof(*out->items), &cap, &m);
	cJSON_ArrayForEach (it, root) {
		if (m.nomem)
			break;
		if (cJSON_IsObject(it) && out->n < cap)
			map_node(&m, it, &out->items[out->n++]);
	}
	cJSON_Delete(root);
	if (m.nomem) {
		api_node_list_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_nodes_list(struct api_client *c, struct api_node_list *out,
			struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_nodes_list_path(NULL, 0), &body, &len,
			    err);
	if (rc == API_OK)
		rc = api_nodes_list_parse(body, len, out, err);
	free(body);
	return rc;
}

/* ---- tasks ---- */

char *api_tasks_list_path(const char *service)
{
	struct api_filter f = {"service", service};
	struct api_query q;

	api_query_init(&q, "/tasks");
	if (service && *service)
		api_query_filters(&q, &f, 1);
	return api_query_take(&q);
}

static void map_task(struct json_map *m, const cJSON *o, struct api_task *t)
{
	const cJSON *status = jm_get(o, "Status");
	const cJSON *cs = jm_get(status, "ContainerStatus");

	t->id = jm_str(m, o, "ID");
	t->service_id = jm_str(m, o, "ServiceID");
	t->node_id = jm_str(m, o, "NodeID");
	t->slot = jm_i64(o, "Slot");
	t->desired_state = jm_str(m, o, "DesiredState");
	t->created_at = jm_str(m, o, "CreatedAt");
	t->state = jm_str(m, status, "State");
	t->message = jm_str(m, status, "Message");
	t->error = jm_str(m, status, "Err");
	t->timestamp = jm_str(m, status, "Timestamp");
	t->container_id = jm_str(m, cs, "ContainerID");
	t->exit_code = jm_i64(cs, "ExitCode");
	t->image = jm_str(m, jm_path(o, "Spec.ContainerSpec"), "Image");
}

static void task_free(struct api_task *t)
{
	free(t->id);
	free(t->service_id);
	free(t->node_id);
	free(t->desired_state);
	free(t->state);
	free(t->message);
	free(t->error);
	free(t->timestamp);
	free(t->created_at);
	free(t->container_id);
	free(t->image);
	memset(t, 0, sizeof(*t));
}

void api_task_list_free(struct api_task_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		task_free(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

api_code api_tasks_list_parse(const char *json, size_t len,
			      struct api_task_list *out, struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *it;
	cJSON *root;
	size_t cap;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "task list", cJSON_Array, &root, err);
	if (rc != API_OK)
		return rc;
	out->items = jm_alloc_array(root, sizeof(*out->items), &cap, &m);
	cJSON_ArrayForEach (it, root) {
		if (m.nomem)
			break;
		if (cJSON_IsObject(it) && out->n < cap)
			map_task(&m, it, &out->items[out->n++]);
	}
	cJSON_Delete(root);
	if (m.nomem) {
		api_task_list_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_tasks_list(struct api_client *c, const char *service,
			struct api_task_list *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_tasks_list_path(service), &body, &len,
			    err);
	if (rc == API_OK)
		rc = api_tasks_list_parse(body, len, out, err);
	free(body);
	return rc;
}
