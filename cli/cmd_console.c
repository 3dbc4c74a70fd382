/* The console and the commands that open it on one pane. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/context.h"
#include "cli/cli.h"
#include "tui/options.h"
#include "tui/theme.h"
#include "views/app.h"

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

/* Where the shipped themes are: beside an installed binary
 * (PREFIX/bin/berth -> PREFIX/share/berth/themes) whatever PREFIX was,
 * the configured data directory, and the source tree for ./berth. */
static void theme_dirs(char exe_share[1024], char exe_src[1024],
		       const char *dirs[4])
{
	char exe[1024];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;
	int k = 0;

	exe_share[0] = exe_src[0] = '\0';
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(exe_share, 1024, "%s/../share/berth/themes",
				 exe);
			snprintf(exe_src, 1024, "%s/themes", exe);
			dirs[k++] = exe_share;
		}
	}
	dirs[k++] = BERTH_DATADIR "/themes";
	if (exe_src[0])
		dirs[k++] = exe_src;
	dirs[k] = NULL;
}

static int load_theme(const char *name, struct theme *t)
{
	char path[1024], err[512], share[1024], src[1024];
	const char *dirs[4];

	*t = theme_builtin;
	theme_dirs(share, src, dirs);
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

/* Every context's endpoint (and the default engine first), for
 * --all-contexts.  The strings live for the whole run. */
static int all_contexts(struct app_start *st)
{
	static struct api_context ctx[APP_MAX_ENGINES];
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
	       st->n_hosts < APP_MAX_ENGINES) {
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
	struct options opts;
	struct theme theme;
	struct app_start start;
	char err[512] = "";
	const char *exit_after = getenv("BERTH_EXIT_AFTER_MS");
	int rc, i;

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
	if (o->all_contexts) {
		all_contexts(&start);
	} else if (o->n_hosts > 1) {
		for (i = 0; i < o->n_hosts && i < APP_MAX_ENGINES; i++)
			start.hosts[start.n_hosts++] = o->hosts[i];
	}
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
