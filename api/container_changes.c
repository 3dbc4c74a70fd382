#include "api/container_changes.h"

#include <stdlib.h>
#include <string.h>

#include "api/json.h"
#include "api/query.h"

char *api_container_changes_path(const char *id)
{
	struct api_query q;

	if (!id || !*id)
		return NULL;
	api_query_init(&q, "/containers/");
	api_query_seg(&q, id);
	api_query_raw(&q, "/changes");
	return api_query_take(&q);
}

static void changes_map(struct json_map *m, const cJSON *arr,
			struct api_changes *out)
{
	const cJSON *it;
	size_t cap;

	out->items = jm_alloc_array(arr, sizeof(*out->items), &cap, m);
	if (!out->items)
		return;
	cJSON_ArrayForEach (it, arr) {
		char *path;

		if (!cJSON_IsObject(it) || out->n >= cap)
			continue;
		if ((path = jm_str(m, it, "Path")) == NULL)
			continue; /* no path: nothing to show */
		out->items[out->n].path = path;
		out->items[out->n].kind = (int)jm_i64(it, "Kind");
		out->n++;
	}
}

api_code api_container_changes_parse(const char *json, size_t len,
				     struct api_changes *out,
				     struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse(json, len, "container changes", &root, err);
	if (rc != API_OK)
		return rc;
	if (cJSON_IsNull(root)) { /* nothing changed */
		cJSON_Delete(root);
		return API_OK;
	}
	if (!cJSON_IsArray(root)) {
		cJSON_Delete(root);
		return api_error_set(err, API_E_PARSE, 0,
				     "container changes: not an array");
	}
	changes_map(&m, root, out);
	cJSON_Delete(root);
	if (m.nomem) {
		api_changes_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_container_changes(struct api_client *c, const char *id,
			       struct api_changes *out, struct api_error *err)
{
	char *path = api_container_changes_path(id), *body = NULL;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!path)
		return api_error_set(err, API_E_INVALID, 0,
				     "container changes: no container id");
	rc = api_fetch_take(c, NULL, path, &body, &len, err);
	if (rc == API_OK)
		rc = api_container_changes_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_changes_free(struct api_changes *l)
{
	size_t i;

	for (i = 0; l->items && i < l->n; i++)
		free(l->items[i].path);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct api_change *)a)->path,
		      ((const struct api_change *)b)->path);
}

void api_changes_sort(struct api_changes *l)
{
	if (l->n > 1)
		qsort(l->items, l->n, sizeof(l->items[0]), by_path);
}

char api_change_letter(int kind)
{
	return kind == API_CHANGE_MODIFIED  ? 'C'
	       : kind == API_CHANGE_ADDED   ? 'A'
	       : kind == API_CHANGE_DELETED ? 'D'
					    : '?';
}
