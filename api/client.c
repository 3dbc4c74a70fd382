#include "api/client.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/buf.h"
#include "api/client_impl.h"
#include "api/client_io.h"
#include "api/client_ssh.h"

#define ERROR_BODY_MAX (64u * 1024u)

struct api_request {
	struct api_client *c;
	CURL *easy;
	struct curl_slist *headers;
	struct buf body;
	api_data_fn on_data;
	int (*on_open)(void *ud);
	int opened; /* on_open was called */
	api_done_fn on_done;
	size_t (*on_read)(char *buf, size_t len, void *ud);
	void *ud;
	int aborted;  /* on_data asked to stop */
	int overflow; /* the body passed its cap */
	int finishing;
	int in_data;	    /* inside on_data: curl holds the handle */
	int pending;	    /* started inside a callback, not yet added */
	int cancel_pending; /* cancelled from inside on_data */
	int paused;	    /* on_data said API_DATA_PAUSE */
	int lazy;	    /* its bytes may wait for the lazy window */
	char want_header[64];
	char curl_err[CURL_ERROR_SIZE];
	struct api_request *prev, *next;
};

/* Clients may share one multi handle (one loop waits on every engine).
 * While curl runs a callback for any of them, a request of any other
 * one must wait too, and be handed to curl afterwards: the clients and
 * the multi being performed are known here, per thread: the console is
 * one thread, and a worker that reads beside it (an image's export) has
 * clients of its own that never meet the console's. */
static _Thread_local struct api_client *clients;
static _Thread_local CURLM *performing;
/* Requests cancelled while curl ran a callback: curl refuses to let go
 * of a handle then (and freeing it anyway left curl writing another
 * transfer's answer into whatever reused the memory), so they are
 * silenced at once and let go once curl returns. */
static _Thread_local struct api_request *doomed;

/* The io's view of a transfer (CURLOPT_PRIVATE is its request). */
static int easy_is_lazy(CURL *e)
{
	struct api_request *r = NULL;

	curl_easy_getinfo(e, CURLINFO_PRIVATE, &r);
	return r && r->lazy;
}

api_code api_client_new(const struct api_client_opts *opts,
			struct api_client **out, struct api_error *err)
{
	static const struct api_client_opts defaults = {.tls = -1,
							.tls_verify = -1};
	const struct api_client_opts *o = opts ? opts : &defaults;
	const char *host = o->host;
	struct api_client *c;
	api_code rc;

	*out = NULL;
	if (!host || !*host)
		host = getenv("DOCKER_HOST");
	if (!host || !*host)
		host = "unix:///var/run/docker.sock";
	c = calloc(1, sizeof(*c));
	if (!c)
		return api_nomem(err);
	c->connect_timeout_ms =
		o->connect_timeout_ms ? o->connect_timeout_ms : 5000;
	c->request_timeout_ms =
		o->request_timeout_ms ? o->request_timeout_ms : 30000;
	snprintf(c->version, sizeof(c->version), "%s", API_VERSION_OLDEST);
	c->host = strdup(host);
	rc = c->host ? client_setup_tls(c, o, err) : api_nomem(err);
	if (rc == API_OK)
		rc = client_parse_host(c, host, o, err);
	if (rc == API_OK) {
		c->multi = o->multi ? o->multi : curl_multi_init();
		c->own_multi = !o->multi;
		c->io = c->multi ? client_io_get(c->multi, easy_is_lazy) : NULL;
		if (!c->io)
			rc = api_error_set(err, API_E_NOMEM, 0,
					   "cannot create a curl multi handle "
					   "or its poll set");
	}
	if (rc != API_OK) {
		api_client_free(c);
		return rc;
	}
	c->next_client = clients;
	clients = c;
	*out = c;
	return API_OK;
}

static void request_free(struct api_request *r);

void api_client_set_lazy_ms(struct api_client *c, long ms)
{
	client_io_set_lazy_ms(c->io, ms);
}

void api_client_free(struct api_client *c)
{
	struct api_client **p;

	if (!c)
		return;
	for (p = &clients; *p; p = &(*p)->next_client)
		if (*p == c) {
			*p = c->next_client;
			break;
		}
	while (c->reqs)
		api_request_cancel(c->reqs);
	client_io_put(c->io);
	if (c->own_multi && c->multi)
		curl_multi_cleanup(c->multi);
	ssh_dial_free(c->ssh);
	free(c->host);
	free(c->unix_path);
	free(c->base_url);
	free(c->ca);
	free(c->cert);
	free(c->key);
	free(c);
}

