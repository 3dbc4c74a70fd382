#include <inttypes.h>
#include <string.h>

#include "posture/checks.h"

static int is(const char *s, const char *v)
{
	return s && strcmp(s, v) == 0;
}

/* CIS 5.27: a running container whose health the engine checks.  The
 * image's HEALTHCHECK (4.6) or --health-cmd gives it a State.Health;
 * --no-healthcheck takes it away. */
void posture_check_health_runtime(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out)
{
	const struct api_container_inspect *ci = x->container;
	const struct api_healthcheck *h = &ci->config.healthcheck;
	struct posture_ev e = {0};

	if (!ci->state.running)
		return;
	if (h->set && h->test.n > 0 && is(h->test.v[0], "NONE"))
		posture_ev_add(&e, "Config.Healthcheck.Test=[NONE] "
				   "(--no-healthcheck)");
	else if (!ci->state.health_status || !*ci->state.health_status)
		posture_ev_add(&e, "State.Health absent (no HEALTHCHECK in the "
				   "image, no --health-cmd)");
	posture_emit(r, x, out, r->severity, &e);
}

/* The engine checks its health, and it fails: an alert, not 5.27. */
void posture_check_health(const struct posture_rule *r,
			  const struct posture_ctx *x,
			  struct posture_findings *out)
{
	const struct api_container_state *s = &x->container->state;
	struct posture_ev e = {0};

	if (is(s->health_status, "unhealthy"))
		posture_ev_add(&e,
			       "State.Health.Status=unhealthy "
			       "(FailingStreak=%" PRId64 ")",
			       s->health_failing_streak);
	posture_emit(r, x, out, r->severity, &e);
}

/* 5.10, 5.16, 5.17, 5.21 and 5.31: one rule per namespace shared with
 * the host, told apart by the rule's id. */
void posture_check_namespace(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	const struct api_host_config *hc = &x->container->host_config;
	struct posture_ev e = {0};
	const char *field = NULL, *mode = NULL;

	if (strcmp(r->id, "5.10") == 0)
		field = "NetworkMode", mode = hc->network_mode;
	else if (strcmp(r->id, "5.16") == 0)
		field = "PidMode", mode = hc->pid_mode;
	else if (strcmp(r->id, "5.17") == 0)
		field = "IpcMode", mode = hc->ipc_mode;
	else if (strcmp(r->id, "5.21") == 0)
		field = "UTSMode", mode = hc->uts_mode;
	else if (strcmp(r->id, "5.31") == 0)
		field = "UsernsMode", mode = hc->userns_mode;
	if (field && is(mode, "host"))
		posture_ev_add(&e, "HostConfig.%s=host", field);
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_memory(const struct posture_rule *r,
			  const struct posture_ctx *x,
			  struct posture_findings *out)
{
	struct posture_ev e = {0};

	if (x->container->host_config.memory <= 0)
		posture_ev_add(&e, "HostConfig.Memory=0");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_cpu(const struct posture_rule *r,
		       const struct posture_ctx *x,
		       struct posture_findings *out)
{
	const struct api_host_config *hc = &x->container->host_config;
	struct posture_ev e = {0};
	/* 1024 is the engine's default weight: no limit at all. */
	int shares = hc->cpu_shares > 0 && hc->cpu_shares != 1024;

	if (!shares && hc->cpu_quota <= 0 && hc->nano_cpus <= 0 &&
	    !(hc->cpuset_cpus && *hc->cpuset_cpus))
		posture_ev_add(&e,
			       "HostConfig.NanoCpus=0, CpuQuota=0, "
			       "CpuShares=%" PRId64,
			       hc->cpu_shares);
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_pids(const struct posture_rule *r,
			const struct posture_ctx *x,
			struct posture_findings *out)
{
	struct posture_ev e = {0};

	if (!x->container->host_config.pids_limit_set)
		posture_ev_add(&e, "HostConfig.PidsLimit unset");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_restart(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out)
{
	const struct api_host_config *hc = &x->container->host_config;
	const char *p = hc->restart_policy;
	struct posture_ev e = {0};

	if (is(p, "always") || is(p, "unless-stopped"))
		posture_ev_add(&e, "HostConfig.RestartPolicy.Name=%s", p);
	else if (is(p, "on-failure") &&
		 (hc->restart_max_retries <= 0 || hc->restart_max_retries > 5))
		posture_ev_add(&e,
			       "HostConfig.RestartPolicy=on-failure, "
			       "MaximumRetryCount=%" PRId64,
			       hc->restart_max_retries);
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_logs_unbounded(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out)
{
	const struct api_host_config *hc = &x->container->host_config;
	const char *size = api_kv_get(&hc->log_config, "max-size");
	struct posture_ev e = {0};

	/* json-file keeps everything unless told; local rotates at 20 MB
	 * unless told -1 */
	if (is(hc->log_type, "json-file") && (!size || is(size, "-1")))
		posture_ev_add(&e, "HostConfig.LogConfig.Type=json-file, %s",
			       size ? "max-size=-1" : "no max-size");
	else if (is(hc->log_type, "local") && is(size, "-1"))
		posture_ev_add(&e, "HostConfig.LogConfig.Type=local, "
				   "max-size=-1");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_logs_none(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	struct posture_ev e = {0};

	if (is(x->container->host_config.log_type, "none"))
		posture_ev_add(&e, "HostConfig.LogConfig.Type=none");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_devices(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out)
{
	const struct api_host_config *hc = &x->container->host_config;
	struct posture_ev e = {0};
	size_t i;

	if (hc->privileged)
		posture_ev_add(&e, "HostConfig.Privileged=true (every device)");
	for (i = 0; i < hc->n_devices; i++)
		posture_ev_add(&e, "HostConfig.Devices=%s:%s",
			       api_str(hc->devices[i].path_on_host),
			       api_str(hc->devices[i].path_in_container));
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_ulimits(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out)
{
	const struct api_host_config *hc = &x->container->host_config;
	struct posture_ev e = {0};
	size_t i;

	for (i = 0; i < hc->n_ulimits; i++)
		posture_ev_add(&e, "HostConfig.Ulimits=%s=%" PRId64 ":%" PRId64,
			       api_str(hc->ulimits[i].name),
			       hc->ulimits[i].soft, hc->ulimits[i].hard);
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_cgroup_parent(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out)
{
	const char *p = x->container->host_config.cgroup_parent;
	struct posture_ev e = {0};

	if (p && *p)
		posture_ev_add(&e, "HostConfig.CgroupParent=%s", p);
	posture_emit(r, x, out, r->severity, &e);
}

/* CIS 5.30: attached to the engine's default bridge (docker0).  What
 * counts is the network the container is on, not HostConfig.NetworkMode
 * ("default" names the default network whatever it is): with the
 * engine's default bridge known, its name (and id once connected); with
 * the engine known to have none (dockerd --bridge=none), no container is
 * on it; with nothing known of the engine, a network named "bridge". */
void posture_check_default_bridge(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out)
{
	const struct api_container_inspect *ci = x->container;
	const char *name = x->bridge && x->bridge->name ? x->bridge->name
			   : x->info			? NULL
							: "bridge";
	const struct api_endpoint *ep =
		name ? api_container_network(ci, name) : NULL;
	struct posture_ev e = {0};

	if (ep && x->bridge && ep->network_id && *ep->network_id &&
	    x->bridge->id && strcmp(ep->network_id, x->bridge->id) != 0)
		ep = NULL; /* a network of that name, but another one */
	if (ep)
		posture_ev_add(&e, "NetworkSettings.Networks.%s", name);
	posture_emit(r, x, out, r->severity, &e);
}
