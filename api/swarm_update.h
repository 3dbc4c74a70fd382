#ifndef BERTH_API_SWARM_UPDATE_H
#define BERTH_API_SWARM_UPDATE_H

#include <stdint.h>

#include "api/client.h"
#include "api/error.h"

/*
 * Service updates: scale, force update and rollback.  The engine takes
 * the whole spec back with the version it was read at (a stale version
 * is refused), so the spec the engine gave (api_service.spec_json) is
 * changed here as JSON: fields berth does not know survive.
 */

/* The spec with Mode.Replicated.Replicas set (API_E_INVALID unless the
 * service is replicated), or TaskTemplate.ForceUpdate one higher, which
 * makes the engine replace every task.  *out is the caller's. */
api_code api_service_spec_scale(const char *spec_json, int64_t replicas,
				char **out, struct api_error *err);
api_code api_service_spec_force(const char *spec_json, char **out,
				struct api_error *err);

/* POST /services/{id}/update?version=N[&rollback=previous].  For a
 * rollback the engine ignores the spec sent but still wants one. */
char *api_service_update_path(const char *id, uint64_t version, int rollback);
api_code api_service_update(struct api_client *c, const char *id,
			    uint64_t version, const char *spec_json,
			    int rollback, struct api_error *err);
/* Inspect, change, update: the blocking commands. */
api_code api_service_scale(struct api_client *c, const char *id,
			   int64_t replicas, struct api_error *err);
api_code api_service_force_update(struct api_client *c, const char *id,
				  struct api_error *err);
api_code api_service_rollback(struct api_client *c, const char *id,
			      struct api_error *err);

#endif
