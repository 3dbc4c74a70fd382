/* The container list parser (and the top parser, the same kind of input)
 * against arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "api/container_top.h"
#include "api/containers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_container_list l;
	struct api_top t;
	struct api_error err;

	if (api_containers_list_parse((const char *)data, size, &l, &err) ==
	    API_OK)
		api_container_list_free(&l);
	api_container_list_free(&l);
	if (api_container_top_parse((const char *)data, size, &t, &err) ==
	    API_OK)
		api_top_free(&t);
	api_top_free(&t);
	return 0;
}
