#include "views/registry.h"

static const struct view_ops *const all[] = {
	&view_containers, &view_images,	  &view_volumes, &view_networks,
	&view_events,	  &view_posture,  &view_inspect, &view_layers,
	&view_logs,	  &view_services, &view_tasks,	 &view_nodes,
	&view_fleet,
};

const struct view_ops *const *registry_views(size_t *n)
{
	*n = sizeof(all) / sizeof(all[0]);
	return all;
}
