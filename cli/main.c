/* berth: the command line.  Global options, then a command; without a
 * command, the console. */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/context.h"
#include "cli/cli.h"
#include "tui/options.h"

enum {
	OPT_TLS = 256,
	OPT_TLSVERIFY,
	OPT_TLSCACERT,
	OPT_TLSCERT,
	OPT_TLSKEY,
	OPT_READ_ONLY,
	OPT_THEME,
	OPT_CONFIG,
	OPT_CONTEXT,
	OPT_INSECURE_TCP,
	OPT_ALL_CONTEXTS,
};

static const struct option long_opts[] = {
	{"host", required_argument, NULL, 'H'},
	{"tls", no_argument, NULL, OPT_TLS},
	{"tlsverify", no_argument, NULL, OPT_TLSVERIFY},
	{"tlscacert", required_argument, NULL, OPT_TLSCACERT},
	{"tlscert", required_argument, NULL, OPT_TLSCERT},
	{"tlskey", required_argument, NULL, OPT_TLSKEY},
	{"read-only", no_argument, NULL, OPT_READ_ONLY},
	{"theme", required_argument, NULL, OPT_THEME},
	{"config", required_argument, NULL, OPT_CONFIG},
	{"context", required_argument, NULL, OPT_CONTEXT},
	{"allow-insecure-tcp", no_argument, NULL, OPT_INSECURE_TCP},
	{"all-contexts", no_argument, NULL, OPT_ALL_CONTEXTS},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'v'},
	{NULL, 0, NULL, 0},
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: berth [OPTIONS] [COMMAND [ARGS]]\n"
		"\n"
		"A terminal console for Docker.\n"
		"\n"
		"Options:\n"
		"  -H, --host ADDR        engine address: unix:///path, "
		"tcp://host:port or\n"
		"                         ssh://[user@]host[:port] (default: "
		"$DOCKER_HOST, else\n"
		"                         the Docker context, else "
		"unix:///var/run/docker.sock);\n"
		"                         give it several times to watch "
		"several engines\n"
		"      --all-contexts     watch every Docker context's engine "
		"at once\n"
		"      --context NAME     use the Docker context NAME "
		"(default: $DOCKER_CONTEXT,\n"
		"                         else currentContext in "
		"~/.docker/config.json)\n"
		"      --tls              use TLS (implied by "
		"$DOCKER_TLS_VERIFY)\n"
		"      --tlsverify        use TLS and verify the engine "
		"(the default with TLS)\n"
		"      --tlscacert FILE   CA certificate (default "
		"$DOCKER_CERT_PATH/ca.pem)\n"
		"      --tlscert FILE     client certificate\n"
		"      --tlskey FILE      client key\n"
		"      --allow-insecure-tcp  allow plain tcp:// (no TLS) to "
		"a non-loopback host\n"
		"      --read-only        refuse every action that changes "
		"the engine\n"
		"      --theme NAME       colour theme\n"
		"      --config FILE      configuration file\n"
		"  -h, --help             this help\n"
		"  -v, --version          berth's version\n"
		"\n"
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
	options_print_help(out);
}

static int parse(int argc, char **argv, struct cli_opts *o,
		 const char **context)
{
	int ch;

	while ((ch = getopt_long(argc, argv, "+H:hv", long_opts, NULL)) != -1) {
		switch (ch) {
		case 'H':
			if (o->n_hosts >= CLI_MAX_HOSTS) {
				fprintf(stderr, "berth: at most %d engines\n",
					CLI_MAX_HOSTS);
				return -1;
			}
			o->hosts[o->n_hosts++] = optarg;
			if (!o->client.host)
				o->client.host = optarg;
			break;
		case OPT_ALL_CONTEXTS:
			o->all_contexts = 1;
			break;
		case OPT_TLS:
			o->client.tls = 1;
			break;
		case OPT_TLSVERIFY:
			o->client.tls = 1;
			o->client.tls_verify = 1;
			break;
		case OPT_TLSCACERT:
			o->client.tls_ca = optarg;
			break;
		case OPT_TLSCERT:
			o->client.tls_cert = optarg;
			break;
		case OPT_TLSKEY:
			o->client.tls_key = optarg;
			break;
		case OPT_READ_ONLY:
			o->read_only = 1;
			break;
		case OPT_THEME:
			o->theme = optarg;
			break;
		case OPT_CONFIG:
			o->config_path = optarg;
			break;
		case OPT_CONTEXT:
			*context = optarg;
			break;
		case OPT_INSECURE_TCP:
			o->client.allow_insecure_tcp = 1;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'v':
			printf("berth %s\n", BERTH_VERSION);
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
