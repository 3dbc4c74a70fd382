#include "api/client_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *path_join(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", dir, file);
	return p;
}

/* A TLS file from cert_path, only if it is there: curl would fail on a
 * missing client certificate where docker simply sends none. */
static api_code tls_file(const char *given, const char *dir, const char *name,
			 char **out)
{
	char *p;

	if (given) {
		*out = strdup(given);
		return *out ? API_OK : API_E_NOMEM;
	}
	p = path_join(dir, name);
	if (!p)
		return API_E_NOMEM;
	if (access(p, R_OK) != 0) {
		free(p);
		p = NULL;
	}
	*out = p;
	return API_OK;
}

static int env_set(const char *name)
{
	const char *v = getenv(name);

	return v && *v;
}

api_code client_setup_tls(struct api_client *c, const struct api_client_opts *o,
			  struct api_error *err)
{
	const char *dir = o->cert_path;
	char *home_dir = NULL;
	api_code rc;

	c->tls = o->tls >= 0 ? o->tls
			     : env_set("DOCKER_TLS_VERIFY") ||
				       env_set("DOCKER_TLS");
	c->tls_verify = o->tls_verify >= 0 ? o->tls_verify : 1;
	if (!c->tls)
		return API_OK;
	if (!dir)
		dir = getenv("DOCKER_CERT_PATH");
	if (!dir || !*dir) {
		const char *home = getenv("HOME");
		home_dir = path_join(home ? home : "/", ".docker");
		if (!home_dir)
			return api_error_set(err, API_E_NOMEM, 0,
					     "out of memory");
		dir = home_dir;
	}
	rc = tls_file(o->tls_ca, dir, "ca.pem", &c->ca);
	if (rc == API_OK)
		rc = tls_file(o->tls_cert, dir, "cert.pem", &c->cert);
	if (rc == API_OK)
		rc = tls_file(o->tls_key, dir, "key.pem", &c->key);
	free(home_dir);
	if (rc != API_OK)
		return api_error_set(err, rc, 0, "out of memory");
	return API_OK;
}

api_code client_parse_host(struct api_client *c, const char *host,
			   struct api_error *err)
{
	const char *rest;
	size_t n;

	if (strncmp(host, "unix://", 7) == 0) {
		rest = host + 7;
		if (*rest != '/')
			return api_error_set(err, API_E_INVALID, 0,
					     "%s: a unix socket path must be "
					     "absolute",
					     host);
		c->unix_path = strdup(rest);
		c->base_url = strdup("http://localhost");
	} else if (strncmp(host, "tcp://", 6) == 0 ||
		   strncmp(host, "http://", 7) == 0 ||
		   strncmp(host, "https://", 8) == 0) {
		rest = strstr(host, "://") + 3;
		n = strcspn(rest, "/");
		if (n == 0)
			return api_error_set(err, API_E_INVALID, 0,
					     "%s: no host name", host);
		if (strncmp(host, "https://", 8) == 0)
			c->tls = 1;
		c->base_url = malloc(n + 16);
		if (c->base_url) {
			/* The port is optional, as with the docker CLI. */
			int has_port = rest[n - 1] != ']' &&
				       memchr(rest, ':', n) != NULL &&
				       (rest[0] != '[' ||
					memchr(rest, ']', n) != NULL);
			if (rest[0] == '[' && has_port)
				has_port = rest[n - 1] != ']';
			snprintf(c->base_url, n + 16, "%s://%.*s%s",
				 c->tls ? "https" : "http", (int)n, rest,
				 has_port ? "" : (c->tls ? ":2376" : ":2375"));
		}
	} else {
		return api_error_set(err, API_E_INVALID, 0,
				     "%s: unsupported engine address (use "
				     "unix:// or tcp://)",
				     host);
	}
	if (!c->base_url || (strncmp(host, "unix://", 7) == 0 && !c->unix_path))
		return api_nomem(err);
	return API_OK;
}
