/* Every volume and network parser on the same bytes. */
#include <stddef.h>
#include <stdint.h>

#include "api/networks.h"
#include "api/volumes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *json = (const char *)data;
	struct api_volume_list vl;
	struct api_volume v;
	struct api_volume_prune vp;
	struct api_network_list nl;
	struct api_network n;
	struct api_network_prune np;
	struct api_error err;

	api_volumes_list_parse(json, size, &vl, &err);
	api_volume_list_free(&vl);
	api_volume_inspect_parse(json, size, &v, &err);
	api_volume_free(&v);
	api_volumes_prune_parse(json, size, &vp, &err);
	api_volume_prune_free(&vp);
	api_networks_list_parse(json, size, &nl, &err);
	api_network_list_free(&nl);
	api_network_inspect_parse(json, size, &n, &err);
	api_network_free(&n);
	api_networks_prune_parse(json, size, &np, &err);
	api_network_prune_free(&np);
	return 0;
}
