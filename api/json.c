#include "api/json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const cJSON *jm_get(const cJSON *obj, const char *key)
{
	if (!cJSON_IsObject(obj))
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

const cJSON *jm_path(const cJSON *obj, const char *path)
{
	char key[128];

	while (obj && *path) {
		size_t n = strcspn(path, ".");
		if (n >= sizeof(key))
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		obj = jm_get(obj, key);
		path += n;
		if (*path == '.')
			path++;
	}
	return obj;
}

char *jm_str(struct json_map *m, const cJSON *obj, const char *key)
{
	const cJSON *it = jm_get(obj, key);
	char *s;

	if (!cJSON_IsString(it) || !it->valuestring)
		return NULL;
	s = strdup(it->valuestring);
	if (!s)
		m->nomem = 1;
	return s;
}

int64_t json_clamp_i64(double v)
{
	if (isnan(v))
		return 0;
	if (v >= 9223372036854775807.0)
		return INT64_MAX;
	if (v <= -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)v;
}

uint64_t json_clamp_u64(double v)
{
	if (isnan(v) || v <= 0)
		return 0;
	if (v >= 18446744073709551615.0)
		return UINT64_MAX;
	return (uint64_t)v;
}

int64_t jm_i64(const cJSON *obj, const char *key)
{
	const cJSON *it = jm_get(obj, key);

	return cJSON_IsNumber(it) ? json_clamp_i64(it->valuedouble) : 0;
}

int64_t jm_i64_or(const cJSON *obj, const char *key, int64_t dflt)
{
	const cJSON *it = jm_get(obj, key);

	return cJSON_IsNumber(it) ? json_clamp_i64(it->valuedouble) : dflt;
}

uint64_t jm_u64(const cJSON *obj, const char *key)
{
	const cJSON *it = jm_get(obj, key);

	return cJSON_IsNumber(it) ? json_clamp_u64(it->valuedouble) : 0;
}

double jm_num(const cJSON *obj, const char *key)
{
	const cJSON *it = jm_get(obj, key);

	return cJSON_IsNumber(it) && isfinite(it->valuedouble) ? it->valuedouble
							       : 0.0;
}

int jm_bool(const cJSON *obj, const char *key)
{
	return cJSON_IsTrue(jm_get(obj, key));
}

static struct api_strv strv_alloc(struct json_map *m, size_t n)
{
	struct api_strv s = {0};

	s.v = calloc(n + 1, sizeof(char *));
	if (!s.v)
		m->nomem = 1;
	return s;
}

struct api_strv jm_strv(struct json_map *m, const cJSON *obj, const char *key)
{
	const cJSON *arr = jm_get(obj, key), *it;
	struct api_strv s = {0};

	if (!cJSON_IsArray(arr))
		return s;
	s = strv_alloc(m, (size_t)cJSON_GetArraySize(arr));
	if (!s.v)
		return s;
	cJSON_ArrayForEach (it, arr) {
		if (!cJSON_IsString(it) || !it->valuestring)
			continue;
		s.v[s.n] = strdup(it->valuestring);
		if (!s.v[s.n]) {
			m->nomem = 1;
			break;
		}
		s.n++;
	}
	return s;
}

struct api_strv jm_keys(struct json_map *m, const cJSON *obj, const char *key)
{
	const cJSON *o = jm_get(obj, key), *it;
	struct api_strv s = {0};

	if (!cJSON_IsObject(o))
		return s;
	s = strv_alloc(m, (size_t)cJSON_GetArraySize(o));
	if (!s.v)
		return s;
	cJSON_ArrayForEach (it, o) {
		if (!it->string)
			continue;
		s.v[s.n] = strdup(it->string);
		if (!s.v[s.n]) {
			m->nomem = 1;
			break;
		}
		s.n++;
	}
	return s;
}

struct api_kvlist jm_kv(struct json_map *m, const cJSON *obj, const char *key)
{
	const cJSON *o = jm_get(obj, key), *it;
	struct api_kvlist l = {0};
	size_t n;

	if (!cJSON_IsObject(o))
		return l;
	n = (size_t)cJSON_GetArraySize(o);
	l.items = calloc(n ? n : 1, sizeof(*l.items));
	if (!l.items) {
		m->nomem = 1;
		return l;
	}
	cJSON_ArrayForEach (it, o) {
		if (!it->string || !cJSON_IsString(it) || !it->valuestring)
			continue;
		l.items[l.n].key = strdup(it->string);
		l.items[l.n].value = strdup(it->valuestring);
		if (!l.items[l.n].key || !l.items[l.n].value) {
			free(l.items[l.n].key);
			free(l.items[l.n].value);
			m->nomem = 1;
			break;
		}
		l.n++;
	}
	return l;
}

void api_strv_free(struct api_strv *s)
{
	size_t i;

	if (!s->v)
		return;
	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

void api_kvlist_free(struct api_kvlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].key);
		free(l->items[i].value);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

const char *api_kv_get(const struct api_kvlist *l, const char *key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].value;
	return NULL;
}

int api_strv_has(const struct api_strv *v, const char *s)
{
	size_t i;

	for (i = 0; s && i < v->n; i++)
		if (v->v[i] && strcmp(v->v[i], s) == 0)
			return 1;
	return 0;
}

const char *api_str(const char *s)
{
	return s ? s : "";
}

api_code json_parse(const char *text, size_t len, const char *what, cJSON **out,
		    struct api_error *err)
{
	*out = text ? cJSON_ParseWithLength(text, len) : NULL;
	if (!*out)
		return api_error_set(err, API_E_PARSE, 0,
				     "%s: the engine's answer is not valid "
				     "JSON",
				     what);
	return API_OK;
}

void *jm_alloc_array(const cJSON *arr, size_t size, size_t *cap,
		     struct json_map *m)
{
	void *p;

	*cap = (size_t)cJSON_GetArraySize(arr);
	p = calloc(*cap ? *cap : 1, size);
	if (!p)
		m->nomem = 1;
	return p;
}

api_code json_parse_as(const char *text, size_t len, const char *what, int type,
		       cJSON **out, struct api_error *err)
{
	api_code rc = json_parse(text, len, what, out, err);

	if (rc != API_OK)
		return rc;
	if (((*out)->type & 0xFF) != type) {
		cJSON_Delete(*out);
		*out = NULL;
		return api_error_set(err, API_E_PARSE, 0, "%s: not a JSON %s",
				     what,
				     type == cJSON_Array ? "array" : "object");
	}
	return API_OK;
}
