#ifndef BERTH_API_EVENTS_H
#define BERTH_API_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"
#include "api/jsonlines.h"
#include "api/query.h"

/*
 * GET /events: one JSON document per line for as long as the connection
 * lasts (or until `until`, when the engine closes it).
 */

struct api_event {
	char *type;   /* "container", "image", "volume", "network", ... */
	char *action; /* as sent: "exec_start: sh -c true" */
	char *actor_id;
	struct api_kvlist attributes; /* name, image, exitCode, signal, ... */
	char *scope;		      /* "local" or "swarm" */
	int64_t time;		      /* seconds */
	/* Nanoseconds, exact only to the ~256 ns a double carries. */
	int64_t time_nano;
	/* Convenience views of the above. */
	const char *name;    /* the "name" attribute, or NULL */
	int exit_code;	     /* the "exitCode" attribute, or -1 */
	char *action_base;   /* "exec_start", "health_status", "die" */
	char *action_detail; /* "sh -c true", "healthy", or NULL */
};

api_code api_event_parse(const char *line, size_t len, struct api_event *ev,
			 struct api_error *err);
void api_event_free(struct api_event *ev);

/* since/until: seconds since the epoch, 0 for none. */
struct api_events_opts {
	int64_t since;
	int64_t until;
	const struct api_filter *filters;
	size_t n_filters;
	/* api_events_start: called once the engine answered 200, that is
	 * once it holds the subscription; a list asked after it misses
	 * nothing the stream will not bring.  ud is the stream's. */
	void (*on_open)(void *ud);
};

char *api_events_path(const struct api_events_opts *o);

/* ev and everything it points to live only during the call. */
typedef void (*api_event_fn)(const struct api_event *ev, void *ud);
/* The stream ended: API_OK when the engine closed it (until passed),
 * otherwise why.  Not called after api_events_stop. */
typedef void (*api_events_end_fn)(api_code code, const struct api_error *err,
				  void *ud);

/*
 * Bytes in, events out.  Public so the splitting and parsing can be fed
 * without an engine; api_events_start makes and drives one for real.
 */
struct api_events_stream {
	struct jsonlines jl;
	api_event_fn on_event;
	api_events_end_fn on_end;
	void *ud;
	size_t events;	  /* handed to on_event */
	size_t bad_lines; /* skipped: not an event, or over-long */
	int ended;
	/* private */
	struct api_request *req;
	int in_callback;
	int stop_pending;
	int (*take)(struct api_event *ev, void *ud);
	void (*on_open)(void *ud);
};

void api_events_stream_init(struct api_events_stream *s, api_event_fn on_event,
			    api_events_end_fn on_end, void *ud);
void api_events_stream_feed(struct api_events_stream *s, const char *data,
			    size_t len);
/* The bytes stopped: a last line without '\n' is still an event. */
void api_events_stream_finish(struct api_events_stream *s);
void api_events_stream_done(struct api_events_stream *s);

/*
 * Starts streaming on c's multi; events arrive from api_client_process().
 * Stop the stream (api_events_stop) before freeing the client.
 */
api_code api_events_start(struct api_client *c, const struct api_events_opts *o,
			  api_event_fn on_event, api_events_end_fn on_end,
			  void *ud, struct api_events_stream **out,
			  struct api_error *err);
/* Cancels and frees; also allowed from inside on_event and on_end. */
void api_events_stop(struct api_events_stream *s);

struct api_event_list {
	struct api_event *items;
	size_t n;
	size_t bad_lines;
	int truncated; /* more than max events came */
};

/*
 * Blocking: the events between o->since and o->until (which must be set,
 * or the engine would never close the stream), at most max (0: 100000).
 */
api_code api_events_collect(struct api_client *c,
			    const struct api_events_opts *o, size_t max,
			    struct api_event_list *out, struct api_error *err);
void api_event_list_free(struct api_event_list *l);

#endif
