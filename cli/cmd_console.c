/* The console and the commands that open it on one pane. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "tui/options.h"
#include "tui/theme.h"
#include "views/app.h"

/* Loads the config file: the named one must exist; the default one may
 * be absent. */
static int load_config(const struct cli_opts *o, struct options *opts)
{
	char err[512];
	char *path = o->config_path ? NULL : options_default_path();
	const char *p = o->config_path ? o->config_path : path;
	FILE *f;

	if (!p) {
		free(path);
		return 0;
	}
	f = fopen(p, "r");
	if (!f) {
		int missing_default = !o->config_path;
		if (!missing_default)
			fprintf(stderr, "berth: cannot read config %s\n", p);
		free(path);
		return missing_default ? 0 : -1;
	}
	fclose(f);
	if (options_load_file(p, opts, err, sizeof(err)) != 0) {
		fprintf(stderr, "berth: %s\n", err);
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

static int load_theme(const char *name, struct theme *t)
{
	static const char *const dirs[] = {"themes", BERTH_DATADIR "/themes",
					   NULL};
	char path[1024], err[512];

	*t = theme_builtin;
	if (name && *name && strcmp(name, "default") != 0) {
		if (theme_find(name, dirs, path, sizeof(path)) != 0) {
			fprintf(stderr, "berth: no theme named '%s'\n", name);
			return -1;
		}
		if (theme_load_file(path, t, err, sizeof(err)) != 0) {
			fprintf(stderr, "berth: %s\n", err);
			return -1;
		}
	}
	if (theme_no_color_requested())
		theme_apply_no_color(t);
	return 0;
}

static int run(const struct cli_opts *o, const char *pane, const char *arg)
{
	struct options opts;
	struct theme theme;
	struct app_start start;
	char err[512] = "";
	const char *exit_after = getenv("BERTH_EXIT_AFTER_MS");
	int rc;

	if (options_init(&opts) != 0)
		return 1;
	if (load_config(o, &opts) != 0 ||
	    load_theme(o->theme ? o->theme : opts.theme, &theme) != 0) {
		options_free(&opts);
		return 2;
	}
	memset(&start, 0, sizeof(start));
	start.opts = &opts;
	start.theme = &theme;
	start.client = o->client;
	if (!start.client.host && opts.host && *opts.host)
		start.client.host = opts.host;
	start.pane = pane;
	start.pane_arg = arg;
	start.read_only = o->read_only;
	start.exit_after_ms =
		exit_after ? (int)strtol(exit_after, NULL, 10) : 0;
	rc = app_run(&start, err, sizeof(err));
	if (err[0])
		fprintf(stderr, "berth: %s\n", err);
	options_free(&opts);
	return rc;
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
