#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "ops/export_fetch.h"

/*
 * berth export: a container as the docker run line, Compose service or
 * systemd unit that recreates it.  Exit status: 0, 1 when a container
 * could not be exported, 2 on a usage error, 3 when the engine cannot be
 * reached.
 */

#define USAGE                                                                  \
	"usage: berth export [--as run|compose|systemd] [-H HOST] NAME...\n"

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
				*as = EXPORT_RUN;
			else if (strcmp(optarg, "compose") == 0)
				*as = EXPORT_COMPOSE;
			else if (strcmp(optarg, "systemd") == 0)
				*as = EXPORT_SYSTEMD;
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

struct one {
	const char *name;
	enum export_as as;
	int first, done, rc;
};

static void on_text(void *ud, const char *text, size_t len,
		    const struct api_error *err)
{
	struct one *o = ud;

	o->done = 1;
	if (!text) {
		cli_fail(o->name, err);
		o->rc = unreachable(err->code) ? 3 : 1;
		return;
	}
	if (!o->first && o->as != EXPORT_RUN)
		fputs(o->as == EXPORT_COMPOSE ? "---\n" : "\n", stdout);
	fwrite(text, 1, len, stdout);
}

/* The console's own fetch (ops/export_fetch.h), run to its end. */
static int export_one(struct api_client *c, const char *name, enum export_as as,
		      int first)
{
	struct one o = {.name = name, .as = as, .first = first};
	struct api_error err = {0};

	if (export_fetch_start(c, name, as, on_text, &o, NULL, &err) !=
	    API_OK) {
		cli_fail(name, &err);
		return 1;
	}
	job_wait(c, &o.done);
	return o.rc;
}

int cli_cmd_export(const struct cli_opts *o, int argc, char **argv)
{
	enum export_as as = EXPORT_RUN;
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
