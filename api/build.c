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

struct api_build {
	struct buildctx *ctx;
	struct jsonlines jl;
	struct api_request *req;
	build_msg_fn fn;
	api_build_end_fn on_end;
	void *ud;
	char *path;
	char id[160];
	char error[512];
	int nomem;
};

static size_t send_tar(char *buf, size_t len, void *ud)
{
	struct api_build *r = ud;
	ssize_t n = api_buildctx_read(r->ctx, buf, len);

	return n < 0 ? CURL_READFUNC_ABORT : (size_t)n;
}

/* Older engines name the image only in "Successfully built <id>". */
static void note_stream(struct api_build *r, const char *s)
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
	struct api_build *r = ud;
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
	struct api_build *r = ud;

	return jsonlines_feed(&r->jl, data, len);
}

static api_code build_result(struct api_build *r, api_code rc,
			     struct api_error *err)
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
	return API_OK;
}

static void build_free(struct api_build *r)
{
	jsonlines_done(&r->jl);
	api_buildctx_close(r->ctx);
	free(r->path);
	free(r);
}

static void on_done(struct api_request *req, api_code code,
		    const struct api_response *resp,
		    const struct api_error *err, void *ud)
{
	struct api_build *r = ud;
	struct api_error e = *err;

	(void)req;
	(void)resp;
	r->req = NULL;
	if (code == API_OK)
		jsonlines_finish(&r->jl);
	code = build_result(r, code, &e);
	r->on_end(code, code == API_OK ? r->id : "", &e, r->ud);
	build_free(r);
}

api_code api_build_start(struct api_client *c, const struct build_opts *o,
			 build_msg_fn fn, api_build_end_fn on_end, void *ud,
			 struct api_build **out, struct api_error *err)
{
	struct api_request_spec spec = {0};
	struct api_build *r = calloc(1, sizeof(*r));
	api_code rc;

	if (!r)
		return api_nomem(err);
	r->fn = fn;
	r->on_end = on_end;
	r->ud = ud;
	jsonlines_init(&r->jl, JSONLINES_DEFAULT_MAX, on_line, r);
	rc = api_buildctx_open(o->context_dir, o->dockerfile, &r->ctx, err);
	if (rc != API_OK) {
		build_free(r);
		return rc;
	}
	r->path = api_build_path(o);
	if (!r->path) {
		build_free(r);
		return api_nomem(err);
	}
	spec.method = "POST";
	spec.path = r->path;
	spec.content_type = "application/x-tar";
	spec.on_read = send_tar;
	spec.body_size = -1;
	spec.on_data = on_output;
	spec.on_done = on_done;
	spec.ud = r;
	rc = api_request_start(c, &spec, &r->req, err);
	if (rc != API_OK) {
		build_free(r);
		return rc;
	}
	if (out)
		*out = r;
	return API_OK;
}

void api_build_cancel(struct api_build *r)
{
	if (!r)
		return;
	api_request_cancel(r->req);
	build_free(r);
}

struct build_wait {
	build_msg_fn fn;
	void *ud;
	int done;
	api_code code;
	struct api_error err;
	char *id;
	size_t id_len;
};

static void wait_msg(const struct build_msg *m, void *ud)
{
	struct build_wait *w = ud;

	if (w->fn)
		w->fn(m, w->ud);
}

static void wait_end(api_code code, const char *image_id,
		     const struct api_error *err, void *ud)
{
	struct build_wait *w = ud;

	w->done = 1;
	w->code = code;
	w->err = *err;
	if (w->id && w->id_len)
		snprintf(w->id, w->id_len, "%s", image_id);
}

api_code api_image_build(struct api_client *c, const struct build_opts *o,
			 build_msg_fn fn, void *ud, char *image_id,
			 size_t id_len, struct api_error *err)
{
	struct build_wait w = {
		.fn = fn, .ud = ud, .id = image_id, .id_len = id_len};
	api_code rc;

	if (image_id && id_len)
		image_id[0] = '\0';
	rc = api_build_start(c, o, wait_msg, wait_end, &w, NULL, err);
	if (rc != API_OK)
		return rc;
	api_client_run_until(c, &w.done);
	if (w.code != API_OK && err)
		*err = w.err;
	return w.code;
}
