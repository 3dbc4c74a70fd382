#include "api/swarm_update.h"

#include <stdlib.h>
#include <string.h>

#include "api/json.h"
#include "api/query.h"
#include "api/swarm_service.h"

static api_code parse_spec(const char *spec_json, cJSON **root,
			   struct api_error *err)
{
	*root = NULL;
	if (!spec_json)
		return api_error_set(err, API_E_INVALID, 0,
				     "the service has no spec");
	return json_parse_as(spec_json, strlen(spec_json), "service spec",
			     cJSON_Object, root, err);
}

/* Prints root into a malloc'd string (so callers free() it) and frees
 * the tree. */
static api_code print_spec(cJSON *root, char **out, struct api_error *err)
{
	char *text = cJSON_PrintUnformatted(root);

	cJSON_Delete(root);
	if (!text)
		return api_nomem(err);
	*out = strdup(text);
	cJSON_free(text);
	return *out ? API_OK : api_nomem(err);
}

/* Replaces (or adds) key in obj with a number. */
static int set_number(cJSON *obj, const char *key, double v)
{
	cJSON *n = cJSON_CreateNumber(v);

	if (!n)
		return -1;
	if (cJSON_GetObjectItemCaseSensitive(obj, key))
		return cJSON_ReplaceItemInObjectCaseSensitive(obj, key, n) ? 0
									   : -1;
	if (!cJSON_AddItemToObject(obj, key, n)) {
		cJSON_Delete(n);
		return -1;
	}
	return 0;
}

api_code api_service_spec_scale(const char *spec_json, int64_t replicas,
				char **out, struct api_error *err)
{
	cJSON *root, *rep;
	api_code rc;

	*out = NULL;
	if (replicas < 0 || replicas > 1000000)
		return api_error_set(err, API_E_INVALID, 0,
				     "replicas must be between 0 and 1000000");
	rc = parse_spec(spec_json, &root, err);
	if (rc != API_OK)
		return rc;
	rep = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(root, "Mode"), "Replicated");
	if (!cJSON_IsObject(rep)) {
		cJSON_Delete(root);
		return api_error_set(err, API_E_INVALID, 0,
				     "only a replicated service can be scaled");
	}
	if (set_number(rep, "Replicas", (double)replicas) < 0) {
		cJSON_Delete(root);
		return api_nomem(err);
	}
	return print_spec(root, out, err);
}

api_code api_service_spec_force(const char *spec_json, char **out,
				struct api_error *err)
{
	cJSON *root, *tt;
	int64_t force;
	api_code rc;

	*out = NULL;
	rc = parse_spec(spec_json, &root, err);
	if (rc != API_OK)
		return rc;
	tt = cJSON_GetObjectItemCaseSensitive(root, "TaskTemplate");
	if (!cJSON_IsObject(tt)) {
		cJSON_DeleteItemFromObjectCaseSensitive(root, "TaskTemplate");
		tt = cJSON_AddObjectToObject(root, "TaskTemplate");
	}
	force = jm_i64(tt, "ForceUpdate");
	/* ForceUpdate is a uint64 counter; only a change matters. */
	force = (force < 0 || force >= (int64_t)1 << 52) ? 1 : force + 1;
	if (!tt || set_number(tt, "ForceUpdate", (double)force) < 0) {
		cJSON_Delete(root);
		return api_nomem(err);
	}
	return print_spec(root, out, err);
}

char *api_service_update_path(const char *id, uint64_t version, int rollback)
{
	struct api_query q;

	if (!id || !*id)
		return NULL;
	api_query_init(&q, "/services/");
	api_query_seg(&q, id);
	api_query_raw(&q, "/update");
	api_query_int(&q, "version", (long long)version);
	if (rollback)
		api_query_str(&q, "rollback", "previous");
	return api_query_take(&q);
}

api_code api_service_update(struct api_client *c, const char *id,
			    uint64_t version, const char *spec_json,
			    int rollback, struct api_error *err)
{
	char *path;
	api_code rc;

	if (!id || !*id || !spec_json)
		return api_error_set(err, API_E_INVALID, 0,
				     "no service or spec given");
	path = api_service_update_path(id, version, rollback);
	if (!path)
		return api_nomem(err);
	rc = api_fetch(c, "POST", path, 0, spec_json, NULL, NULL, err);
	free(path);
	return rc;
}

enum change { CH_SCALE, CH_FORCE, CH_ROLLBACK };

static api_code change(struct api_client *c, const char *id, enum change ch,
		       int64_t replicas, struct api_error *err)
{
	struct api_service s;
	char *spec = NULL;
	api_code rc;

	rc = api_service_inspect(c, id, &s, err);
	if (rc != API_OK)
		return rc;
	if (ch == CH_SCALE)
		rc = api_service_spec_scale(s.spec_json, replicas, &spec, err);
	else if (ch == CH_FORCE)
		rc = api_service_spec_force(s.spec_json, &spec, err);
	if (rc == API_OK)
		rc = api_service_update(c, s.id, s.version,
					spec ? spec : s.spec_json,
					ch == CH_ROLLBACK, err);
	free(spec);
	api_service_free(&s);
	return rc;
}

api_code api_service_scale(struct api_client *c, const char *id,
			   int64_t replicas, struct api_error *err)
{
	return change(c, id, CH_SCALE, replicas, err);
}

api_code api_service_force_update(struct api_client *c, const char *id,
				  struct api_error *err)
{
	return change(c, id, CH_FORCE, 0, err);
}

api_code api_service_rollback(struct api_client *c, const char *id,
			      struct api_error *err)
{
	return change(c, id, CH_ROLLBACK, 0, err);
}
