#include <string.h>

#include "posture/check_host.h"
#include "posture/checks.h"

/*
 * CIS section 2 as far as the Engine API cannot tell it: the daemon's
 * own flags.  The rules /info already answers (icc on the default bridge,
 * insecure registries, user namespaces, live restore, seccomp) stay
 * engine rules, judged on what the daemon reports rather than on what
 * its command line asked for.
 */

static const char *src_name(enum hostfacts_src s)
{
	return s == HF_SRC_JSON ? "daemon.json" : "command line";
}

static const struct hostfacts_opt *opt(const struct hostfacts *h,
				       const char *key)
{
	size_t i = h->opts.n;

	while (i-- > 0)
		if (strcmp(h->opts.items[i].key, key) == 0)
			return &h->opts.items[i];
	return NULL;
}

/* Section 2 is judged only when the whole configuration was read: a flag
 * berth could not see may be set, and a guess is not a verdict. */
static const struct hostfacts *judgeable(const struct posture_ctx *x)
{
	const struct hostfacts *h = x->host;

	if (!h || h->remote || h->cmdline_state != HF_PRESENT)
		return NULL;
	if (h->json_state != HF_ABSENT && h->json_state != HF_PRESENT)
		return NULL;
	if (h->json_error)
		return NULL;
	return h;
}

void posture_check_host_cmdline(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out)
{
	const struct hostfacts *h = x->host;
	struct posture_ev e = {0};
	const char *json = "daemon.json";

	if (!h || h->remote)
		return;
	if (h->files[HF_F_DAEMON_JSON].path)
		json = h->files[HF_F_DAEMON_JSON].path;
	if (h->cmdline_state != HF_PRESENT && h->daemon_pid > 0)
		posture_ev_add(&e, "/proc/%ld/cmdline: could not read",
			       h->daemon_pid);
	else if (h->cmdline_state != HF_PRESENT)
		posture_ev_add(&e, "daemon pid unknown (no socket peer "
				   "credentials, no pidfile)");
	if (h->json_state == HF_DENIED)
		posture_ev_add(&e, "%s: could not check (permission denied)",
			       json);
	else if (h->json_error)
		posture_ev_add(&e, "%s: %s", json, h->json_error);
	posture_emit(r, x, out, r->severity, &e);
}

static void tcp_hosts(const struct hostfacts *h, struct posture_ev *e)
{
	int verify = hostfacts_opt_bool(h, "tlsverify", 0);
	int tls = hostfacts_opt_bool(h, "tls", 0);
	size_t i;

	if (verify)
		return;
	for (i = 0; i < h->opts.n; i++) {
		const struct hostfacts_opt *o = &h->opts.items[i];

		if (strcmp(o->key, "host") != 0 ||
		    strncmp(o->value, "tcp://", 6) != 0)
			continue;
		posture_ev_add(
			e, "-H %s (%s) %s", o->value, src_name(o->src),
			tls ? "with --tls but no --tlsverify: any client "
			      "is accepted"
			    : "without TLS");
	}
}

static void flag_rule(const char *id, const struct hostfacts *h,
		      struct posture_ev *e)
{
	const struct hostfacts_opt *o;

	if (strcmp(id, "2.3") == 0) {
		o = opt(h, "log-level");
		if (o && strcmp(o->value, "info") != 0)
			posture_ev_add(e, "log-level=%s (%s)", o->value,
				       src_name(o->src));
		o = opt(h, "debug");
		if (o && hostfacts_opt_bool(h, "debug", 0))
			posture_ev_add(e, "debug=true (%s)", src_name(o->src));
	} else if (strcmp(id, "2.4") == 0) {
		o = opt(h, "iptables");
		if (o && !hostfacts_opt_bool(h, "iptables", 1))
			posture_ev_add(e, "iptables=false (%s)",
				       src_name(o->src));
	} else if (strcmp(id, "2.7") == 0) {
		tcp_hosts(h, e);
	} else if (strcmp(id, "2.8") == 0 && !opt(h, "default-ulimit")) {
		posture_ev_add(e, "no --default-ulimit / \"default-ulimits\"");
	} else if (strcmp(id, "2.10") == 0 && (o = opt(h, "cgroup-parent"))) {
		posture_ev_add(e, "cgroup-parent=%s (%s)", o->value,
			       src_name(o->src));
	} else if (strcmp(id, "2.12") == 0 && !opt(h, "authorization-plugin")) {
		posture_ev_add(e, "no --authorization-plugin / "
				  "\"authorization-plugins\"");
	} else if (strcmp(id, "2.14") == 0 &&
		   !hostfacts_opt_bool(h, "no-new-privileges", 0)) {
		o = opt(h, "no-new-privileges");
		posture_ev_add(e, "no-new-privileges=%s",
			       o ? o->value : "(unset, false)");
	} else if (strcmp(id, "2.16") == 0 &&
		   hostfacts_opt_bool(h, "userland-proxy", 1)) {
		o = opt(h, "userland-proxy");
		posture_ev_add(e, "userland-proxy=%s",
			       o ? o->value : "(unset, true)");
	}
}

void posture_check_host_flag(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	const struct hostfacts *h = judgeable(x);
	struct posture_ev e = {0};

	if (!h)
		return;
	flag_rule(r->id, h, &e);
	posture_emit(r, x, out, r->severity, &e);
}
