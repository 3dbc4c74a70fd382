#include "api/logs.h"

#include <stdlib.h>
#include <string.h>

#include "api/buf.h"
#include "api/query.h"

char *api_logs_path(const char *id, const struct api_logs_opts *opts)
{
	static const struct api_logs_opts defaults = API_LOGS_OPTS_INIT;
	struct api_query q;
	int out, errs;

	if (!id || !*id)
		return NULL;
	if (!opts)
		opts = &defaults;
	out = opts->want_stdout;
	errs = opts->want_stderr;
	if (!out && !errs) /* the engine refuses a request for neither */
		out = errs = 1;
	api_query_init(&q, "/containers/");
	api_query_seg(&q, id);
	api_query_raw(&q, "/logs");
	api_query_bool(&q, "stdout", out);
	api_query_bool(&q, "stderr", errs);
	if (opts->follow)
		api_query_bool(&q, "follow", 1);
	if (opts->since > 0)
		api_query_int(&q, "since", (long long)opts->since);
	if (opts->until > 0)
		api_query_int(&q, "until", (long long)opts->until);
	if (opts->tail >= 0)
		api_query_int(&q, "tail", (long long)opts->tail);
	else
		api_query_str(&q, "tail", "all");
	if (opts->timestamps)
		api_query_bool(&q, "timestamps", 1);
	return api_query_take(&q);
}

/* The request ended with code; what it means once the frames are
 * accounted for (garbage aborts the transfer, a cut frame ends it). */
static api_code settle(struct logframes *lf, api_code code, long status,
		       struct api_error *err)
{
	if (code == API_OK)
		logframes_finish(lf);
	if ((code == API_OK || code == API_E_CANCELLED) && logframes_error(lf))
		return api_error_set(err, API_E_PARSE, status,
				     "container logs: %s", logframes_error(lf));
	return code;
}

struct api_logs_stream {
	struct logframes lf;
	struct api_request *req;
	api_logs_end_fn on_end;
	void *ud;
};

static int stream_data(const char *data, size_t len, void *ud)
{
	struct api_logs_stream *s = ud;

	return logframes_feed(&s->lf, data, len) != 0;
}

static void stream_done(struct api_request *req, api_code code,
			const struct api_response *resp,
			const struct api_error *err, void *ud)
{
	struct api_logs_stream *s = ud;
	struct api_error e = *err;

	(void)req;
	code = settle(&s->lf, code, resp->status, &e);
	if (s->on_end)
		s->on_end(code, &e, s->ud);
	free(s);
}

static api_code bad_path(const char *id, struct api_error *err)
{
	if (!id || !*id)
		return api_error_set(err, API_E_INVALID, 0,
				     "container logs: no container given");
	return api_nomem(err);
}

api_code api_logs_start(struct api_client *c, const char *id,
			const struct api_logs_opts *opts, int tty,
			logframes_fn on_chunk, api_logs_end_fn on_end, void *ud,
			struct api_logs_stream **out, struct api_error *err)
{
	struct api_request_spec spec;
	struct api_logs_stream *s;
	char *path;
	api_code rc;

	*out = NULL;
	if (!on_chunk)
		return api_error_set(err, API_E_INVALID, 0,
				     "container logs: no chunk callback");
	path = api_logs_path(id, opts);
	if (!path)
		return bad_path(id, err);
	s = calloc(1, sizeof(*s));
	if (!s) {
		free(path);
		return api_nomem(err);
	}
	logframes_init(&s->lf, tty, on_chunk, ud);
	s->on_end = on_end;
	s->ud = ud;
	memset(&spec, 0, sizeof(spec));
	spec.path = path;
	spec.on_data = stream_data;
	spec.on_done = stream_done;
	spec.ud = s;
	rc = api_request_start(c, &spec, &s->req, err);
	free(path);
	if (rc != API_OK) {
		free(s);
		return rc;
	}
	*out = s;
	return API_OK;
}

void api_logs_stop(struct api_logs_stream *s)
{
	if (!s)
		return;
	api_request_cancel(s->req);
	free(s);
}

struct collect {
	struct logframes lf;
	struct buf b[2];
	size_t left; /* bytes still allowed */
	int capped;
	int nomem;
	int done;
	api_code code;
	struct api_error err;
};

static int collect_chunk(int stream, const char *data, size_t len, void *ud)
{
	struct collect *st = ud;
	size_t n = len < st->left ? len : st->left;

	if (n && buf_append(&st->b[stream == LOG_STDERR], data, n) != 0) {
		st->nomem = 1;
		return 1;
	}
	st->left -= n;
	if (n < len) {
		st->capped = 1;
		return 1;
	}
	return 0;
}

static int collect_data(const char *data, size_t len, void *ud)
{
	struct collect *st = ud;

	return logframes_feed(&st->lf, data, len) != 0;
}

static void collect_done(struct api_request *req, api_code code,
			 const struct api_response *resp,
			 const struct api_error *err, void *ud)
{
	struct collect *st = ud;

	(void)req;
	(void)resp;
	st->done = 1;
	st->code = code;
	st->err = *err;
}

/* api_call would take over the spec's ud, which on_data needs too. */
static api_code collect_run(struct api_client *c, const char *path,
			    struct collect *st, struct api_error *err)
{
	struct api_request_spec spec;
	api_code rc;

	memset(&spec, 0, sizeof(spec));
	spec.path = path;
	spec.on_data = collect_data;
	spec.on_done = collect_done;
	spec.ud = st;
	rc = api_request_start(c, &spec, NULL, err);
	if (rc != API_OK)
		return rc;
	while (!st->done) {
		api_client_process(c);
		if (!st->done)
			api_client_wait(c, NULL, 0, 1000);
	}
	if (st->code != API_OK && err)
		*err = st->err;
	return st->code;
}

static api_code collect_take(struct collect *st, struct api_logs *out,
			     struct api_error *err)
{
	out->stdout_len = st->b[0].len;
	out->stderr_len = st->b[1].len;
	out->stdout_data = buf_take(&st->b[0]);
	out->stderr_data = buf_take(&st->b[1]);
	out->capped = st->capped;
	if (!out->stdout_data || !out->stderr_data) {
		api_logs_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_logs_collect(struct api_client *c, const char *id,
			  const struct api_logs_opts *opts, int tty,
			  size_t max_bytes, struct api_logs *out,
			  struct api_error *err)
{
	struct api_logs_opts o = API_LOGS_OPTS_INIT;
	struct collect st;
	char *path;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (opts)
		o = *opts;
	o.follow = 0; /* it would never return */
	path = api_logs_path(id, &o);
	if (!path)
		return bad_path(id, err);
	memset(&st, 0, sizeof(st));
	logframes_init(&st.lf, tty, collect_chunk, &st);
	st.left = max_bytes ? max_bytes : API_LOGS_DEFAULT_MAX;
	buf_init(&st.b[0], st.left);
	buf_init(&st.b[1], st.left);
	rc = collect_run(c, path, &st, err);
	free(path);
	if (rc == API_E_CANCELLED && st.nomem)
		rc = api_nomem(err);
	else if (rc == API_E_CANCELLED && st.capped)
		rc = API_OK;
	else
		rc = settle(&st.lf, rc, 200, err);
	if (rc == API_OK)
		rc = collect_take(&st, out, err);
	buf_free(&st.b[0]);
	buf_free(&st.b[1]);
	return rc;
}

void api_logs_free(struct api_logs *l)
{
	if (!l)
		return;
	free(l->stdout_data);
	free(l->stderr_data);
	memset(l, 0, sizeof(*l));
}
