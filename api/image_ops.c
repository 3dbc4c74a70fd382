#include "api/image_ops.h"

#include <stdlib.h>
#include <string.h>

static api_code no_name(struct api_error *err)
{
	return api_error_set(err, API_E_INVALID, 0, "no image name given");
}

/* ---- history ---- */

char *api_image_history_path(const char *name)
{
	struct api_query q;

	api_query_init(&q, "/images/");
	api_query_seg(&q, name ? name : "");
	api_query_raw(&q, "/history");
	return api_query_take(&q);
}

api_code api_image_history_parse(const char *json, size_t len,
				 struct api_image_history *out,
				 struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *it;
	cJSON *root;
	size_t cap;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "image history", cJSON_Array, &root, err);
	if (rc != API_OK)
		return rc;
	out->items = jm_alloc_array(root, sizeof(*out->items), &cap, &m);
	cJSON_ArrayForEach (it, root) {
		struct api_image_history_entry *e;
		if (m.nomem)
			break;
		if (!cJSON_IsObject(it))
			continue;
		e = &out->items[out->n++];
		e->id = jm_str(&m, it, "Id");
		e->created = jm_i64(it, "Created");
		e->created_by = jm_str(&m, it, "CreatedBy");
		e->tags = jm_strv(&m, it, "Tags");
		e->size = jm_i64(it, "Size");
		e->comment = jm_str(&m, it, "Comment");
	}
	cJSON_Delete(root);
	if (m.nomem) {
		api_image_history_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_image_history(struct api_client *c, const char *name,
			   struct api_image_history *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!name || !*name)
		return no_name(err);
	rc = api_fetch_take(c, NULL, api_image_history_path(name), &body, &len,
			    err);
	if (rc == API_OK)
		rc = api_image_history_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_image_history_free(struct api_image_history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->items[i].id);
		free(h->items[i].created_by);
		api_strv_free(&h->items[i].tags);
		free(h->items[i].comment);
	}
	free(h->items);
	h->items = NULL;
	h->n = 0;
}

/* ---- remove and prune ---- */

char *api_image_remove_path(const char *name, int force, int noprune)
{
	struct api_query q;

	api_query_init(&q, "/images/");
	api_query_seg(&q, name ? name : "");
	if (force)
		api_query_bool(&q, "force", 1);
	if (noprune)
		api_query_bool(&q, "noprune", 1);
	return api_query_take(&q);
}

/* [{"Untagged": "..."}, {"Deleted": "..."}]; entries with neither are
 * skipped, and a null list (as prune gives when nothing went) is empty. */
static void map_deleted(struct json_map *m, const cJSON *arr,
			struct api_image_deleted_list *out)
{
	const cJSON *it;
	size_t cap;

	if (!cJSON_IsArray(arr))
		return;
	out->items = jm_alloc_array(arr, sizeof(*out->items), &cap, m);
	cJSON_ArrayForEach (it, arr) {
		struct api_image_deleted *d;
		if (m->nomem)
			break;
		d = &out->items[out->n];
		d->untagged = jm_str(m, it, "Untagged");
		d->deleted = d->untagged ? NULL : jm_str(m, it, "Deleted");
		if (d->untagged || d->deleted)
			out->n++;
	}
}

api_code api_image_remove_parse(const char *json, size_t len,
				struct api_image_deleted_list *out,
				struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "image remove", cJSON_Array, &root, err);
	if (rc != API_OK)
		return rc;
	map_deleted(&m, root, out);
	cJSON_Delete(root);
	if (m.nomem) {
		api_image_deleted_list_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_image_remove(struct api_client *c, const char *name, int force,
			  int noprune, struct api_image_deleted_list *out,
			  struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!name || !*name)
		return no_name(err);
	rc = api_fetch_take(c, "DELETE",
			    api_image_remove_path(name, force, noprune), &body,
			    &len, err);
	if (rc == API_OK)
		rc = api_image_remove_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_image_deleted_list_free(struct api_image_deleted_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].untagged);
		free(l->items[i].deleted);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

char *api_images_prune_path(const struct api_filter *filters, size_t n_filters)
{
	struct api_query q;

	api_query_init(&q, "/images/prune");
	api_query_filters(&q, filters, n_filters);
	return api_query_take(&q);
}

api_code api_images_prune_parse(const char *json, size_t len,
				struct api_image_prune *out,
				struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "image prune", cJSON_Object, &root, err);
	if (rc != API_OK)
		return rc;
	map_deleted(&m, jm_get(root, "ImagesDeleted"), &out->deleted);
	out->space_reclaimed = jm_u64(root, "SpaceReclaimed");
	cJSON_Delete(root);
	if (m.nomem) {
		api_image_prune_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_images_prune(struct api_client *c,
			  const struct api_filter *filters, size_t n_filters,
			  struct api_image_prune *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, "POST",
			    api_images_prune_path(filters, n_filters), &body,
			    &len, err);
	if (rc == API_OK)
		rc = api_images_prune_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_image_prune_free(struct api_image_prune *p)
{
	api_image_deleted_list_free(&p->deleted);
	p->space_reclaimed = 0;
}
