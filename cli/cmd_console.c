/* The console and the commands that open it on one pane. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/context.h"
#include "cli/cli.h"
#include "views/console.h"

static char *read_small(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n;

	if (!f)
		return NULL;
	buf = malloc(65537);
	n = buf ? fread(buf, 1, 65536, f) : 0;
	fclose(f);
	if (buf)
		buf[n] = '\0';
	*len = n;
	return buf;
}

/* Every context's endpoint (and the default engine first), for
 * --all-contexts.  The strings live for the whole run. */
static int all_contexts(struct console_args *st)
{
	static struct api_context ctx[CONSOLE_MAX_HOSTS];
	char *dir = api_context_config_dir(), path[4096];
	struct dirent *de;
	DIR *d;
	int n = 0;

	st->hosts[st->n_hosts++] =
		getenv("DOCKER_HOST") && *getenv("DOCKER_HOST")
			? getenv("DOCKER_HOST")
			: "unix:///var/run/docker.sock";
	if (!dir)
		return 0;
	snprintf(path, sizeof(path), "%s/contexts/meta", dir);
	d = opendir(path);
	while (d && (de = readdir(d)) != NULL &&
	       st->n_hosts < CONSOLE_MAX_HOSTS) {
		char file[4352], *text;
		size_t len;
		if (de->d_name[0] == '.')
			continue;
		snprintf(file, sizeof(file), "%s/%s/meta.json", path,
			 de->d_name);
		text = read_small(file, &len);
		if (text &&
		    api_context_meta_parse(text, len, &ctx[n], NULL) ==
			    API_OK &&
		    ctx[n].host)
			st->hosts[st->n_hosts++] = ctx[n++].host;
		free(text);
	}
	if (d)
		closedir(d);
	free(dir);
	return 0;
}

static int run(const struct cli_opts *o, const char *pane, const char *arg)
{
	struct console_args ca;
	const char *exit_after = getenv("BERTH_EXIT_AFTER_MS");
	int i;

	memset(&ca, 0, sizeof(ca));
	ca.client = o->client;
	ca.config_path = o->config_path;
	ca.eol_file = o->eol_file;
	ca.theme = o->theme;
	ca.read_only = o->read_only;
	if (o->all_contexts) {
		all_contexts(&ca);
	} else if (o->n_hosts > 1) {
		for (i = 0; i < o->n_hosts && i < CONSOLE_MAX_HOSTS; i++)
			ca.hosts[ca.n_hosts++] = o->hosts[i];
	}
	ca.pane = pane;
	ca.pane_arg = arg;
	ca.exit_after_ms = exit_after ? (int)strtol(exit_after, NULL, 10) : 0;
	return console_main(&ca);
}

int cli_console(const struct cli_opts *o)
{
	return run(o, "containers", NULL);
}

int cli_cmd_pane(const struct cli_opts *o, int argc, char **argv)
{
	char arg[512];

	if (argc > 2) {
		fprintf(stderr, "usage: berth %s [NAME]\n", argv[0]);
		return 2;
	}
	if (strcmp(argv[0], "inspect") == 0) {
		if (argc != 2) {
			fprintf(stderr, "usage: berth inspect "
					"[container:|image:|volume:|network:]"
					"NAME\n");
			return 2;
		}
		if (strchr(argv[1], ':'))
			snprintf(arg, sizeof(arg), "%s", argv[1]);
		else
			snprintf(arg, sizeof(arg), "container:%s", argv[1]);
		return run(o, "inspect", arg);
	}
	return run(o, argv[0], argc == 2 ? argv[1] : NULL);
}
