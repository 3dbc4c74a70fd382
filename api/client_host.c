#include "api/client_impl.h"

#include <ctype.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/client_ssh.h"

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

/* 127.0.0.0/8, ::1 or localhost: the only places plain HTTP stays on
 * this machine. */
static int loopback(const char *h, size_t n)
{
	size_t k = h[0] == '[' ? strcspn(h, "]") + 1 : strcspn(h, ":");
	char name[64];
	size_t i;

	if (k > n)
		k = n;
	if (k == 0 || k >= sizeof(name))
		return 0;
	for (i = 0; i < k; i++)
		name[i] = (char)tolower((unsigned char)h[i]);
	name[k] = '\0';
	if (strcmp(name, "localhost") == 0 || strcmp(name, "[::1]") == 0)
		return 1;
	return strncmp(name, "127.", 4) == 0 &&
	       strspn(name, "0123456789.") == k;
}

static api_code parse_tcp(struct api_client *c, const char *host,
			  const struct api_client_opts *o,
			  struct api_error *err);

api_code client_parse_host(struct api_client *c, const char *host,
			   const struct api_client_opts *o,
			   struct api_error *err)
{
	const char *rest;

	if (strncmp(host, "ssh://", 6) == 0) {
		api_code rc;

		c->tls = 0;
		rc = ssh_dial_new(host, o->ssh_opts, &c->ssh, err);
		if (rc != API_OK)
			return rc;
		/* curl dials the dialer's private socket as a unix engine. */
		c->unix_path = strdup(ssh_dial_socket(c->ssh));
		c->base_url = strdup("http://localhost");
		return c->unix_path && c->base_url ? API_OK : api_nomem(err);
	}
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
		return parse_tcp(c, host, o, err);
	} else {
		return api_error_set(err, API_E_INVALID, 0,
				     "%s: unsupported engine address (use "
				     "unix://, tcp:// or ssh://)",
				     host);
	}
	if (!c->base_url || !c->unix_path)
		return api_nomem(err);
	return API_OK;
}

static api_code parse_tcp(struct api_client *c, const char *host,
			  const struct api_client_opts *o,
			  struct api_error *err)
{
	const char *rest = strstr(host, "://") + 3;
	size_t n = strcspn(rest, "/");

	if (n == 0)
		return api_error_set(err, API_E_INVALID, 0, "%s: no host name",
				     host);
	if (strncmp(host, "https://", 8) == 0)
		c->tls = 1;
	/* Refused before anything is sent: the engine's API is root on
	 * that host, for anyone on the path. */
	if (!c->tls && !o->allow_insecure_tcp && !loopback(rest, n))
		return api_error_set(err, API_E_INVALID, 0,
				     "%s: plain tcp:// to another host is "
				     "unencrypted and unauthenticated; use "
				     "TLS (--tlsverify), ssh://, or "
				     "--allow-insecure-tcp",
				     host);
	c->base_url = malloc(n + 16);
	if (!c->base_url)
		return api_nomem(err);
	{
		/* The port is optional, as with the docker CLI. */
		int has_port = rest[n - 1] != ']' &&
			       memchr(rest, ':', n) != NULL &&
			       (rest[0] != '[' || memchr(rest, ']', n) != NULL);
		if (rest[0] == '[' && has_port)
			has_port = rest[n - 1] != ']';
		snprintf(c->base_url, n + 16, "%s://%.*s%s",
			 c->tls ? "https" : "http", (int)n, rest,
			 has_port ? "" : (c->tls ? ":2376" : ":2375"));
	}
	return API_OK;
}
