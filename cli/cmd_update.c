#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/job_print.h"
#include "ops/update.h"

/* berth update: pull each container's image reference again and recreate
 * the container when the image changed (ops/update.h, the console's own
 * machine).  Progress goes to stderr (cli/job_print.h). */

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
	struct job_print p = {0};
	struct job_report rep;
	struct api_client *c;
	struct api_error e = {0};
	int yes = 0, check = 0, i, first, rc;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0)
			yes = 1;
		else if (strcmp(argv[i], "--check") == 0)
			check = 1;
		else if (strcmp(argv[i], "--progress=machine") == 0)
			p.machine = 1;
		else if (strcmp(argv[i], "--progress=human") == 0)
			p.machine = 0;
		else if (strcmp(argv[i], "--") == 0 && ++i)
			break;
		else
			return usage();
	}
	first = i;
	if (first >= argc)
		return usage();
	if (!check && o->read_only) {
		fputs("berth: update refused in --read-only mode\n", stderr);
		return 2;
	}
	if (!check && !yes && !confirm(argc, argv, first))
		return 2;
	c = cli_connect(o);
	if (!c)
		return 1;
	rep = job_print_report(&p);
	if (update_start(c, check, (const char *const *)argv + first,
			 (size_t)(argc - first), &rep, job_print_end, &p, NULL,
			 &e) != API_OK)
		rc = cli_fail("update", &e);
	else
		rc = job_print_wait(c, &p);
	api_client_free(c);
	return rc;
}