const char *api_client_host(const struct api_client *c)
{
	return c->host;
}

int api_client_is_tls(const struct api_client *c)
{
	return c->tls;
}

const char *api_client_transport(const struct api_client *c)
{
	if (c->tls)
		return c->tls_verify ? "TLS (verified)" : "TLS (NOT verified)";
	if (c->ssh)
		return "ssh";
	if (c->unix_path)
		return "unix socket";
	return "plain TCP (unencrypted)";
}

int api_client_is_local(const struct api_client *c)
{
	return c->unix_path && !c->ssh && !c->tls;
}

int api_client_is_plain_tcp(const struct api_client *c)
{
	return !c->tls && !c->ssh && !c->unix_path;
}

CURLM *api_client_multi(struct api_client *c)
{
	return c->multi;
}

int api_client_running(const struct api_client *c)
{
	return c->running;
}

static size_t on_write(char *p, size_t size, size_t nmemb, void *ud)
{
	struct api_request *r = ud;
	size_t n = size * nmemb;
	long status = 0;

	if (r->cancel_pending && !r->in_data)
		return 0; /* cancelled: abort, nobody is told */
	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &status);
	if (r->on_data && status >= 200 && status < 300) {
		int stop;
		r->in_data = 1;
		stop = r->on_data(p, n, r->ud);
		r->in_data = 0;
		if (stop == API_DATA_PAUSE && !r->cancel_pending) {
			/* curl keeps these bytes and hands them over again
			 * on api_request_resume */
			r->paused = 1;
			return CURL_WRITEFUNC_PAUSE;
		}
		if (stop || r->cancel_pending) {
			r->aborted = 1;
			return 0;
		}
		return n;
	}
	if (buf_append(&r->body, p, n) != 0) {
		r->overflow = 1;
		return 0;
	}
	return n;
}

/* The blank line that ends a 2xx answer's headers: the stream is open
 * (for events: the engine has taken the subscription). */
static size_t on_header(char *p, size_t size, size_t nitems, void *ud)
{
	struct api_request *r = ud;
	size_t n = size * nitems;
	long status = 0;
	int stop;

	if (r->cancel_pending && !r->in_data)
		return 0;
	if (r->opened || !(n == 2 && p[0] == '\r') || !r->on_open)
		return n;
	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &status);
	if (status < 200 || status >= 300)
		return n; /* an interim 1xx, or an error answer */
	r->opened = 1;
	r->in_data = 1;
	stop = r->on_open(r->ud);
	r->in_data = 0;
	if (stop || r->cancel_pending) {
		r->aborted = 1;
		return 0;
	}
	return n;
}

static size_t on_read_body(char *p, size_t size, size_t nitems, void *ud)
{
	struct api_request *r = ud;

	return r->on_read(p, size * nitems, r->ud);
}

/* The body comes from the caller's reader, chunked when its size is not
 * known; "Expect:" spares the wait for a 100 Continue. */
static int setup_read_body(struct api_request *r,
			   const struct api_request_spec *s)
{
	CURL *e = r->easy;
	struct curl_slist *h;
	int ok = 1;

	r->on_read = s->on_read;
	h = curl_slist_append(r->headers, "Expect:");
	ok &= h != NULL;
	if (h)
		r->headers = h;
	ok &= curl_easy_setopt(e, CURLOPT_POST, 1L) == CURLE_OK;
	ok &= curl_easy_setopt(e, CURLOPT_READFUNCTION, on_read_body) ==
	      CURLE_OK;
	ok &= curl_easy_setopt(e, CURLOPT_READDATA, r) == CURLE_OK;
	ok &= curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, s->body_size) ==
	      CURLE_OK;
	return ok;
}

static char *build_url(struct api_client *c, const struct api_request_spec *s)
{
	size_t n = strlen(c->base_url) + strlen(s->path) + 24;
	char *url = malloc(n);

	if (!url)
		return NULL;
	if (s->unversioned)
		snprintf(url, n, "%s%s", c->base_url, s->path);
	else
		snprintf(url, n, "%s/v%s%s", c->base_url, c->version, s->path);
	return url;
}

