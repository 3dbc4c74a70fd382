#include "api/query.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PATH_MAX_LEN (64u * 1024u)

void api_query_init(struct api_query *q, const char *path)
{
	buf_init(&q->b, PATH_MAX_LEN);
	q->nparams = 0;
	q->failed = 0;
	api_query_raw(q, path);
}

void api_query_raw(struct api_query *q, const char *s)
{
	if (buf_append(&q->b, s, strlen(s)) != 0)
		q->failed = 1;
}

static void escape(struct api_query *q, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		char enc[3];
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			if (buf_append(&q->b, p, 1) != 0)
				q->failed = 1;
			continue;
		}
		enc[0] = '%';
		enc[1] = hex[*p >> 4];
		enc[2] = hex[*p & 15];
		if (buf_append(&q->b, enc, 3) != 0)
			q->failed = 1;
	}
}

void api_query_seg(struct api_query *q, const char *segment)
{
	if (!segment || !*segment) {
		q->failed = 1;
		return;
	}
	escape(q, segment);
}

void api_query_str(struct api_query *q, const char *key, const char *value)
{
	api_query_raw(q, q->nparams++ ? "&" : "?");
	escape(q, key);
	api_query_raw(q, "=");
	escape(q, value ? value : "");
}

void api_query_bool(struct api_query *q, const char *key, int value)
{
	api_query_str(q, key, value ? "1" : "0");
}

void api_query_int(struct api_query *q, const char *key, long long value)
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", value);
	api_query_str(q, key, num);
}

void api_query_filters(struct api_query *q, const struct api_filter *f,
		       size_t n)
{
	cJSON *root;
	char *text;
	size_t i;

	if (n == 0)
		return;
	root = cJSON_CreateObject();
	for (i = 0; root && i < n; i++) {
		cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, f[i].key);
		if (!arr)
			arr = cJSON_AddArrayToObject(root, f[i].key);
		if (!arr || !cJSON_AddItemToArray(
				    arr, cJSON_CreateString(f[i].value))) {
			q->failed = 1;
			break;
		}
	}
	text = root ? cJSON_PrintUnformatted(root) : NULL;
	cJSON_Delete(root);
	if (!text) {
		q->failed = 1;
		return;
	}
	api_query_str(q, "filters", text);
	free(text);
}

char *api_query_take(struct api_query *q)
{
	if (q->failed) {
		buf_free(&q->b);
		return NULL;
	}
	return buf_take(&q->b);
}

void api_query_done(struct api_query *q)
{
	buf_free(&q->b);
}
