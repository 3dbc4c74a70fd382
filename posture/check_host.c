#include "posture/check_host.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "posture/checks.h"

/* The host's checks judge files only when they are this host's. */
static const struct hostfacts *local(const struct posture_ctx *x)
{
	return x->host && !x->host->remote ? x->host : NULL;
}

void posture_check_host_remote(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out)
{
	struct posture_ev e = {0};

	if (!x->host || !x->host->remote)
		return;
	posture_ev_add(&e,
		       "engine at %s: its socket, files and command line are "
		       "on another machine",
		       x->host->engine_host ? x->host->engine_host : "?");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_host_partition(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out)
{
	const struct hostfacts *h = local(x);
	struct posture_ev e = {0};

	if (!h || !h->data_root)
		return;
	if (!h->mount_point)
		posture_ev_add(&e, "%s: mount point unknown (could not check)",
			       h->data_root);
	else if (strcmp(h->mount_point, "/") == 0)
		posture_ev_add(&e, "DockerRootDir=%s is on the root filesystem",
			       h->data_root);
	else if (h->mount_device && h->root_device &&
		 strcmp(h->mount_device, h->root_device) == 0)
		posture_ev_add(&e,
			       "DockerRootDir=%s: mount %s is on the root "
			       "filesystem's device %s",
			       h->data_root, h->mount_point, h->root_device);
	posture_emit(r, x, out, h->mount_point ? r->severity : POSTURE_SEV_INFO,
		     &e);
}

void posture_check_host_audit_file(const struct posture_rule *r,
				   const struct posture_ctx *x,
				   struct posture_findings *out)
{
	const struct hostfacts *h = local(x);
	struct posture_ev e = {0};

	if (!h)
		return;
	if (h->audit_state == HF_ABSENT)
		posture_ev_add(&e, "no /etc/audit/audit.rules nor "
				   "/etc/audit/rules.d/*.rules");
	else if (h->audit_state == HF_DENIED)
		posture_ev_add(&e, "/etc/audit: could not check (permission "
				   "denied)");
	posture_emit(r, x, out, r->severity, &e);
}

static const struct {
	const char *id;
	enum hostfacts_file_id file;
} audit_targets[] = {
	{"1.1.3", HF_F_DOCKERD},
	{"1.1.4", HF_F_RUN_CONTAINERD},
	{"1.1.5", HF_F_DATA_ROOT},
	{"1.1.6", HF_F_ETC_DOCKER},
	{"1.1.7", HF_F_DOCKER_SERVICE},
	{"1.1.8", HF_F_CONTAINERD_SOCK},
	{"1.1.9", HF_F_DOCKER_SOCKET_UNIT},
	{"1.1.10", HF_F_ETC_DEFAULT},
	{"1.1.11", HF_F_DAEMON_JSON},
	{"1.1.12", HF_F_CONTAINERD_TOML},
	{"1.1.13", HF_F_SYSCONFIG},
	{"1.1.14", HF_F_CONTAINERD_BIN},
	{"1.1.15", HF_F_SHIM},
	{"1.1.16", HF_F_SHIM_V1},
	{"1.1.17", HF_F_SHIM_V2},
	{"1.1.18", HF_F_RUNC},
};

static int boundary(char c)
{
	return c == '\0' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether an uncommented audit rule names path as a whole word
 * ("-w /etc/docker -k docker", "-F path=/usr/bin/dockerd"). */
static int audit_names(const char *rules, const char *path)
{
	size_t n = strlen(path);
	const char *p = rules, *line;

	if (!rules || !n)
		return 0;
	while ((p = strstr(p, path)) != NULL) {
		for (line = p; line > rules && line[-1] != '\n'; line--)
			;
		while (*line == ' ' || *line == '\t')
			line++;
		if (*line != '#' && p > rules &&
		    (boundary(p[-1]) || p[-1] == '=') && boundary(p[n]))
			return 1;
		p += n;
	}
	return 0;
}

void posture_check_host_audit(const struct posture_rule *r,
			      const struct posture_ctx *x,
			      struct posture_findings *out)
{
	const struct hostfacts *h = local(x);
	const struct hostfacts_file *f = NULL;
	struct posture_ev e = {0};
	size_t i;

	/* Without a rules file berth.host.audit says so once. */
	if (!h || h->audit_state != HF_PRESENT)
		return;
	for (i = 0; i < sizeof(audit_targets) / sizeof(audit_targets[0]); i++)
		if (strcmp(audit_targets[i].id, r->id) == 0)
			f = &h->files[audit_targets[i].file];
	if (!f || !f->path || f->state == HF_ABSENT || f->state == HF_UNKNOWN)
		return;
	if (!audit_names(h->audit_rules, f->path))
		posture_ev_add(&e, "no audit rule names %s", f->path);
	posture_emit(r, x, out, r->severity, &e);
}

static const struct posture_engine_release releases[] = {
	{17, 3, "2017-03-01"},	{18, 9, "2018-11-08"}, {19, 3, "2019-07-22"},
	{20, 10, "2020-12-08"}, {23, 0, "2023-02-01"}, {24, 0, "2023-05-16"},
	{25, 0, "2024-01-19"},	{26, 0, "2024-03-20"}, {26, 1, "2024-04-22"},
	{27, 0, "2024-06-24"},	{27, 1, "2024-07-22"}, {27, 2, "2024-08-27"},
	{27, 3, "2024-09-19"},	{27, 4, "2024-12-09"}, {27, 5, "2025-01-13"},
	{28, 0, "2025-02-19"},
};
#define N_RELEASES (sizeof(releases) / sizeof(releases[0]))

int posture_version_split(const char *version, int *major, int *minor)
{
	char *end;
	long a, b;

	if (!version || *version < '0' || *version > '9')
		return -1;
	a = strtol(version, &end, 10);
	if (*end != '.' || end[1] < '0' || end[1] > '9' || a > 9999)
		return -1;
	b = strtol(end + 1, &end, 10);
	if (b > 9999)
		return -1;
	*major = (int)a;
	*minor = (int)b;
	return 0;
}

const struct posture_engine_release *
posture_engine_release_find(const char *version)
{
	int a, b;
	size_t i;

	if (posture_version_split(version, &a, &b) != 0)
		return NULL;
	for (i = 0; i < N_RELEASES; i++)
		if (releases[i].major == a && releases[i].minor == b)
			return &releases[i];
	return NULL;
}

const struct posture_engine_release *posture_engine_release_newest(void)
{
	return &releases[N_RELEASES - 1];
}

void posture_check_host_version(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out)
{
	const struct hostfacts *h = local(x);
	const struct posture_engine_release *rel,
		*top = &releases[N_RELEASES - 1];
	struct posture_ev e = {0};
	char when[64] = "";
	int a, b;

	if (!h || posture_version_split(h->engine_version, &a, &b) != 0)
		return;
	if (a > top->major || (a == top->major && b >= top->minor))
		return;
	rel = posture_engine_release_find(h->engine_version);
	if (rel)
		snprintf(when, sizeof(when), ", the %d.%d line released %s", a,
			 b, rel->date);
	posture_ev_add(&e, "Engine %s (API %s%s); newest known: %d.%d (%s)",
		       h->engine_version, h->api_version ? h->api_version : "?",
		       when, top->major, top->minor, top->date);
	posture_emit(r, x, out, r->severity, &e);
}
