#include <string.h>

#include "posture/checks.h"

static int is(const char *s, const char *v)
{
	return s && strcmp(s, v) == 0;
}

static int loopback_cidr(const char *c)
{
	return c && (strncmp(c, "127.", 4) == 0 || strncmp(c, "::1/", 4) == 0);
}

static void insecure(const struct api_info *i, struct posture_ev *e)
{
	size_t k;

	/* The engine always trusts 127.0.0.0/8: that is not a choice. */
	for (k = 0; k < i->registry.insecure_cidrs.n; k++)
		if (!loopback_cidr(i->registry.insecure_cidrs.v[k]))
			posture_ev_add(e,
				       "RegistryConfig.InsecureRegistryCIDRs="
				       "%s",
				       i->registry.insecure_cidrs.v[k]);
	for (k = 0; k < i->registry.insecure_indexes.n; k++)
		posture_ev_add(e, "RegistryConfig.IndexConfigs.%s.Secure=false",
			       api_str(i->registry.insecure_indexes.v[k]));
}

static int plain_tcp(const struct posture_ctx *x)
{
	const char *h = x->engine_host;

	return h && !x->engine_tls &&
	       (strncmp(h, "tcp://", 6) == 0 || strncmp(h, "http://", 7) == 0);
}

/* Containers kept that do not run, beyond which they are sprawl (CIS
 * 6.2; docker-bench's limit too). */
#define SPRAWL_IDLE 25

/* Containers that do not run; 0 for counts that make no sense (the
 * engine's numbers are outside input: no overflow on hostile ones). */
static int64_t idle(const struct api_info *i)
{
	if (i->containers < 0 || i->running < 0 || i->running > i->containers)
		return 0;
	return i->containers - i->running;
}

static void info_rules(const char *id, const struct api_info *i,
		       struct posture_ev *e)
{
	const char *d = i->driver, *l = i->logging_driver;
	const char *p = i->security.seccomp_profile;

	if (strcmp(id, "2.1") == 0 && !i->security.rootless)
		posture_ev_add(e, "SecurityOptions lacks name=rootless");
	else if (strcmp(id, "2.5") == 0)
		insecure(i, e);
	else if (strcmp(id, "2.6") == 0 &&
		 (is(d, "aufs") || is(d, "overlay") || is(d, "devicemapper")))
		posture_ev_add(e, "Driver=%s", d);
	else if (strcmp(id, "2.9") == 0 && !i->security.userns &&
		 !i->security.rootless)
		posture_ev_add(e, "SecurityOptions lacks name=userns");
	else if (strcmp(id, "2.13") == 0 && (!l || !*l || is(l, "json-file") ||
					     is(l, "local") || is(l, "none")))
		posture_ev_add(e, "LoggingDriver=%s", api_str(l));
	else if (strcmp(id, "2.15") == 0 && !i->live_restore_enabled)
		posture_ev_add(e, "LiveRestoreEnabled=false");
	else if (strcmp(id, "2.17") == 0 && !i->security.seccomp)
		posture_ev_add(e, "SecurityOptions lacks name=seccomp");
	else if (strcmp(id, "2.17") == 0 && p && !is(p, "default") &&
		 !is(p, "builtin"))
		posture_ev_add(e, "SecurityOptions seccomp profile=%s", p);
	else if (strcmp(id, "2.18") == 0 && i->experimental)
		posture_ev_add(e, "ExperimentalBuild=true");
	else if (strcmp(id, "6.2") == 0 && idle(i) > SPRAWL_IDLE)
		posture_ev_add(e,
			       "Containers=%lld, of them %lld running: %lld "
			       "stopped or paused",
			       (long long)i->containers, (long long)i->running,
			       (long long)idle(i));
	else if (strcmp(id, "5.1") == 0 &&
		 is(i->swarm.local_node_state, "active"))
		posture_ev_add(e, "Swarm.LocalNodeState=active");
}

/* The engine rules are one-liners over /info; one function keyed by the
 * rule id keeps them together. */
void posture_check_engine_rule(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out)
{
	struct posture_ev e = {0};
	const char *icc;

	if (strcmp(r->id, "2.2") == 0 && x->bridge) {
		icc = api_kv_get(&x->bridge->options,
				 "com.docker.network.bridge.enable_icc");
		if (!is(icc, "false"))
			posture_ev_add(
				&e,
				"bridge Options."
				"com.docker.network.bridge.enable_icc=%s",
				icc ? icc : "(unset, true)");
	} else if (strcmp(r->id, "berth.engine.tls") == 0 && plain_tcp(x)) {
		posture_ev_add(&e, "DOCKER_HOST=%s without TLS",
			       x->engine_host);
	} else if (x->info) {
		info_rules(r->id, x->info, &e);
	}
	if (strcmp(r->id, "2.18") == 0 && !e.n && x->version &&
	    x->version->experimental)
		posture_ev_add(&e, "Version.Experimental=true");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_engine_mac(const struct posture_rule *r,
			      const struct posture_ctx *x,
			      struct posture_findings *out)
{
	struct posture_ev e = {0};

	if (x->info && !x->info->security.apparmor &&
	    !x->info->security.selinux)
		posture_ev_add(&e, "SecurityOptions lack apparmor and selinux");
	posture_emit(r, x, out, r->severity, &e);
}
