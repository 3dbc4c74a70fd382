#include "model/conn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/system.h"

#define PING_EVERY_MS 10000
#define PING_TIMEOUT_MS 5000
#define NEGOTIATE_TIMEOUT_MS 5000
#define BACKOFF_MIN_MS 500
#define BACKOFF_MAX_MS 10000
/* An engine that sends no headers until its first event (none known
 * here, but the API does not promise them) is taken as up after this. */
#define OPEN_WAIT_MS 1000

struct conn {
	struct api_client *client;
	const struct sched *sched;
	struct conn_hooks hooks;
	enum conn_state state;
	char version[32];
	struct api_request *negotiating;
	struct api_request *pinging;
	struct api_events_stream *events;
	int64_t last_event_time; /* resubscribe from here */
	long backoff_ms;
	uint64_t retry_at;
	int retry_timer;
	int ping_timer;
	int open_timer;
};

static void connect_now(struct conn *cn);

int conn_new(struct api_client *c, const struct sched *s,
	     const struct conn_hooks *h, struct conn **out)
{
	struct conn *cn = calloc(1, sizeof(*cn));

	*out = cn;
	if (!cn)
		return -1;
	cn->client = c;
	cn->sched = s;
	cn->hooks = *h;
	cn->state = CONN_CONNECTING;
	cn->backoff_ms = BACKOFF_MIN_MS;
	return 0;
}

static void drop_requests(struct conn *cn)
{
	if (cn->negotiating)
		api_request_cancel(cn->negotiating);
	if (cn->pinging)
		api_request_cancel(cn->pinging);
	if (cn->events)
		api_events_stop(cn->events);
	cn->negotiating = NULL;
	cn->pinging = NULL;
	cn->events = NULL;
	sched_timer_cancel(cn->sched, cn->ping_timer);
	cn->ping_timer = 0;
	sched_timer_cancel(cn->sched, cn->open_timer);
	cn->open_timer = 0;
}

void conn_free(struct conn *cn)
{
	if (!cn)
		return;
	drop_requests(cn);
	sched_timer_cancel(cn->sched, cn->retry_timer);
	free(cn);
}

enum conn_state conn_state(const struct conn *cn)
{
	return cn->state;
}

const char *conn_engine_version(const struct conn *cn)
{
	return cn->version;
}

long conn_retry_in_ms(const struct conn *cn)
{
	uint64_t now = sched_now_ms(cn->sched);

	if (cn->state != CONN_DOWN || cn->retry_at <= now)
		return 0;
	return (long)(cn->retry_at - now);
}

static void retry_timer(void *ud)
{
	struct conn *cn = ud;

	cn->retry_timer = 0;
	connect_now(cn);
}

static void go_down(struct conn *cn, const char *why)
{
	int was_up = cn->state == CONN_UP;

	drop_requests(cn);
	cn->state = CONN_DOWN;
	cn->retry_at = sched_now_ms(cn->sched) + (uint64_t)cn->backoff_ms;
	sched_timer_cancel(cn->sched, cn->retry_timer);
	cn->retry_timer =
		sched_timer_add(cn->sched, cn->backoff_ms, 0, retry_timer, cn);
	cn->backoff_ms = cn->backoff_ms * 2 > BACKOFF_MAX_MS
				 ? BACKOFF_MAX_MS
				 : cn->backoff_ms * 2;
	(void)was_up;
	if (cn->hooks.down)
		cn->hooks.down(why, cn->hooks.ud);
	sched_changed(cn->sched);
}

static void on_event(const struct api_event *ev, void *ud)
{
	struct conn *cn = ud;

	if (ev->time > cn->last_event_time)
		cn->last_event_time = ev->time;
	if (cn->hooks.event)
		cn->hooks.event(ev, cn->hooks.ud);
}

static void on_events_end(api_code code, const struct api_error *err, void *ud)
{
	struct conn *cn = ud;
	char why[600];

	/* Stopping from on_end frees the stream once it returns. */
	api_events_stop(cn->events);
	cn->events = NULL;
	snprintf(why, sizeof(why), "engine events stream ended: %s",
		 code == API_OK ? "closed by the engine" : err->msg);
	go_down(cn, why);
}

