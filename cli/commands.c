#include <string.h>

#include "api/system.h"
#include "cli/cli.h"

/* args: what a command's operands are, for the completions: "c"
 * containers, "i" images, "f" files, "s" shells, "" nothing.  An
 * option's values are in the usage: "--as run|compose|systemd". */
static const struct cli_command commands[] = {
	{"audit", cli_cmd_audit,
	 "audit [--format text|json|sarif] [--fail-on S] [--container NAME]",
	 "security findings (text, json, sarif)", ""},
	{"image", cli_cmd_image, "image [--format text|json] [--files] IMAGE",
	 "one image: origin, build, base OS and its end of life, packages, "
	 "setuid files, layers, findings",
	 "i"},
	{"lint", cli_cmd_lint, "lint [--format text|json] [--fail-on S] [FILE]",
	 "a Dockerfile judged by the image rules before it is built", "f"},
	{"containers", cli_cmd_pane, "containers [NAME]",
	 "the console on the containers pane (NAME selected)", "c"},
	{"images", cli_cmd_pane, "images", "the console on the images pane",
	 ""},
	{"volumes", cli_cmd_pane, "volumes", "the console on the volumes pane",
	 ""},
	{"networks", cli_cmd_pane, "networks",
	 "the console on the networks pane", ""},
	{"events", cli_cmd_pane, "events", "the console on the engine events",
	 ""},
	{"posture", cli_cmd_posture, "posture [NAME | --format text|json]",
	 "the console on the security posture (NAME selected); --format: "
	 "the pane's findings printed once",
	 "c"},
	{"layers", cli_cmd_pane, "layers IMAGE",
	 "the console on an image's layers and files, as dive shows them", "i"},
	{"inspect", cli_cmd_pane, "inspect [KIND:]NAME",
	 "the console on an object's raw JSON", "c"},
	{"logs", cli_cmd_logs,
	 "logs [-f] [-t] [--since T] [--tail N] [--prefix] [--no-prefix] "
	 "NAME...",
	 "the console on a container's logs; with options, several names or "
	 "a pipe: the logs printed, merged in time order",
	 "c"},
	{"services", cli_cmd_pane, "services",
	 "the console on the swarm services (a manager only)", ""},
	{"tasks", cli_cmd_pane, "tasks [SERVICE]",
	 "the console on a swarm service's tasks", ""},
	{"nodes", cli_cmd_pane, "nodes", "the console on the swarm nodes", ""},
	{"export", cli_cmd_export, "export [--as run|compose|systemd] NAME...",
	 "a container as a docker run line, Compose service or unit", "c"},
	{"watch", cli_cmd_watch,
	 "watch [--format json|text] [--once] [--since DURATION] [--syslog] "
	 "[--name GLOB] [--label K=V] [--restarts N] [--window MIN] "
	 "[--min-severity S] [--exec CMD] [--webhook URL] "
	 "[--log-pattern REGEX] [--log-every S] [--mem-above PCT] "
	 "[--cpu-above PCT] [--cpu-for S] [--disk-above PCT] "
	 "[--health-fails N] [--sample-every S]",
	 "report crashes, OOM kills, unhealthy, restart loops, findings", ""},
	{"info", cli_cmd_info, "info", "the engine: versions, driver, counts",
	 ""},
	{"cp", cli_cmd_cp, "cp NAME:PATH DEST | cp SRC NAME:PATH",
	 "copy files out of or into a container, as docker cp", "f"},
	{"diff", cli_cmd_diff, "diff NAME",
	 "what a container changed against its image, as docker diff", "c"},
	{"ps", cli_cmd_ps, "ps [-a] [--names] [--image-names]",
	 "list containers (all with -a); names only, for completion", ""},
	{"shell", cli_cmd_shell, "shell NAME [-- CMD...]",
	 "a shell (or CMD) in a running container", "c"},
	{"attach", cli_cmd_attach, "attach [--detach-keys K] NAME",
	 "join a container's main process (detach: ctrl-p ctrl-q)", "c"},
	{"keys", cli_cmd_keys, "keys", "every key binding, by context", ""},
	{"man-tables", cli_cmd_man_tables, "man-tables",
	 "the man page's option, key and posture rule sections (roff)", ""},
	{"rebuild", cli_cmd_rebuild,
	 "rebuild [--yes] [--context DIR] [--file FILE] NAME",
	 "build the image again from its context, recreate the container", "c"},
	{"update", cli_cmd_update, "update [--yes] [--check] NAME...",
	 "pull each image again, recreate what changed", "c"},
	{"version", cli_cmd_version, "version",
	 "berth's version and the engine's", ""},
	{"completions", cli_cmd_completions, "completions bash|zsh|fish",
	 "the shell completion script, made from these tables", "s"},
};

const struct cli_command *cli_command_at(size_t i)
{
	return i < sizeof(commands) / sizeof(commands[0]) ? &commands[i] : NULL;
}

const struct cli_command *cli_command_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

void cli_commands_help(FILE *out)
{
	size_t i;

	/* a usage too long for its column has its words on the next line */
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strlen(commands[i].usage) > 22)
			fprintf(out, "  %s\n  %-22s %s\n", commands[i].usage,
				"", commands[i].help);
		else
			fprintf(out, "  %-22s %s\n", commands[i].usage,
				commands[i].help);
}

int cli_cmd_version(const struct cli_opts *o, int argc, char **argv)
{
	struct api_client *c;
	struct api_version v = {0};
	struct api_error err;
	int rc = 0;

	(void)argc;
	(void)argv;
	printf("berth %s (API up to %s)\n", BERTH_VERSION, API_VERSION_NEWEST);
	c = cli_connect(o);
	if (!c)
		return 1;
	if (api_version(c, &v, &err) != API_OK) {
		rc = cli_fail("version", &err);
	} else {
		fputs("engine ", stdout);
		cli_put(stdout, v.version, 0);
		fputs(" (API ", stdout);
		cli_put(stdout, v.api_version, 0);
		printf(", using %s) at ", api_client_version(c));
		cli_put(stdout, api_client_host(c), 0);
		putchar('\n');
	}
	api_version_free(&v);
	api_client_free(c);
	return rc;
}
