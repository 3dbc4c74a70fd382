#include "ops/update.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/distribution.h"
#include "api/images.h"
#include "api/pull.h"
#include "ops/recreate.h"

enum ustate {
	U_INSPECT, /* the container: its image id and reference */
	U_IMAGE,   /* check: the image's repo digests */
	U_DIST,	   /* check: what the registry holds for the reference */
	U_PULL,
	U_PULLED, /* the image the reference names after the pull */
	U_RECREATE,
};

struct up_job {
	struct job base;
	struct api_client *c;
	struct job_report rep;
	int check;
	char **names;
	size_t n, i;
	int failed;
	job_end_fn end;
	void *ud;
	enum ustate st;
	char *image_id, *ref; /* of the container being done */
	struct api_image_inspect img;
	struct api_request *req;
	struct api_pull *pull;
	struct job *sub;
};

static void next(struct up_job *j);
static void on_answer(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud);

static const char *name(const struct up_job *j)
{
	return j->names[j->i];
}

static void clear_current(struct up_job *j)
{
	free(j->image_id);
	free(j->ref);
	j->image_id = j->ref = NULL;
	api_image_inspect_free(&j->img);
	memset(&j->img, 0, sizeof(j->img));
}

static void up_free(struct up_job *j)
{
	size_t i;

	clear_current(j);
	for (i = 0; i < j->n; i++)
		free(j->names[i]);
	free(j->names);
	free(j);
}

static void up_cancel(struct job *base)
{
	struct up_job *j = (struct up_job *)base;

	api_request_cancel(j->req);
	api_pull_cancel(j->pull);
	job_cancel(j->sub);
	up_free(j);
}

/* The current container is done: on to the next, or the end. */
static void done_one(struct up_job *j, int failed)
{
	j->failed |= failed;
	clear_current(j);
	j->i++;
	if (j->i < j->n) {
		next(j);
		return;
	}
	j->end(j->ud, j->failed ? 1 : 0);
	up_free(j);
}

static void fail(struct up_job *j, const char *what, const char *msg)
{
	job_result(&j->rep, name(j), 1, "%s: %s", what, msg);
	done_one(j, 1);
}

static void started(struct up_job *j, api_code rc, const char *what,
		    const struct api_error *e)
{
	if (rc != API_OK)
		fail(j, what, e->msg);
}

static void get(struct up_job *j, enum ustate st, char *path, const char *what)
{
	struct api_error e = {0};

	j->st = st;
	started(j, job_send(j->c, "GET", path, NULL, on_answer, j, &j->req, &e),
		what, &e);
}

static void on_layer(const struct api_pull_event *ev, void *ud)
{
	struct up_job *j = ud;

	/* Lines without a layer are the whole image's; errors end it. */
	if (ev->id && !ev->error)
		job_layer(&j->rep, name(j), ev);
}

static void on_pulled(api_code code, const struct api_error *err, void *ud)
{
	struct up_job *j = ud;

	j->pull = NULL;
	if (code != API_OK) {
		fail(j, "pull", err->msg);
		return;
	}
	get(j, U_PULLED, api_image_inspect_path(j->ref), "image");
}

static void on_recreated(void *ud, api_code code, const char *new_id,
			 const struct api_error *err)
{
	struct up_job *j = ud;

	j->sub = NULL;
	if (code != API_OK) {
		fail(j, "recreate", err->msg);
		return;
	}
	job_result(&j->rep, name(j), 0, "updated (new container %.12s)",
		   new_id);
	done_one(j, 0);
}

static void pull(struct up_job *j)
{
	struct api_error e = {0};

	j->st = U_PULL;
	job_step(&j->rep, name(j), "pulling %s", j->ref);
	started(j,
		api_pull_start(j->c, j->ref, on_layer, on_pulled, j, &j->pull,
			       &e),
		"pull", &e);
}

static void recreate(struct up_job *j)
{
	struct recreate_opts ro;
	struct api_error e = {0};

	j->st = U_RECREATE;
	recreate_opts_init(&ro);
	ro.image = j->ref;
	started(j,
		recreate_start(j->c, name(j), &ro, &j->rep, name(j),
			       on_recreated, j, &j->sub, &e),
		"recreate", &e);
}

