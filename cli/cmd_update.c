#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/container_inspect.h"
#include "api/distribution.h"
#include "api/images.h"
#include "api/pull.h"
#include "api/recreate.h"
#include "cli/cli.h"

/* berth update: pull each container's image reference again and recreate
 * the container when the image changed.  Progress goes to stderr, in the
 * --progress=machine form for the console's background jobs. */

struct upd {
	struct api_client *c;
	int machine;
	int check;
	const char *name;
	char last_status[64];
};

static void out_line(struct upd *u, const char *kind, const char *text)
{
	if (u->machine)
		fprintf(stderr, "%s: ", kind);
	else if (strcmp(kind, "fail") == 0)
		fputs("berth: ", stderr);
	cli_put(stderr, u->name, 0);
	fputs(": ", stderr);
	cli_put(stderr, text, 0);
	fputc('\n', stderr);
	fflush(stderr);
}

static void on_step(const char *step, void *ud)
{
	out_line(ud, "step", step);
}

static void on_pull(const struct api_pull_event *ev, void *ud)
{
	struct upd *u = ud;
	const char *st = ev->status ? ev->status : "";

	if (!ev->id || ev->error)
		return;
	if (u->machine) {
		/* The console splits on spaces: the status keeps its own. */
		fputs("layer: ", stderr);
		cli_put(stderr, ev->id, 0);
		fprintf(stderr, " %lld %lld ", (long long)ev->current,
			(long long)ev->total);
		cli_put(stderr, st, 0);
		fputc('\n', stderr);
		fflush(stderr);
		return;
	}
	if (strncmp(u->last_status, st, sizeof(u->last_status) - 1) == 0)
		return;
	snprintf(u->last_status, sizeof(u->last_status), "%s", st);
	fputs("  ", stderr);
	cli_put(stderr, ev->id, 0);
	fputs(": ", stderr);
	cli_put(stderr, st, 0);
	fputc('\n', stderr);
}

static int fail(struct upd *u, const char *what, const struct api_error *e)
{
	char line[700];

	snprintf(line, sizeof(line), "%s: %s", what, e->msg);
	out_line(u, "fail", line);
	return 1;
}

static int check_one(struct upd *u, const struct api_container_inspect *ci)
{
	struct api_image_inspect img = {0};
	struct api_distribution d = {0};
	struct api_error e;
	int rc = 0;

	out_line(u, "step", "asking the registry");
	if (api_image_inspect(u->c, api_str(ci->image), &img, &e) != API_OK)
		rc = fail(u, "image", &e);
	else if (api_distribution_inspect(u->c, ci->config.image, &d, &e) !=
		 API_OK)
		rc = fail(u, "registry", &e);
	else
		out_line(u, "done",
			 api_digest_matches(&img.repo_digests, d.digest)
				 ? "up to date"
				 : "update available");
	api_image_inspect_free(&img);
	api_distribution_free(&d);
	return rc;
}

static int update_one(struct upd *u, const struct api_container_inspect *ci)
{
	struct api_image_inspect img = {0};
	struct recreate_opts ro;
	struct api_error e;
	char line[600], new_id[80];
	const char *ref = ci->config.image;

	snprintf(line, sizeof(line), "pulling %s", ref);
	out_line(u, "step", line);
	if (api_image_pull(u->c, ref, on_pull, u, &e) != API_OK)
		return fail(u, "pull", &e);
	if (api_image_inspect(u->c, ref, &img, &e) != API_OK)
		return fail(u, "image", &e);
	if (img.id && ci->image && strcmp(img.id, ci->image) == 0) {
		api_image_inspect_free(&img);
		out_line(u, "done", "up to date");
		return 0;
	}
	api_image_inspect_free(&img);
	recreate_opts_init(&ro);
	ro.image = ref;
	if (api_container_recreate(u->c, u->name, &ro, on_step, u, new_id,
				   sizeof(new_id), &e) != API_OK)
		return fail(u, "recreate", &e);
	snprintf(line, sizeof(line), "updated (new container %.12s)", new_id);
	out_line(u, "done", line);
	return 0;
}

static int run_one(struct upd *u, const char *name)
{
	struct api_container_inspect ci = {0};
	struct api_error e;
	int rc;

	u->name = name;
	u->last_status[0] = '\0';
	if (api_container_inspect(u->c, name, &ci, &e) != API_OK)
		return fail(u, "inspect", &e);
	if (!ci.config.image || !*ci.config.image ||
	    strncmp(ci.config.image, "sha256:", 7) == 0) {
		api_error_set(&e, API_E_INVALID, 0,
			      "created from an image id, not a reference");
		rc = fail(u, "image", &e);
	} else {
		rc = u->check ? check_one(u, &ci) : update_one(u, &ci);
	}
	api_container_inspect_free(&ci);
	return rc;
}

/* 1 to go ahead.  Only a person at a terminal may say yes here. */
static int confirm(int argc, char **argv, int first)
{
	char ans[16];
	int i;

	if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO)) {
		fputs("berth: update would pull the image of", stderr);
		for (i = first; i < argc; i++) {
			fputc(' ', stderr);
			cli_put(stderr, argv[i], 0);
		}
		fputs(" and recreate what changed; pass --yes to do it\n",
		      stderr);
		return 0;
	}
	fputs("Pull the image again and recreate", stderr);
	for (i = first; i < argc; i++) {
		fputc(' ', stderr);
		cli_put(stderr, argv[i], 0);
	}
	fputs(" if it changed? [y/N] ", stderr);
	if (!fgets(ans, sizeof(ans), stdin))
		return 0;
	return ans[0] == 'y' || ans[0] == 'Y';
}

static int usage(void)
{
	fputs("usage: berth update [--yes] [--check] "
	      "[--progress=human|machine] NAME...\n",
	      stderr);
	return 2;
}

int cli_cmd_update(const struct cli_opts *o, int argc, char **argv)
{
	struct upd u = {0};
	int yes = 0, i, first, failed = 0;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0)
			yes = 1;
		else if (strcmp(argv[i], "--check") == 0)
			u.check = 1;
		else if (strcmp(argv[i], "--progress=machine") == 0)
			u.machine = 1;
		else if (strcmp(argv[i], "--progress=human") == 0)
			u.machine = 0;
		else if (strcmp(argv[i], "--") == 0 && ++i)
			break;
		else
			return usage();
	}
	first = i;
	if (first >= argc)
		return usage();
	if (!u.check && o->read_only) {
		fputs("berth: update refused in --read-only mode\n", stderr);
		return 2;
	}
	if (!u.check && !yes && !confirm(argc, argv, first))
		return 2;
	u.c = cli_connect(o);
	if (!u.c)
		return 1;
	/* Each container on its own: one failure does not stop the rest. */
	for (i = first; i < argc; i++)
		failed |= run_one(&u, argv[i]);
	api_client_free(u.c);
	return failed ? 1 : 0;
}
