#include "ops/rebuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/build.h"
#include "api/container_inspect.h"
#include "ops/recreate.h"

struct rb_job {
	struct job base;
	struct api_client *c;
	struct job_report rep;
	char *name, *context, *file;
	int (*approve)(void *ud, const char *ref, const struct rebuild_ctx *x);
	job_end_fn end;
	void *ud;
	char *ref, *image_id; /* the container's reference and image */
	char built[160];
	struct api_request *req;
	struct api_build *build;
	struct job *sub;
};

static void rb_free(struct rb_job *j)
{
	free(j->name);
	free(j->context);
	free(j->file);
	free(j->ref);
	free(j->image_id);
	free(j);
}

static void rb_cancel(struct job *base)
{
	struct rb_job *j = (struct rb_job *)base;

	api_request_cancel(j->req);
	api_build_cancel(j->build);
	job_cancel(j->sub);
	rb_free(j);
}

static void finish(struct rb_job *j, int status)
{
	j->end(j->ud, status);
	rb_free(j);
}

static void fail(struct rb_job *j, int status, const char *what,
		 const char *msg)
{
	job_result(&j->rep, j->name, 1, "%s: %s", what, msg);
	finish(j, status);
}

/* Each non-empty line of a build message. */
static void on_build(const struct build_msg *m, void *ud)
{
	struct rb_job *j = ud;
	const char *s = m->text;

	if (m->kind != BUILD_MSG_STREAM && m->kind != BUILD_MSG_STATUS)
		return;
	while (s && *s) {
		size_t n = strcspn(s, "\r\n");
		char line[512];

		if (n > 0) {
			snprintf(line, sizeof(line), "%.*s", (int)n, s);
			job_output(&j->rep, j->name, line);
		}
		s += n;
		s += strspn(s, "\r\n");
	}
}

static void on_recreated(void *ud, api_code code, const char *new_id,
			 const struct api_error *err)
{
	struct rb_job *j = ud;

	j->sub = NULL;
	if (code != API_OK) {
		fail(j, 1, "recreate", err->msg);
		return;
	}
	job_result(&j->rep, j->name, 0, "rebuilt %.19s (new container %.12s)",
		   j->built, new_id);
	finish(j, 0);
}

static void on_built(api_code code, const char *image_id,
		     const struct api_error *err, void *ud)
{
	struct rb_job *j = ud;
	struct recreate_opts ro;
	struct api_error e = {0};

	j->build = NULL;
	if (code != API_OK) {
		fail(j, 1, "build", err->msg);
		return;
	}
	snprintf(j->built, sizeof(j->built), "%s", image_id);
	if (strcmp(j->built, j->image_id) == 0) {
		job_result(&j->rep, j->name, 0,
			   "image unchanged, nothing to recreate");
		finish(j, 0);
		return;
	}
	recreate_opts_init(&ro);
	ro.image = j->ref;
	if (recreate_start(j->c, j->name, &ro, &j->rep, j->name, on_recreated,
			   j, &j->sub, &e) != API_OK)
		fail(j, 1, "recreate", e.msg);
}

static void build(struct rb_job *j, const struct rebuild_ctx *x)
{
	struct build_opts bo = {.context_dir = x->context_dir,
				.dockerfile = x->dockerfile,
				.tag = j->ref,
				.target = x->target,
				.buildargs = &x->args};
	struct api_error e = {0};

	job_step(&j->rep, j->name, "building %s from %s (%s)", j->ref,
		 x->context_dir, x->source);
	if (api_build_start(j->c, &bo, on_build, on_built, j, &j->build, &e) !=
	    API_OK)
		fail(j, 1, "build", e.msg);
}

static void took_container(struct rb_job *j,
			   const struct api_container_inspect *ci)
{
	struct rebuild_ctx x = {0};
	struct api_error e = {0};

	if (!ci->config.image || !*ci->config.image ||
	    strncmp(ci->config.image, "sha256:", 7) == 0) {
		fail(j, 1, "image",
		     "created from an image id, not a reference to tag");
		return;
	}
	j->ref = strdup(ci->config.image);
	j->image_id = strdup(ci->image ? ci->image : "");
	if (!j->ref || !j->image_id) {
		fail(j, 1, "inspect", "out of memory");
		return;
	}
	/* A few small files from disk: the loop can afford it. */
	if (rebuild_ctx_resolve(j->name, &ci->config.labels, j->context,
				j->file, &x, &e) != API_OK) {
		fail(j, 3, "context", e.msg);
	} else if (j->approve && !j->approve(j->ud, j->ref, &x)) {
		finish(j, 2);
	} else {
		build(j, &x);
	}
	rebuild_ctx_free(&x);
}

static void on_inspect(struct api_request *req, api_code code,
		       const struct api_response *resp,
		       const struct api_error *err, void *ud)
{
	struct rb_job *j = ud;
	struct api_container_inspect ci = {0};
	struct api_error e = *err;

	(void)req;
	j->req = NULL;
	if (code == API_OK)
		code = api_container_inspect_parse(resp->body, resp->body_len,
						   &ci, &e);
	if (code != API_OK)
		fail(j, 1, "inspect", e.msg);
	else
		took_container(j, &ci);
	api_container_inspect_free(&ci);
}

static char *dup_or_null(const char *s, int *nomem)
{
	char *d = s ? strdup(s) : NULL;

	*nomem |= s && !d;
	return d;
}

api_code rebuild_start(struct api_client *c, const struct rebuild_args *args,
		       const struct job_report *rep, job_end_fn end, void *ud,
		       struct job **out, struct api_error *err)
{
	struct rb_job *j;
	int nomem = 0;
	api_code rc;

	if (out)
		*out = NULL;
	if (!args->name || !*args->name)
		return api_error_set(err, API_E_INVALID, 0, "no container");
	j = calloc(1, sizeof(*j));
	if (!j)
		return api_nomem(err);
	j->base.cancel = rb_cancel;
	j->c = c;
	if (rep)
		j->rep = *rep;
	j->name = dup_or_null(args->name, &nomem);
	j->context = dup_or_null(args->context, &nomem);
	j->file = dup_or_null(args->file, &nomem);
	j->approve = args->approve;
	j->end = end;
	j->ud = ud;
	rc = nomem ? api_nomem(err)
		   : job_send(c, "GET", api_container_inspect_path(j->name),
			      NULL, on_inspect, j, &j->req, err);
	if (rc != API_OK) {
		rb_free(j);
		return rc;
	}
	if (out)
		*out = &j->base;
	return API_OK;
}
