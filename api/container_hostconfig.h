#ifndef BERTH_API_CONTAINER_HOSTCONFIG_H
#define BERTH_API_CONTAINER_HOSTCONFIG_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "api/json.h"

/*
 * The HostConfig part of a container's inspect, and the port map shape it
 * shares with NetworkSettings.Ports.  Used by api/container_inspect.c.
 */

struct api_host_port {
	char *host_ip;
	char *host_port; /* a string in the API: "8080" or a range */
};

/* "80/tcp" -> its bindings.  In NetworkSettings.Ports a null list means
 * the port is exposed but not published: bindings NULL, n 0. */
struct api_port_map {
	char *port;
	struct api_host_port *bindings;
	size_t n;
};

struct api_port_maps {
	struct api_port_map *items;
	size_t n;
};

struct api_device_mapping {
	char *path_on_host;
	char *path_in_container;
	char *cgroup_permissions;
};

struct api_ulimit {
	char *name;
	int64_t soft;
	int64_t hard;
};

struct api_host_config {
	struct api_strv binds;
	char *network_mode;
	struct api_port_maps port_bindings;
	char *restart_policy; /* "", "no", "always", "on-failure", ... */
	int64_t restart_max_retries;
	int auto_remove;
	int privileged;
	int readonly_rootfs;
	struct api_strv cap_add;
	struct api_strv cap_drop;
	struct api_strv security_opt;
	char *pid_mode;
	char *ipc_mode;
	char *uts_mode;
	char *userns_mode;
	char *cgroupns_mode;
	char *cgroup_parent;
	int64_t memory; /* bytes, 0: unlimited */
	int64_t memory_swap;
	int64_t memory_reservation;
	int64_t nano_cpus;
	int64_t cpu_shares;
	int64_t cpu_quota;
	int64_t cpu_period;
	char *cpuset_cpus;
	/* null, 0 and -1 all mean unlimited: pids_limit_set is 0 then. */
	int64_t pids_limit;
	int pids_limit_set;
	struct api_device_mapping *devices;
	size_t n_devices;
	struct api_ulimit *ulimits;
	size_t n_ulimits;
	char *log_type;
	struct api_kvlist log_config;
	char *runtime;
	int init; /* -1: null, the engine's default */
	int oom_kill_disable;
	int64_t shm_size;
	struct api_kvlist tmpfs;
	struct api_strv extra_hosts;
	struct api_strv dns;
	struct api_strv group_add;
	struct api_kvlist sysctls;
	struct api_strv masked_paths;
	struct api_strv readonly_paths;
};

/* Maps the object (anything else yields an empty port map). */
struct api_port_maps api_port_maps_map(struct json_map *m, const cJSON *obj);
void api_port_maps_free(struct api_port_maps *pm);
/* The entry for "80/tcp", or NULL. */
const struct api_port_map *api_port_maps_get(const struct api_port_maps *pm,
					     const char *port);

/* Maps a HostConfig object; a missing one yields the empty defaults. */
void api_host_config_map(struct json_map *m, const cJSON *hc,
			 struct api_host_config *out);
void api_host_config_free(struct api_host_config *hc);

#endif
