#include "api/build.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "api/buildctx.h"
#include "api/jsonlines.h"
#include "api/query.h"

char *api_build_path(const struct build_opts *o)
{
	struct api_query q;
	char *args = NULL;
	size_t k;

	api_query_init(&q, "/build");
	if (o->tag && *o->tag)
		api_query_str(&q, "t", o->tag);
	if (o->dockerfile && *o->dockerfile)
		api_query_str(&q, "dockerfile", o->dockerfile);
	if (o->target && *o->target)
		api_query_str(&q, "target", o->target);
	if (o->buildargs && o->buildargs->n) {
		cJSON *m = cJSON_CreateObject();
		for (k = 0; m && k < o->buildargs->n; k++) {
			const struct api_kv *kv = &o->buildargs->items[k];
			if (!kv->key || !cJSON_AddStringToObject(
						m, kv->key, api_str(kv->value)))
				q.failed = 1;
		}
		args = m ? cJSON_PrintUnformatted(m) : NULL;
		cJSON_Delete(m);
		if (!args)
			q.failed = 1;
		else
			api_query_str(&q, "buildargs", args);
		free(args);
	}
	return api_query_take(&q);
}

/* The message of {"error": "..."} or {"errorDetail": {"message": ...}}. */
static char *error_text(struct json_map *m, const cJSON *root)
{
	char *s = jm_str(m, root, "error");

	if (!s)
		s = jm_str(m, jm_get(root, "errorDetail"), "message");
	return s;
}

api_code api_build_line_parse(const char *json, size_t len,
			      struct build_msg *out, struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "build output", cJSON_Object, &root, err);
	if (rc != API_OK)
		return rc;
	if (jm_get(root, "error") || jm_get(root, "errorDetail")) {
		out->kind = BUILD_MSG_ERROR;
		out->text = error_text(&m, root);
		if (!out->text && !m.nomem)
			out->text = strdup("the build failed");
		if (!out->text)
			m.nomem = 1;
	} else if ((out->text = jm_str(&m, jm_get(root, "aux"), "ID"))) {
		out->kind = BUILD_MSG_AUX_ID;
	} else if ((out->text = jm_str(&m, root, "stream"))) {
		out->kind = BUILD_MSG_STREAM;
	} else if ((out->text = jm_str(&m, root, "status"))) {
		out->kind = BUILD_MSG_STATUS;
	}
	cJSON_Delete(root);
	if (m.nomem) {
		api_build_msg_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

void api_build_msg_free(struct build_msg *m)
{
	free(m->text);
	m->text = NULL;
	m->kind = BUILD_MSG_OTHER;
}

struct build_run {
	struct buildctx *ctx;
	struct jsonlines jl;
	build_msg_fn fn;
	void *ud;
	char id[160];
	char error[512];
	int nomem;
};

static size_t send_tar(char *buf, size_t len, void *ud)
{
	struct build_run *r = ud;
	ssize_t n = api_buildctx_read(r->ctx, buf, len);

	return n < 0 ? CURL_READFUNC_ABORT : (size_t)n;
}

/* Older engines name the image only in "Successfully built <id>". */
static void note_stream(struct build_run *r, const char *s)
{
	static const char pfx[] = "Successfully built ";
	size_t n;

	if (r->id[0] || strncmp(s, pfx, sizeof(pfx) - 1) != 0)
		return;
	s += sizeof(pfx) - 1;
	n = strcspn(s, " \r\n");
	if (n > 0 && n < sizeof(r->id)) {
		memcpy(r->id, s, n);
		r->id[n] = '\0';
	}
}

static int on_line(const char *line, size_t len, void *ud)
{
	struct build_run *r = ud;
	struct build_msg m;
	struct api_error e = {0};

	if (len == 0)
		return 0;
	if (api_build_line_parse(line, len, &m, &e) != API_OK) {
		r->nomem |= e.code == API_E_NOMEM;
		return 0; /* a stray line does not stop the build */
	}
	if (m.kind == BUILD_MSG_ERROR && !r->error[0])
		snprintf(r->error, sizeof(r->error), "%s", m.text);
	else if (m.kind == BUILD_MSG_AUX_ID)
		snprintf(r->id, sizeof(r->id), "%s", m.text);
	else if (m.kind == BUILD_MSG_STREAM)
		note_stream(r, m.text);
	if (r->fn)
		r->fn(&m, r->ud);
	api_build_msg_free(&m);
	return 0;
}

static int on_output(const char *data, size_t len, void *ud)
{
	struct build_run *r = ud;

	return jsonlines_feed(&r->jl, data, len);
}

static api_code build_result(struct build_run *r, api_code rc, char *image_id,
			     size_t id_len, struct api_error *err)
{
	const struct api_error *ce = api_buildctx_error(r->ctx);

	if (ce->code != API_OK)
		return api_error_set(err, ce->code, 0, "%s", ce->msg);
	if (rc != API_OK)
		return rc;
	if (r->error[0])
		return api_error_set(err, API_E_HTTP, 200, "build: %s",
				     r->error);
	if (r->nomem)
		return api_nomem(err);
	if (!r->id[0])
		return api_error_set(err, API_E_PARSE, 200,
				     "build: the engine named no image");
	if (image_id && id_len)
		snprintf(image_id, id_len, "%s", r->id);
	return API_OK;
}

api_code api_image_build(struct api_client *c, const struct build_opts *o,
			 build_msg_fn fn, void *ud, char *image_id,
			 size_t id_len, struct api_error *err)
{
	struct build_run r = {.fn = fn, .ud = ud};
	struct api_request_spec spec = {0};
	char *path;
	api_code rc;

	if (image_id && id_len)
		image_id[0] = '\0';
	rc = api_buildctx_open(o->context_dir, o->dockerfile, &r.ctx, err);
	if (rc != API_OK)
		return rc;
	path = api_build_path(o);
	if (!path) {
		api_buildctx_close(r.ctx);
		return api_nomem(err);
	}
	jsonlines_init(&r.jl, JSONLINES_DEFAULT_MAX, on_line, &r);
	spec.method = "POST";
	spec.path = path;
	spec.content_type = "application/x-tar";
	spec.on_read = send_tar;
	spec.body_size = -1;
	spec.on_data = on_output;
	spec.ud = &r;
	rc = api_call(c, &spec, NULL, NULL, NULL, err);
	if (rc == API_OK)
		jsonlines_finish(&r.jl);
	rc = build_result(&r, rc, image_id, id_len, err);
	jsonlines_done(&r.jl);
	api_buildctx_close(r.ctx);
	free(path);
	return rc;
}
