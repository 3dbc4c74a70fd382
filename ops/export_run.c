#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/export_run.h"

static void add2(struct export_argv *a, const char *flag, const char *val)
{
	export_argv_add(a, flag);
	export_argv_add(a, val);
}

static void add_strv(struct export_argv *a, const char *flag,
		     const struct api_strv *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		add2(a, flag, v->v[i]);
}

static void add_i64(struct export_argv *a, const char *flag, int64_t v)
{
	export_argv_add(a, flag);
	export_argv_addf(a, "%" PRId64, v);
}

static void add_config(const struct api_container_inspect *ci,
		       const struct api_image_inspect *img,
		       struct export_argv *a)
{
	const struct api_container_config *c = &ci->config;
	const char *iuser = img ? api_str(img->config.user) : "";
	const char *iwd = img ? api_str(img->config.working_dir) : "";
	size_t i;
	const char *net = api_str(ci->host_config.network_mode);

	if (!export_hostname_generated(ci) && strcmp(net, "host") != 0 &&
	    strncmp(net, "container:", 10) != 0)
		add2(a, "--hostname", c->hostname);
	if (c->domainname && *c->domainname)
		add2(a, "--domainname", c->domainname);
	if (strcmp(api_str(c->user), iuser) != 0)
		add2(a, "--user", api_str(c->user));
	if (strcmp(api_str(c->working_dir), iwd) != 0)
		add2(a, "--workdir", api_str(c->working_dir));
	if (c->tty)
		export_argv_add(a, "--tty");
	if (c->open_stdin)
		export_argv_add(a, "--interactive");
	for (i = 0; i < c->env.n; i++)
		if (!export_env_from_image(img, c->env.v[i]))
			add2(a, "--env", c->env.v[i]);
	for (i = 0; i < c->labels.n; i++) {
		const struct api_kv *kv = &c->labels.items[i];
		if (!export_label_from_image(img, kv->key, kv->value))
			export_argv_addf(a, "--label=%s=%s", kv->key,
					 api_str(kv->value));
	}
	for (i = 0; i < c->exposed_ports.n; i++) {
		const char *p = c->exposed_ports.v[i];
		if (img && export_strv_has(&img->config.exposed_ports, p))
			continue;
		if (api_port_maps_get(&ci->host_config.port_bindings, p))
			continue;
		add2(a, "--expose", p);
	}
	if (c->stop_signal && *c->stop_signal &&
	    strcmp(c->stop_signal,
		   img ? api_str(img->config.stop_signal) : "SIGTERM") != 0 &&
	    !(!img && strcmp(c->stop_signal, "15") == 0))
		add2(a, "--stop-signal", c->stop_signal);
	if (c->stop_timeout_set)
		add_i64(a, "--stop-timeout", c->stop_timeout);
}

static void add_health(const struct api_container_inspect *ci,
		       const struct api_image_inspect *img,
		       struct export_argv *a)
{
	const struct api_healthcheck *h = &ci->config.healthcheck;
	char d[32];

	if (!export_health_differs(ci, img))
		return;
	if (h->test.n > 0 && strcmp(h->test.v[0], "NONE") == 0) {
		export_argv_add(a, "--no-healthcheck");
		return;
	}
	if (h->test.n == 2 && strcmp(h->test.v[0], "CMD-SHELL") == 0) {
		add2(a, "--health-cmd", h->test.v[1]);
	} else if (h->test.n > 1 && strcmp(h->test.v[0], "CMD") == 0) {
		/* The CLI only makes CMD-SHELL tests: the closest form. */
		struct export_argv t = {0};
		char *joined;
		size_t i;
		for (i = 2; i < h->test.n; i++)
			export_argv_add(&t, h->test.v[i]);
		joined = export_argv_join(h->test.v[1], &t, export_shell_quote);
		if (!joined || t.nomem)
			a->nomem = 1;
		else
			add2(a, "--health-cmd", joined);
		free(joined);
		export_argv_free(&t);
	}
	if (h->interval > 0) {
		export_duration(h->interval, d, sizeof(d));
		add2(a, "--health-interval", d);
	}
	if (h->timeout > 0) {
		export_duration(h->timeout, d, sizeof(d));
		add2(a, "--health-timeout", d);
	}
	if (h->start_period > 0) {
		export_duration(h->start_period, d, sizeof(d));
		add2(a, "--health-start-period", d);
	}
	if (h->retries > 0)
		add_i64(a, "--health-retries", h->retries);
}

static void add_ports_restart(const struct api_host_config *hc,
			      struct export_argv *a)
{
	char buf[256];
	size_t i, j;

