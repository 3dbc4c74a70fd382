/* berth.image.unpinned: packages installed without a version, so two
 * builds of one Dockerfile install different software (hadolint's
 * DL3008, DL3018, DL3013, DL3016, DL3028, DL3033, DL3041). */
#include <stdio.h>
#include <string.h>

#include "posture/checks.h"
#include "posture/shell_words.h"

/* How one package manager names a pinned package. */
struct pkg_tool {
	const char *prog;
	const char *const *verbs;    /* the install subcommands */
	const char *const *with_arg; /* options whose value is the next word */
	int (*pinned)(const char *w);
};

static int has_any(const char *w, const char *const *set)
{
	for (; *set; set++)
		if (strstr(w, *set))
			return 1;
	return 0;
}

static int ends_with(const char *w, const char *tail)
{
	size_t n = strlen(w), t = strlen(tail);

	return n >= t && strcmp(w + n - t, tail) == 0;
}

/* A file or URL names one exact artifact: nothing to pin. */
static int is_artifact(const char *w)
{
	return strchr(w, '/') || ends_with(w, ".deb") || ends_with(w, ".rpm") ||
	       ends_with(w, ".apk") || ends_with(w, ".whl") ||
	       ends_with(w, ".tgz") || ends_with(w, ".tar.gz") ||
	       ends_with(w, ".gem") || strcmp(w, ".") == 0;
}

static int eq_pinned(const char *w)
{
	return strchr(w, '=') != NULL;
}

static int apk_pinned(const char *w)
{
	static const char *const ops[] = {"=", "~", "<", ">", NULL};

	return has_any(w, ops);
}

/* name-1.2.3: a dash followed by a digit */
static int rpm_pinned(const char *w)
{
	const char *d;

	for (d = strchr(w, '-'); d; d = strchr(d + 1, '-'))
		if (d[1] >= '0' && d[1] <= '9')
			return 1;
	return w[0] == '@'; /* a group */
}

static int pip_pinned(const char *w)
{
	static const char *const ops[] = {
		"==", ">=", "<=", "~=", "!=", "<", ">", "@", NULL};

	return has_any(w, ops) || strncmp(w, "git+", 4) == 0;
}

/* pkg@1.2 or @scope/pkg@1.2: an '@' after the first character */
static int npm_pinned(const char *w)
{
	return strchr(w + 1, '@') != NULL;
}

static int gem_pinned(const char *w)
{
	return strchr(w, ':') != NULL;
}

static const char *const apt_verbs[] = {"install", NULL};
static const char *const apt_args[] = {"-o",
				       "-t",
				       "-c",
				       "--option",
				       "--target-release",
				       "--config-file",
				       "--default-release",
				       NULL};
static const char *const apk_verbs[] = {"add", NULL};
static const char *const apk_args[] = {
	"-X",	     "--repository", "-p",	    "--root", "-t",
	"--virtual", "--keys-dir",   "--cache-dir", "--arch", NULL};
static const char *const rpm_verbs[] = {"install", NULL};
static const char *const rpm_args[] = {"-x", "--exclude", "-c", "--config",
				       NULL};
static const char *const pip_verbs[] = {"install", NULL};
static const char *const pip_args[] = {"-i",
				       "--index-url",
				       "--extra-index-url",
				       "--trusted-host",
				       "-t",
				       "--target",
				       "--prefix",
				       "--root",
				       "-f",
				       "--find-links",
				       "--src",
				       "--cache-dir",
				       "-e",
				       "--editable",
				       NULL};
static const char *const npm_verbs[] = {"install", "i", "add", NULL};
static const char *const npm_args[] = {"--prefix", "--registry", NULL};
static const char *const gem_verbs[] = {"install", NULL};
static const char *const gem_args[] = {"-s", "--source", "-i", "--install-dir",
				       NULL};

