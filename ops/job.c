#include "ops/job.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void job_step(const struct job_report *r, const char *subject, const char *fmt,
	      ...)
{
	char text[600];
	va_list ap;

	if (!r || !r->step)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	r->step(r->ud, subject, text);
}

void job_layer(const struct job_report *r, const char *subject,
	       const struct api_pull_event *ev)
{
	if (r && r->layer)
		r->layer(r->ud, subject, ev);
}

void job_output(const struct job_report *r, const char *subject,
		const char *line)
{
	if (r && r->output)
		r->output(r->ud, subject, line);
}

void job_result(const struct job_report *r, const char *subject, int failed,
		const char *fmt, ...)
{
	char text[800];
	va_list ap;

	if (!r || !r->result)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	r->result(r->ud, subject, failed, text);
}

void job_cancel(struct job *j)
{
	if (j)
		j->cancel(j);
}

api_code job_send(struct api_client *c, const char *method, char *path,
		  const char *json_body, api_done_fn fn, void *ud,
		  struct api_request **req, struct api_error *err)
{
	struct api_request_spec spec = {0};
	api_code rc;

	if (!path)
		return api_nomem(err);
	spec.method = method;
	spec.path = path;
	spec.body = json_body;
	spec.body_len = json_body ? strlen(json_body) : 0;
	spec.on_done = fn;
	spec.ud = ud;
	rc = api_request_start(c, &spec, req, err);
	free(path);
	return rc;
}

void job_wait(struct api_client *c, const int *done)
{
	api_client_run_until(c, done);
}
