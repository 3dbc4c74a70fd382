/* Docker context files (meta.json, config.json) as a hostile user or tool
 * might have left them. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "api/context.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *json = (const char *)data;
	struct api_context ctx;
	struct api_error err;
	char *name = NULL;

	if (api_context_meta_parse(json, size, &ctx, &err) == API_OK)
		api_context_free(&ctx);
	if (api_context_current_parse(json, size, &name, &err) == API_OK)
		free(name);
	return 0;
}
