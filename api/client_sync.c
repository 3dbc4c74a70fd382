#include "api/client.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* The blocking side of the transport: it drives the same multi handle as
 * the console's loop, one request at a time, for tests and commands. */

struct sync_state {
	api_data_fn on_data; /* the caller's, with its ud */
	size_t (*on_read)(char *buf, size_t len, void *ud);
	void *data_ud;
	int done;
	api_code code;
	long status;
	char *body;
	size_t body_len;
	struct api_error err;
};

static void sync_done(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct sync_state *st = ud;

	(void)req;
	st->done = 1;
	st->code = code;
	st->status = resp->status;
	st->err = *err;
	if (resp->body) {
		st->body = malloc(resp->body_len + 1);
		if (st->body) {
			memcpy(st->body, resp->body, resp->body_len);
			st->body[resp->body_len] = '\0';
			st->body_len = resp->body_len;
		} else if (code == API_OK) {
			st->code = api_error_set(&st->err, API_E_NOMEM,
						 resp->status, "out of memory");
		}
	}
}

static int sync_data(const char *data, size_t len, void *ud)
{
	struct sync_state *st = ud;

	return st->on_data(data, len, st->data_ud);
}

static size_t sync_read(char *buf, size_t len, void *ud)
{
	struct sync_state *st = ud;

	return st->on_read(buf, len, st->data_ud);
}

void api_client_run_until(struct api_client *c, const int *done)
{
	while (!*done) {
		api_client_process(c);
		if (!*done)
			api_client_wait(c, NULL, 0, 1000);
	}
}

api_code api_call(struct api_client *c, const struct api_request_spec *spec,
		  long *status, char **body, size_t *body_len,
		  struct api_error *err)
{
	struct api_request_spec s = *spec;
	struct sync_state st = {0};
	api_code rc;

	st.on_data = spec->on_data;
	st.data_ud = spec->ud;
	if (spec->on_data)
		s.on_data = sync_data;
	st.on_read = spec->on_read;
	if (spec->on_read)
		s.on_read = sync_read;
	s.on_done = sync_done;
	s.ud = &st;
	rc = api_request_start(c, &s, NULL, err);
	if (rc != API_OK)
		return rc;
	api_client_run_until(c, &st.done);
	if (status)
		*status = st.status;
	if (body) {
		*body = st.body;
		if (body_len)
			*body_len = st.body_len;
	} else {
		free(st.body);
	}
	if (st.code != API_OK && err)
		*err = st.err;
	return st.code;
}

api_code api_client_negotiate(struct api_client *c, struct api_error *err)
{
	struct api_request_spec spec = {.path = "/version", .unversioned = 1};
	char *body = NULL;
	size_t len = 0;
	long status = 0;
	cJSON *root;
	api_code rc;

	rc = api_call(c, &spec, &status, &body, &len, err);
	if (rc != API_OK) {
		free(body);
		return rc;
	}
	root = cJSON_ParseWithLength(body, len);
	free(body);
	if (!cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return api_error_set(err, API_E_PARSE, status,
				     "GET /version: the answer is not a JSON "
				     "object");
	}
	rc = api_client_set_version(
		c,
		cJSON_GetStringValue(
			cJSON_GetObjectItemCaseSensitive(root, "ApiVersion")),
		cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
			root, "MinAPIVersion")),
		err);
	cJSON_Delete(root);
	return rc;
}

api_code api_fetch(struct api_client *c, const char *method, const char *path,
		   int unversioned, const char *json_body, char **body,
		   size_t *len, struct api_error *err)
{
	struct api_request_spec spec = {0};
	char *got = NULL;
	size_t got_len = 0;
	api_code rc;

	if (body)
		*body = NULL;
	if (len)
		*len = 0;
	spec.method = method;
	spec.path = path;
	spec.unversioned = unversioned;
	spec.body = json_body;
	spec.body_len = json_body ? strlen(json_body) : 0;
	rc = api_call(c, &spec, NULL, &got, &got_len, err);
	if (rc != API_OK || !body) {
		free(got);
		return rc;
	}
	*body = got;
	if (len)
		*len = got_len;
	return rc;
}

api_code api_fetch_take(struct api_client *c, const char *method, char *path,
			char **body, size_t *len, struct api_error *err)
{
	api_code rc;

	if (!path) {
		if (body)
			*body = NULL;
		if (len)
			*len = 0;
		return api_nomem(err);
	}
	rc = api_fetch(c, method, path, 0, NULL, body, len, err);
	free(path);
	return rc;
}
