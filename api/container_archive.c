#include "api/container_archive.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/json.h"
#include "api/query.h"

#define STAT_HEADER "X-Docker-Container-Path-Stat"
#define STAT_MAX 8192 /* the header, base64: a name and a link target */

char *api_container_archive_path(const char *id, const char *path)
{
	struct api_query q;

	if (!id || !*id || !path || !*path)
		return NULL;
	api_query_init(&q, "/containers/");
	api_query_seg(&q, id);
	api_query_raw(&q, "/archive");
	api_query_str(&q, "path", path);
	return api_query_take(&q);
}

static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

/* Standard or URL base64, padding optional; -1 on a bad byte. */
static ssize_t b64_decode(const char *in, size_t len, char *out, size_t cap)
{
	unsigned acc = 0;
	int bits = 0, v;
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		if (in[i] == '=' || in[i] == '\r' || in[i] == '\n' ||
		    in[i] == ' ')
			continue;
		if ((v = b64_value((unsigned char)in[i])) < 0)
			return -1;
		acc = (acc << 6 | (unsigned)v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o >= cap)
				return -1;
			out[o++] = (char)(acc >> bits & 0xff);
		}
	}
	return (ssize_t)o;
}

api_code api_path_stat_parse(const char *b64, size_t len,
			     struct api_path_stat *st, struct api_error *err)
{
	struct json_map m = {0};
	char json[STAT_MAX];
	cJSON *root;
	ssize_t n;
	api_code rc;

	memset(st, 0, sizeof(*st));
	if (!b64 || len >= STAT_MAX ||
	    (n = b64_decode(b64, len, json, sizeof(json) - 1)) < 0)
		return api_error_set(err, API_E_PARSE, 0,
				     "path stat: not base64");
	json[n] = '\0';
	rc = json_parse_as(json, (size_t)n, "path stat", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	st->name = jm_str(&m, root, "name");
	st->size = jm_i64(root, "size");
	st->mode = (uint32_t)jm_u64(root, "mode");
	st->link_target = jm_str(&m, root, "linkTarget");
	cJSON_Delete(root);
	if (m.nomem) {
		api_path_stat_free(st);
		return api_nomem(err);
	}
	return API_OK;
}

void api_path_stat_free(struct api_path_stat *st)
{
	free(st->name);
	free(st->link_target);
	memset(st, 0, sizeof(*st));
}

/* One blocking request whose on_done keeps the code, the error and the
 * header. */
struct call {
	int done;
	api_code code;
	struct api_error err;
	char *header;
	int fd;
	int write_failed;
};

static void call_done(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct call *k = ud;

	(void)req;
	k->code = code;
	if (code != API_OK && err)
		k->err = *err;
	if (resp && resp->header)
		k->header = strdup(resp->header);
	k->done = 1;
}

static api_code run(struct api_client *c, struct api_request_spec *s,
		    struct call *k, struct api_error *err)
{
	api_code rc;

	s->on_done = call_done;
	s->ud = k;
	rc = api_request_start(c, s, NULL, err);
	if (rc != API_OK)
		return rc;
	api_client_run_until(c, &k->done);
	if (k->code != API_OK)
		*err = k->err;
	return k->code;
}

api_code api_container_stat_path(struct api_client *c, const char *id,
				 const char *path, struct api_path_stat *st,
				 struct api_error *err)
{
	struct api_request_spec s = {.method = "HEAD",
				     .want_header = STAT_HEADER};
	struct call k = {0};
	char *p = api_container_archive_path(id, path);
	api_code rc;

	memset(st, 0, sizeof(*st));
	if (!p)
		return api_error_set(err, API_E_INVALID, 0,
				     "archive: no container or path");
	s.path = p;
	rc = run(c, &s, &k, err);
	free(p);
	if (rc == API_OK)
		rc = k.header ? api_path_stat_parse(k.header, strlen(k.header),
						    st, err)
			      : api_error_set(err, API_E_PARSE, 0,
					      "archive: no path stat");
	free(k.header);
	return rc;
}

static int to_fd(const char *data, size_t len, void *ud)
{
	struct call *k = ud;
	ssize_t w;

	while (len) {
		w = write(k->fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			k->write_failed = errno ? errno : EIO;
			return 1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* A GET or PUT of the archive at path with its bytes through fd. */
static api_code transfer(struct api_client *c, const char *id, const char *path,
			 struct api_request_spec *s, int fd, const char *doing,
			 struct api_error *err)
{
	struct call k = {0};
	char *p = api_container_archive_path(id, path);
	api_code rc;

	if (!p)
		return api_error_set(err, API_E_INVALID, 0,
				     "archive: no container or path");
	k.fd = fd;
	s->path = p;
	rc = run(c, s, &k, err);
	free(p);
	if (k.write_failed)
		return api_error_set(err, API_E_TRANSPORT, 0,
				     "archive: %s it: %s", doing,
				     strerror(k.write_failed));
	return rc;
}

api_code api_container_archive_get(struct api_client *c, const char *id,
				   const char *path, int fd,
				   struct api_error *err)
{
	struct api_request_spec s = {.on_data = to_fd};

	return transfer(c, id, path, &s, fd, "writing", err);
}

static size_t from_fd(char *buf, size_t len, void *ud)
{
	struct call *k = ud;
	ssize_t n;

	do
		n = read(k->fd, buf, len);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		k->write_failed = errno;
		return CURL_READFUNC_ABORT;
	}
	return (size_t)n;
}

api_code api_container_archive_put(struct api_client *c, const char *id,
				   const char *dir, int fd, off_t size,
				   struct api_error *err)
{
	struct api_request_spec s = {.method = "PUT",
				     .content_type = "application/x-tar",
				     .on_read = from_fd,
				     .body_size = (curl_off_t)size,
				     /* as long as the copy takes */
				     .timeout_ms = -1};

	return transfer(c, id, dir, &s, fd, "reading", err);
}
