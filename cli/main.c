/* berth: the command line.  Global options, then a command; without a
 * command, the console. */
#include <curl/curl.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/context.h"
#include "cli/cli.h"
#include "cli/global_opts.h"
#include "views/console.h"
#include "views/console_docs.h"

static void usage(FILE *out)
{
	fprintf(out, "usage: berth [OPTIONS] [COMMAND [ARGS]]\n"
		     "\n"
		     "A terminal console for Docker.\n"
		     "\n");
	global_opts_help(out);
	fprintf(out,
		"\n"
		"ssh://: berth runs \"ssh [-p PORT] [-l USER] $BERTH_SSH_OPTS "
		"HOST docker system\n"
		"dial-stdio\" per connection (like the docker CLI); "
		"~/.ssh/config applies,\n"
		"and authentication must not prompt (keys or an agent).\n"
		"\n"
		"Commands (none: the console on the containers pane):\n");
	cli_commands_help(out);
	fputc('\n', out);
	console_help_config(out);
}

static int parse(int argc, char **argv, struct cli_opts *o,
		 const char **context)
{
	struct option longs[GLOBAL_OPTS_MAX + 1];
	char shorts[64];
	int ch;

	global_opts_getopt(longs, shorts, sizeof(shorts));
	while ((ch = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		switch (ch) {
		case GOPT_HOST:
			if (o->n_hosts >= CLI_MAX_HOSTS) {
				fprintf(stderr, "berth: at most %d engines\n",
					CLI_MAX_HOSTS);
				return -1;
			}
			o->hosts[o->n_hosts++] = optarg;
			if (!o->client.host)
				o->client.host = optarg;
			break;
		case GOPT_ALL_CONTEXTS:
			o->all_contexts = 1;
			break;
		case GOPT_TLS:
			o->client.tls = 1;
			break;
		case GOPT_TLSVERIFY:
			o->client.tls = 1;
			o->client.tls_verify = 1;
			break;
		case GOPT_TLSCACERT:
			o->client.tls_ca = optarg;
			break;
		case GOPT_TLSCERT:
			o->client.tls_cert = optarg;
			break;
		case GOPT_TLSKEY:
			o->client.tls_key = optarg;
			break;
		case GOPT_READ_ONLY:
			o->read_only = 1;
			break;
		case GOPT_NO_COLOR:
			/* one switch for every place that asks NO_COLOR */
			setenv("NO_COLOR", "1", 1);
			break;
		case GOPT_THEME:
			o->theme = optarg;
			break;
		case GOPT_CONFIG:
			o->config_path = optarg;
			break;
		case GOPT_EOL_FILE:
			o->eol_file = optarg;
			break;
		case GOPT_CONTEXT:
			*context = optarg;
			break;
		case GOPT_INSECURE_TCP:
			o->client.allow_insecure_tcp = 1;
			break;
		case GOPT_HELP:
			usage(stdout);
			exit(0);
		case GOPT_VERSION:
			printf("berth %s\nEngine API %s to %s\n", BERTH_VERSION,
			       API_VERSION_OLDEST, API_VERSION_NEWEST);
			console_lib_versions(stdout);
			exit(0);
		default:
			usage(stderr);
			return -1;
		}
	}
	return optind;
}

int main(int argc, char **argv)
{
	struct cli_opts o;
	const struct cli_command *cmd;
	const char *context = NULL;
	/* Holds the strings o.client points to, for the whole run. */
	static struct api_context ctx;
	struct api_error err;
	int first;

	setlocale(LC_ALL, "");
	/* before any thread: the console reads image exports beside it */
	curl_global_init(CURL_GLOBAL_DEFAULT);
	memset(&o, 0, sizeof(o));
	o.client.tls = -1;
	o.client.tls_verify = -1;
	first = parse(argc, argv, &o, &context);
	if (first < 0)
		return 2;
	api_error_clear(&err);
	if (api_context_apply(context, &o.client, &ctx, &err) != API_OK)
		return cli_fail("context", &err);
	if (first >= argc) {
		return cli_console(&o);
	}
	cmd = cli_command_find(argv[first]);
	if (!cmd) {
		fprintf(stderr,
			"berth: unknown command '%s' (see berth "
			"--help)\n",
			argv[first]);
		return 2;
	}
	optind = 1;
	return cmd->run(&o, argc - first, argv + first);
}
