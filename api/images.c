#include "api/images.h"

#include <stdlib.h>
#include <string.h>

static api_code no_name(struct api_error *err)
{
	return api_error_set(err, API_E_INVALID, 0, "no image name given");
}

/* Drops "<none>:<none>" and "<none>@<none>" from old engines' lists. */
static void drop_placeholders(struct api_strv *s)
{
	size_t i, j = 0;

	for (i = 0; i < s->n; i++) {
		if (strncmp(s->v[i], "<none>", 6) == 0 &&
		    (strcmp(s->v[i] + 6, ":<none>") == 0 ||
		     strcmp(s->v[i] + 6, "@<none>") == 0)) {
			free(s->v[i]);
			continue;
		}
		s->v[j++] = s->v[i];
	}
	s->n = j;
	if (s->v)
		s->v[j] = NULL;
}

/* ---- list ---- */

char *api_images_list_path(int all, const struct api_filter *filters,
			   size_t n_filters)
{
	struct api_query q;

	api_query_init(&q, "/images/json");
	if (all)
		api_query_bool(&q, "all", 1);
	api_query_filters(&q, filters, n_filters);
	return api_query_take(&q);
}

static void map_summary(struct json_map *m, const cJSON *o,
			struct api_image_summary *s)
{
	s->id = jm_str(m, o, "Id");
	s->parent_id = jm_str(m, o, "ParentId");
	s->repo_tags = jm_strv(m, o, "RepoTags");
	s->repo_digests = jm_strv(m, o, "RepoDigests");
	drop_placeholders(&s->repo_tags);
	drop_placeholders(&s->repo_digests);
	s->created = jm_i64(o, "Created");
	s->size = jm_i64(o, "Size");
	s->shared_size = jm_i64_or(o, "SharedSize", -1);
	s->virtual_size = jm_i64_or(o, "VirtualSize", -1);
	s->containers = jm_i64_or(o, "Containers", -1);
	s->labels = jm_kv(m, o, "Labels");
}

api_code api_images_list_parse(const char *json, size_t len,
			       struct api_image_list *out,
			       struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *it;
	cJSON *root;
	size_t cap;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "image list", cJSON_Array, &root, err);
	if (rc != API_OK)
		return rc;
	out->items = jm_alloc_array(root, sizeof(*out->items), &cap, &m);
	cJSON_ArrayForEach (it, root) {
		if (m.nomem)
			break;
		if (cJSON_IsObject(it))
			map_summary(&m, it, &out->items[out->n++]);
	}
	cJSON_Delete(root);
	if (m.nomem) {
		api_image_list_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_images_list(struct api_client *c, int all,
			 const struct api_filter *filters, size_t n_filters,
			 struct api_image_list *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL,
			    api_images_list_path(all, filters, n_filters),
			    &body, &len, err);
	if (rc == API_OK)
		rc = api_images_list_parse(body, len, out, err);
	free(body);
	return rc;
}

static void summary_free(struct api_image_summary *s)
{
	free(s->id);
	free(s->parent_id);
	api_strv_free(&s->repo_tags);
	api_strv_free(&s->repo_digests);
	api_kvlist_free(&s->labels);
}

void api_image_list_free(struct api_image_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		summary_free(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

/* ---- inspect ---- */

char *api_image_inspect_path(const char *name)
{
	struct api_query q;

	api_query_init(&q, "/images/");
	api_query_seg(&q, name ? name : "");
	api_query_raw(&q, "/json");
	return api_query_take(&q);
}

static void map_config(struct json_map *m, const cJSON *o,
		       struct api_image_config *cfg)
{
	const cJSON *hc = jm_get(o, "Healthcheck");

	cfg->user = jm_str(m, o, "User");
	cfg->env = jm_strv(m, o, "Env");
	cfg->cmd = jm_strv(m, o, "Cmd");
	cfg->entrypoint = jm_strv(m, o, "Entrypoint");
	cfg->working_dir = jm_str(m, o, "WorkingDir");
	cfg->labels = jm_kv(m, o, "Labels");
	cfg->exposed_ports = jm_keys(m, o, "ExposedPorts");
	cfg->volumes = jm_keys(m, o, "Volumes");
	cfg->stop_signal = jm_str(m, o, "StopSignal");
	if (!cJSON_IsObject(hc))
		return;
	cfg->has_healthcheck = 1;
	cfg->healthcheck.test = jm_strv(m, hc, "Test");
	cfg->healthcheck.interval = jm_i64(hc, "Interval");
	cfg->healthcheck.timeout = jm_i64(hc, "Timeout");
	cfg->healthcheck.start_period = jm_i64(hc, "StartPeriod");
	cfg->healthcheck.retries = jm_i64(hc, "Retries");
}

static void map_inspect(struct json_map *m, const cJSON *o,
			struct api_image_inspect *img)
{
	img->id = jm_str(m, o, "Id");
	img->repo_tags = jm_strv(m, o, "RepoTags");
	img->repo_digests = jm_strv(m, o, "RepoDigests");
	img->parent = jm_str(m, o, "Parent");
	img->created = jm_str(m, o, "Created");
	img->author = jm_str(m, o, "Author");
	img->architecture = jm_str(m, o, "Architecture");
	img->os = jm_str(m, o, "Os");
	img->size = jm_i64(o, "Size");
	map_config(m, jm_get(o, "Config"), &img->config);
	img->layers = jm_strv(m, jm_get(o, "RootFS"), "Layers");
}

api_code api_image_inspect_parse(const char *json, size_t len,
				 struct api_image_inspect *out,
				 struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "image inspect", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	map_inspect(&m, root, out);
	cJSON_Delete(root);
	out->raw = malloc(len + 1);
	if (out->raw) {
		memcpy(out->raw, json, len);
		out->raw[len] = '\0';
	}
	if (m.nomem || !out->raw) {
		api_image_inspect_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_image_inspect(struct api_client *c, const char *name,
			   struct api_image_inspect *out, struct api_error *err)
{
	char *body;
	size_t len;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!name || !*name)
		return no_name(err);
	rc = api_fetch_take(c, NULL, api_image_inspect_path(name), &body, &len,
			    err);
	if (rc == API_OK)
		rc = api_image_inspect_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_image_inspect_free(struct api_image_inspect *img)
{
	struct api_image_config *cfg = &img->config;

	free(img->id);
	api_strv_free(&img->repo_tags);
	api_strv_free(&img->repo_digests);
	free(img->parent);
	free(img->created);
	free(img->author);
	free(img->architecture);
	free(img->os);
	free(cfg->user);
	api_strv_free(&cfg->env);
	api_strv_free(&cfg->cmd);
	api_strv_free(&cfg->entrypoint);
	free(cfg->working_dir);
	api_kvlist_free(&cfg->labels);
	api_strv_free(&cfg->exposed_ports);
	api_strv_free(&cfg->volumes);
	api_strv_free(&cfg->healthcheck.test);
	free(cfg->stop_signal);
	api_strv_free(&img->layers);
	free(img->raw);
	memset(img, 0, sizeof(*img));
}
