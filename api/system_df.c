#include "api/system_df.h"

#include <stdlib.h>
#include <string.h>

#include "api/json.h"

char *api_df_path(void)
{
	return strdup("/system/df");
}

/* Hostile sizes near INT64_MAX must not overflow (UB) when summed. */
static int64_t add(int64_t a, int64_t b)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r))
		return b > 0 ? INT64_MAX : INT64_MIN;
	return r;
}

static int64_t sub(int64_t a, int64_t b)
{
	int64_t r;

	if (__builtin_sub_overflow(a, b, &r))
		return b < 0 ? INT64_MAX : INT64_MIN;
	return r;
}

/* The CLI's integer reclaimable*100/size; clamped for nonsense input. */
static int pct(int64_t part, int64_t whole)
{
	double d;

	if (whole <= 0)
		return -1;
	if (part >= 0 && part <= INT64_MAX / 100)
		d = (double)(part * 100 / whole);
	else
		d = (double)part * 100.0 / (double)whole;
	return d < 0 ? 0 : d > 100 ? 100 : (int)d;
}

/* A number that may be missing: -1 is the engine's "not computed" too. */
/* Reclaimable is what the images in use do not pin: each one's size
 * minus what it shares with others. */
static void df_images(const cJSON *arr, int64_t layers, struct api_df_row *r)
{
	const cJSON *list = cJSON_IsArray(arr) ? arr : NULL, *it;
	int64_t used = 0;

	cJSON_ArrayForEach (it, list) {
		if (!cJSON_IsObject(it))
			continue;
		int64_t size =
			jm_i64_or(it, "Size", jm_i64_or(it, "VirtualSize", -1));
		int64_t shared = jm_i64_or(it, "SharedSize", -1);
		int64_t ctrs = jm_i64(it, "Containers");
		r->total++;
		if (ctrs > 0)
			r->active++;
		if (ctrs != 0 && size != -1 && shared != -1)
			used = add(used, sub(size, shared));
	}
	r->size = layers;
	r->reclaimable = sub(layers, used);
	r->pct = pct(r->reclaimable, layers);
}

static int ctr_active(const cJSON *c)
{
	const char *st = cJSON_GetStringValue(jm_get(c, "State"));

	return st && (strstr(st, "running") || strstr(st, "paused") ||
		      strstr(st, "restarting"));
}

static void df_containers(const cJSON *arr, struct api_df_row *r)
{
	const cJSON *list = cJSON_IsArray(arr) ? arr : NULL, *it;

	cJSON_ArrayForEach (it, list) {
		if (!cJSON_IsObject(it))
			continue;
		int64_t rw = jm_i64(it, "SizeRw");
		r->total++;
		r->size = add(r->size, rw);
		if (ctr_active(it))
			r->active++;
		else
			r->reclaimable = add(r->reclaimable, rw);
	}
	r->pct = pct(r->reclaimable, r->size);
}

static void df_volumes(const cJSON *arr, struct api_df_row *r)
{
	const cJSON *list = cJSON_IsArray(arr) ? arr : NULL, *it;

	cJSON_ArrayForEach (it, list) {
		if (!cJSON_IsObject(it))
			continue;
		const cJSON *u = jm_get(it, "UsageData");
		int64_t refs = jm_i64_or(u, "RefCount", -1);
		int64_t size = jm_i64_or(u, "Size", -1);
		r->total++;
		if (refs > 0)
			r->active++;
		if (size == -1)
			continue;
		r->size = add(r->size, size);
		if (refs == 0)
			r->reclaimable = add(r->reclaimable, size);
	}
	r->pct = pct(r->reclaimable, r->size);
}

/* Shared records are counted by the records that own them. */
static void df_build_cache(const cJSON *arr, struct api_df_row *r)
{
	const cJSON *list = cJSON_IsArray(arr) ? arr : NULL, *it;
	int64_t in_use = 0;

	cJSON_ArrayForEach (it, list) {
		if (!cJSON_IsObject(it))
			continue;
		int64_t size = jm_i64(it, "Size");
		int busy = jm_bool(it, "InUse");
		r->total++;
		if (busy)
			r->active++;
		if (jm_bool(it, "Shared"))
			continue;
		r->size = add(r->size, size);
		if (busy)
			in_use = add(in_use, size);
	}
	r->reclaimable = sub(r->size, in_use);
	r->pct = -1;
}

api_code api_df_parse(const char *json, size_t len, struct api_df *out,
		      struct api_error *err)
{
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "the disk usage", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	out->layers_size = jm_i64(root, "LayersSize");
	df_images(jm_get(root, "Images"), out->layers_size, &out->images);
	df_containers(jm_get(root, "Containers"), &out->containers);
	df_volumes(jm_get(root, "Volumes"), &out->volumes);
	df_build_cache(jm_get(root, "BuildCache"), &out->build_cache);
	cJSON_Delete(root);
	return API_OK;
}

api_code api_df(struct api_client *c, struct api_df *out, struct api_error *err)
{
	char *body;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_df_path(), &body, &len, err);
	if (rc != API_OK)
		return rc;
	rc = api_df_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_df_free(struct api_df *d)
{
	if (d)
		memset(d, 0, sizeof(*d));
}
