#include "api/container_hostconfig.h"

#include <stdlib.h>
#include <string.h>

static void *alloc_for(struct json_map *m, const cJSON *arr, size_t size)
{
	void *p;

	if (cJSON_GetArraySize(arr) <= 0)
		return NULL;
	p = calloc((size_t)cJSON_GetArraySize(arr), size);
	if (!p)
		m->nomem = 1;
	return p;
}

static struct api_host_port *bindings_map(struct json_map *m, const cJSON *arr,
					  size_t *n)
{
	struct api_host_port *b;
	const cJSON *it;

	*n = 0;
	if (!cJSON_IsArray(arr))
		return NULL;
	b = alloc_for(m, arr, sizeof(*b));
	if (!b)
		return NULL;
	cJSON_ArrayForEach (it, arr) {
		if (!cJSON_IsObject(it))
			continue;
		b[*n].host_ip = jm_str(m, it, "HostIp");
		b[*n].host_port = jm_str(m, it, "HostPort");
		(*n)++;
	}
	return b;
}

struct api_port_maps api_port_maps_map(struct json_map *m, const cJSON *obj)
{
	struct api_port_maps pm = {0};
	const cJSON *it;

	if (!cJSON_IsObject(obj))
		return pm;
	pm.items = alloc_for(m, obj, sizeof(*pm.items));
	if (!pm.items)
		return pm;
	cJSON_ArrayForEach (it, obj) {
		struct api_port_map *p = &pm.items[pm.n];
		if (!it->string)
			continue;
		p->port = strdup(it->string);
		if (!p->port) {
			m->nomem = 1;
			break;
		}
		p->bindings = bindings_map(m, it, &p->n);
		pm.n++;
	}
	return pm;
}

void api_port_maps_free(struct api_port_maps *pm)
{
	size_t i, j;

	for (i = 0; i < pm->n; i++) {
		struct api_port_map *p = &pm->items[i];
		for (j = 0; j < p->n; j++) {
			free(p->bindings[j].host_ip);
			free(p->bindings[j].host_port);
		}
		free(p->bindings);
		free(p->port);
	}
	free(pm->items);
	pm->items = NULL;
	pm->n = 0;
}

const struct api_port_map *api_port_maps_get(const struct api_port_maps *pm,
					     const char *port)
{
	size_t i;

	for (i = 0; i < pm->n; i++)
		if (strcmp(pm->items[i].port, port) == 0)
			return &pm->items[i];
	return NULL;
}

static struct api_device_mapping *devices_map(struct json_map *m,
					      const cJSON *arr, size_t *n)
{
	struct api_device_mapping *d;
	const cJSON *it;

	*n = 0;
	if (!cJSON_IsArray(arr))
		return NULL;
	d = alloc_for(m, arr, sizeof(*d));
	if (!d)
		return NULL;
	cJSON_ArrayForEach (it, arr) {
		if (!cJSON_IsObject(it))
			continue;
		d[*n].path_on_host = jm_str(m, it, "PathOnHost");
		d[*n].path_in_container = jm_str(m, it, "PathInContainer");
		d[*n].cgroup_permissions = jm_str(m, it, "CgroupPermissions");
		(*n)++;
	}
	return d;
}

static struct api_ulimit *ulimits_map(struct json_map *m, const cJSON *arr,
				      size_t *n)
{
	struct api_ulimit *u;
	const cJSON *it;

	*n = 0;
	if (!cJSON_IsArray(arr))
		return NULL;
	u = alloc_for(m, arr, sizeof(*u));
	if (!u)
		return NULL;
	cJSON_ArrayForEach (it, arr) {
		if (!cJSON_IsObject(it))
			continue;
		u[*n].name = jm_str(m, it, "Name");
		u[*n].soft = jm_i64(it, "Soft");
		u[*n].hard = jm_i64(it, "Hard");
		(*n)++;
	}
	return u;
}

