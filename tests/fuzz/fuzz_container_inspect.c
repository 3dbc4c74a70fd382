/* The container inspect parser, and the list entry built from an
 * inspect, against arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "api/container_inspect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_container_inspect ci;
	struct api_container_summary s;
	struct api_error err;
	size_t i;

	if (api_container_inspect_parse((const char *)data, size, &ci, &err) ==
	    API_OK) {
		/* raw must be the exact bytes, NUL-terminated. */
		if (ci.raw_len != size || memcmp(ci.raw, data, size) != 0 ||
		    ci.raw[size] != '\0')
			__builtin_trap();
		/* Lookups by name rely on every endpoint having one. */
		for (i = 0; i < ci.n_networks; i++)
			if (!ci.networks[i].network)
				__builtin_trap();
	}
	api_container_inspect_free(&ci);
	if (api_container_summary_from_inspect(
		    (const char *)data, size, 1795888649, &s, &err) == API_OK) {
		/* the store keys rows by id and draws state and status */
		if (!s.id || !s.state || !s.status)
			__builtin_trap();
		for (i = 0; i < s.n_ports; i++)
			if (!s.ports[i].type)
				__builtin_trap();
	}
	api_container_summary_free(&s);
	return 0;
}