static api_code setup_easy(struct api_request *r,
			   const struct api_request_spec *s, const char *url)
{
	struct api_client *c = r->c;
	CURL *e = r->easy;
	const char *method = s->method ? s->method : "GET";
	long timeout = s->timeout_ms ? s->timeout_ms : c->request_timeout_ms;
	int ok = 1;
	size_t i;

	ok &= curl_easy_setopt(e, CURLOPT_URL, url) == CURLE_OK;
	if (c->unix_path)
		ok &= curl_easy_setopt(e, CURLOPT_UNIX_SOCKET_PATH,
				       c->unix_path) == CURLE_OK;
	if (c->ssh)
		ok &= ssh_dial_setup(c->ssh, e);
	ok &= curl_easy_setopt(e, CURLOPT_PRIVATE, r) == CURLE_OK;
	ok &= curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write) == CURLE_OK;
	ok &= curl_easy_setopt(e, CURLOPT_WRITEDATA, r) == CURLE_OK;
	if (s->on_open) {
		ok &= curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header) ==
		      CURLE_OK;
		ok &= curl_easy_setopt(e, CURLOPT_HEADERDATA, r) == CURLE_OK;
	}
	ok &= curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->curl_err) == CURLE_OK;
	ok &= curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
	ok &= curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
			       c->connect_timeout_ms) == CURLE_OK;
	if (!s->on_data && timeout > 0)
		ok &= curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, timeout) ==
		      CURLE_OK;
	ok &= curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method) == CURLE_OK;
	if (strcmp(method, "HEAD") == 0)
		ok &= curl_easy_setopt(e, CURLOPT_NOBODY, 1L) == CURLE_OK;
	/* a body, or a POST (empty), or one streamed (PUT of an archive) */
	if (s->body || s->on_read || strcmp(method, "POST") == 0) {
		char ct[128];
		snprintf(ct, sizeof(ct), "Content-Type: %s",
			 s->content_type ? s->content_type
					 : "application/json");
		r->headers = curl_slist_append(NULL, ct);
		ok &= r->headers != NULL;
		if (s->on_read) {
			ok &= setup_read_body(r, s);
		} else {
			ok &= curl_easy_setopt(
				      e, CURLOPT_POSTFIELDSIZE_LARGE,
				      (curl_off_t)(s->body ? s->body_len
							   : 0)) == CURLE_OK;
			ok &= curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS,
					       s->body ? s->body : "") ==
			      CURLE_OK;
		}
	}
	for (i = 0; s->headers && s->headers[i]; i++) {
		struct curl_slist *h =
			curl_slist_append(r->headers, s->headers[i]);
		ok &= h != NULL;
		if (h)
			r->headers = h;
	}
	if (r->headers)
		ok &= curl_easy_setopt(e, CURLOPT_HTTPHEADER, r->headers) ==
		      CURLE_OK;
	if (c->tls) {
		ok &= curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER,
				       (long)c->tls_verify) == CURLE_OK;
		ok &= curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST,
				       c->tls_verify ? 2L : 0L) == CURLE_OK;
		if (c->ca)
			ok &= curl_easy_setopt(e, CURLOPT_CAINFO, c->ca) ==
			      CURLE_OK;
		if (c->cert)
			ok &= curl_easy_setopt(e, CURLOPT_SSLCERT, c->cert) ==
			      CURLE_OK;
		if (c->key)
			ok &= curl_easy_setopt(e, CURLOPT_SSLKEY, c->key) ==
			      CURLE_OK;
	}
	return ok ? API_OK : API_E_NOMEM;
}

api_code api_request_start(struct api_client *c,
			   const struct api_request_spec *spec,
			   struct api_request **out, struct api_error *err)
{
	struct api_request *r;
	char *url;
	api_code rc = API_E_NOMEM;

