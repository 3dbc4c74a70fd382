#include "ops/rebuild_ctx.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "api/dockerignore.h"
#include "ops/compose_build.h"

#define COMPOSE_MAX (4 * 1024 * 1024)

void rebuild_ctx_free(struct rebuild_ctx *r)
{
	free(r->context_dir);
	free(r->dockerfile);
	free(r->target);
	api_kvlist_free(&r->args);
	memset(r, 0, sizeof(*r));
}

static char *read_file(const char *path, size_t max, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *s;

	if (!fp)
		return NULL;
	s = malloc(max + 1);
	if (s) {
		*len = fread(s, 1, max, fp);
		s[*len] = '\0';
	}
	fclose(fp);
	return s;
}

/* The context directory, absolute and resolved. */
static api_code set_context(struct rebuild_ctx *r, const char *base,
			    const char *dir, struct api_error *err)
{
	char joined[PATH_MAX], real[PATH_MAX];

	if (dir[0] != '/' && base)
		snprintf(joined, sizeof(joined), "%s/%s", base, dir);
	else
		snprintf(joined, sizeof(joined), "%s", dir);
	if (!realpath(joined, real))
		return api_error_set(err, API_E_INVALID, 0,
				     "build context %s: %s", joined,
				     strerror(errno));
	r->context_dir = strdup(real);
	return r->context_dir ? API_OK : api_nomem(err);
}

/* The Dockerfile relative to the context (an absolute one must lie in
 * it, as the tar holds nothing else). */
static api_code set_dockerfile(struct rebuild_ctx *r, const char *df,
			       struct api_error *err)
{
	size_t cl = strlen(r->context_dir);
	char clean[PATH_MAX];

	if (!df || !*df)
		return API_OK;
	if (api_path_clean(df, strlen(df), clean, sizeof(clean)) < 0)
		return api_error_set(err, API_E_INVALID, 0, "path too long");
	if (clean[0] == '/') {
		if (strncmp(clean, r->context_dir, cl) != 0 || clean[cl] != '/')
			return api_error_set(err, API_E_INVALID, 0,
					     "the Dockerfile %s is not inside "
					     "the build context %s",
					     df, r->context_dir);
		memmove(clean, clean + cl + 1, strlen(clean + cl + 1) + 1);
	}
	r->dockerfile = strdup(clean);
	return r->dockerfile ? API_OK : api_nomem(err);
}

/* Each file of config_files in order; later ones override. */
static api_code read_compose_files(const char *files, const char *service,
				   struct compose_build *cb,
				   struct api_error *err)
{
	char *list = strdup(files), *save = NULL, *f;
	api_code rc = list ? API_OK : api_nomem(err);

	for (f = list ? strtok_r(list, ",", &save) : NULL; f && rc == API_OK;
	     f = strtok_r(NULL, ",", &save)) {
		size_t len;
		char *text = read_file(f, COMPOSE_MAX, &len);
		if (!text) {
			rc = api_error_set(err, API_E_INVALID, 0, "%s: %s", f,
					   strerror(errno));
			break;
		}
		rc = compose_build_parse(text, len, service, cb, err);
		free(text);
	}
	free(list);
	return rc;
}

api_code rebuild_ctx_from_compose(const struct api_kvlist *labels,
				  struct rebuild_ctx *out,
				  struct api_error *err)
{
	const char *wd =
		api_kv_get(labels, "com.docker.compose.project.working_dir");
	const char *files =
		api_kv_get(labels, "com.docker.compose.project.config_files");
	const char *svc = api_kv_get(labels, "com.docker.compose.service");
	struct compose_build cb = {0};
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!wd || !files || !svc)
		return api_error_set(err, API_E_INVALID, 0,
				     "not created by Compose");
	rc = read_compose_files(files, svc, &cb, err);
	if (rc == API_OK && !cb.found)
		rc = api_error_set(err, API_E_INVALID, 0,
				   "service %s has no build section", svc);
	if (rc == API_OK && cb.context && strstr(cb.context, "://"))
		rc = api_error_set(err, API_E_INVALID, 0,
				   "a remote build context (%s) is not "
				   "supported",
				   cb.context);
	if (rc == API_OK)
		rc = set_context(out, wd, cb.context ? cb.context : ".", err);
	if (rc == API_OK)
		rc = set_dockerfile(out, cb.dockerfile, err);
	if (rc == API_OK) {
		out->target = cb.target;
		cb.target = NULL;
		out->args = cb.args;
		memset(&cb.args, 0, sizeof(cb.args));
		out->source = "compose";
	} else {
		rebuild_ctx_free(out);
	}
	compose_build_free(&cb);
	return rc;
}

