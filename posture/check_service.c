#include "posture/check_service.h"

#include <inttypes.h>
#include <string.h>
#include <strings.h>

#include "posture/checks.h"

/* A bind mount is the only kind that reaches the host's own files. */
static int is_bind(const struct api_service_mount *m)
{
	return m->type && strcmp(m->type, "bind") == 0;
}

void posture_check_service_caps(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out)
{
	const struct api_strv *add = &x->service->cap_add;
	struct posture_ev e = {0};
	int worst = -1, g, k;
	size_t i;

	for (i = 0; i < add->n; i++) {
		const char *c = add->v[i];
		if (!c)
			continue;
		if (strcasecmp(c, "ALL") == 0 ||
		    strcasecmp(c, "CAP_ALL") == 0) {
			/* every capability: privileged in all but name */
			g = POSTURE_SEV_CRITICAL;
		} else {
			k = posture_cap_index(c);
			g = k < 0 ? -1 : posture_cap_escape_grade(k);
		}
		if (g < 0)
			continue;
		posture_ev_add(&e, "ContainerSpec.CapabilityAdd=%s", c);
		if (g > worst)
			worst = g;
	}
	if (worst >= 0)
		posture_emit(r, x, out, (enum posture_severity)worst, &e);
}

void posture_check_service_socket(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out)
{
	const struct api_service *s = x->service;
	struct posture_ev e = {0};
	size_t i;

	for (i = 0; i < s->n_mounts; i++)
		if (is_bind(&s->mounts[i]) &&
		    posture_path_docker_socket(s->mounts[i].source, NULL))
			posture_ev_add(&e, "Mounts: %s -> %s",
				       s->mounts[i].source,
				       api_str(s->mounts[i].target));
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_service_mounts(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out)
{
	const struct api_service *s = x->service;
	struct posture_ev e = {0};
	int any_rw = 0;
	size_t i;

	for (i = 0; i < s->n_mounts; i++) {
		const struct api_service_mount *m = &s->mounts[i];
		if (!is_bind(m) ||
		    posture_path_docker_socket(m->source, NULL) ||
		    !posture_path_sensitive(m->source))
			continue;
		posture_ev_add(&e, "Mounts: %s -> %s (%s)", m->source,
			       api_str(m->target), m->read_only ? "ro" : "rw");
		any_rw |= !m->read_only;
	}
	/* As for containers: read-only still leaks host secrets. */
	posture_emit(r, x, out, any_rw ? r->severity : POSTURE_SEV_MEDIUM, &e);
}

static void unconfined(const struct posture_rule *r,
		       const struct posture_ctx *x,
		       struct posture_findings *out, const char *mode,
		       const char *field)
{
	struct posture_ev e = {0};

	if (mode && strcmp(mode, "unconfined") == 0)
		posture_ev_add(&e,
			       "ContainerSpec.Privileges.%s.Mode=unconfined",
			       field);
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_service_seccomp(const struct posture_rule *r,
				   const struct posture_ctx *x,
				   struct posture_findings *out)
{
	unconfined(r, x, out, x->service->seccomp_mode, "Seccomp");
}

void posture_check_service_apparmor(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out)
{
	unconfined(r, x, out, x->service->apparmor_mode, "AppArmor");
}

void posture_check_service_user(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out)
{
	const char *u = x->service->user;
	struct posture_ev e = {0};

	if (!u || !*u) {
		/* The image's USER decides, which the spec does not show:
		 * root unless the image says otherwise. */
		posture_ev_add(&e, "ContainerSpec.User unset (the image's "
				   "user, root by default)");
		posture_emit(r, x, out, POSTURE_SEV_LOW, &e);
		return;
	}
	if (posture_user_is_root(u))
		posture_ev_add(&e, "ContainerSpec.User=%s", u);
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_service_ports(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out)
{
	const struct api_service *s = x->service;
	struct posture_ev e = {0};
	size_t i;

	for (i = 0; i < s->n_ports; i++) {
		const struct api_service_port *p = &s->ports[i];
		/* ingress is the default: the routing mesh listens on every
		 * interface of every node */
		if (p->published <= 0 ||
		    (p->publish_mode && strcmp(p->publish_mode, "ingress")))
			continue;
		posture_ev_add(&e,
			       "Endpoint.Ports: *:%" PRId64 "->%" PRId64
			       "/%s (ingress)",
			       p->published, p->target,
			       p->protocol ? p->protocol : "tcp");
	}
	posture_emit(r, x, out, r->severity, &e);
}

static void no_limit(const struct posture_rule *r, const struct posture_ctx *x,
		     struct posture_findings *out, int64_t v, const char *f)
{
	struct posture_ev e = {0};

	if (v <= 0)
		posture_ev_add(&e, "TaskTemplate.Resources.Limits.%s unset", f);
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_service_memory(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out)
{
	no_limit(r, x, out, x->service->limit_memory, "MemoryBytes");
}

void posture_check_service_pids(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out)
{
	no_limit(r, x, out, x->service->limit_pids, "Pids");
}

void posture_check_service_cpu(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out)
{
	no_limit(r, x, out, x->service->limit_nano_cpus, "NanoCPUs");
}

void posture_check_service_readonly(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out)
{
	struct posture_ev e = {0};

	if (!x->service->read_only_rootfs)
		posture_ev_add(&e, "ContainerSpec.ReadOnly=false");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_service_nnp(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out)
{
	struct posture_ev e = {0};

	if (!x->service->no_new_privileges)
		posture_ev_add(
			&e, "ContainerSpec.Privileges.NoNewPrivileges unset");
	posture_emit(r, x, out, r->severity, &e);
}
