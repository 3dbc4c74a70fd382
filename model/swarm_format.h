#ifndef BERTH_MODEL_SWARM_FORMAT_H
#define BERTH_MODEL_SWARM_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "api/swarm.h"
#include "api/events.h"
#include "api/swarm_service.h"

/* The columns of the swarm panes, as `docker service ls`, `docker node
 * ls` and `docker service ps` word them (pure, unit-tested). */

/* "2/3": running/desired tasks, or "?/3" from the spec's replicas when
 * the engine sent no ServiceStatus (API < 1.41). */
void swarm_fmt_replicas(const struct api_service *s, char *buf, size_t n);
/* "*:8080->80/tcp, *:53->53/udp" like docker service ls. */
void swarm_fmt_ports(const struct api_service *s, char *buf, size_t n);
/* "Leader", "Reachable", "" like docker node ls's MANAGER STATUS. */
void swarm_fmt_manager(const struct api_node *nd, char *buf, size_t n);
/* An RFC 3339 time as UNIX seconds; 0 when unreadable. */
int64_t swarm_parse_time(const char *s);
/* "s1.2" for a replicated task, "s2.<node id>" for a global one. */
void swarm_fmt_task_name(const char *service, const struct api_task *t,
			 char *buf, size_t n);
/* Capitalised like docker's "Running", "Shutdown". */
void swarm_fmt_state(const char *state, char *buf, size_t n);
/* Whether ev changes what the services and tasks lists show: a service
 * or node event, or a task's container starting or dying (which changes
 * a running count but is no service event). */
int swarm_event_changes_tasks(const struct api_event *ev);

#endif