	if (out)
		*out = NULL;
	if (!spec || !spec->path || spec->path[0] != '/')
		return api_error_set(err, API_E_INVALID, 0,
				     "a request path must start with /");
	r = calloc(1, sizeof(*r));
	if (!r)
		return api_nomem(err);
	r->c = c;
	r->on_data = spec->on_data;
	r->lazy = spec->on_data && spec->lazy;
	if (spec->want_header)
		snprintf(r->want_header, sizeof(r->want_header), "%s",
			 spec->want_header);
	r->on_open = spec->on_data ? spec->on_open : NULL;
	r->on_done = spec->on_done;
	r->ud = spec->ud;
	buf_init(&r->body, spec->on_data    ? ERROR_BODY_MAX
			   : spec->max_body ? spec->max_body
					    : API_DEFAULT_MAX_BODY);
	r->easy = curl_easy_init();
	url = r->easy ? build_url(c, spec) : NULL;
	if (url)
		rc = setup_easy(r, spec, url);
	free(url);
	if (rc == API_OK && performing == c->multi) {
		r->pending = 1;
		c->n_pending++;
	} else if (rc == API_OK &&
		   curl_multi_add_handle(c->multi, r->easy) != CURLM_OK) {
		rc = API_E_TRANSPORT;
	}
	if (rc != API_OK) {
		request_free(r);
		return api_error_set(err, rc, 0, "cannot start %s %s: %s",
				     spec->method ? spec->method : "GET",
				     spec->path, api_code_str(rc));
	}
	r->next = c->reqs;
	if (c->reqs)
		c->reqs->prev = r;
	c->reqs = r;
	c->running++;
	if (out)
		*out = r;
	return API_OK;
}

static void request_free(struct api_request *r)
{
	if (r->easy)
		curl_easy_cleanup(r->easy);
	curl_slist_free_all(r->headers);
	buf_free(&r->body);
	free(r);
}

/* Off the client's list, so the client no longer counts or frees it. */
static void request_detach(struct api_request *r)
{
	struct api_client *c = r->c;

	if (r->prev)
		r->prev->next = r->next;
	else
		c->reqs = r->next;
	if (r->next)
		r->next->prev = r->prev;
	r->prev = r->next = NULL;
	c->running--;
}

static void request_unlink(struct api_request *r)
{
	struct api_client *c = r->c;

	if (r->pending) {
		r->pending = 0;
		c->n_pending--;
	} else {
		curl_multi_remove_handle(c->multi, r->easy);
	}
	request_detach(r);
}

void api_request_resume(struct api_request *r)
{
	if (!r || !r->paused || r->in_data)
		return;
	r->paused = 0;
	curl_easy_pause(r->easy, CURLPAUSE_CONT);
}

void api_request_cancel(struct api_request *r)
{
	if (!r || r->finishing)
		return;
	if (r->in_data) {
		/* curl is inside this handle's write callback: let the
		 * callback abort the transfer, and finish quietly. */
		r->cancel_pending = 1;
		return;
	}
	if (!r->pending && performing == r->c->multi) {
		/* inside another handle's callback: free it later */
		r->cancel_pending = 1;
		request_detach(r);
		r->next = doomed;
		doomed = r;
		return;
	}
	request_unlink(r);
	request_free(r);
}

/* The requests cancelled during the last perform, now that curl lets
 * go of them; a message curl queued for one goes with its handle. */
static void bury_doomed(void)
{
	while (doomed) {
		struct api_request *r = doomed;
		doomed = r->next;
		curl_multi_remove_handle(r->c->multi, r->easy);
		request_free(r);
	}
}

/* The engine's own words for an error: {"message": "..."} per the spec,
 * else the first line of whatever came back, made printable. */
static void error_message(const struct buf *body, char *out, size_t n)
{
	cJSON *root =
		body->len ? cJSON_ParseWithLength(body->data, body->len) : NULL;
	const char *msg = cJSON_GetStringValue(
		cJSON_GetObjectItemCaseSensitive(root, "message"));
	size_t i, j = 0;

	if (!msg)
		msg = body->data ? body->data : "";
	for (i = 0; msg[i] && msg[i] != '\n' && j + 1 < n && i < 300; i++) {
		unsigned char ch = (unsigned char)msg[i];
		out[j++] = (ch < 0x20 || ch == 0x7f) ? '?' : (char)ch;
	}
	out[j] = '\0';
	cJSON_Delete(root);
}

static api_code classify(struct api_request *r, CURLcode cc, long status,
			 struct api_error *err)
{
	char msg[400];
	const char *what =
		r->curl_err[0] ? r->curl_err : curl_easy_strerror(cc);

