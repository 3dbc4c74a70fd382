#ifndef BERTH_OPS_ALERT_OUT_H
#define BERTH_OPS_ALERT_OUT_H

#include <curl/curl.h>

/*
 * Where `berth watch` sends an alert besides its own output: a command
 * that reads the alert's JSON on its standard input (--exec) and a URL
 * the JSON is POSTed to (--webhook).  Neither may hold the watcher up:
 * commands run in the background (ALERT_OUT_RUNNING at once, the rest
 * wait their turn, each killed after ALERT_OUT_EXEC_S), POSTs go out on
 * a curl multi handle of their own, and a POST that fails (no answer,
 * or not a 2xx) is tried again after 1, 2, 4 and 8 s.  The queue is
 * bounded: past ALERT_OUT_QUEUE alerts the oldest waiting one is dropped
 * and said.  Every failure is said through the say hook, for people.
 */

#define ALERT_OUT_RUNNING 4 /* commands, and POSTs, at once */
#define ALERT_OUT_QUEUE 256 /* deliveries waiting or under way */
#define ALERT_OUT_TRIES 5   /* POSTs of one alert at most */
#define ALERT_OUT_EXEC_S 30 /* a command's time */
#define ALERT_OUT_POST_S 10 /* a POST's time */

struct alert_out;

struct alert_out_opts {
	const char *exec_cmd;	 /* run by /bin/sh -c; NULL: none */
	const char *webhook_url; /* http:// or https://; NULL: none */
	void (*say)(void *ud, const char *text);
	void *ud;
};

/* -1 when curl or memory fails (then *out is NULL). */
int alert_out_new(const struct alert_out_opts *o, struct alert_out **out);
/* Queues one alert (a JSON text) for each output. */
void alert_out_send(struct alert_out *a, const char *json);
/* What the loop waits on for the outputs, right after a turn: up to max
 * descriptors into fds (the count is returned), and *timeout_ms lowered
 * to when the next turn is due. */
unsigned alert_out_waitfds(struct alert_out *a, struct curl_waitfd *fds,
			   unsigned max, int *timeout_ms);
/* Moves every delivery on, without blocking. */
void alert_out_turn(struct alert_out *a);
/* Deliveries not yet done (waiting, running, or to be tried again). */
unsigned alert_out_pending(const struct alert_out *a);
/* Running commands are left to finish; POSTs under way are cut. */
void alert_out_free(struct alert_out *a);

#endif
