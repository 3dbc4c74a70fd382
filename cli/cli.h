#ifndef BERTH_CLI_CLI_H
#define BERTH_CLI_CLI_H

#include <stdio.h>

#include "api/client.h"

/* What the global options say, before the command runs. */
#define CLI_MAX_HOSTS 8

struct cli_opts {
	struct api_client_opts client;
	const char *config_path;
	const char *eol_file; /* --eol-file, or NULL */
	const char *theme;
	int read_only;
	/* -H given more than once, or --all-contexts: the console watches
	 * each; headless commands use the first (client.host). */
	const char *hosts[CLI_MAX_HOSTS];
	int n_hosts;
	int all_contexts;
};

/* One command of the command line; the table in cli/commands.c. */
struct cli_command {
	const char *name;
	int (*run)(const struct cli_opts *o, int argc, char **argv);
	const char *usage;
	const char *help;
	const char *args; /* operands, for completion: see cli/commands.c */
};

const struct cli_command *cli_command_find(const char *name);
/* The i-th command, NULL past the last. */
const struct cli_command *cli_command_at(size_t i);
void cli_commands_help(FILE *out);

/* A negotiated client, or NULL after printing why to stderr. */
struct api_client *cli_connect(const struct cli_opts *o);
/* Prints "berth: [<what>: ]<message>" for a failed call; returns 1. */
int cli_fail(const char *what, const struct api_error *err);
/* --fail-on's value: a severity, or -1 for "none"; -1 returned (with
 * *out untouched) for anything else. */
int cli_fail_on_parse(const char *s, int *out);
/* Prints s sanitized (outside text never reaches the terminal raw),
 * cut or padded to width columns when width > 0. */
void cli_put(FILE *out, const char *s, int width);

int cli_cmd_audit(const struct cli_opts *o, int argc, char **argv);
/* One image: provenance, build record, contents, findings. */
int cli_cmd_lint(const struct cli_opts *o, int argc, char **argv);
int cli_cmd_image(const struct cli_opts *o, int argc, char **argv);
/* A container as a run line, Compose service or systemd unit. */
int cli_cmd_export(const struct cli_opts *o, int argc, char **argv);
/* Follows the events, reporting failures and new findings. */
int cli_cmd_watch(const struct cli_opts *o, int argc, char **argv);
int cli_cmd_info(const struct cli_opts *o, int argc, char **argv);
int cli_cmd_ps(const struct cli_opts *o, int argc, char **argv);
int cli_cmd_version(const struct cli_opts *o, int argc, char **argv);
/* Pull and recreate (--check: only compare with the registry). */
int cli_cmd_update(const struct cli_opts *o, int argc, char **argv);
/* Build the image again from its context, then recreate. */
int cli_cmd_rebuild(const struct cli_opts *o, int argc, char **argv);
/* The console, on the containers pane or the one argv[0] names. */
int cli_console(const struct cli_opts *o);
int cli_cmd_keys(const struct cli_opts *o, int argc, char **argv);
int cli_cmd_man_tables(const struct cli_opts *o, int argc, char **argv);
int cli_cmd_pane(const struct cli_opts *o, int argc, char **argv);
/* docker cp both ways, through the archive endpoint. */
int cli_cmd_cp(const struct cli_opts *o, int argc, char **argv);
/* What a container changed against its image, as docker diff. */
int cli_cmd_diff(const struct cli_opts *o, int argc, char **argv);
/* The bash, zsh or fish completion script, from the tables. */
int cli_cmd_completions(const struct cli_opts *o, int argc, char **argv);
/* The logs pane, or (options, several names, not a terminal) the logs
 * printed, several containers merged in the engine's time order. */
int cli_cmd_logs(const struct cli_opts *o, int argc, char **argv);
/* The posture pane; with --format, its scan printed once headless. */
int cli_cmd_posture(const struct cli_opts *o, int argc, char **argv);
/* An exec shell (or CMD) in a container, and attach, on this terminal. */
int cli_cmd_shell(const struct cli_opts *o, int argc, char **argv);
int cli_cmd_attach(const struct cli_opts *o, int argc, char **argv);

#endif
