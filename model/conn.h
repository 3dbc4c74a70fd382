#ifndef BERTH_MODEL_CONN_H
#define BERTH_MODEL_CONN_H

#include "api/client.h"
#include "api/events.h"
#include "model/sched.h"

/*
 * The console's link to the engine: negotiate the API version, then hold
 * one filtered events stream that every pane feeds on.  When the engine
 * goes away (the stream ends, or a liveness ping times out on a hung
 * engine) it says so and retries with backoff; when the engine is back it
 * resubscribes from the last event seen and tells the panes to re-list.
 */

enum conn_state {
	CONN_CONNECTING,
	CONN_UP,
	CONN_DOWN,
};

struct conn_hooks {
	void (*up)(void *ud);
	void (*down)(const char *why, void *ud);
	void (*event)(const struct api_event *ev, void *ud);
	void *ud;
};

struct conn;

int conn_new(struct api_client *c, const struct sched *s,
	     const struct conn_hooks *h, struct conn **out);
void conn_free(struct conn *cn);
void conn_start(struct conn *cn);

enum conn_state conn_state(const struct conn *cn);
/* The engine's version ("20.10.24"), "" until known. */
const char *conn_engine_version(const struct conn *cn);
/* Milliseconds until the next attempt while down, else 0. */
long conn_retry_in_ms(const struct conn *cn);

#endif
