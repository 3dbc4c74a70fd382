#ifndef BERTH_OPS_JOB_H
#define BERTH_OPS_JOB_H

#include <stddef.h>

#include "api/client.h"
#include "api/error.h"
#include "api/pull.h"

/*
 * What every long operation (update, rebuild, recreate, export) shares:
 * it runs as a state machine on a client's curl multi, one request at a
 * time, and says how it goes through typed callbacks instead of text.
 * The console's job runner (model/jobs.h) turns these into its status
 * line; the headless commands print them.  Nothing here blocks.
 */

struct job_report {
	/* A step begins ("pulling web:1", "stopping the old web-1"). */
	void (*step)(void *ud, const char *subject, const char *text);
	/* One progress line of a pull, for one layer. */
	void (*layer)(void *ud, const char *subject,
		      const struct api_pull_event *ev);
	/* One line of a build's output. */
	void (*output)(void *ud, const char *subject, const char *line);
	/* How it ended for one subject: failed 0 or 1, and in a few words. */
	void (*result)(void *ud, const char *subject, int failed,
		       const char *text);
	void *ud;
};

/* Each callback may be NULL: then nothing is said. */
void job_step(const struct job_report *r, const char *subject, const char *fmt,
	      ...) __attribute__((format(printf, 3, 4)));
void job_layer(const struct job_report *r, const char *subject,
	       const struct api_pull_event *ev);
void job_output(const struct job_report *r, const char *subject,
		const char *line);
void job_result(const struct job_report *r, const char *subject, int failed,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The operation is over: status as the headless command exits with it
 * (0 done, 1 something failed, more for the command's own reasons). */
typedef void (*job_end_fn)(void *ud, int status);

/* A running operation, whatever its kind: the runner can stop it. */
struct job {
	void (*cancel)(struct job *j); /* stops and frees; no end call */
};

/* Stops j's requests and frees it (NULL is no job).  Never from inside
 * j's own end callback: j is gone by then. */
void job_cancel(struct job *j);

/* The buffered request every state takes: path (from an api_*_path or
 * api_query, taken over and freed; NULL is out of memory), json_body may
 * be NULL.  fn is called once, as the api's on_done. */
api_code job_send(struct api_client *c, const char *method, char *path,
		  const char *json_body, api_done_fn fn, void *ud,
		  struct api_request **req, struct api_error *err);

/* Blocking: runs c's multi until *done (for the headless commands, which
 * drive the same machines as the console). */
void job_wait(struct api_client *c, const int *done);

#endif