static void took_container(struct up_job *j, const char *body, size_t len)
{
	struct api_container_inspect ci = {0};
	struct api_error e = {0};

	if (api_container_inspect_parse(body, len, &ci, &e) != API_OK) {
		fail(j, "inspect", e.msg);
		return;
	}
	if (!ci.config.image || !*ci.config.image ||
	    strncmp(ci.config.image, "sha256:", 7) == 0) {
		api_container_inspect_free(&ci);
		fail(j, "image", "created from an image id, not a reference");
		return;
	}
	j->ref = strdup(ci.config.image);
	j->image_id = strdup(ci.image ? ci.image : "");
	api_container_inspect_free(&ci);
	if (!j->ref || !j->image_id) {
		fail(j, "inspect", "out of memory");
	} else if (j->check) {
		job_step(&j->rep, name(j), "asking the registry");
		get(j, U_IMAGE, api_image_inspect_path(j->image_id), "image");
	} else {
		pull(j);
	}
}

static void took_dist(struct up_job *j, const char *body, size_t len)
{
	struct api_distribution d = {0};
	struct api_error e = {0};

	if (api_distribution_parse(body, len, &d, &e) != API_OK) {
		fail(j, "registry", e.msg);
		return;
	}
	job_result(&j->rep, name(j), 0, "%s",
		   api_digest_matches(&j->img.repo_digests, d.digest)
			   ? "up to date"
			   : "update available");
	api_distribution_free(&d);
	done_one(j, 0);
}

static void took_pulled(struct up_job *j, const char *body, size_t len)
{
	struct api_image_inspect img = {0};
	struct api_error e = {0};
	int same;

	if (api_image_inspect_parse(body, len, &img, &e) != API_OK) {
		fail(j, "image", e.msg);
		return;
	}
	same = img.id && strcmp(img.id, j->image_id) == 0;
	api_image_inspect_free(&img);
	if (!same) {
		recreate(j);
		return;
	}
	job_result(&j->rep, name(j), 0, "up to date");
	done_one(j, 0);
}

static void on_answer(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct up_job *j = ud;
	struct api_error e = {0};
	static const char *const what[] = {
		[U_INSPECT] = "inspect", [U_IMAGE] = "image",
		[U_DIST] = "registry",	 [U_PULL] = "pull",
		[U_PULLED] = "image",	 [U_RECREATE] = "recreate",
	};

	(void)req;
	j->req = NULL;
	if (code != API_OK) {
		fail(j, what[j->st], err->msg);
		return;
	}
	switch (j->st) {
	case U_INSPECT:
		took_container(j, resp->body, resp->body_len);
		return;
	case U_IMAGE:
		if (api_image_inspect_parse(resp->body, resp->body_len, &j->img,
					    &e) != API_OK) {
			fail(j, "image", e.msg);
			return;
		}
		get(j, U_DIST, api_distribution_path(j->ref), "registry");
		return;
	case U_DIST:
		took_dist(j, resp->body, resp->body_len);
		return;
	case U_PULLED:
		took_pulled(j, resp->body, resp->body_len);
		return;
	case U_PULL:
	case U_RECREATE:
		return; /* their own callbacks answer */
	}
}

static void next(struct up_job *j)
{
	get(j, U_INSPECT, api_container_inspect_path(name(j)), "inspect");
}

api_code update_start(struct api_client *c, int check, const char *const *names,
		      size_t n, const struct job_report *rep, job_end_fn end,
		      void *ud, struct job **out, struct api_error *err)
{
	struct up_job *j;
	struct api_request *first;
	size_t i;
	api_code rc;

	if (out)
		*out = NULL;
	if (n == 0)
		return api_error_set(err, API_E_INVALID, 0, "no container");
	j = calloc(1, sizeof(*j));
	if (!j || !(j->names = calloc(n, sizeof(*j->names)))) {
		free(j);
		return api_nomem(err);
	}
	j->base.cancel = up_cancel;
	j->c = c;
	j->check = check;
	if (rep)
		j->rep = *rep;
	j->end = end;
	j->ud = ud;
	for (i = 0; i < n; i++, j->n++)
		if (!(j->names[i] = strdup(names[i] ? names[i] : ""))) {
			up_free(j);
			return api_nomem(err);
		}
	/* The first request not starting is the caller's to hear. */
	j->st = U_INSPECT;
	rc = job_send(c, "GET", api_container_inspect_path(name(j)), NULL,
		      on_answer, j, &first, err);
	if (rc != API_OK) {
		up_free(j);
		return rc;
	}
	j->req = first;
	if (out)
		*out = &j->base;
	return API_OK;
}
