#ifndef BERTH_CLI_JOB_PRINT_H
#define BERTH_CLI_JOB_PRINT_H

#include "api/client.h"
#include "ops/job.h"

/*
 * How the headless update and rebuild show an operation's typed progress
 * (ops/job.h) on stderr: for people, or with --progress=machine as
 *   step: NAME: TEXT
 *   layer: ID CURRENT TOTAL STATUS...
 *   done: NAME: TEXT | fail: NAME: TEXT
 * for scripts.  Names and texts come from the engine: sanitized.
 */

struct job_print {
	int machine;
	char last_status[64]; /* a person sees each layer status once */
	int done, status;
};

/* A report that prints through p. */
struct job_report job_print_report(struct job_print *p);
/* job_end_fn: marks p done with the status. */
void job_print_end(void *ud, int status);
/* Runs c until the job ended; its status. */
int job_print_wait(struct api_client *c, struct job_print *p);

#endif
