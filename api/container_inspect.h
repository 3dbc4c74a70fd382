#ifndef BERTH_API_CONTAINER_INSPECT_H
#define BERTH_API_CONTAINER_INSPECT_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/container_hostconfig.h"
#include "api/containers.h"
#include "api/error.h"
#include "api/json.h"

/*
 * GET /containers/{id}/json: what a posture check and a re-create need,
 * plus the whole body in raw for the JSON tree view and for copying
 * Config/HostConfig verbatim.  Absent strings are NULL.
 */

struct api_container_state {
	char *status; /* "created", "running", "exited", ... */
	int running;
	int paused;
	int restarting;
	int oom_killed;
	int dead;
	int64_t pid;
	int64_t exit_code;
	char *error;
	char *started_at; /* RFC 3339, "0001-01-01T00:00:00Z" when never */
	char *finished_at;
	char *health_status; /* NULL without a healthcheck */
	int64_t health_failing_streak;
};

/* Durations in nanoseconds, 0: inherited or the engine's default. */
struct api_healthcheck {
	int set; /* the container has a Healthcheck object */
	struct api_strv test;
	int64_t interval;
	int64_t timeout;
	int64_t retries;
	int64_t start_period;
};

struct api_container_config {
	char *hostname;
	char *domainname;
	char *user;
	struct api_strv env;
	struct api_strv cmd;
	struct api_strv entrypoint;
	char *image; /* the reference it was created from */
	struct api_kvlist labels;
	char *working_dir;
	int tty;
	int open_stdin;
	int attach_stdin;
	int attach_stdout;
	int attach_stderr;
	struct api_strv exposed_ports; /* "80/tcp" */
	struct api_strv volumes;       /* anonymous volume paths */
	struct api_healthcheck healthcheck;
	char *stop_signal;
	int stop_timeout_set;
	int64_t stop_timeout; /* seconds, when stop_timeout_set */
};

struct api_endpoint {
	char *network; /* the network's name (the key in Networks) */
	char *network_id;
	char *endpoint_id;
	char *ip_address;
	char *gateway;
	char *mac_address;
	struct api_strv aliases;
	char *ipam_ipv4; /* IPAMConfig.IPv4Address: a fixed address */
};

struct api_container_inspect {
	char *id;
	char *name; /* without the engine's leading '/' */
	char *created;
	char *path;
	struct api_strv args;
	char *image; /* the image id */
	int64_t restart_count;
	char *driver;
	char *app_armor_profile;
	struct api_container_state state;
	struct api_container_config config;
	struct api_host_config host_config;
	struct api_mount_point *mounts;
	size_t n_mounts;
	struct api_port_maps ports; /* NetworkSettings.Ports: live bindings */
	struct api_endpoint *networks;
	size_t n_networks;
	char *raw; /* the body as received, NUL-terminated */
	size_t raw_len;
};

/* NULL for an empty id or on allocation failure. */
char *api_container_inspect_path(const char *id);
/* The body must be a JSON object; every field in it is optional. */
api_code api_container_inspect_parse(const char *json, size_t len,
				     struct api_container_inspect *out,
				     struct api_error *err);
api_code api_container_inspect(struct api_client *c, const char *id,
			       struct api_container_inspect *out,
			       struct api_error *err);
void api_container_inspect_free(struct api_container_inspect *ci);

/* The endpoint on the named network, or NULL. */
const struct api_endpoint *
api_container_network(const struct api_container_inspect *ci, const char *name);

#endif