static const struct pkg_tool tools[] = {
	{"apt-get", apt_verbs, apt_args, eq_pinned},
	{"apt", apt_verbs, apt_args, eq_pinned},
	{"aptitude", apt_verbs, apt_args, eq_pinned},
	{"apk", apk_verbs, apk_args, apk_pinned},
	{"yum", rpm_verbs, rpm_args, rpm_pinned},
	{"dnf", rpm_verbs, rpm_args, rpm_pinned},
	{"microdnf", rpm_verbs, rpm_args, rpm_pinned},
	{"pip", pip_verbs, pip_args, pip_pinned},
	{"pip3", pip_verbs, pip_args, pip_pinned},
	{"npm", npm_verbs, npm_args, npm_pinned},
	{"gem", gem_verbs, gem_args, gem_pinned},
};

static int in_set(const char *w, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(w, *set) == 0)
			return 1;
	return 0;
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* The tool of a command, and where its words start ("python3 -m pip"
 * is pip). */
static const struct pkg_tool *tool_of(const struct sh_cmd *c, size_t *first)
{
	const char *prog;
	size_t i;

	if (c->n == 0)
		return NULL;
	prog = base(c->w[0]);
	*first = 1;
	if (strncmp(prog, "python", 6) == 0 && c->n > 2 &&
	    strcmp(c->w[1], "-m") == 0) {
		prog = c->w[2];
		*first = 3;
	}
	for (i = 0; i < sizeof(tools) / sizeof(tools[0]); i++)
		if (strcmp(prog, tools[i].prog) == 0)
			return &tools[i];
	return NULL;
}

/* pip -r FILE, gem -v VER: the versions are given elsewhere. */
static int versions_elsewhere(const struct pkg_tool *t, const struct sh_cmd *c)
{
	static const char *const pip[] = {"-r", "--requirement", "-c",
					  "--constraint", NULL};
	static const char *const gem[] = {"-v", "--version", NULL};
	size_t i;

	for (i = 1; i < c->n; i++)
		if ((t->pinned == pip_pinned && in_set(c->w[i], pip)) ||
		    (t->pinned == gem_pinned && in_set(c->w[i], gem)))
			return 1;
	return 0;
}

/* Appends the unpinned packages of one command to list; their count. */
static int unpinned(const struct sh_cmd *c, char *list, size_t cap)
{
	const struct pkg_tool *t;
	size_t i, first, len = strlen(list);
	int verb = 0, n = 0;

	t = tool_of(c, &first);
	if (!t || versions_elsewhere(t, c))
		return 0;
	for (i = first; i < c->n; i++) {
		const char *w = c->w[i];

		if (w[0] == '-') {
			if (!strchr(w, '=') && in_set(w, t->with_arg))
				i++;
			continue;
		}
		if (!verb) {
			if (!in_set(w, t->verbs))
				return 0;
			verb = 1;
			continue;
		}
		if (is_artifact(w) || t->pinned(w))
			continue;
		n++;
		if (len + strlen(w) + 2 < cap) {
			len += (size_t)snprintf(list + len, cap - len, "%s%s",
						len ? " " : "", w);
		}
	}
	return n;
}

int posture_run_unpinned(const char *run, char *list, size_t cap)
{
	struct sh_cmd c;
	int n = 0;

	if (cap)
		list[0] = '\0';
	while (sh_next(&run, &c))
		n += unpinned(&c, list, cap);
	return n;
}

void posture_check_image_unpinned(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out)
{
	struct posture_ev e = {0};
	char list[160];
	const char *run;
	size_t i;
	int n;

	for (i = 0; x->history && i < x->history->n; i++) {
		run = posture_layer_run(x, i);
		n = run ? posture_run_unpinned(run, list, sizeof(list)) : 0;
		if (n > 0)
			posture_ev_add(&e,
				       "History layer %zu: %d without a "
				       "version: %s",
				       i, n, list);
	}
	posture_emit(r, x, out, r->severity, &e);
}
