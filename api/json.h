#ifndef BERTH_API_JSON_H
#define BERTH_API_JSON_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "api/error.h"

/*
 * Mapping helpers from cJSON trees to model structs.  The engine's JSON is
 * outside input: every getter tolerates a missing key, a null or a value of
 * the wrong type (it yields the empty default), and clamps numbers.  An
 * allocation failure is recorded in the map's sticky flag so a mapping
 * function can run straight through and check once at the end.
 */

struct json_map {
	int nomem;
};

/* A key/value pair (labels, options, env split at '='). */
struct api_kv {
	char *key;
	char *value;
};

struct api_kvlist {
	struct api_kv *items;
	size_t n;
};

/* NULL-terminated vector of strings; n does not count the NULL. */
struct api_strv {
	char **v;
	size_t n;
};

const cJSON *jm_get(const cJSON *obj, const char *key);
/* Follows a dotted path of object keys: "State.Health.Status". */
const cJSON *jm_path(const cJSON *obj, const char *path);

/* A copy of the string at key, or NULL when absent or not a string. */
char *jm_str(struct json_map *m, const cJSON *obj, const char *key);
int64_t jm_i64(const cJSON *obj, const char *key);
/* For numbers that may be absent, where the API uses -1 for "not
 * computed": dflt unless the key holds a number. */
int64_t jm_i64_or(const cJSON *obj, const char *key, int64_t dflt);
uint64_t jm_u64(const cJSON *obj, const char *key);
double jm_num(const cJSON *obj, const char *key);
int jm_bool(const cJSON *obj, const char *key);
/* An array of strings (non-strings are skipped). */
struct api_strv jm_strv(struct json_map *m, const cJSON *obj, const char *key);
/* An object of string values (labels); other values are skipped. */
struct api_kvlist jm_kv(struct json_map *m, const cJSON *obj, const char *key);
/* Keys of an object, in order (ExposedPorts, Networks by name, ...). */
struct api_strv jm_keys(struct json_map *m, const cJSON *obj, const char *key);

/* Zeroed room for one struct per element of arr (which must be an array),
 * at least one so an empty list is not NULL; *cap is the element count.
 * Sets m->nomem on failure. */
void *jm_alloc_array(const cJSON *arr, size_t size, size_t *cap,
		     struct json_map *m);

int64_t json_clamp_i64(double v);
uint64_t json_clamp_u64(double v);

void api_strv_free(struct api_strv *s);
void api_kvlist_free(struct api_kvlist *l);
const char *api_kv_get(const struct api_kvlist *l, const char *key);
/* 1 when s (NULL: never) is one of v's strings. */
int api_strv_has(const struct api_strv *v, const char *s);
/* "" for NULL, so models can hold NULL for absent strings. */
const char *api_str(const char *s);

/* Parses text into a tree, with a message naming what was parsed. */
api_code json_parse(const char *text, size_t len, const char *what, cJSON **out,
		    struct api_error *err);
/* json_parse, then API_E_PARSE unless the root is of type (cJSON_Object
 * or cJSON_Array); *out is NULL on any failure. */
api_code json_parse_as(const char *text, size_t len, const char *what, int type,
		       cJSON **out, struct api_error *err);

#endif