	for (i = 0; i < hc->port_bindings.n; i++) {
		const struct api_port_map *pm = &hc->port_bindings.items[i];
		for (j = 0; j < pm->n; j++) {
			export_port(pm->port, &pm->bindings[j], buf,
				    sizeof(buf));
			add2(a, "--publish", buf);
		}
	}
	if (hc->restart_policy && *hc->restart_policy &&
	    strcmp(hc->restart_policy, "no") != 0) {
		if (strcmp(hc->restart_policy, "on-failure") == 0 &&
		    hc->restart_max_retries > 0)
			export_argv_addf(a, "--restart=on-failure:%" PRId64,
					 hc->restart_max_retries);
		else
			add2(a, "--restart", hc->restart_policy);
	}
}

/* --mount entries: HostConfig.Mounts is not in the model, so from raw. */
static void add_mounts_raw(const struct api_container_inspect *ci,
			   struct export_argv *a)
{
	cJSON *root, *m;
	const cJSON *arr;

	if (!ci->raw)
		return;
	root = cJSON_ParseWithLength(ci->raw, ci->raw_len);
	arr = jm_path(root, "HostConfig.Mounts");
	if (!cJSON_IsArray(arr))
		arr = NULL;
	cJSON_ArrayForEach (m, arr) {
		const cJSON *t = jm_get(m, "Type"), *s = jm_get(m, "Source");
		const cJSON *d = jm_get(m, "Target");
		if (!cJSON_IsString(t) || !cJSON_IsString(d))
			continue;
		export_argv_add(a, "--mount");
		export_argv_addf(
			a, "type=%s%s%s,target=%s%s", t->valuestring,
			cJSON_IsString(s) && *s->valuestring ? ",source=" : "",
			cJSON_IsString(s) ? s->valuestring : "", d->valuestring,
			jm_bool(m, "ReadOnly") ? ",readonly" : "");
	}
	cJSON_Delete(root);
}

static void add_storage(const struct api_container_inspect *ci,
			const struct api_image_inspect *img,
			struct export_argv *a)
{
	const struct api_host_config *hc = &ci->host_config;
	size_t i;

	add_strv(a, "--volume", &hc->binds);
	for (i = 0; i < ci->config.volumes.n; i++) {
		const char *v = ci->config.volumes.v[i];
		if (img && export_strv_has(&img->config.volumes, v))
			continue;
		add2(a, "--volume", v);
	}
	add_mounts_raw(ci, a);
	for (i = 0; i < hc->tmpfs.n; i++) {
		const struct api_kv *kv = &hc->tmpfs.items[i];
		if (kv->value && *kv->value)
			export_argv_addf(a, "--tmpfs=%s:%s", kv->key,
					 kv->value);
		else
			add2(a, "--tmpfs", kv->key);
	}
}

static void add_security(const struct api_host_config *hc,
			 struct export_argv *a)
{
	if (hc->privileged)
		export_argv_add(a, "--privileged");
	if (hc->readonly_rootfs)
		export_argv_add(a, "--read-only");
	add_strv(a, "--cap-add", &hc->cap_add);
	add_strv(a, "--cap-drop", &hc->cap_drop);
	add_strv(a, "--security-opt", &hc->security_opt);
	if (hc->pid_mode && *hc->pid_mode)
		add2(a, "--pid", hc->pid_mode);
	if (export_ipc_wanted(hc->ipc_mode))
		add2(a, "--ipc", hc->ipc_mode);
	if (hc->uts_mode && *hc->uts_mode)
		add2(a, "--uts", hc->uts_mode);
	if (hc->userns_mode && *hc->userns_mode)
		add2(a, "--userns", hc->userns_mode);
	if (hc->init == 1)
		export_argv_add(a, "--init");
	add_strv(a, "--group-add", &hc->group_add);
}

static void add_resources(const struct api_host_config *hc,
			  struct export_argv *a)
{
	char buf[64];
	size_t i;

