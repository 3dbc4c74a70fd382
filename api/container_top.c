#include "api/container_top.h"

#include <stdlib.h>
#include <string.h>

#include "api/query.h"

static struct api_strv row_map(struct json_map *m, const cJSON *arr)
{
	struct api_strv r = {0};
	const cJSON *it;

	r.v = calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(char *));
	if (!r.v) {
		m->nomem = 1;
		return r;
	}
	cJSON_ArrayForEach (it, arr) {
		const char *s = cJSON_IsString(it) && it->valuestring
					? it->valuestring
					: "";
		r.v[r.n] = strdup(s);
		if (!r.v[r.n]) {
			m->nomem = 1;
			break;
		}
		r.n++;
	}
	return r;
}

static void top_map(struct json_map *m, const cJSON *root, struct api_top *t)
{
	const cJSON *procs = jm_get(root, "Processes"), *it;

	/* Titles too keep their positions: cells are found by title. */
	if (cJSON_IsArray(jm_get(root, "Titles")))
		t->titles = row_map(m, jm_get(root, "Titles"));
	if (!cJSON_IsArray(procs) || cJSON_GetArraySize(procs) <= 0)
		return;
	t->rows = calloc((size_t)cJSON_GetArraySize(procs), sizeof(*t->rows));
	if (!t->rows) {
		m->nomem = 1;
		return;
	}
	cJSON_ArrayForEach (it, procs) {
		if (m->nomem)
			break;
		if (!cJSON_IsArray(it))
			continue;
		t->rows[t->n++] = row_map(m, it);
	}
}

api_code api_container_top_parse(const char *json, size_t len,
				 struct api_top *out, struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "container top", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	top_map(&m, root, out);
	cJSON_Delete(root);
	if (m.nomem) {
		api_top_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

void api_top_free(struct api_top *t)
{
	size_t i;

	api_strv_free(&t->titles);
	for (i = 0; i < t->n; i++)
		api_strv_free(&t->rows[i]);
	free(t->rows);
	t->rows = NULL;
	t->n = 0;
}

char *api_container_top_path(const char *id, const char *ps_args)
{
	struct api_query q;

	api_query_init(&q, "/containers/");
	api_query_seg(&q, id);
	api_query_raw(&q, "/top");
	if (ps_args && *ps_args)
		api_query_str(&q, "ps_args", ps_args);
	return api_query_take(&q);
}

api_code api_container_top(struct api_client *c, const char *id,
			   const char *ps_args, struct api_top *out,
			   struct api_error *err)
{
	char *path, *body = NULL;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	path = api_container_top_path(id, ps_args);
	if (!path)
		return api_error_set(err, API_E_INVALID, 0,
				     "container top: no container id");
	rc = api_fetch_take(c, NULL, path, &body, &len, err);
	if (rc == API_OK)
		rc = api_container_top_parse(body, len, out, err);
	free(body);
	return rc;
}

int api_top_column(const struct api_top *t, const char *title)
{
	size_t i;

	for (i = 0; i < t->titles.n && i < 1024; i++)
		if (strcmp(t->titles.v[i], title) == 0)
			return (int)i;
	return -1;
}

const char *api_top_cell(const struct api_top *t, size_t row, int col)
{
	if (row >= t->n || col < 0 || (size_t)col >= t->rows[row].n)
		return NULL;
	return t->rows[row].v[col];
}
