/* The Compose reader: the YAML text, for the service "web", read twice
 * so the override path runs too. */
#include <stdint.h>

#include "ops/compose_build.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct compose_build b = {0};
	struct api_error err;

	if (compose_build_parse((const char *)data, size, "web", &b, &err) ==
	    API_OK)
		compose_build_parse((const char *)data, size, "web", &b, &err);
	compose_build_free(&b);
	return 0;
}
