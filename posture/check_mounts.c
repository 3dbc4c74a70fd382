#include <stdlib.h>
#include <string.h>

#include "posture/checks.h"

static const char *const sensitive_dirs[] = {
	"/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr",
};

/* Lexical clean-up ("//etc/./x/.." -> "/etc"): a host path must not dodge
 * a check by its spelling.  -1 for a relative or too long path. */
static int canon(const char *in, char *out, size_t cap)
{
	size_t len = 0, n;
	const char *p = in, *q;

	if (!in || in[0] != '/' || cap < 2)
		return -1;
	while (*p) {
		while (*p == '/')
			p++;
		q = p;
		while (*q && *q != '/')
			q++;
		n = (size_t)(q - p);
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
		} else {
			if (len + 1 + n + 1 > cap)
				return -1;
			out[len++] = '/';
			memcpy(out + len, p, n);
			len += n;
		}
		p = q;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	return 0;
}

const char *posture_path_sensitive(const char *path)
{
	char c[4096];
	size_t i, n;

	if (canon(path, c, sizeof(c)) != 0)
		return NULL;
	if (strcmp(c, "/") == 0)
		return "/";
	for (i = 0; i < sizeof(sensitive_dirs) / sizeof(sensitive_dirs[0]);
	     i++) {
		n = strlen(sensitive_dirs[i]);
		if (strncmp(c, sensitive_dirs[i], n) == 0 &&
		    (c[n] == '\0' || c[n] == '/'))
			return sensitive_dirs[i];
	}
	return NULL;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

int posture_path_docker_socket(const char *path, const char *engine_socket)
{
	char c[4096], e[4096];

	if (canon(path, c, sizeof(c)) != 0)
		return 0;
	if (ends_with(c, "docker.sock") || strcmp(c, "/run/docker.sock") == 0 ||
	    strcmp(c, "/var/run/docker.sock") == 0)
		return 1;
	return engine_socket && canon(engine_socket, e, sizeof(e)) == 0 &&
	       strcmp(c, e) == 0;
}

static int is_bind(const struct api_mount_point *m)
{
	return m->type ? strcmp(m->type, "bind") == 0
		       : m->source && m->source[0] == '/';
}

void posture_check_sensitive_mounts(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out)
{
	const struct api_container_inspect *ci = x->container;
	struct posture_ev e = {0};
	int any_rw = 0;
	const char *dir;
	size_t i;

	for (i = 0; i < ci->n_mounts; i++) {
		const struct api_mount_point *m = &ci->mounts[i];
		if (!is_bind(m) ||
		    posture_path_docker_socket(m->source, x->engine_socket))
			continue;
		dir = posture_path_sensitive(m->source);
		if (!dir)
			continue;
		posture_ev_add(&e, "Mounts: %s -> %s (%s)", api_str(m->source),
			       api_str(m->destination), m->rw ? "rw" : "ro");
		any_rw |= m->rw;
	}
	/* Read-only still exposes host secrets (/etc/shadow, keys), so it
	 * stays a finding, one grade lower. */
	posture_emit(r, x, out, any_rw ? r->severity : POSTURE_SEV_MEDIUM, &e);
}

void posture_check_propagation(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out)
{
	const struct api_container_inspect *ci = x->container;
	struct posture_ev e = {0};
	size_t i;

	for (i = 0; i < ci->n_mounts; i++) {
		const char *p = ci->mounts[i].propagation;
		if (p &&
		    (strcmp(p, "shared") == 0 || strcmp(p, "rshared") == 0))
			posture_ev_add(&e, "Mounts: %s -> %s propagation=%s",
				       api_str(ci->mounts[i].source),
				       api_str(ci->mounts[i].destination), p);
	}
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_docker_socket(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out)
{
	const struct api_container_inspect *ci = x->container;
	struct posture_ev e = {0};
	size_t i;

	for (i = 0; i < ci->n_mounts; i++)
		if (is_bind(&ci->mounts[i]) &&
		    posture_path_docker_socket(ci->mounts[i].source,
					       x->engine_socket))
			posture_ev_add(&e, "Mounts: %s -> %s",
				       api_str(ci->mounts[i].source),
				       api_str(ci->mounts[i].destination));
	posture_emit(r, x, out, r->severity, &e);
}

int posture_ip_all_interfaces(const char *ip)
{
	return !ip || !*ip || strcmp(ip, "0.0.0.0") == 0 ||
	       strcmp(ip, "::") == 0 || strcmp(ip, "[::]") == 0;
}

long posture_port_first(const char *port)
{
	char *end;
	long v;

	if (!port || port[0] < '0' || port[0] > '9')
		return 0;
	v = strtol(port, &end, 10);
	if ((*end && *end != '-') || v < 1 || v > 65535)
		return 0;
	return v;
}

static int same_binding(const struct api_host_port *a,
			const struct api_host_port *b)
{
	return strcmp(api_str(a->host_ip), api_str(b->host_ip)) == 0 &&
	       strcmp(api_str(a->host_port), api_str(b->host_port)) == 0;
}

/* A live binding the configuration already names adds nothing. */
static int configured(const struct api_port_maps *cfg, const char *port,
		      const struct api_host_port *b)
{
	const struct api_port_map *m = api_port_maps_get(cfg, api_str(port));
	size_t i;

	for (i = 0; m && i < m->n; i++)
		if (same_binding(&m->bindings[i], b))
			return 1;
	return 0;
}

typedef int (*binding_pred)(const struct api_host_port *b);

static void scan_ports(const struct posture_ctx *x, binding_pred bad,
		       struct posture_ev *e)
{
	const struct api_port_maps *sets[2] = {
		&x->container->host_config.port_bindings,
		&x->container->ports,
	};
	static const char *const names[2] = {"HostConfig.PortBindings",
					     "NetworkSettings.Ports"};
	size_t s, i, k;

	for (s = 0; s < 2; s++)
		for (i = 0; i < sets[s]->n; i++) {
			const struct api_port_map *m = &sets[s]->items[i];
			for (k = 0; k < m->n; k++) {
				const struct api_host_port *b = &m->bindings[k];
				if (!bad(b) ||
				    (s == 1 && configured(sets[0], m->port, b)))
					continue;
				posture_ev_add(e, "%s %s=%s:%s", names[s],
					       api_str(m->port),
					       api_str(b->host_ip),
					       api_str(b->host_port));
			}
		}
}

static int low_port(const struct api_host_port *b)
{
	long p = posture_port_first(b->host_port);

	return p > 0 && p < 1024;
}

static int all_ifaces(const struct api_host_port *b)
{
	return posture_ip_all_interfaces(b->host_ip);
}

void posture_check_low_ports(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	struct posture_ev e = {0};

	scan_ports(x, low_port, &e);
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_all_interfaces(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out)
{
	struct posture_ev e = {0};

	scan_ports(x, all_ifaces, &e);
	posture_emit(r, x, out, r->severity, &e);
}
