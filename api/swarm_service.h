#ifndef BERTH_API_SWARM_SERVICE_H
#define BERTH_API_SWARM_SERVICE_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"
#include "api/logs.h"
#include "api/query.h"

/*
 * Swarm services: list (with ServiceStatus), inspect, update (scale,
 * force update, rollback), remove and logs.  An update sends the whole
 * spec back with the version it was read at, so the spec is kept as the
 * engine gave it (spec_json) and changed by the pure api_service_spec_*
 * functions; fields berth does not know survive the round trip.
 */

struct api_service_port {
	char *protocol; /* "tcp", "udp", "sctp" */
	int64_t target;
	int64_t published;
	char *publish_mode; /* "ingress", "host" */
};

struct api_service_mount {
	char *type; /* "bind", "volume", "tmpfs", "npipe", "cluster" */
	char *source;
	char *target;
	int read_only;
};

struct api_service {
	char *id;
	uint64_t version; /* Version.Index: what an update must name */
	char *created_at;
	char *updated_at;
	char *name;
	char *image;
	/* "replicated", "global", "replicated-job", "global-job", or NULL
	 * for a mode berth does not know. */
	char *mode;
	int64_t replicas; /* Mode.Replicated.Replicas; -1 when not replicated */
	/* ServiceStatus (API >= 1.41 with status=true); -1 when absent. */
	int64_t running_tasks;
	int64_t desired_tasks;
	struct api_service_port *ports; /* Endpoint.Ports */
	size_t n_ports;
	char *update_state; /* UpdateStatus.State: "updating", "completed"... */
	char *update_message;
	int64_t force_update; /* TaskTemplate.ForceUpdate */
	struct api_kvlist labels;
	/* TaskTemplate.ContainerSpec, for the posture rules. */
	char *user;
	struct api_strv cap_add;
	struct api_service_mount *mounts;
	size_t n_mounts;
	char *seccomp_mode;  /* Privileges.Seccomp.Mode */
	char *apparmor_mode; /* Privileges.AppArmor.Mode */
	int no_new_privileges;
	int read_only_rootfs;	 /* ContainerSpec.ReadOnly */
	int64_t limit_nano_cpus; /* TaskTemplate.Resources.Limits */
	int64_t limit_memory;	 /* bytes */
	int64_t limit_pids;	 /* 0: none */
	char *spec_json;	 /* Spec, unformatted JSON */
};

struct api_service_list {
	struct api_service *items;
	size_t n;
};

/* GET /services; status asks for ServiceStatus (API >= 1.41). */
char *api_services_list_path(int status);
api_code api_services_list_parse(const char *json, size_t len,
				 struct api_service_list *out,
				 struct api_error *err);
api_code api_services_list(struct api_client *c, struct api_service_list *out,
			   struct api_error *err);
void api_service_list_free(struct api_service_list *l);

/* GET /services/{id} */
char *api_service_inspect_path(const char *id);
api_code api_service_inspect_parse(const char *json, size_t len,
				   struct api_service *out,
				   struct api_error *err);
api_code api_service_inspect(struct api_client *c, const char *id,
			     struct api_service *out, struct api_error *err);
void api_service_free(struct api_service *s);

/* DELETE /services/{id} */
char *api_service_remove_path(const char *id);
api_code api_service_remove(struct api_client *c, const char *id,
			    struct api_error *err);

/* GET /services/{id}/logs: always framed (struct logframes, raw 0)
 * unless the service's tasks have a TTY. */
char *api_service_logs_path(const char *id, const struct api_logs_opts *opts);

#endif
