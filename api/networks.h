#ifndef BERTH_API_NETWORKS_H
#define BERTH_API_NETWORKS_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"
#include "api/query.h"

/*
 * Networks: list, inspect, remove and prune, each with a path builder, a
 * pure parser and a blocking wrapper.  Absent strings are NULL.
 */

struct api_network_ipam_config {
	char *subnet;
	char *gateway;
	char *ip_range;
};

/* One container attached to the network (Containers: {id: {...}}). */
struct api_network_endpoint {
	char *container_id;
	char *name;
	char *ipv4; /* "10.0.0.2/24" */
	char *ipv6;
	char *mac;
	char *endpoint_id;
};

struct api_network {
	char *name;
	char *id;
	char *driver;
	char *scope;
	char *created; /* RFC 3339, as given */
	int internal;
	int attachable;
	int ingress;
	int enable_ipv6;
	char *ipam_driver;
	struct api_network_ipam_config *ipam_configs;
	size_t n_ipam_configs;
	struct api_kvlist options;
	struct api_kvlist labels;
	/* GET /networks leaves this empty; inspect fills it. */
	struct api_network_endpoint *containers;
	size_t n_containers;
};

/* GET /networks */
struct api_network_list {
	struct api_network *items;
	size_t n;
};

char *api_networks_list_path(const struct api_filter *filters,
			     size_t n_filters);
api_code api_networks_list_parse(const char *json, size_t len,
				 struct api_network_list *out,
				 struct api_error *err);
api_code api_networks_list(struct api_client *c,
			   const struct api_filter *filters, size_t n_filters,
			   struct api_network_list *out, struct api_error *err);
void api_network_list_free(struct api_network_list *l);

/* GET /networks/{id}; a name or an unambiguous id prefix works too. */
char *api_network_inspect_path(const char *id);
api_code api_network_inspect_parse(const char *json, size_t len,
				   struct api_network *out,
				   struct api_error *err);
api_code api_network_inspect(struct api_client *c, const char *id,
			     struct api_network *out, struct api_error *err);
void api_network_free(struct api_network *n);

/* DELETE /networks/{id}: 204, or the engine's reason (active endpoints,
 * a predefined network). */
char *api_network_remove_path(const char *id);
api_code api_network_remove(struct api_client *c, const char *id,
			    struct api_error *err);

/* POST /networks/prune */
struct api_network_prune {
	struct api_strv deleted; /* network names */
};

char *api_networks_prune_path(const struct api_filter *filters,
			      size_t n_filters);
api_code api_networks_prune_parse(const char *json, size_t len,
				  struct api_network_prune *out,
				  struct api_error *err);
api_code api_networks_prune(struct api_client *c,
			    const struct api_filter *filters, size_t n_filters,
			    struct api_network_prune *out,
			    struct api_error *err);
void api_network_prune_free(struct api_network_prune *p);

#endif
