#ifndef BERTH_API_CLIENT_H
#define BERTH_API_CLIENT_H

#include <curl/curl.h>
#include <stddef.h>

#include "api/error.h"

/*
 * The transport: one client per engine, every request an easy handle on a
 * curl multi handle that the caller's loop drives (api_client_wait +
 * api_client_process), so nothing here ever blocks the console.  api_call()
 * is the thin blocking wrapper for tests and headless commands; it drives
 * the same multi, so requests started elsewhere keep progressing.  A
 * client belongs to the thread that made it; another thread makes its
 * own (curl_global_init must have run before either started).
 */

/* The newest API version berth speaks, and the oldest it can live with. */
#define API_VERSION_NEWEST "1.47"
#define API_VERSION_OLDEST "1.40"

#define API_DEFAULT_MAX_BODY (64u * 1024u * 1024u)

struct api_client;
struct api_request;

struct api_client_opts {
	const char *host;      /* NULL: $DOCKER_HOST, else the local socket */
	int tls;	       /* -1: from $DOCKER_TLS_VERIFY/$DOCKER_TLS */
	int tls_verify;	       /* -1: on whenever TLS is on */
	const char *cert_path; /* NULL: $DOCKER_CERT_PATH, else ~/.docker */
	const char *tls_ca;    /* each overrides the file in cert_path */
	const char *tls_cert;
	const char *tls_key;
	long connect_timeout_ms; /* 0: 5 s */
	long request_timeout_ms; /* 0: 30 s; streams have none */
	CURLM *multi;		 /* NULL: the client makes its own */
	/* Plain tcp:// to another host sends everything, root-equivalent
	 * access included, in the clear: refused unless set. */
	int allow_insecure_tcp;
	const char
		*ssh_opts; /* ssh:// extra ssh options; NULL: $BERTH_SSH_OPTS */
};

struct api_response {
	long status;
	const char *body; /* NUL-terminated; NULL for streamed requests */
	size_t body_len;
	/* the value of the spec's want_header, NULL when absent; valid
	 * during on_done */
	const char *header;
};

/* Called once when a request ends, however it ends (not after cancel).
 * code is API_OK only for a 2xx answer; err says why otherwise. */
typedef void (*api_done_fn)(struct api_request *req, api_code code,
			    const struct api_response *resp,
			    const struct api_error *err, void *ud);
/* Streamed 2xx body bytes, in whatever pieces curl delivers them.
 * Return non-zero to abort the request (it then ends API_E_CANCELLED),
 * or API_DATA_PAUSE to take none of these bytes now: the transfer waits
 * and hands the same bytes over again after api_request_resume. */
#define API_DATA_PAUSE 2
typedef int (*api_data_fn)(const char *data, size_t len, void *ud);

struct api_request_spec {
	const char *method; /* NULL: GET */
	const char *path;   /* "/containers/json?all=1", version added */
	int unversioned;    /* for /_ping and /version before negotiation */
	const char *body;
	size_t body_len;
	const char *content_type; /* NULL with a body: application/json */
	/* More header lines ("X-Registry-Auth: ..."), NULL-terminated. */
	const char *const *headers;
	/* A streamed request body (POST /build's tar): on_read fills buf with
	 * up to len bytes and returns how many, 0 at the end, or
	 * CURL_READFUNC_ABORT.  body_size is its length, -1 if unknown
	 * (sent chunked).  Used instead of body when set. */
	size_t (*on_read)(char *buf, size_t len, void *ud);
	curl_off_t body_size;
	api_data_fn on_data; /* set: stream the body, no timeout */
	/* With on_data: a live feed whose bytes may wait for the client's
	 * lazy window (api_client_set_lazy_ms), so that many such streams
	 * are read in one wake rather than one wake each. */
	int lazy;
	/* With on_data: called once the headers of a 2xx answer are in,
	 * before any body byte (an events stream the engine has taken).
	 * Non-zero aborts, as from on_data. */
	int (*on_open)(void *ud);
	api_done_fn on_done;
	void *ud;
	size_t max_body; /* buffered bodies; 0: API_DEFAULT_MAX_BODY */
	/* one response header the caller reads in on_done (HEAD of an
	 * archive: X-Docker-Container-Path-Stat); NULL: none */
	const char *want_header;
	long timeout_ms; /* 0: the client's; -1: none */
};

