#include "views/console.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "posture/policy.h"
#include "tui/options.h"
#include "tui/sanitize.h"
#include "tui/theme.h"
#include "views/app.h"

static int accept_line(void *ctx, char *const *w, int n, const char *where,
		       char *msg, size_t msglen)
{
	return posture_accepts_add(ctx, w, n, where, msg, msglen);
}

/* Loads the config file: the named one must exist; the default one may
 * be absent.  Its accept lines go to accepts. */
static int load_config(const char *config_path, struct options *opts,
		       struct posture_accepts *accepts)
{
	const struct options_command cmds[] = {
		{"accept", accept_line, accepts},
	};
	char err[512];
	char *path = config_path ? NULL : options_default_path();
	const char *p = config_path ? config_path : path;
	FILE *f;

	if (!p) {
		free(path);
		return 0;
	}
	f = fopen(p, "r");
	if (!f) {
		int missing_default = !config_path;
		if (!missing_default)
			fprintf(stderr, "berth: cannot read config %s\n", p);
		free(path);
		return missing_default ? 0 : -1;
	}
	fclose(f);
	if (options_load_file_with(p, opts, cmds, 1, err, sizeof(err)) != 0) {
		fprintf(stderr, "berth: %s\n", err);
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

/* The directory this binary is in, or "" when it cannot be told. */
static void exe_dir(char dir[1024])
{
	ssize_t n = readlink("/proc/self/exe", dir, 1023);
	char *slash;

	dir[n > 0 ? n : 0] = '\0';
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		dir[0] = '\0';
}

/* Where the shipped themes are: beside an installed binary
 * (PREFIX/bin/berth -> PREFIX/share/berth/themes) whatever PREFIX was,
 * the configured data directory, and the source tree for ./berth. */
void console_theme_dirs(char exe_share[1024], char exe_src[1024],
			const char *dirs[4])
{
	char exe[1024];
	int k = 0;

	exe_share[0] = exe_src[0] = '\0';
	exe_dir(exe);
	if (exe[0]) {
		snprintf(exe_share, 1024, "%s/../share/berth/themes", exe);
		snprintf(exe_src, 1024, "%s/themes", exe);
		dirs[k++] = exe_share;
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
	console_theme_dirs(share, src, dirs);
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

/* The shipped end-of-life table: beside an installed binary, in the
 * configured data directory, or in the source tree a binary was built
 * in (./berth, build/KIND/berth).  Absent, berth.image.eol says
 * nothing; a damaged one is an error. */
static int load_shipped_eol(struct eol_table *t)
{
	char exe[1024], path[1100], msg[512];
	const char *const rel[] = {"/../share/berth/eol.tsv", "/data/eol.tsv",
				   "/../../data/eol.tsv"};
	size_t i;

	if (access(BERTH_DATADIR "/eol.tsv", R_OK) == 0)
		goto load_datadir;
	exe_dir(exe);
	if (!exe[0])
		return 0;
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", exe, rel[i]);
		if (access(path, R_OK) == 0)
			goto load;
	}
	return 0;
load_datadir:
	snprintf(path, sizeof(path), "%s", BERTH_DATADIR "/eol.tsv");
load:
	if (eol_load_file(t, path, msg, sizeof(msg)) == 0)
		return 0;
	fprintf(stderr, "berth: %s\n", msg);
	return -1;
}

static int load_eol(struct eol_table *t, const char *opt_file,
		    const char *cli_file)
{
	const char *files[2] = {opt_file, cli_file};
	char msg[512];
	int i;

	if (load_shipped_eol(t) != 0)
		return -1;
	for (i = 0; i < 2; i++)
		if (files[i] && *files[i] &&
		    eol_load_file(t, files[i], msg, sizeof(msg)) != 0) {
			fprintf(stderr, "berth: %s\n", msg);
			return -1;
		}
	return 0;
}

/* The policy's settings live in the one options table; its accept
 * lines come with the file. */
static int read_config(const char *config_path, const char *eol_file,
		       struct options *opts, struct posture_policy *policy)
{
	posture_policy_init(policy);
	if (options_init(opts) != 0)
		return -1;
	if (load_config(config_path, opts, &policy->accepts) != 0)
		goto fail;
	if (posture_policy_set_trusted(policy, opts->trusted_registries) != 0) {
		fprintf(stderr, "berth: out of memory\n");
		goto fail;
	}
	policy->image_max_age_days = opts->image_max_age;
	if (load_eol(&policy->eol, opts->eol_file, eol_file) != 0)
		goto fail;
	return 0;
fail:
	options_free(opts);
	posture_policy_free(policy);
	return -1;
}

int console_main(const struct console_args *a)
{
	struct posture_policy policy;
	struct options opts;
	struct theme theme;
	struct app_start start;
	char err[512] = "";
	int rc, i;

	if (read_config(a->config_path, a->eol_file, &opts, &policy) != 0)
		return 2;
	if (load_theme(a->theme ? a->theme : opts.theme, &theme) != 0) {
		options_free(&opts);
		posture_policy_free(&policy);
		return 2;
	}
	memset(&start, 0, sizeof(start));
	start.opts = &opts;
	start.policy = &policy;
	start.theme = &theme;
	start.client = a->client;
	if (!start.client.host && opts.host && *opts.host)
		start.client.host = opts.host;
	for (i = 0; i < a->n_hosts && i < APP_MAX_ENGINES; i++)
		start.hosts[start.n_hosts++] = a->hosts[i];
	start.pane = a->pane;
	start.pane_arg = a->pane_arg;
	start.read_only = a->read_only;
	start.exit_after_ms = a->exit_after_ms;
	rc = app_run(&start, err, sizeof(err));
	if (err[0])
		fprintf(stderr, "berth: %s\n", err);
	options_free(&opts);
	posture_policy_free(&policy);
	return rc;
}

char *console_config_shells(const char *config_path)
{
	struct posture_policy policy;
	struct options opts;
	char *out = NULL;

	if (read_config(config_path, NULL, &opts, &policy) != 0)
		return NULL;
	if (opts.shell && *opts.shell)
		out = strdup(opts.shell);
	options_free(&opts);
	posture_policy_free(&policy);
	return out;
}

int console_config_policy(const char *config_path, const char *eol_file,
			  struct posture_policy *out)
{
	struct options opts;

	if (read_config(config_path, eol_file, &opts, out) != 0)
		return -1;
	options_free(&opts);
	return 0;
}

char *console_sanitize_dup(const char *s)
{
	return term_sanitize_dup(s);
}

size_t console_sanitize(const char *in, size_t len, char *out, size_t outlen)
{
	return term_sanitize(in, len, out, outlen);
}
