#include "ops/export_fetch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/export_compose.h"
#include "ops/export_run.h"
#include "ops/export_systemd.h"

struct ex_job {
	struct job base;
	struct api_client *c;
	char *name;
	enum export_as as;
	export_end_fn end;
	void *ud;
	struct api_container_inspect ci;
	struct api_request *req;
};

static void ex_free(struct ex_job *j)
{
	api_container_inspect_free(&j->ci);
	free(j->name);
	free(j);
}

static void ex_cancel(struct job *base)
{
	struct ex_job *j = (struct ex_job *)base;

	api_request_cancel(j->req);
	ex_free(j);
}

static char *joined(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

char *export_text(const struct api_container_inspect *ci,
		  const struct api_image_inspect *img, const char *name,
		  enum export_as as)
{
	char *body, *q, *out;

	if (as == EXPORT_RUN) {
		body = export_run_line(ci, img);
		out = body ? joined(body, "\n", "") : NULL;
		free(body);
		return out;
	}
	if (as == EXPORT_COMPOSE)
		return export_compose_file(ci, img);
	body = export_systemd_unit(ci, img);
	q = export_systemd_quote(ci->name ? ci->name : name);
	out = body && q ? joined("# ", q, ".service\n") : NULL;
	if (out) {
		char *all = joined(out, body, "");

		free(out);
		out = all;
	}
	free(body);
	free(q);
	return out;
}

static void finish(struct ex_job *j, const struct api_image_inspect *img)
{
	struct api_error e = {0};
	char *text = export_text(&j->ci, img, j->name, j->as);

	if (!text)
		api_nomem(&e);
	j->end(j->ud, text, text ? strlen(text) : 0, &e);
	free(text);
	ex_free(j);
}

static void on_image(struct api_request *req, api_code code,
		     const struct api_response *resp,
		     const struct api_error *err, void *ud)
{
	struct ex_job *j = ud;
	struct api_image_inspect img = {0};
	struct api_error e = {0};
	int have;

	(void)req;
	(void)err;
	j->req = NULL;
	/* Without the image (removed since), nothing counts as inherited. */
	have = code == API_OK &&
	       api_image_inspect_parse(resp->body, resp->body_len, &img, &e) ==
		       API_OK;
	finish(j, have ? &img : NULL);
	api_image_inspect_free(&img);
}

static void on_container(struct api_request *req, api_code code,
			 const struct api_response *resp,
			 const struct api_error *err, void *ud)
{
	struct ex_job *j = ud;
	struct api_error e = *err;

	(void)req;
	j->req = NULL;
	if (code == API_OK)
		code = api_container_inspect_parse(resp->body, resp->body_len,
						   &j->ci, &e);
	if (code == API_OK && j->ci.image)
		code = job_send(j->c, "GET",
				api_image_inspect_path(j->ci.image), NULL,
				on_image, j, &j->req, &e);
	else if (code == API_OK)
		finish(j, NULL);
	if (code != API_OK) {
		j->end(j->ud, NULL, 0, &e);
		ex_free(j);
	}
}

api_code export_fetch_start(struct api_client *c, const char *name,
			    enum export_as as, export_end_fn end, void *ud,
			    struct job **out, struct api_error *err)
{
	struct ex_job *j;
	api_code rc;

	if (out)
		*out = NULL;
	if (!name || !*name)
		return api_error_set(err, API_E_INVALID, 0, "no container");
	j = calloc(1, sizeof(*j));
	if (!j || !(j->name = strdup(name))) {
		free(j);
		return api_nomem(err);
	}
	j->base.cancel = ex_cancel;
	j->c = c;
	j->as = as;
	j->end = end;
	j->ud = ud;
	rc = job_send(c, "GET", api_container_inspect_path(name), NULL,
		      on_container, j, &j->req, err);
	if (rc != API_OK) {
		ex_free(j);
		return rc;
	}
	if (out)
		*out = &j->base;
	return API_OK;
}
