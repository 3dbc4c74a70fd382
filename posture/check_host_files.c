#include <string.h>

#include "posture/check_host.h"
#include "posture/checks.h"

/*
 * CIS section 3 (the daemon's files: owner and mode against the
 * benchmark's) and 1.1.2 (who can reach the daemon's socket).
 */

enum want { OWNER, MODE };

static const struct {
	const char *id;
	enum hostfacts_file_id file; /* HF_F_COUNT: the registry certs */
	enum want want;
	unsigned max_mode;
} file_rules[] = {
	{"3.1", HF_F_DOCKER_SERVICE, OWNER, 0},
	{"3.2", HF_F_DOCKER_SERVICE, MODE, 0644},
	{"3.3", HF_F_DOCKER_SOCKET_UNIT, OWNER, 0},
	{"3.4", HF_F_DOCKER_SOCKET_UNIT, MODE, 0644},
	{"3.5", HF_F_ETC_DOCKER, OWNER, 0},
	{"3.6", HF_F_ETC_DOCKER, MODE, 0755},
	{"3.7", HF_F_COUNT, OWNER, 0},
	{"3.8", HF_F_COUNT, MODE, 0444},
	{"3.9", HF_F_TLS_CA, OWNER, 0},
	{"3.10", HF_F_TLS_CA, MODE, 0444},
	{"3.11", HF_F_TLS_CERT, OWNER, 0},
	{"3.12", HF_F_TLS_CERT, MODE, 0444},
	{"3.13", HF_F_TLS_KEY, OWNER, 0},
	{"3.14", HF_F_TLS_KEY, MODE, 0400},
	{"3.15", HF_F_SOCKET, OWNER, 0},
	{"3.16", HF_F_SOCKET, MODE, 0660},
	{"3.17", HF_F_DAEMON_JSON, OWNER, 0},
	{"3.18", HF_F_DAEMON_JSON, MODE, 0644},
	{"3.19", HF_F_ETC_DEFAULT, OWNER, 0},
	{"3.20", HF_F_ETC_DEFAULT, MODE, 0644},
	{"3.21", HF_F_SYSCONFIG, MODE, 0644},
	{"3.22", HF_F_SYSCONFIG, OWNER, 0},
	{"3.23", HF_F_CONTAINERD_SOCK, OWNER, 0},
	{"3.24", HF_F_CONTAINERD_SOCK, MODE, 0660},
};

static const char *nm(const char *s)
{
	return s ? s : "?";
}

/* The daemon's socket may belong to its --group (docker by default):
 * that group's members are listed by 1.1.2. */
static int socket_group_ok(const struct hostfacts *h,
			   const struct hostfacts_file *f)
{
	const char *g = hostfacts_opt_get(h, "group");

	if (f->gid == 0)
		return 1;
	if (!f->group)
		return 0;
	return strcmp(f->group, g ? g : "docker") == 0;
}

static void judge_owner(const struct hostfacts *h, int is_socket,
			const struct hostfacts_file *f, struct posture_ev *e)
{
	int group_ok = is_socket ? socket_group_ok(h, f) : f->gid == 0;

	if (f->uid != 0 || !group_ok)
		posture_ev_add(e, "%s is %s:%s (uid %u, gid %u), want root:%s",
			       f->path, nm(f->owner), nm(f->group), f->uid,
			       f->gid, is_socket ? "docker" : "root");
}

/* The severity: anyone writing the daemon's socket or configuration is
 * root on the host. */
static int judge_mode(const struct hostfacts_file *f, unsigned max,
		      int is_socket, struct posture_ev *e)
{
	unsigned extra = f->mode & ~max & 07777;

	if (!extra)
		return -1;
	posture_ev_add(e, "%s mode %04o, want %04o or stricter", f->path,
		       f->mode, max);
	if (extra & 0002)
		return is_socket ? POSTURE_SEV_CRITICAL : POSTURE_SEV_HIGH;
	if (is_socket && (extra & 0004))
		return POSTURE_SEV_HIGH;
	return -1;
}

/* Judges one file; returns the severity it needs (-1: the rule's). */
static int judge(const struct hostfacts *h, const struct hostfacts_file *f,
		 size_t k, struct posture_ev *e, int *denied)
{
	int is_socket = file_rules[k].file == HF_F_SOCKET;

	if (!f->path || f->state == HF_ABSENT || f->state == HF_UNKNOWN)
		return -1;
	if (f->state == HF_DENIED) {
		posture_ev_add(e, "%s: could not check (%s)", f->path,
			       strerror(f->err ? f->err : 13));
		(*denied)++;
		return -1;
	}
	if (file_rules[k].want == OWNER) {
		judge_owner(h, is_socket, f, e);
		return -1;
	}
	return judge_mode(f, file_rules[k].max_mode, is_socket, e);
}

void posture_check_host_file(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	const struct hostfacts *h = x->host;
	struct posture_ev e = {0};
	size_t k, i;
	int sev = -1, s, denied = 0;

	if (!h || h->remote)
		return;
	for (k = 0; k < sizeof(file_rules) / sizeof(file_rules[0]); k++)
		if (strcmp(file_rules[k].id, r->id) == 0)
			break;
	if (k == sizeof(file_rules) / sizeof(file_rules[0]))
		return;
	if (file_rules[k].file != HF_F_COUNT) {
		s = judge(h, &h->files[file_rules[k].file], k, &e, &denied);
		sev = s > sev ? s : sev;
	} else {
		for (i = 0; i < h->n_certs; i++) {
			s = judge(h, &h->certs[i], k, &e, &denied);
			sev = s > sev ? s : sev;
		}
	}
	/* A file berth could not read is never a pass: an info finding. */
	if (denied && denied == e.n) {
		posture_emit(r, x, out, POSTURE_SEV_INFO, &e);
		return;
	}
	posture_emit(r, x, out,
		     sev >= 0 ? (enum posture_severity)sev : r->severity, &e);
}

void posture_check_host_access(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out)
{
	const struct hostfacts *h = x->host;
	const struct hostfacts_file *f;
	struct posture_ev e = {0};
	size_t i;

	if (!h || h->remote)
		return;
	f = &h->files[HF_F_SOCKET];
	if (f->state == HF_DENIED) {
		posture_ev_add(&e, "%s: could not check", nm(f->path));
		posture_emit(r, x, out, POSTURE_SEV_INFO, &e);
		return;
	}
	if (f->state != HF_PRESENT || !h->n_group_members)
		return;
	for (i = 0; i < h->n_group_members; i++)
		posture_ev_add(&e, "%s in group %s (gid %u) of %s",
			       h->group_members[i], nm(f->group), f->gid,
			       nm(f->path));
	posture_emit(r, x, out, r->severity, &e);
}
