#include "api/volumes.h"

#include <stdlib.h>
#include <string.h>

static api_code no_name(struct api_error *err)
{
	return api_error_set(err, API_E_INVALID, 0, "no volume name given");
}

static char *name_path(const char *name, const char *param, int on)
{
	struct api_query q;

	api_query_init(&q, "/volumes/");
	api_query_seg(&q, name ? name : "");
	if (param && on)
		api_query_bool(&q, param, 1);
	return api_query_take(&q);
}

static char *filter_path(const char *base, const struct api_filter *filters,
			 size_t n_filters)
{
	struct api_query q;

	api_query_init(&q, base);
	api_query_filters(&q, filters, n_filters);
	return api_query_take(&q);
}

static void map_volume(struct json_map *m, const cJSON *o, struct api_volume *v)
{
	const cJSON *usage = jm_get(o, "UsageData");

	v->name = jm_str(m, o, "Name");
	v->driver = jm_str(m, o, "Driver");
	v->mountpoint = jm_str(m, o, "Mountpoint");
	v->created_at = jm_str(m, o, "CreatedAt");
	v->scope = jm_str(m, o, "Scope");
	v->labels = jm_kv(m, o, "Labels");
	v->options = jm_kv(m, o, "Options");
	v->usage_size = jm_i64_or(usage, "Size", -1);
	v->usage_ref_count = jm_i64_or(usage, "RefCount", -1);
}

/* ---- list ---- */

char *api_volumes_list_path(const struct api_filter *filters, size_t n_filters)
{
	return filter_path("/volumes", filters, n_filters);
}

static void map_list(struct json_map *m, const cJSON *arr,
		     struct api_volume_list *out)
{
	const cJSON *it;
	size_t cap;

	/* "Volumes": null when there are none. */
	if (!cJSON_IsArray(arr))
		return;
	cap = (size_t)cJSON_GetArraySize(arr);
	out->items = calloc(cap ? cap : 1, sizeof(*out->items));
	if (!out->items) {
		m->nomem = 1;
		return;
	}
	cJSON_ArrayForEach (it, arr) {
		if (m->nomem)
			break;
		if (cJSON_IsObject(it))
			map_volume(m, it, &out->items[out->n++]);
	}
}

api_code api_volumes_list_parse(const char *json, size_t len,
				struct api_volume_list *out,
				struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "volume list", cJSON_Object, &root, err);
	if (rc != API_OK)
		return rc;
	map_list(&m, jm_get(root, "Volumes"), out);
	out->warnings = jm_strv(&m, root, "Warnings");
	cJSON_Delete(root);
	if (m.nomem) {
		api_volume_list_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_volumes_list(struct api_client *c,
			  const struct api_filter *filters, size_t n_filters,
			  struct api_volume_list *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_volumes_list_path(filters, n_filters),
			    &body, &len, err);
	if (rc == API_OK)
		rc = api_volumes_list_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_volume_free(struct api_volume *v)
{
	free(v->name);
	free(v->driver);
	free(v->mountpoint);
	free(v->created_at);
	free(v->scope);
	api_kvlist_free(&v->labels);
	api_kvlist_free(&v->options);
	memset(v, 0, sizeof(*v));
}

void api_volume_list_free(struct api_volume_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		api_volume_free(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
	api_strv_free(&l->warnings);
}

/* ---- inspect ---- */

char *api_volume_inspect_path(const char *name)
{
	return name_path(name, NULL, 0);
}

api_code api_volume_inspect_parse(const char *json, size_t len,
				  struct api_volume *out, struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "volume inspect", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	map_volume(&m, root, out);
	cJSON_Delete(root);
	if (m.nomem) {
		api_volume_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_volume_inspect(struct api_client *c, const char *name,
			    struct api_volume *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!name || !*name)
		return no_name(err);
	rc = api_fetch_take(c, NULL, api_volume_inspect_path(name), &body, &len,
			    err);
	if (rc == API_OK)
		rc = api_volume_inspect_parse(body, len, out, err);
	free(body);
	return rc;
}

/* ---- remove and prune ---- */

char *api_volume_remove_path(const char *name, int force)
{
	return name_path(name, "force", force);
}

api_code api_volume_remove(struct api_client *c, const char *name, int force,
			   struct api_error *err)
{
	size_t len;

	if (!name || !*name)
		return no_name(err);
	return api_fetch_take(c, "DELETE", api_volume_remove_path(name, force),
			      NULL, &len, err);
}

char *api_volumes_prune_path(const struct api_filter *filters, size_t n_filters)
{
	return filter_path("/volumes/prune", filters, n_filters);
}

api_code api_volumes_prune_parse(const char *json, size_t len,
				 struct api_volume_prune *out,
				 struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "volume prune", cJSON_Object, &root, err);
	if (rc != API_OK)
		return rc;
	out->deleted = jm_strv(&m, root, "VolumesDeleted");
	out->space_reclaimed = jm_u64(root, "SpaceReclaimed");
	cJSON_Delete(root);
	if (m.nomem) {
		api_volume_prune_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_volumes_prune(struct api_client *c,
			   const struct api_filter *filters, size_t n_filters,
			   struct api_volume_prune *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, "POST",
			    api_volumes_prune_path(filters, n_filters), &body,
			    &len, err);
	if (rc == API_OK)
		rc = api_volumes_prune_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_volume_prune_free(struct api_volume_prune *p)
{
	api_strv_free(&p->deleted);
	p->space_reclaimed = 0;
}
