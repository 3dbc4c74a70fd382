/* Swarm nodes, services and tasks, and the spec changes of an update
 * applied to whatever spec a service came with. */
#include <stdint.h>
#include <stdlib.h>

#include "api/swarm.h"
#include "api/swarm_service.h"
#include "api/swarm_update.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void specs(const struct api_service *s)
{
	struct api_error err;
	char *out;

	if (api_service_spec_scale(s->spec_json, 3, &out, &err) == API_OK)
		free(out);
	if (api_service_spec_force(s->spec_json, &out, &err) == API_OK)
		free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *json = (const char *)data;
	struct api_service_list sl;
	struct api_node_list nl;
	struct api_task_list tl;
	struct api_service s;
	struct api_error err;
	size_t i;

	if (api_services_list_parse(json, size, &sl, &err) == API_OK) {
		for (i = 0; i < sl.n; i++)
			specs(&sl.items[i]);
		api_service_list_free(&sl);
	}
	if (api_service_inspect_parse(json, size, &s, &err) == API_OK) {
		specs(&s);
		api_service_free(&s);
	}
	if (api_nodes_list_parse(json, size, &nl, &err) == API_OK)
		api_node_list_free(&nl);
	if (api_tasks_list_parse(json, size, &tl, &err) == API_OK)
		api_task_list_free(&tl);
	return 0;
}
