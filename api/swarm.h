#ifndef BERTH_API_SWARM_H
#define BERTH_API_SWARM_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"
#include "api/query.h"

/*
 * Swarm nodes and tasks (services are in api/swarm_service.h).  Only a
 * manager answers these; a worker or a lone engine gets 503 with a
 * message worth showing as is.  Absent strings are NULL.
 */

/* GET /nodes */
struct api_node {
	char *id;
	char *hostname;	    /* Description.Hostname */
	char *role;	    /* Spec.Role: "manager", "worker" */
	char *availability; /* Spec.Availability: "active", "pause", "drain" */
	char *state;	    /* Status.State: "ready", "down", ... */
	char *addr;	    /* Status.Addr */
	char *engine_version;
	char *reachability; /* ManagerStatus.Reachability, managers only */
	int leader;	    /* ManagerStatus.Leader */
	struct api_kvlist labels;
};

struct api_node_list {
	struct api_node *items;
	size_t n;
};

char *api_nodes_list_path(const struct api_filter *filters, size_t n_filters);
api_code api_nodes_list_parse(const char *json, size_t len,
			      struct api_node_list *out, struct api_error *err);
api_code api_nodes_list(struct api_client *c, struct api_node_list *out,
			struct api_error *err);
void api_node_list_free(struct api_node_list *l);

/* GET /tasks */
struct api_task {
	char *id;
	char *service_id;
	char *node_id;
	int64_t slot; /* 0 for a global service's task */
	char *desired_state;
	char *state;	 /* Status.State */
	char *message;	 /* Status.Message */
	char *error;	 /* Status.Err */
	char *timestamp; /* Status.Timestamp: when state was reached */
	char *created_at;
	char *container_id; /* Status.ContainerStatus.ContainerID */
	int64_t exit_code;
	char *image; /* Spec.ContainerSpec.Image */
};

struct api_task_list {
	struct api_task *items;
	size_t n;
};

/* service may be NULL: every task. */
char *api_tasks_list_path(const char *service);
api_code api_tasks_list_parse(const char *json, size_t len,
			      struct api_task_list *out, struct api_error *err);
api_code api_tasks_list(struct api_client *c, const char *service,
			struct api_task_list *out, struct api_error *err);
void api_task_list_free(struct api_task_list *l);

#endif
