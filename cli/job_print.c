#include "cli/job_print.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void line(struct job_print *p, const char *kind, const char *subject,
		 const char *text)
{
	if (p->machine)
		fprintf(stderr, "%s: ", kind);
	else if (strcmp(kind, "fail") == 0)
		fputs("berth: ", stderr);
	cli_put(stderr, subject, 0);
	fputs(": ", stderr);
	cli_put(stderr, text, 0);
	fputc('\n', stderr);
	fflush(stderr);
}

static void on_step(void *ud, const char *subject, const char *text)
{
	struct job_print *p = ud;

	p->last_status[0] = '\0';
	line(p, "step", subject, text);
}

static void on_layer(void *ud, const char *subject,
		     const struct api_pull_event *ev)
{
	struct job_print *p = ud;
	const char *st = ev->status ? ev->status : "";

	(void)subject;
	if (p->machine) {
		/* The reader splits on spaces: the status keeps its own. */
		fputs("layer: ", stderr);
		cli_put(stderr, ev->id, 0);
		fprintf(stderr, " %lld %lld ", (long long)ev->current,
			(long long)ev->total);
		cli_put(stderr, st, 0);
		fputc('\n', stderr);
		fflush(stderr);
		return;
	}
	if (strncmp(p->last_status, st, sizeof(p->last_status) - 1) == 0)
		return;
	snprintf(p->last_status, sizeof(p->last_status), "%s", st);
	fputs("  ", stderr);
	cli_put(stderr, ev->id, 0);
	fputs(": ", stderr);
	cli_put(stderr, st, 0);
	fputc('\n', stderr);
}

static void on_output(void *ud, const char *subject, const char *text)
{
	struct job_print *p = ud;

	if (p->machine) {
		line(p, "step", subject, text);
		return;
	}
	cli_put(stderr, text, 0);
	fputc('\n', stderr);
}

static void on_result(void *ud, const char *subject, int failed,
		      const char *text)
{
	line(ud, failed ? "fail" : "done", subject, text);
}

struct job_report job_print_report(struct job_print *p)
{
	struct job_report r = {on_step, on_layer, on_output, on_result, p};

	return r;
}

void job_print_end(void *ud, int status)
{
	struct job_print *p = ud;

	p->done = 1;
	p->status = status;
}

int job_print_wait(struct api_client *c, struct job_print *p)
{
	job_wait(c, &p->done);
	return p->status;
}
