#include "api/pull.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json.h"
#include "api/jsonlines.h"
#include "api/query.h"

api_code api_pull_event_parse(const char *line, size_t len,
			      struct api_pull_event *out, struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root = NULL;
	const cJSON *e, *pd;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(line, len, "pull progress", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	out->id = jm_str(&m, root, "id");
	out->status = jm_str(&m, root, "status");
	pd = jm_get(root, "progressDetail");
	out->current = jm_i64(pd, "current");
	out->total = jm_i64(pd, "total");
	e = jm_get(root, "error");
	if (cJSON_IsString(e))
		out->error = jm_str(&m, root, "error");
	else if (e && !cJSON_IsNull(e))
		out->error = jm_str(&m, jm_get(root, "errorDetail"), "message");
	if (e && !cJSON_IsNull(e) && !out->error && !m.nomem)
		out->error = strdup("the engine reported an error");
	cJSON_Delete(root);
	if (m.nomem || (e && !cJSON_IsNull(e) && !out->error)) {
		api_pull_event_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

void api_pull_event_free(struct api_pull_event *e)
{
	if (!e)
		return;
	free(e->id);
	free(e->status);
	free(e->error);
	memset(e, 0, sizeof(*e));
}

int api_image_ref_split(const char *ref, char **name, char **tag)
{
	const char *at = strchr(ref, '@');
	const char *slash = strrchr(ref, '/');
	const char *colon = strrchr(ref, ':');
	const char *cut = NULL;

	*name = *tag = NULL;
	if (at)
		cut = at;
	else if (colon && (!slash || colon > slash))
		cut = colon;
	*name = cut ? strndup(ref, (size_t)(cut - ref)) : strdup(ref);
	*tag = strdup(!cut ? "latest" : at ? at + 1 : colon + 1);
	if (!*name || !*tag || !**name) {
		free(*name);
		free(*tag);
		*name = *tag = NULL;
		return -1;
	}
	return 0;
}

char *api_image_ref_registry(const char *ref)
{
	const char *slash = strchr(ref, '/');
	size_t n = slash ? (size_t)(slash - ref) : 0;

	/* Only a first component that looks like a host names a registry. */
	if (!slash || (!memchr(ref, '.', n) && !memchr(ref, ':', n) &&
		       strncmp(ref, "localhost", n) != 0))
		return strdup("docker.io");
	return strndup(ref, n);
}

char *api_image_pull_path(const char *ref)
{
	struct api_query q;
	char *name, *tag;

	if (!ref || !*ref || api_image_ref_split(ref, &name, &tag) < 0)
		return NULL;
	api_query_init(&q, "/images/create");
	api_query_str(&q, "fromImage", name);
	api_query_str(&q, "tag", tag);
	free(name);
	free(tag);
	return api_query_take(&q);
}

struct api_pull {
	struct jsonlines jl;
	struct api_request *req;
	api_pull_fn fn;
	api_pull_end_fn on_end;
	void *ud;
	char *path, *header;
	struct api_error failed;
	int has_failed;
};

static int on_line(const char *line, size_t len, void *ud)
{
	struct api_pull *p = ud;
	struct api_pull_event ev;
	struct api_error e;

	if (len == 0 || api_pull_event_parse(line, len, &ev, &e) != API_OK)
		return 0;
	if (ev.error && !p->has_failed) {
		p->has_failed = 1;
		api_error_set(&p->failed, API_E_HTTP, 200, "%s", ev.error);
	}
	if (p->fn)
		p->fn(&ev, p->ud);
	api_pull_event_free(&ev);
	return 0;
}

static int on_data(const char *data, size_t len, void *ud)
{
	struct api_pull *p = ud;

	jsonlines_feed(&p->jl, data, len);
	return 0;
}

static void pull_free(struct api_pull *p)
{
	jsonlines_done(&p->jl);
	free(p->path);
	free(p->header);
	free(p);
}

static void on_done(struct api_request *req, api_code code,
		    const struct api_response *resp,
		    const struct api_error *err, void *ud)
{
	struct api_pull *p = ud;
	struct api_error e = *err;

	(void)req;
	(void)resp;
	jsonlines_finish(&p->jl);
	/* An {"error": ...} line inside the 200 stream is the failure. */
	if (code == API_OK && p->has_failed) {
		e = p->failed;
		code = API_E_HTTP;
	}
	p->req = NULL;
	p->on_end(code, &e, p->ud);
	pull_free(p);
}

api_code api_pull_start(struct api_client *c, const char *ref, api_pull_fn fn,
			api_pull_end_fn on_end, void *ud, struct api_pull **out,
			struct api_error *err)
{
	struct api_request_spec spec = {0};
	const char *headers[2] = {NULL, NULL};
	struct api_pull *p;
	char *auth;
	api_code rc;

	if (!ref || !*ref)
		return api_error_set(err, API_E_INVALID, 0,
				     "no image reference");
	p = calloc(1, sizeof(*p));
	if (!p)
		return api_nomem(err);
	p->fn = fn;
	p->on_end = on_end;
	p->ud = ud;
	jsonlines_init(&p->jl, JSONLINES_DEFAULT_MAX, on_line, p);
	p->path = api_image_pull_path(ref);
	if (!p->path) {
		pull_free(p);
		return api_nomem(err);
	}
	/* Credentials from ~/.docker/config.json, when it has some for
	 * this registry; anonymous otherwise. */
	auth = api_registry_auth_load(ref);
	if (auth && (p->header = malloc(strlen(auth) + 20)) != NULL) {
		snprintf(p->header, strlen(auth) + 20, "X-Registry-Auth: %s",
			 auth);
		headers[0] = p->header;
		spec.headers = headers;
	}
	free(auth);
	spec.method = "POST";
	spec.path = p->path;
	spec.on_data = on_data;
	spec.on_done = on_done;
	spec.ud = p;
	rc = api_request_start(c, &spec, &p->req, err);
	if (rc != API_OK) {
		pull_free(p);
		return rc;
	}
	if (out)
		*out = p;
	return API_OK;
}

void api_pull_cancel(struct api_pull *p)
{
	if (!p)
		return;
	api_request_cancel(p->req);
	pull_free(p);
}

struct pull_wait {
	api_pull_fn fn;
	void *ud;
	int done;
	api_code code;
	struct api_error err;
};

static void wait_event(const struct api_pull_event *ev, void *ud)
{
	struct pull_wait *w = ud;

	if (w->fn)
		w->fn(ev, w->ud);
}

static void wait_end(api_code code, const struct api_error *err, void *ud)
{
	struct pull_wait *w = ud;

	w->done = 1;
	w->code = code;
	w->err = *err;
}

api_code api_image_pull(struct api_client *c, const char *ref, api_pull_fn fn,
			void *ud_fn, struct api_error *err)
{
	struct pull_wait w = {.fn = fn, .ud = ud_fn};
	api_code rc =
		api_pull_start(c, ref, wait_event, wait_end, &w, NULL, err);

	if (rc != API_OK)
		return rc;
	api_client_run_until(c, &w.done);
	if (w.code != API_OK && err)
		*err = w.err;
	return w.code;
}

static int b64_val(int ch)
{
	static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = ch ? strchr(alpha, ch) : NULL;

	return p ? (int)(p - alpha) : -1;
}

/* Standard base64 with or without padding; NULL on a bad byte. */
static char *b64_decode(const char *s)
{
	size_t n = strlen(s), o = 0, i;
	char *out = malloc(n / 4 * 3 + 4);
	unsigned acc = 0;
	int bits = 0;

	if (!out)
		return NULL;
	for (i = 0; i < n && s[i] != '='; i++) {
		int v = b64_val((unsigned char)s[i]);

		if (v < 0) {
			free(out);
			return NULL;
		}
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((acc >> bits) & 0xff);
		}
	}
	out[o] = '\0';
	return out;
}

/* base64url, as the engine decodes X-Registry-Auth. */
static char *b64url_encode(const char *s)
{
	static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "abcdefghijklmnopqrstuvwxyz0123456789-_";
	size_t n = strlen(s), i, o = 0;
	char *out = malloc(n / 3 * 4 + 5);
	const unsigned char *u = (const unsigned char *)s;

	if (!out)
		return NULL;
	for (i = 0; i < n; i += 3) {
		unsigned v = (unsigned)u[i] << 16;

		v |= i + 1 < n ? (unsigned)u[i + 1] << 8 : 0;
		v |= i + 2 < n ? u[i + 2] : 0;
		out[o++] = alpha[(v >> 18) & 63];
		out[o++] = alpha[(v >> 12) & 63];
		out[o++] = i + 1 < n ? alpha[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < n ? alpha[v & 63] : '=';
	}
	out[o] = '\0';
	return out;
}

/* The auths entry for reg: keys may be "host", "https://host" or, for the
 * Hub, the legacy index URL. */
static const cJSON *auth_entry(const cJSON *auths, const char *reg)
{
	const cJSON *e;
	int hub = strcmp(reg, "docker.io") == 0;

	cJSON_ArrayForEach (e, auths) {
		const char *k = e->string ? e->string : "";
		const char *h = strstr(k, "://") ? strstr(k, "://") + 3 : k;
		size_t n = strlen(reg);

		if (hub && strstr(k, "index.docker.io"))
			return e;
		if (strncmp(h, reg, n) == 0 && (h[n] == '\0' || h[n] == '/'))
			return e;
	}
	return NULL;
}

static char *auth_json(const cJSON *e, const char *reg)
{
	struct json_map m = {0};
	char *user = jm_str(&m, e, "username"),
	     *pass = jm_str(&m, e, "password");
	char *dec = NULL, *out = NULL, *text;
	cJSON *o = cJSON_CreateObject();
	const cJSON *a = jm_get(e, "auth");

	if (cJSON_IsString(a) && *a->valuestring) {
		char *colon;

		dec = b64_decode(a->valuestring);
		colon = dec ? strchr(dec, ':') : NULL;
		if (colon) {
			*colon = '\0';
			free(user);
			free(pass);
			user = strdup(dec);
			pass = strdup(colon + 1);
		}
	}
	if (o && user && pass && cJSON_AddStringToObject(o, "username", user) &&
	    cJSON_AddStringToObject(o, "password", pass) &&
	    cJSON_AddStringToObject(o, "serveraddress", reg)) {
		text = cJSON_PrintUnformatted(o);
		out = text ? b64url_encode(text) : NULL;
		free(text);
	}
	cJSON_Delete(o);
	free(dec);
	free(user);
	free(pass);
	return out;
}

char *api_registry_auth_from_config(const char *ref, const char *json,
				    size_t len)
{
	cJSON *root = NULL;
	const cJSON *e;
	char *reg, *out = NULL;

	if (!ref || !json ||
	    json_parse_as(json, len, "docker config", cJSON_Object, &root,
			  NULL) != API_OK)
		return NULL;
	reg = api_image_ref_registry(ref);
	e = reg ? auth_entry(jm_get(root, "auths"), reg) : NULL;
	if (e)
		out = auth_json(e, reg);
	free(reg);
	cJSON_Delete(root);
	return out;
}

char *api_registry_auth_load(const char *ref)
{
	const char *dir = getenv("DOCKER_CONFIG"), *home = getenv("HOME");
	char path[1024], *text, *out;
	long n;
	FILE *f;

	if (dir && *dir)
		snprintf(path, sizeof(path), "%s/config.json", dir);
	else if (home && *home)
		snprintf(path, sizeof(path), "%s/.docker/config.json", home);
	else
		return NULL;
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	text = malloc(1024 * 1024 + 1);
	n = text ? (long)fread(text, 1, 1024 * 1024, f) : 0;
	fclose(f);
	if (!text)
		return NULL;
	text[n] = '\0';
	out = api_registry_auth_from_config(ref, text, (size_t)n);
	free(text);
	return out;
}
