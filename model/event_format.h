#ifndef BERTH_MODEL_EVENT_FORMAT_H
#define BERTH_MODEL_EVENT_FORMAT_H

#include <stddef.h>
#include <stdint.h>

struct api_event;

/*
 * One display line per engine event, for the events pane: pure, so the
 * unit tests check it without a terminal.  Fields are separated so the
 * pane can lay them out in columns; the whole line is what a filter
 * matches.
 */

#define EVENT_TIME_MAX 16
#define EVENT_FIELD_MAX 256

struct event_fields {
	char time[EVENT_TIME_MAX];    /* local "15:04:05" */
	char type[32];		      /* "container" */
	char action[EVENT_FIELD_MAX]; /* "die", "health_status: unhealthy" */
	char name[EVENT_FIELD_MAX];   /* name attribute, else short id */
	char detail[EVENT_FIELD_MAX]; /* "exitCode=137 signal=9 image=..." */
	int alert;
};

/* Whether an operator must hear of it: a container that died with a
 * non-zero exit code, was OOM-killed or turned unhealthy. */
int event_is_alert(const struct api_event *ev);

/* Local time of day of t (seconds since the epoch) as "HH:MM:SS". */
void event_time(int64_t t, char *buf, size_t n);

void event_fields(const struct api_event *ev, struct event_fields *out);

/* "15:04:05 container die web-1 exitCode=1 image=local/app:1" into buf
 * (always NUL-terminated); returns the length written. */
size_t event_format(const struct api_event *ev, char *buf, size_t n);

#endif