char *rebuild_state_file(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char path[PATH_MAX];

	if (xdg && xdg[0] == '/')
		snprintf(path, sizeof(path), "%s/berth/rebuild", xdg);
	else if (home && *home)
		snprintf(path, sizeof(path), "%s/.local/state/berth/rebuild",
			 home);
	else
		return NULL;
	return strdup(path);
}

/* One line: name TAB context TAB dockerfile. */
static int split_line(char *line, char **f)
{
	char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;

	if (!t2)
		return -1;
	*t1 = *t2 = '\0';
	line[strcspn(line, "\n")] = '\0';
	t2[1 + strcspn(t2 + 1, "\n")] = '\0';
	f[0] = line;
	f[1] = t1 + 1;
	f[2] = t2 + 1;
	return 0;
}

api_code rebuild_state_load(const char *file, const char *name,
			    struct rebuild_ctx *out, struct api_error *err)
{
	FILE *fp = file ? fopen(file, "r") : NULL;
	char line[2 * PATH_MAX + 300], *f[3];
	api_code rc = API_E_INVALID;

	memset(out, 0, sizeof(*out));
	while (fp && rc == API_E_INVALID && fgets(line, sizeof(line), fp))
		if (split_line(line, f) == 0 && strcmp(f[0], name) == 0)
			rc = API_OK;
	if (fp)
		fclose(fp);
	if (rc != API_OK)
		return api_error_set(err, rc, 0,
				     "no build context known for %s: run "
				     "`berth rebuild --context DIR %s` once",
				     name, name);
	out->context_dir = strdup(f[1]);
	out->dockerfile = f[2][0] ? strdup(f[2]) : NULL;
	out->source = "remembered";
	if (!out->context_dir || (f[2][0] && !out->dockerfile)) {
		rebuild_ctx_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

static int mkdirs(char *path)
{
	char *s;

	for (s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*s = '/';
			return -1;
		}
		*s = '/';
	}
	return 0;
}

/* Every other container's line, then this one's; renamed into place. */
api_code rebuild_state_save(const char *file, const char *name,
			    const struct rebuild_ctx *r, struct api_error *err)
{
	char tmp[PATH_MAX], line[2 * PATH_MAX + 300], *f[3];
	const char *df = r->dockerfile ? r->dockerfile : "";
	FILE *in, *out;
	int bad;

	if (!file || strpbrk(r->context_dir, "\t\n") || strpbrk(df, "\t\n") ||
	    strpbrk(name, "\t\n"))
		return api_error_set(err, API_E_INVALID, 0,
				     "cannot remember this build context");
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", file) >= (int)sizeof(tmp) ||
	    mkdirs(tmp) != 0 || !(out = fopen(tmp, "w")))
		return api_error_set(err, API_E_INVALID, 0, "%s: %s", file,
				     strerror(errno));
	in = fopen(file, "r");
	while (in && fgets(line, sizeof(line), in))
		if (split_line(line, f) == 0 && strcmp(f[0], name) != 0)
			fprintf(out, "%s\t%s\t%s\n", f[0], f[1], f[2]);
	if (in)
		fclose(in);
	fprintf(out, "%s\t%s\t%s\n", name, r->context_dir, df);
	bad = ferror(out);
	bad |= fclose(out) != 0;
	if (bad || rename(tmp, file) != 0) {
		remove(tmp);
		return api_error_set(err, API_E_INVALID, 0, "cannot write %s",
				     file);
	}
	return API_OK;
}

static api_code resolve_given(const char *name, const char *dir, const char *df,
			      struct rebuild_ctx *out, struct api_error *err)
{
	char *file;
	api_code rc = set_context(out, NULL, dir, err);

	if (rc == API_OK)
		rc = set_dockerfile(out, df, err);
	if (rc != API_OK) {
		rebuild_ctx_free(out);
		return rc;
	}
	out->source = "given";
	file = rebuild_state_file();
	/* not remembering is no reason to refuse the rebuild */
	if (rebuild_state_save(file, name, out, err) != API_OK)
		api_error_clear(err);
	free(file);
	return API_OK;
}

api_code rebuild_ctx_resolve(const char *name, const struct api_kvlist *labels,
			     const char *given_dir, const char *given_file,
			     struct rebuild_ctx *out, struct api_error *err)
{
	char *file;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (given_dir)
		return resolve_given(name, given_dir, given_file, out, err);
	if (labels &&
	    api_kv_get(labels, "com.docker.compose.project.config_files"))
		return rebuild_ctx_from_compose(labels, out, err);
	file = rebuild_state_file();
	rc = rebuild_state_load(file, name, out, err);
	free(file);
	return rc;
}
