#ifndef BERTH_API_SYSTEM_H
#define BERTH_API_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"
#include "api/system_df.h"

/*
 * The engine-wide endpoints: /_ping, /version, /info and
 * /system/df (in api/system_df.h).
 * Strings the engine left out are NULL (print them through api_str()).
 */

/* GET /_ping: API_OK only for a 200 whose body is "OK". */
api_code api_ping(struct api_client *c, struct api_error *err);

struct api_version_component {
	char *name;
	char *version;
};

struct api_version {
	char *version;
	char *api_version;
	char *min_api_version;
	char *git_commit;
	char *go_version;
	char *os;
	char *arch;
	char *kernel_version;
	char *build_time;
	int experimental;
	char *platform_name;
	struct api_version_component *components;
	size_t n_components;
};

char *api_version_path(void);
api_code api_version_parse(const char *json, size_t len,
			   struct api_version *out, struct api_error *err);
api_code api_version(struct api_client *c, struct api_version *out,
		     struct api_error *err);
void api_version_free(struct api_version *v);

/* SecurityOptions, read from "name=seccomp,profile=default" entries. */
struct api_info_security {
	int seccomp;
	char *seccomp_profile;
	int apparmor;
	int selinux;
	int userns;
	int rootless;
	int cgroupns;
};

struct api_info_swarm {
	char *node_id;
	char *local_node_state; /* "inactive", "active", ... */
	int control_available;
	int64_t nodes;
	int64_t managers;
	char *cluster_id;
};

struct api_info_registry {
	struct api_strv insecure_cidrs;
	struct api_strv insecure_indexes; /* IndexConfigs with Secure false */
	struct api_strv mirrors;
};

struct api_info_plugins {
	struct api_strv volume;
	struct api_strv network;
	struct api_strv authorization;
	struct api_strv log;
};

struct api_info {
	char *id;
	char *name; /* the engine host's name */
	char *server_version;
	int64_t containers;
	int64_t running;
	int64_t paused;
	int64_t stopped;
	int64_t images;
	char *driver;
	struct api_kvlist driver_status;
	char *docker_root_dir;
	char *logging_driver;
	char *cgroup_driver;
	char *cgroup_version;
	char *kernel_version;
	char *operating_system;
	char *os_type;
	char *architecture;
	int64_t ncpu;
	int64_t mem_total;
	int debug;
	int experimental;
	int live_restore_enabled;
	struct api_strv security_options;
	struct api_info_security security;
	struct api_info_swarm swarm;
	struct api_info_registry registry;
	char *default_runtime;
	struct api_strv runtimes;
	char *init_binary;
	struct api_strv warnings;
	char *http_proxy;
	char *https_proxy;
	char *no_proxy;
	struct api_info_plugins plugins;
};

char *api_info_path(void);
api_code api_info_parse(const char *json, size_t len, struct api_info *out,
			struct api_error *err);
api_code api_info(struct api_client *c, struct api_info *out,
		  struct api_error *err);
void api_info_free(struct api_info *i);

#endif
