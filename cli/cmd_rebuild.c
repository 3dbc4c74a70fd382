#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/build.h"
#include "api/container_inspect.h"
#include "api/recreate.h"
#include "cli/cli.h"
#include "ops/rebuild_ctx.h"

/* berth rebuild: build the container's image again from its context,
 * tagged as the reference the container was created from, then recreate
 * the container on it (with the recreate's rollback).  Exit status: 0
 * rebuilt (or the image did not change), 1 the build or the recreate
 * failed (the container is left as it was), 2 usage or refused, 3 no
 * build context is known for the container. */

struct rb {
	struct api_client *c;
	int machine;
	int yes;
	const char *name;
	const char *context, *file;
};

static void out_line(struct rb *r, const char *kind, const char *text)
{
	if (r->machine)
		fprintf(stderr, "%s: ", kind);
	else if (strcmp(kind, "fail") == 0)
		fputs("berth: ", stderr);
	cli_put(stderr, r->name, 0);
	fputs(": ", stderr);
	cli_put(stderr, text, 0);
	fputc('\n', stderr);
	fflush(stderr);
}

static void on_step(const char *step, void *ud)
{
	out_line(ud, "step", step);
}

/* Each non-empty line of the build's output, as a step. */
static void on_build(const struct build_msg *m, void *ud)
{
	struct rb *r = ud;
	const char *s = m->text;

	if (m->kind != BUILD_MSG_STREAM && m->kind != BUILD_MSG_STATUS)
		return;
	while (s && *s) {
		size_t n = strcspn(s, "\r\n");
		char line[512];
		if (n > 0) {
			snprintf(line, sizeof(line), "%.*s", (int)n, s);
			if (r->machine)
				out_line(r, "step", line);
			else {
				cli_put(stderr, line, 0);
				fputc('\n', stderr);
			}
		}
		s += n;
		s += strspn(s, "\r\n");
	}
}

static int fail(struct rb *r, const char *what, const struct api_error *e)
{
	char line[700];

	snprintf(line, sizeof(line), "%s: %s", what, e->msg);
	out_line(r, "fail", line);
	return 1;
}

/* 1 to go ahead.  Only a person at a terminal may say yes here. */
static int confirm(struct rb *r, const char *ref, const struct rebuild_ctx *x)
{
	char ans[16];
	int tty = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);

	fputs(tty ? "Build " : "berth: rebuild would build ", stderr);
	cli_put(stderr, ref, 0);
	fputs(" from ", stderr);
	cli_put(stderr, x->context_dir, 0);
	fputs(" and recreate ", stderr);
	cli_put(stderr, r->name, 0);
	if (!tty) {
		fputs(" on it; pass --yes to do it\n", stderr);
		return 0;
	}
	fputs(" on it? [y/N] ", stderr);
	if (!fgets(ans, sizeof(ans), stdin))
		return 0;
	return ans[0] == 'y' || ans[0] == 'Y';
}

static int build_and_recreate(struct rb *r,
			      const struct api_container_inspect *ci,
			      const struct rebuild_ctx *x)
{
	struct build_opts bo = {.context_dir = x->context_dir,
				.dockerfile = x->dockerfile,
				.tag = ci->config.image,
				.target = x->target,
				.buildargs = &x->args};
	struct recreate_opts ro;
	struct api_error e = {0};
	char line[700], id[160], new_id[80];

	snprintf(line, sizeof(line), "building %s from %s (%s)",
		 ci->config.image, x->context_dir, x->source);
	out_line(r, "step", line);
	if (api_image_build(r->c, &bo, on_build, r, id, sizeof(id), &e) !=
	    API_OK)
		return fail(r, "build", &e);
	if (ci->image && strcmp(id, ci->image) == 0) {
		out_line(r, "done", "image unchanged, nothing to recreate");
		return 0;
	}
	recreate_opts_init(&ro);
	ro.image = ci->config.image;
	if (api_container_recreate(r->c, r->name, &ro, on_step, r, new_id,
				   sizeof(new_id), &e) != API_OK)
		return fail(r, "recreate", &e);
	snprintf(line, sizeof(line), "rebuilt %.19s (new container %.12s)", id,
		 new_id);
	out_line(r, "done", line);
	return 0;
}

static int run(struct rb *r)
{
	struct api_container_inspect ci = {0};
	struct rebuild_ctx x = {0};
	struct api_error e = {0};
	int rc;

	if (api_container_inspect(r->c, r->name, &ci, &e) != API_OK)
		return fail(r, "inspect", &e);
	if (!ci.config.image || !*ci.config.image ||
	    strncmp(ci.config.image, "sha256:", 7) == 0) {
		api_error_set(&e, API_E_INVALID, 0,
			      "created from an image id, not a reference to "
			      "tag");
		rc = fail(r, "image", &e);
	} else if (rebuild_ctx_resolve(r->name, &ci.config.labels, r->context,
				       r->file, &x, &e) != API_OK) {
		fail(r, "context", &e);
		rc = 3;
	} else if (!r->yes && !confirm(r, ci.config.image, &x)) {
		rc = 2;
	} else {
		rc = build_and_recreate(r, &ci, &x);
	}
	rebuild_ctx_free(&x);
	api_container_inspect_free(&ci);
	return rc;
}

static int usage(void)
{
	fputs("usage: berth rebuild [--yes] [--context DIR [--file "
	      "DOCKERFILE]] [--progress=human|machine] NAME\n",
	      stderr);
	return 2;
}

/* "--opt VALUE" or "--opt=VALUE"; NULL when argv[*i] is not it. */
static const char *opt_value(int argc, char **argv, int *i, const char *opt,
			     const char *alt)
{
	size_t n = strlen(opt);

	if (strncmp(argv[*i], opt, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if ((strcmp(argv[*i], opt) == 0 ||
	     (alt && strcmp(argv[*i], alt) == 0)) &&
	    *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

int cli_cmd_rebuild(const struct cli_opts *o, int argc, char **argv)
{
	struct rb r = {0};
	const char *v;
	int i, rc;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0)
			r.yes = 1;
		else if (strcmp(argv[i], "--progress=machine") == 0)
			r.machine = 1;
		else if (strcmp(argv[i], "--progress=human") == 0)
			r.machine = 0;
		else if ((v = opt_value(argc, argv, &i, "--context", "-C")))
			r.context = v;
		else if ((v = opt_value(argc, argv, &i, "--file", "-f")))
			r.file = v;
		else if (strcmp(argv[i], "--") == 0 && ++i)
			break;
		else
			return usage();
	}
	if (i + 1 != argc || (r.file && !r.context))
		return usage();
	r.name = argv[i];
	if (o->read_only) {
		fputs("berth: rebuild refused in --read-only mode\n", stderr);
		return 2;
	}
	r.c = cli_connect(o);
	if (!r.c)
		return 1;
	rc = run(&r);
	api_client_free(r.c);
	return rc;
}