	if (cc == CURLE_OK) {
		if (status >= 200 && status < 300)
			return API_OK;
		if (r->body.data &&
		    r->body.data[strspn(r->body.data, " \t\r\n")] == '<')
			/* A proxy's HTML page: its markup says nothing. */
			return api_error_set(err, API_E_HTTP, status,
					     "HTTP %ld with an HTML page, not "
					     "the engine's answer",
					     status);
		error_message(&r->body, msg, sizeof(msg));
		return api_error_set(err, API_E_HTTP, status, "%s",
				     msg[0] ? msg : "error without a message");
	}
	if (r->aborted)
		return api_error_set(err, API_E_CANCELLED, status, "cancelled");
	if (r->overflow)
		return api_error_set(err, API_E_TOO_LARGE, status,
				     "answer too large (over %zu bytes)",
				     r->body.max);
	switch (cc) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY: {
		/* curl words a unix socket failure as "localhost port 80";
		 * the system's reason says what is really wrong. */
		long os_errno = 0;
		curl_easy_getinfo(r->easy, CURLINFO_OS_ERRNO, &os_errno);
		return api_error_set(err, API_E_CONNECT, 0,
				     "cannot connect to the engine at %s: %s",
				     r->c->host,
				     os_errno ? strerror((int)os_errno) : what);
	}
	case CURLE_OPERATION_TIMEDOUT:
		return api_error_set(err, API_E_TIMEOUT, status,
				     "the engine at %s did not answer in "
				     "time",
				     r->c->host);
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
		return api_error_set(err, API_E_TRANSPORT, status,
				     "TLS: cannot verify the engine at %s "
				     "(check --tlscacert or "
				     "$DOCKER_CERT_PATH/ca.pem): %s",
				     r->c->host, what);
	default:
		if (r->c->ssh) {
			ssh_dial_last_error(r->c->ssh, msg, sizeof(msg));
			if (msg[0])
				return api_error_set(err, API_E_CONNECT, status,
						     "%s: %s (ssh: %s)",
						     r->c->host, what, msg);
		}
		return api_error_set(err, API_E_TRANSPORT, status, "%s: %s",
				     r->c->host, what);
	}
}

static void request_finish(struct api_request *r, CURLcode cc)
{
	struct api_response resp = {0};
	struct api_error err;
	api_code code;

	api_error_clear(&err);
	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &resp.status);
	code = classify(r, cc, resp.status, &err);
	request_unlink(r);
	if (!r->on_data || code != API_OK) {
		resp.body = r->body.data ? r->body.data : "";
		resp.body_len = r->body.len;
	}
	if (r->want_header[0]) {
		struct curl_header *h = NULL;

		if (curl_easy_header(r->easy, r->want_header, 0, CURLH_HEADER,
				     -1, &h) == CURLHE_OK &&
		    h)
			resp.header = h->value;
	}
	r->finishing = 1;
	if (r->on_done && !r->cancel_pending)
		r->on_done(r, code, &resp, &err, r->ud);
	request_free(r);
}

/* Hands curl the requests started while it was running a callback. */
static void add_pending(struct api_client *c)
{
	struct api_request *r, *next;

	for (r = c->reqs; r && c->n_pending > 0; r = next) {
		next = r->next;
		if (!r->pending)
			continue;
		r->pending = 0;
		c->n_pending--;
		if (curl_multi_add_handle(c->multi, r->easy) != CURLM_OK)
			request_finish(r, CURLE_FAILED_INIT);
	}
}

/* Every client on c's multi with requests started inside a callback. */
static int add_pending_all(struct api_client *c)
{
	struct api_client *o;
	int n = 0;

	for (o = clients; o; o = o->next_client)
		if (o->multi == c->multi && o->n_pending) {
			add_pending(o);
			n++;
		}
	return n;
}

int api_client_process(struct api_client *c)
{
	CURLMsg *m;
	int queued, round;

	for (round = 0; round < 4; round++) {
		performing = c->multi;
		client_io_turn(c->io);
		performing = NULL;
		bury_doomed();
		if (!add_pending_all(c))
			break;
	}
	while ((m = curl_multi_info_read(c->multi, &queued))) {
		struct api_request *r = NULL;
		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &r);
		/* A shared multi may hold other clients' requests too. */
		if (r)
			request_finish(r, m->data.result);
	}
	return c->running;
}

api_code api_client_wait(struct api_client *c, struct curl_waitfd *extra,
			 unsigned n_extra, int timeout_ms)
{
	return client_io_wait(c->io, extra, n_extra, timeout_ms) == 0
		       ? API_OK
		       : API_E_TRANSPORT;
}
