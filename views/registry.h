#ifndef BERTH_VIEWS_REGISTRY_H
#define BERTH_VIEWS_REGISTRY_H

#include <stddef.h>

#include "views/view.h"

/* Every pane, in tab order: the first APP_TABS get number keys. */
const struct view_ops *const *registry_views(size_t *n);

extern const struct view_ops view_containers;
extern const struct view_ops view_images;
extern const struct view_ops view_volumes;
extern const struct view_ops view_networks;
extern const struct view_ops view_events;
extern const struct view_ops view_inspect;
extern const struct view_ops view_layers;
extern const struct view_ops view_fleet;
extern const struct view_ops view_logs;
extern const struct view_ops view_posture;
/* Swarm panes (views/swarm_*.c), reached by keys, not tabs. */
extern const struct view_ops view_services;
extern const struct view_ops view_tasks;
extern const struct view_ops view_nodes;

#endif