	if (hc->memory > 0)
		add_i64(a, "--memory", hc->memory);
	if (hc->memory_swap != 0 && hc->memory > 0)
		add_i64(a, "--memory-swap", hc->memory_swap);
	if (hc->memory_reservation > 0)
		add_i64(a, "--memory-reservation", hc->memory_reservation);
	if (hc->nano_cpus > 0) {
		export_cpus(hc->nano_cpus, buf, sizeof(buf));
		add2(a, "--cpus", buf);
	}
	if (hc->cpu_shares > 0)
		add_i64(a, "--cpu-shares", hc->cpu_shares);
	if (hc->cpu_quota > 0)
		add_i64(a, "--cpu-quota", hc->cpu_quota);
	if (hc->cpu_period > 0)
		add_i64(a, "--cpu-period", hc->cpu_period);
	if (hc->cpuset_cpus && *hc->cpuset_cpus)
		add2(a, "--cpuset-cpus", hc->cpuset_cpus);
	if (hc->pids_limit_set)
		add_i64(a, "--pids-limit", hc->pids_limit);
	if (hc->oom_kill_disable)
		export_argv_add(a, "--oom-kill-disable");
	if (export_shm_wanted(hc->shm_size))
		add_i64(a, "--shm-size", hc->shm_size);
	for (i = 0; i < hc->n_devices; i++) {
		const struct api_device_mapping *d = &hc->devices[i];
		const char *perm = api_str(d->cgroup_permissions);
		export_argv_add(a, "--device");
		export_argv_addf(a, "%s:%s%s%s", api_str(d->path_on_host),
				 api_str(d->path_in_container),
				 *perm && strcmp(perm, "rwm") ? ":" : "",
				 strcmp(perm, "rwm") ? perm : "");
	}
	for (i = 0; i < hc->n_ulimits; i++) {
		const struct api_ulimit *u = &hc->ulimits[i];
		export_argv_add(a, "--ulimit");
		export_argv_addf(a, "%s=%" PRId64 ":%" PRId64, api_str(u->name),
				 u->soft, u->hard);
	}
}

static void add_misc(const struct api_container_inspect *ci,
		     struct export_argv *a)
{
	const struct api_host_config *hc = &ci->host_config;
	const char *net = export_network_mode(ci);
	size_t i;

	if (export_log_wanted(hc->log_type))
		add2(a, "--log-driver", hc->log_type);
	for (i = 0; i < hc->log_config.n; i++)
		export_argv_addf(a, "--log-opt=%s=%s",
				 hc->log_config.items[i].key,
				 api_str(hc->log_config.items[i].value));
	/* Runtime left out: the engine's default is not in the inspect. */
	add_strv(a, "--add-host", &hc->extra_hosts);
	add_strv(a, "--dns", &hc->dns);
	for (i = 0; i < hc->sysctls.n; i++)
		export_argv_addf(a, "--sysctl=%s=%s", hc->sysctls.items[i].key,
				 api_str(hc->sysctls.items[i].value));
	if (net) {
		const struct api_endpoint *ep = api_container_network(ci, net);
		add2(a, "--network", net);
		for (i = 0; ep && i < ep->aliases.n; i++)
			if (export_alias_wanted(ci, ep->aliases.v[i]))
				add2(a, "--network-alias", ep->aliases.v[i]);
		if (ep && ep->ipam_ipv4 && *ep->ipam_ipv4)
			add2(a, "--ip", ep->ipam_ipv4);
	}
}

static void add_image_args(const struct api_container_inspect *ci,
			   const struct api_image_inspect *img,
			   struct export_argv *a)
{
	static const struct api_strv none = {0};
	const struct api_strv *iep = img ? &img->config.entrypoint : &none;
	const struct api_strv *icmd = img ? &img->config.cmd : &none;
	const struct api_strv *ep = &ci->config.entrypoint;
	const struct api_strv *cmd = &ci->config.cmd;
	int ep_differs = !export_strv_eq(ep, iep);
	size_t i;

	if (ep_differs)
		add2(a, "--entrypoint", ep->n ? ep->v[0] : "");
	export_argv_add(a, ci->config.image ? ci->config.image : ci->image);
	if (ep_differs)
		for (i = 1; i < ep->n; i++)
			export_argv_add(a, ep->v[i]);
	/* A new entrypoint drops the image's command, so repeat it. */
	if (ep_differs || !export_strv_eq(cmd, icmd))
		for (i = 0; i < cmd->n; i++)
			export_argv_add(a, cmd->v[i]);
}

int export_run_argv(const struct api_container_inspect *ci,
		    const struct api_image_inspect *img, const char *name,
		    unsigned flags, struct export_argv *a)
{
	export_argv_add(a, "run");
	if (flags & EXPORT_DETACH)
		export_argv_add(a, "--detach");
	if ((flags & EXPORT_RM) || ci->host_config.auto_remove)
		export_argv_add(a, "--rm");
	if (name || ci->name)
		add2(a, "--name", name ? name : ci->name);
	add_config(ci, img, a);
	add_health(ci, img, a);
	add_ports_restart(&ci->host_config, a);
	add_storage(ci, img, a);
	add_security(&ci->host_config, a);
	add_resources(&ci->host_config, a);
	add_misc(ci, a);
	add_image_args(ci, img, a);
	return a->nomem ? -1 : 0;
}

char *export_run_line(const struct api_container_inspect *ci,
		      const struct api_image_inspect *img)
{
	struct export_argv a = {0};
	char *line = NULL;

	if (export_run_argv(ci, img, NULL, EXPORT_DETACH, &a) == 0)
		line = export_argv_join("docker", &a, export_shell_quote);
	export_argv_free(&a);
	return line;
}
