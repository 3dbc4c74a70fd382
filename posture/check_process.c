/* The rules that need a container's processes: what the engine's ps
 * (GET /containers/{id}/top) shows of a running container.  The list is
 * read when the container starts or restarts, never on a timer. */
#include <stdio.h>
#include <string.h>

#include "api/container_top.h"
#include "posture/checks.h"

static int in_list(const char *prog, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(prog, *names) == 0)
			return 1;
	return 0;
}

/* An interpreter whose first argument is the program it runs. */
static const char *const interpreters[] = {
	"sh",	  "ash",     "bash", "dash", "zsh",  "busybox",
	"python", "python3", "perl", "ruby", "node", NULL};

static void word(const char **s, char *out, size_t n)
{
	size_t len;
	const char *base;

	*s += strspn(*s, " \t");
	len = strcspn(*s, " \t");
	snprintf(out, n, "%.*s", (int)len, *s);
	*s += len;
	base = strrchr(out, '/');
	if (base)
		memmove(out, base + 1, strlen(base + 1) + 1);
}

void posture_cmd_program(const char *cmd, char *out, size_t n)
{
	char first[128], second[128];
	const char *s = cmd ? cmd : "";
	size_t colon;

	out[0] = '\0';
	word(&s, first, sizeof(first));
	/* a process title: "sshd: /usr/sbin/sshd -D [listener]" */
	colon = strcspn(first, ":");
	if (first[colon] == ':' && first[colon + 1] == '\0') {
		first[colon] = '\0';
		snprintf(out, n, "%s", first);
		return;
	}
	if (in_list(first, interpreters)) {
		if (strcmp(first, "busybox") != 0) {
			const char *t = s;
			char opt[128];
			/* "sh -c ..." runs what follows, not a program file */
			word(&t, opt, sizeof(opt));
			if (opt[0] == '-') {
				snprintf(out, n, "%s", first);
				return;
			}
		}
		word(&s, second, sizeof(second));
		if (second[0] && second[0] != '-') {
			snprintf(out, n, "%s", second);
			return;
		}
	}
	snprintf(out, n, "%s", first);
}

static int cmd_column(const struct api_top *t)
{
	int c = api_top_column(t, "CMD");

	return c >= 0 ? c : api_top_column(t, "COMMAND");
}

void posture_check_sshd(const struct posture_rule *r,
			const struct posture_ctx *x,
			struct posture_findings *out)
{
	const struct api_top *t = x->top;
	int col = t ? cmd_column(t) : -1;
	struct posture_ev e = {0};
	char prog[128];
	size_t i;

	for (i = 0; col >= 0 && i < t->n; i++) {
		const char *cmd = api_top_cell(t, i, col);

		posture_cmd_program(cmd, prog, sizeof(prog));
		if (strcmp(prog, "sshd") == 0 || strcmp(prog, "dropbear") == 0)
			posture_ev_add(&e, "process: %.120s", cmd);
	}
	posture_emit(r, x, out, r->severity, &e);
}

/* Init shims that only reap zombies (docker run --init), and shells
 * that start the one program: not applications of their own. */
static const char *const shims[] = {"tini",	 "docker-init", "dumb-init",
				    "catatonit", "sh",		"ash",
				    "bash",	 "dash",	NULL};

static const char *const supervisors[] = {
	"supervisord", "s6-svscan", "runsvdir", "runit", "systemd", "init",
	"openrc-init", "monit",	    "circusd",	"pm2",	 NULL};

#define DISTINCT_MAX 3

/* A supervisor, or several unrelated programs (three or more names
 * besides init shims and shells) in one container. */
void posture_check_one_app(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out)
{
	const struct api_top *t = x->top;
	int col = t ? cmd_column(t) : -1;
	struct posture_ev e = {0};
	char seen[DISTINCT_MAX][64], prog[128], list[256] = "";
	size_t i, k, n = 0, off = 0;

	for (i = 0; col >= 0 && i < t->n; i++) {
		const char *cmd = api_top_cell(t, i, col);

		posture_cmd_program(cmd, prog, sizeof(prog));
		if (in_list(prog, supervisors)) {
			posture_ev_add(&e, "supervisor: %.120s", cmd);
			posture_emit(r, x, out, r->severity, &e);
			return;
		}
		if (!prog[0] || in_list(prog, shims))
			continue;
		for (k = 0; k < n && strcmp(seen[k], prog) != 0; k++)
			;
		if (k == n && n < DISTINCT_MAX) {
			snprintf(seen[n++], sizeof(seen[0]), "%s", prog);
			off += (size_t)snprintf(list + off, sizeof(list) - off,
						"%s%s", off ? ", " : "", prog);
		}
	}
	if (n >= DISTINCT_MAX)
		posture_ev_add(&e, "programs: %s", list);
	posture_emit(r, x, out, r->severity, &e);
}