static void map_resources(const cJSON *hc, struct api_host_config *o)
{
	const cJSON *init = jm_get(hc, "Init");

	o->memory = jm_i64(hc, "Memory");
	o->memory_swap = jm_i64(hc, "MemorySwap");
	o->memory_reservation = jm_i64(hc, "MemoryReservation");
	o->nano_cpus = jm_i64(hc, "NanoCpus");
	o->cpu_shares = jm_i64(hc, "CpuShares");
	o->cpu_quota = jm_i64(hc, "CpuQuota");
	o->cpu_period = jm_i64(hc, "CpuPeriod");
	o->pids_limit = jm_i64(hc, "PidsLimit");
	o->pids_limit_set = o->pids_limit > 0;
	o->oom_kill_disable = jm_bool(hc, "OomKillDisable");
	o->shm_size = jm_i64(hc, "ShmSize");
	o->auto_remove = jm_bool(hc, "AutoRemove");
	o->privileged = jm_bool(hc, "Privileged");
	o->readonly_rootfs = jm_bool(hc, "ReadonlyRootfs");
	o->init = cJSON_IsBool(init) ? cJSON_IsTrue(init) : -1;
	o->restart_max_retries =
		jm_i64(jm_get(hc, "RestartPolicy"), "MaximumRetryCount");
}

static void map_strings(struct json_map *m, const cJSON *hc,
			struct api_host_config *o)
{
	o->binds = jm_strv(m, hc, "Binds");
	o->network_mode = jm_str(m, hc, "NetworkMode");
	o->restart_policy = jm_str(m, jm_get(hc, "RestartPolicy"), "Name");
	o->cap_add = jm_strv(m, hc, "CapAdd");
	o->cap_drop = jm_strv(m, hc, "CapDrop");
	o->security_opt = jm_strv(m, hc, "SecurityOpt");
	o->pid_mode = jm_str(m, hc, "PidMode");
	o->ipc_mode = jm_str(m, hc, "IpcMode");
	o->uts_mode = jm_str(m, hc, "UTSMode");
	o->userns_mode = jm_str(m, hc, "UsernsMode");
	o->cgroupns_mode = jm_str(m, hc, "CgroupnsMode");
	o->cgroup_parent = jm_str(m, hc, "CgroupParent");
	o->cpuset_cpus = jm_str(m, hc, "CpusetCpus");
	o->log_type = jm_str(m, jm_get(hc, "LogConfig"), "Type");
	o->log_config = jm_kv(m, jm_get(hc, "LogConfig"), "Config");
	o->runtime = jm_str(m, hc, "Runtime");
	o->tmpfs = jm_kv(m, hc, "Tmpfs");
	o->extra_hosts = jm_strv(m, hc, "ExtraHosts");
	o->dns = jm_strv(m, hc, "Dns");
	o->group_add = jm_strv(m, hc, "GroupAdd");
	o->sysctls = jm_kv(m, hc, "Sysctls");
	o->masked_paths = jm_strv(m, hc, "MaskedPaths");
	o->readonly_paths = jm_strv(m, hc, "ReadonlyPaths");
}

void api_host_config_map(struct json_map *m, const cJSON *hc,
			 struct api_host_config *out)
{
	memset(out, 0, sizeof(*out));
	map_resources(hc, out);
	map_strings(m, hc, out);
	out->port_bindings = api_port_maps_map(m, jm_get(hc, "PortBindings"));
	out->devices = devices_map(m, jm_get(hc, "Devices"), &out->n_devices);
	out->ulimits = ulimits_map(m, jm_get(hc, "Ulimits"), &out->n_ulimits);
}

void api_host_config_free(struct api_host_config *o)
{
	size_t i;

	api_strv_free(&o->binds);
	free(o->network_mode);
	api_port_maps_free(&o->port_bindings);
	free(o->restart_policy);
	api_strv_free(&o->cap_add);
	api_strv_free(&o->cap_drop);
	api_strv_free(&o->security_opt);
	free(o->pid_mode);
	free(o->ipc_mode);
	free(o->uts_mode);
	free(o->userns_mode);
	free(o->cgroupns_mode);
	free(o->cgroup_parent);
	free(o->cpuset_cpus);
	for (i = 0; i < o->n_devices; i++) {
		free(o->devices[i].path_on_host);
		free(o->devices[i].path_in_container);
		free(o->devices[i].cgroup_permissions);
	}
	free(o->devices);
	for (i = 0; i < o->n_ulimits; i++)
		free(o->ulimits[i].name);
	free(o->ulimits);
	free(o->log_type);
	api_kvlist_free(&o->log_config);
	free(o->runtime);
	api_kvlist_free(&o->tmpfs);
	api_strv_free(&o->extra_hosts);
	api_strv_free(&o->dns);
	api_strv_free(&o->group_add);
	api_kvlist_free(&o->sysctls);
	api_strv_free(&o->masked_paths);
	api_strv_free(&o->readonly_paths);
	memset(o, 0, sizeof(*o));
}