api_code api_client_new(const struct api_client_opts *opts,
			struct api_client **out, struct api_error *err);
void api_client_free(struct api_client *c);

/* "unix:///run/docker.sock" or "tcp://host:2376", as resolved. */
const char *api_client_host(const struct api_client *c);
int api_client_is_tls(const struct api_client *c);
/* How requests travel, for people: "TLS (verified)", "TLS (NOT
 * verified)", "ssh", "unix socket" or "plain TCP (unencrypted)". */
const char *api_client_transport(const struct api_client *c);
/* The engine is on this machine: a unix socket here, not ssh. */
int api_client_is_local(const struct api_client *c);
/* tcp:// without TLS: what the console warns about. */
int api_client_is_plain_tcp(const struct api_client *c);
/* The version requests are sent with: the negotiated one, else oldest. */
const char *api_client_version(const struct api_client *c);
/* Settles the version from the engine's ApiVersion and MinAPIVersion. */
api_code api_client_set_version(struct api_client *c, const char *server_api,
				const char *server_min, struct api_error *err);
/* Blocking GET /version + api_client_set_version. */
api_code api_client_negotiate(struct api_client *c, struct api_error *err);

CURLM *api_client_multi(struct api_client *c);
/* Waits (curl_multi_poll) on the engine's sockets and the extra fds. */
api_code api_client_wait(struct api_client *c, struct curl_waitfd *extra,
			 unsigned n_extra, int timeout_ms);
/* Moves every transfer on and calls on_done for those that ended.
 * Returns how many requests are still running. */
int api_client_process(struct api_client *c);
/* How long a lazy stream's bytes may wait to be read with others; 0 (the
 * default): not at all.  Per multi: every client sharing it gets it. */
void api_client_set_lazy_ms(struct api_client *c, long ms);
int api_client_running(const struct api_client *c);

api_code api_request_start(struct api_client *c,
			   const struct api_request_spec *spec,
			   struct api_request **out, struct api_error *err);
/* Moves a request paused by its on_data on; never from inside on_data. */
void api_request_resume(struct api_request *r);
/* Stops a request; its on_done is not called.  Safe from any callback,
 * its own on_data included (the transfer then ends at once). */
void api_request_cancel(struct api_request *r);

/* Drives c's multi (every request on it, not only the caller's) until
 * *done is set by one of their callbacks: how a blocking command runs the
 * same asynchronous code as the console's loop. */
void api_client_run_until(struct api_client *c, const int *done);

/* The blocking wrapper: the body (2xx or not) is handed to the caller in
 * *body (free it) unless the spec streams.  Returns like on_done's code. */
api_code api_call(struct api_client *c, const struct api_request_spec *spec,
		  long *status, char **body, size_t *body_len,
		  struct api_error *err);

/* The common blocking request: method NULL is GET, json_body (NUL-
 * terminated) may be NULL.  On API_OK the 2xx body is the caller's to free
 * (body may be NULL to drop it); on failure there is nothing to free. */
api_code api_fetch(struct api_client *c, const char *method, const char *path,
		   int unversioned, const char *json_body, char **body,
		   size_t *len, struct api_error *err);
/* api_fetch of a versioned path built by an api_*_path() or api_query,
 * which this takes over and frees; a NULL path is an allocation failure. */
api_code api_fetch_take(struct api_client *c, const char *method, char *path,
			char **body, size_t *len, struct api_error *err);

/* Compares "1.41"-style versions: <0, 0, >0. */
int api_version_cmp(const char *a, const char *b);

#endif