static void ping_done(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct conn *cn = ud;
	char why[600];

	(void)req;
	(void)resp;
	cn->pinging = NULL;
	if (code == API_OK)
		return;
	snprintf(why, sizeof(why), "engine not answering: %s", err->msg);
	go_down(cn, why);
}

static void ping_timer(void *ud)
{
	struct conn *cn = ud;
	struct api_request_spec spec = {.path = "/_ping",
					.unversioned = 1,
					.timeout_ms = PING_TIMEOUT_MS,
					.max_body = 4096,
					.on_done = ping_done,
					.ud = cn};

	if (cn->pinging || cn->state != CONN_UP)
		return;
	api_request_start(cn->client, &spec, &cn->pinging, NULL);
}

/* Up once the engine holds the events subscription: what the panes list
 * from then on cannot miss a change, which comes as an event. */
static void go_up(struct conn *cn)
{
	if (cn->state == CONN_UP)
		return;
	sched_timer_cancel(cn->sched, cn->open_timer);
	cn->open_timer = 0;
	cn->state = CONN_UP;
	cn->backoff_ms = BACKOFF_MIN_MS;
	cn->ping_timer = sched_timer_add(cn->sched, PING_EVERY_MS,
					 PING_EVERY_MS, ping_timer, cn);
	if (cn->hooks.up)
		cn->hooks.up(cn->hooks.ud);
	sched_changed(cn->sched);
}

static void events_open(void *ud)
{
	go_up(ud);
}

static void open_timer(void *ud)
{
	struct conn *cn = ud;

	cn->open_timer = 0;
	go_up(cn);
}

static api_code subscribe(struct conn *cn, struct api_error *err)
{
	static const struct api_filter filters[] = {
		{"type", "container"}, {"type", "image"},   {"type", "volume"},
		{"type", "network"},   {"type", "service"}, {"type", "node"},
	};
	struct api_events_opts o = {.filters = filters,
				    .n_filters = sizeof(filters) /
						 sizeof(filters[0]),
				    .on_open = events_open};

	/* After a reconnect, what happened while away arrives first. */
	o.since = cn->last_event_time;
	return api_events_start(cn->client, &o, on_event, on_events_end, cn,
				&cn->events, err);
}

static api_code negotiated(struct conn *cn, const struct api_response *resp,
			   struct api_error *err)
{
	struct api_version v = {0};
	api_code rc;

	rc = api_version_parse(resp->body, resp->body_len, &v, err);
	if (rc == API_OK)
		rc = api_client_set_version(cn->client, v.api_version,
					    v.min_api_version, err);
	if (rc == API_OK)
		snprintf(cn->version, sizeof(cn->version), "%s",
			 v.version ? v.version : "?");
	api_version_free(&v);
	return rc;
}

static void negotiate_done(struct api_request *req, api_code code,
			   const struct api_response *resp,
			   const struct api_error *err, void *ud)
{
	struct conn *cn = ud;
	struct api_error e2;

	(void)req;
	cn->negotiating = NULL;
	api_error_clear(&e2);
	if (code != API_OK) {
		go_down(cn, err->msg);
		return;
	}
	if (negotiated(cn, resp, &e2) != API_OK ||
	    subscribe(cn, &e2) != API_OK) {
		go_down(cn, e2.msg);
		return;
	}
	cn->open_timer =
		sched_timer_add(cn->sched, OPEN_WAIT_MS, 0, open_timer, cn);
}

static void connect_now(struct conn *cn)
{
	struct api_request_spec spec = {.path = "/version",
					.unversioned = 1,
					.timeout_ms = NEGOTIATE_TIMEOUT_MS,
					.max_body = 1 << 20,
					.on_done = negotiate_done,
					.ud = cn};
	struct api_error err;

	drop_requests(cn);
	cn->state = CONN_CONNECTING;
	if (api_request_start(cn->client, &spec, &cn->negotiating, &err) !=
	    API_OK)
		go_down(cn, err.msg);
	sched_changed(cn->sched);
}

void conn_start(struct conn *cn)
{
	connect_now(cn);
}
