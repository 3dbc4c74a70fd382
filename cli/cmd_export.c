#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/images.h"
#include "cli/cli.h"
#include "ops/export_compose.h"
#include "ops/export_run.h"
#include "ops/export_systemd.h"

/*
 * berth export: a container as the docker run line, Compose service or
 * systemd unit that recreates it.  Exit status: 0, 1 when a container
 * could not be exported, 2 on a usage error, 3 when the engine cannot be
 * reached.
 */

#define USAGE                                                                  \
	"usage: berth export [--as run|compose|systemd] [-H HOST] NAME...\n"

enum export_as { AS_RUN, AS_COMPOSE, AS_SYSTEMD };

static int usage_error(const char *why)
{
	if (why)
		fprintf(stderr, "berth: export: %s\n", why);
	fputs(USAGE, stderr);
	return 2;
}

static int parse_args(int argc, char **argv, enum export_as *as,
		      const char **host)
{
	static const struct option opts[] = {
		{"as", required_argument, NULL, 'a'},
		{"host", required_argument, NULL, 'H'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "a:H:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			if (strcmp(optarg, "run") == 0)
				*as = AS_RUN;
			else if (strcmp(optarg, "compose") == 0)
				*as = AS_COMPOSE;
			else if (strcmp(optarg, "systemd") == 0)
				*as = AS_SYSTEMD;
			else
				return usage_error("--as: run, compose or "
						   "systemd");
			break;
		case 'H':
			*host = optarg;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return usage_error(NULL);
		}
	}
	if (optind >= argc)
		return usage_error("a container name is needed");
	return -1;
}

static int unreachable(api_code code)
{
	return code == API_E_CONNECT || code == API_E_TIMEOUT ||
	       code == API_E_TRANSPORT;
}

static int export_one(struct api_client *c, const char *name, enum export_as as,
		      int first)
{
	struct api_container_inspect ci = {0};
	struct api_image_inspect img = {0};
	struct api_error err;
	char *text = NULL;
	int have_img, rc = 0;

	api_error_clear(&err);
	if (api_container_inspect(c, name, &ci, &err) != API_OK) {
		cli_fail(name, &err);
		return unreachable(err.code) ? 3 : 1;
	}
	/* Without the image (removed since), nothing counts as inherited. */
	have_img = ci.image &&
		   api_image_inspect(c, ci.image, &img, &err) == API_OK;
	if (as == AS_RUN)
		text = export_run_line(&ci, have_img ? &img : NULL);
	else if (as == AS_COMPOSE)
		text = export_compose_file(&ci, have_img ? &img : NULL);
	else
		text = export_systemd_unit(&ci, have_img ? &img : NULL);
	if (!text) {
		fprintf(stderr, "berth: export: out of memory\n");
		rc = 1;
	} else if (as == AS_RUN) {
		printf("%s\n", text);
	} else {
		if (!first)
			fputs(as == AS_COMPOSE ? "---\n" : "\n", stdout);
		if (as == AS_SYSTEMD) {
			char *q =
				export_systemd_quote(ci.name ? ci.name : name);
			printf("# %s.service\n", q ? q : "");
			free(q);
		}
		fputs(text, stdout);
	}
	free(text);
	api_image_inspect_free(&img);
	api_container_inspect_free(&ci);
	return rc;
}

int cli_cmd_export(const struct cli_opts *o, int argc, char **argv)
{
	enum export_as as = AS_RUN;
	const char *host = NULL;
	struct cli_opts co = *o;
	struct api_client *c;
	int rc = parse_args(argc, argv, &as, &host), i;

	if (rc >= 0)
		return rc;
	if (host)
		co.client.host = host;
	c = cli_connect(&co);
	if (!c)
		return 3;
	rc = 0;
	for (i = optind; i < argc && rc != 3; i++) {
		int r = export_one(c, argv[i], as, i == optind);
		if (r > rc)
			rc = r;
	}
	api_client_free(c);
	return rc;
}
