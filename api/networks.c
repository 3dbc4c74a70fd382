#include "api/networks.h"

#include <stdlib.h>
#include <string.h>

static api_code no_id(struct api_error *err)
{
	return api_error_set(err, API_E_INVALID, 0, "no network given");
}

static char *filter_path(const char *base, const struct api_filter *filters,
			 size_t n_filters)
{
	struct api_query q;

	api_query_init(&q, base);
	api_query_filters(&q, filters, n_filters);
	return api_query_take(&q);
}

static void map_ipam(struct json_map *m, const cJSON *ipam,
		     struct api_network *n)
{
	const cJSON *arr = jm_get(ipam, "Config"), *it;
	size_t cap;

	n->ipam_driver = jm_str(m, ipam, "Driver");
	if (!cJSON_IsArray(arr))
		return;
	cap = (size_t)cJSON_GetArraySize(arr);
	n->ipam_configs = calloc(cap ? cap : 1, sizeof(*n->ipam_configs));
	if (!n->ipam_configs) {
		m->nomem = 1;
		return;
	}
	cJSON_ArrayForEach (it, arr) {
		struct api_network_ipam_config *ic;
		if (!cJSON_IsObject(it))
			continue;
		ic = &n->ipam_configs[n->n_ipam_configs++];
		ic->subnet = jm_str(m, it, "Subnet");
		ic->gateway = jm_str(m, it, "Gateway");
		ic->ip_range = jm_str(m, it, "IPRange");
	}
}

static void map_containers(struct json_map *m, const cJSON *obj,
			   struct api_network *n)
{
	const cJSON *it;
	size_t cap;

	if (!cJSON_IsObject(obj))
		return;
	cap = (size_t)cJSON_GetArraySize(obj);
	n->containers = calloc(cap ? cap : 1, sizeof(*n->containers));
	if (!n->containers) {
		m->nomem = 1;
		return;
	}
	cJSON_ArrayForEach (it, obj) {
		struct api_network_endpoint *e;
		if (!cJSON_IsObject(it) || !it->string)
			continue;
		e = &n->containers[n->n_containers++];
		e->container_id = strdup(it->string);
		if (!e->container_id)
			m->nomem = 1;
		e->name = jm_str(m, it, "Name");
		e->ipv4 = jm_str(m, it, "IPv4Address");
		e->ipv6 = jm_str(m, it, "IPv6Address");
		e->mac = jm_str(m, it, "MacAddress");
		e->endpoint_id = jm_str(m, it, "EndpointID");
	}
}

static void map_network(struct json_map *m, const cJSON *o,
			struct api_network *n)
{
	n->name = jm_str(m, o, "Name");
	n->id = jm_str(m, o, "Id");
	n->driver = jm_str(m, o, "Driver");
	n->scope = jm_str(m, o, "Scope");
	n->created = jm_str(m, o, "Created");
	n->internal = jm_bool(o, "Internal");
	n->attachable = jm_bool(o, "Attachable");
	n->ingress = jm_bool(o, "Ingress");
	n->enable_ipv6 = jm_bool(o, "EnableIPv6");
	map_ipam(m, jm_get(o, "IPAM"), n);
	n->options = jm_kv(m, o, "Options");
	n->labels = jm_kv(m, o, "Labels");
	map_containers(m, jm_get(o, "Containers"), n);
}

void api_network_free(struct api_network *n)
{
	size_t i;

	free(n->name);
	free(n->id);
	free(n->driver);
	free(n->scope);
	free(n->created);
	free(n->ipam_driver);
	for (i = 0; i < n->n_ipam_configs; i++) {
		free(n->ipam_configs[i].subnet);
		free(n->ipam_configs[i].gateway);
		free(n->ipam_configs[i].ip_range);
	}
	free(n->ipam_configs);
	api_kvlist_free(&n->options);
	api_kvlist_free(&n->labels);
	for (i = 0; i < n->n_containers; i++) {
		struct api_network_endpoint *e = &n->containers[i];
		free(e->container_id);
		free(e->name);
		free(e->ipv4);
		free(e->ipv6);
		free(e->mac);
		free(e->endpoint_id);
	}
	free(n->containers);
	memset(n, 0, sizeof(*n));
}

/* ---- list ---- */

char *api_networks_list_path(const struct api_filter *filters, size_t n_filters)
{
	return filter_path("/networks", filters, n_filters);
}

api_code api_networks_list_parse(const char *json, size_t len,
				 struct api_network_list *out,
				 struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *it;
	cJSON *root;
	size_t cap;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "network list", cJSON_Array, &root, err);
	if (rc != API_OK)
		return rc;
	cap = (size_t)cJSON_GetArraySize(root);
	out->items = calloc(cap ? cap : 1, sizeof(*out->items));
	if (!out->items)
		m.nomem = 1;
	cJSON_ArrayForEach (it, root) {
		if (m.nomem)
			break;
		if (cJSON_IsObject(it))
			map_network(&m, it, &out->items[out->n++]);
	}
	cJSON_Delete(root);
	if (m.nomem) {
		api_network_list_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_networks_list(struct api_client *c,
			   const struct api_filter *filters, size_t n_filters,
			   struct api_network_list *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_networks_list_path(filters, n_filters),
			    &body, &len, err);
	if (rc == API_OK)
		rc = api_networks_list_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_network_list_free(struct api_network_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		api_network_free(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

/* ---- inspect ---- */

char *api_network_inspect_path(const char *id)
{
	struct api_query q;

	api_query_init(&q, "/networks/");
	api_query_seg(&q, id ? id : "");
	return api_query_take(&q);
}

api_code api_network_inspect_parse(const char *json, size_t len,
				   struct api_network *out,
				   struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "network inspect", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	map_network(&m, root, out);
	cJSON_Delete(root);
	if (m.nomem) {
		api_network_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_network_inspect(struct api_client *c, const char *id,
			     struct api_network *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!id || !*id)
		return no_id(err);
	rc = api_fetch_take(c, NULL, api_network_inspect_path(id), &body, &len,
			    err);
	if (rc == API_OK)
		rc = api_network_inspect_parse(body, len, out, err);
	free(body);
	return rc;
}

/* ---- remove and prune ---- */

char *api_network_remove_path(const char *id)
{
	return api_network_inspect_path(id);
}

api_code api_network_remove(struct api_client *c, const char *id,
			    struct api_error *err)
{
	size_t len;

	if (!id || !*id)
		return no_id(err);
	return api_fetch_take(c, "DELETE", api_network_remove_path(id), NULL,
			      &len, err);
}

char *api_networks_prune_path(const struct api_filter *filters,
			      size_t n_filters)
{
	return filter_path("/networks/prune", filters, n_filters);
}

api_code api_networks_prune_parse(const char *json, size_t len,
				  struct api_network_prune *out,
				  struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "network prune", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	out->deleted = jm_strv(&m, root, "NetworksDeleted");
	cJSON_Delete(root);
	if (m.nomem) {
		api_network_prune_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_networks_prune(struct api_client *c,
			    const struct api_filter *filters, size_t n_filters,
			    struct api_network_prune *out,
			    struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, "POST",
			    api_networks_prune_path(filters, n_filters), &body,
			    &len, err);
	if (rc == API_OK)
		rc = api_networks_prune_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_network_prune_free(struct api_network_prune *p)
{
	api_strv_free(&p->deleted);
}
