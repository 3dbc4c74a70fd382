/* The JSON walk: what it accepts cJSON accepts, and its events nest. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct nest {
	unsigned depth;
};

static int check(const struct json_ev *ev, void *ud)
{
	struct nest *n = ud;
	char *s;

	if (ev->depth != n->depth || ev->depth > JSON_SCAN_MAX_DEPTH)
		abort();
	if (ev->key && ev->depth == 0)
		abort();
	switch (ev->tok) {
	case JSON_OBJ_BEGIN:
	case JSON_ARR_BEGIN:
		n->depth++;
		break;
	case JSON_STRING:
		s = json_scan_strdup(ev);
		if (s && strlen(s) > ev->len)
			abort();
		free(s);
		break;
	case JSON_NUMBER:
		(void)json_scan_u64(ev);
		break;
	default:
		break;
	}
	return 0;
}

static int closing(const struct json_ev *ev, void *ud)
{
	struct nest *n = ud;

	if (ev->tok == JSON_OBJ_END || ev->tok == JSON_ARR_END) {
		if (n->depth == 0)
			abort();
		n->depth--;
	}
	return check(ev, ud);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct nest n = {0};

	if (json_scan(text, size, closing, &n) != 0)
		return 0;
	if (n.depth != 0)
		abort();
	/* cJSON refuses lone surrogates and a NUL inside the text; both
	 * are fine here.  Anything else accepted must parse there too. */
	if (!memmem(text, size, "\\u", 2) && !memchr(text, '\0', size)) {
		cJSON *j = cJSON_ParseWithLength(text, size);
		if (!j)
			abort();
		cJSON_Delete(j);
	}
	return 0;
}
