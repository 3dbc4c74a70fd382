#include "api/context.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/json.h"
#include "api/sha256.h"

#define CONFIG_MAX (1024 * 1024)

void api_context_free(struct api_context *ctx)
{
	if (!ctx)
		return;
	free(ctx->name);
	free(ctx->host);
	free(ctx->ca);
	free(ctx->cert);
	free(ctx->key);
	memset(ctx, 0, sizeof(*ctx));
}

api_code api_context_meta_parse(const char *json, size_t len,
				struct api_context *out, struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *ep;
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "context meta.json", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	ep = jm_path(root, "Endpoints.docker");
	out->name = jm_str(&m, root, "Name");
	out->host = jm_str(&m, ep, "Host");
	out->skip_tls_verify = jm_bool(ep, "SkipTLSVerify");
	cJSON_Delete(root);
	if (m.nomem) {
		api_context_free(out);
		return api_nomem(err);
	}
	if (out->host && !*out->host) {
		free(out->host);
		out->host = NULL;
	}
	return API_OK;
}

api_code api_context_current_parse(const char *json, size_t len, char **out,
				   struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	*out = NULL;
	rc = json_parse_as(json, len, "docker config.json", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	*out = jm_str(&m, root, "currentContext");
	cJSON_Delete(root);
	if (m.nomem)
		return api_nomem(err);
	if (*out && !**out) {
		free(*out);
		*out = NULL;
	}
	return API_OK;
}

char *api_context_config_dir(void)
{
	const char *d = getenv("DOCKER_CONFIG");
	const char *home = getenv("HOME");
	size_t n;
	char *p;

	if (d && *d)
		return strdup(d);
	if (!home || !*home)
		home = "/";
	n = strlen(home) + 16;
	p = malloc(n);
	if (p)
		snprintf(p, n, "%s/.docker", home);
	return p;
}

/* The whole file, or NULL with errno's reason left for the caller. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f)
		return NULL;
	buf = malloc(CONFIG_MAX + 1);
	n = buf ? fread(buf, 1, CONFIG_MAX + 1, f) : 0;
	fclose(f);
	if (buf && n > CONFIG_MAX) {
		free(buf);
		return NULL;
	}
	if (buf)
		buf[n] = '\0';
	*len = n;
	return buf;
}

static char *path_fmt(const char *dir, const char *mid, const char *hash,
		      const char *file)
{
	size_t n = strlen(dir) + strlen(mid) + strlen(file) + 80;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s/%s/%s", dir, mid, hash, file);
	return p;
}

static int tls_file(const char *dir, const char *hash, const char *name,
		    char **out)
{
	char file[32];

	snprintf(file, sizeof(file), "docker/%s", name);
	*out = path_fmt(dir, "contexts/tls", hash, file);
	if (!*out)
		return -1;
	if (access(*out, R_OK) != 0) {
		free(*out);
		*out = NULL;
	}
	return 0;
}

api_code api_context_load(const char *config_dir, const char *name,
			  struct api_context *out, struct api_error *err)
{
	char hash[65], *path, *json;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	sha256_hex(name, strlen(name), hash);
	path = path_fmt(config_dir, "contexts/meta", hash, "meta.json");
	if (!path)
		return api_nomem(err);
	json = slurp(path, &len);
	free(path);
	if (!json)
		return api_error_set(err, API_E_INVALID, 0,
				     "context \"%s\" not found (see docker "
				     "context ls)",
				     name);
	rc = api_context_meta_parse(json, len, out, err);
	free(json);
	if (rc != API_OK)
		return api_error_set(err, rc, 0, "context \"%s\": %s", name,
				     err->msg);
	free(out->name);
	out->name = strdup(name);
	if (!out->name || tls_file(config_dir, hash, "ca.pem", &out->ca) ||
	    tls_file(config_dir, hash, "cert.pem", &out->cert) ||
	    tls_file(config_dir, hash, "key.pem", &out->key)) {
		api_context_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

static api_code current_context(const char *config_dir, char **name,
				struct api_error *err)
{
	size_t n = strlen(config_dir) + 16, len = 0;
	char *path = malloc(n), *json;
	api_code rc;

	if (!path)
		return api_nomem(err);
	snprintf(path, n, "%s/config.json", config_dir);
	json = slurp(path, &len);
	free(path);
	/* No config.json is the usual case; a broken one is docker's
	 * business, so it only costs the context. */
	if (!json)
		return API_OK;
	rc = api_context_current_parse(json, len, name, err);
	free(json);
	return rc == API_E_NOMEM ? rc : API_OK;
}

api_code api_context_select(const char *host_flag, const char *context_flag,
			    const char *config_dir, char **name,
			    struct api_error *err)
{
	const char *env_host = getenv("DOCKER_HOST");
	const char *env_ctx = getenv("DOCKER_CONTEXT");
	const char *pick = NULL;
	api_code rc;

	*name = NULL;
	if (host_flag && *host_flag && context_flag && *context_flag)
		return api_error_set(err, API_E_INVALID, 0,
				     "-H and --context cannot be used "
				     "together");
	if (host_flag && *host_flag)
		return API_OK;
	if (context_flag && *context_flag)
		pick = context_flag;
	else if (env_host && *env_host)
		return API_OK;
	else if (env_ctx && *env_ctx)
		pick = env_ctx;
	if (pick) {
		*name = strdup(pick);
		rc = *name ? API_OK : api_nomem(err);
	} else {
		rc = current_context(config_dir, name, err);
	}
	if (rc == API_OK && *name && strcmp(*name, "default") == 0) {
		free(*name);
		*name = NULL;
	}
	return rc;
}

api_code api_context_apply(const char *context_flag,
			   struct api_client_opts *opts,
			   struct api_context *out, struct api_error *err)
{
	char *dir = api_context_config_dir(), *name = NULL;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!dir)
		return api_nomem(err);
	rc = api_context_select(opts->host, context_flag, dir, &name, err);
	if (rc == API_OK && name)
		rc = api_context_load(dir, name, out, err);
	free(dir);
	free(name);
	if (rc != API_OK || !out->name || !out->host)
		return rc;
	opts->host = out->host;
	if (opts->tls < 0)
		opts->tls = out->ca || out->cert || out->key ||
			    strncmp(out->host, "https://", 8) == 0;
	if (opts->tls_verify < 0)
		opts->tls_verify = !out->skip_tls_verify;
	if (!opts->tls_ca)
		opts->tls_ca = out->ca;
	if (!opts->tls_cert)
		opts->tls_cert = out->cert;
	if (!opts->tls_key)
		opts->tls_key = out->key;
	return API_OK;
}
