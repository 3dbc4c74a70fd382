#ifndef BERTH_API_QUERY_H
#define BERTH_API_QUERY_H

#include "api/buf.h"

/*
 * Request paths with escaped segments and query parameters:
 *   api_query_init(&q, "/containers/");
 *   api_query_seg(&q, name);             escaped: names are outside input
 *   api_query_raw(&q, "/json");
 *   api_query_bool(&q, "size", 1);
 *   path = api_query_take(&q);           NULL if anything failed
 */
struct api_query {
	struct buf b;
	int nparams;
	int failed;
};

/* One filter value for the engine's filters={"key":["v",...]} map. */
struct api_filter {
	const char *key;
	const char *value;
};

void api_query_init(struct api_query *q, const char *path);
void api_query_raw(struct api_query *q, const char *s);
void api_query_seg(struct api_query *q, const char *segment);
void api_query_str(struct api_query *q, const char *key, const char *value);
void api_query_bool(struct api_query *q, const char *key, int value);
void api_query_int(struct api_query *q, const char *key, long long value);
/* Adds filters=... when n > 0; the same key may appear several times. */
void api_query_filters(struct api_query *q, const struct api_filter *f,
		       size_t n);
char *api_query_take(struct api_query *q);
void api_query_done(struct api_query *q);

#endif
