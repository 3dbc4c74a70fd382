#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/job_print.h"
#include "ops/rebuild.h"
#include "ops/rebuild_lint.h"
#include "posture/policy.h"
#include "views/console.h"

/* berth rebuild: build the container's image again from its context,
 * tagged as the reference the container was created from, then recreate
 * the container on it (with the recreate's rollback).  Exit status: 0
 * rebuilt (or the image did not change), 1 the build or the recreate
 * failed (the container is left as it was), 2 usage or refused, 3 no
 * build context is known for the container.  The machine is the
 * console's own (ops/rebuild.h). */

/* One ud for the end and for the question: job_print_end takes it as
 * its job_print, which comes first. */
struct rb_print {
	struct job_print p;
	const char *name;
	const struct posture_policy *policy;
};

/* 1 to go ahead.  Only a person at a terminal may say yes here. */
static int ask(void *ud, const char *ref, const struct rebuild_ctx *x)
{
	const char *name = ((const struct rb_print *)ud)->name;
	char ans[16];
	int tty = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
	char *lint =
		rebuild_lint_summary(x, ((const struct rb_print *)ud)->policy);

	fputs(tty ? "Build " : "berth: rebuild would build ", stderr);
	cli_put(stderr, ref, 0);
	fputs(" from ", stderr);
	cli_put(stderr, x->context_dir, 0);
	fputs(" and recreate ", stderr);
	cli_put(stderr, name, 0);
	if (lint) {
		fputs(tty ? "\n  " : "; ", stderr);
		cli_put(stderr, lint, 0);
		free(lint);
	}
	if (!tty) {
		fputs(" on it; pass --yes to do it\n", stderr);
		return 0;
	}
	fputs(" on it? [y/N] ", stderr);
	if (!fgets(ans, sizeof(ans), stdin))
		return 0;
	return ans[0] == 'y' || ans[0] == 'Y';
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
	struct rb_print r = {0};
	struct posture_policy policy;
	struct rebuild_args ra = {0};
	struct job_report rep;
	struct api_client *c;
	struct api_error e = {0};
	const char *v;
	int i, yes = 0, rc;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0)
			yes = 1;
		else if (strcmp(argv[i], "--progress=machine") == 0)
			r.p.machine = 1;
		else if (strcmp(argv[i], "--progress=human") == 0)
			r.p.machine = 0;
		else if ((v = opt_value(argc, argv, &i, "--context", "-C")))
			ra.context = v;
		else if ((v = opt_value(argc, argv, &i, "--file", "-f")))
			ra.file = v;
		else if (strcmp(argv[i], "--") == 0 && ++i)
			break;
		else
			return usage();
	}
	if (i + 1 != argc || (ra.file && !ra.context))
		return usage();
	ra.name = r.name = argv[i];
	ra.approve = yes ? NULL : ask;
	if (o->read_only) {
		fputs("berth: rebuild refused in --read-only mode\n", stderr);
		return 2;
	}
	if (console_config_policy(o->config_path, o->eol_file, &policy) != 0)
		return 2;
	r.policy = &policy;
	c = cli_connect(o);
	if (!c) {
		posture_policy_free(&policy);
		return 1;
	}
	rep = job_print_report(&r.p);
	if (rebuild_start(c, &ra, &rep, job_print_end, &r, NULL, &e) != API_OK)
		rc = cli_fail("rebuild", &e);
	else
		rc = job_print_wait(c, &r.p);
	api_client_free(c);
	posture_policy_free(&policy);
	return rc;
}
