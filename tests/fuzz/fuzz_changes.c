/* The engine's answer to GET /containers/{id}/changes, any bytes: parsed
 * or refused, every path NUL-terminated, and judged by berth.drift. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_changes.h"
#include "posture/checks.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_changes ch;
	struct api_error err;
	size_t i;

	if (api_container_changes_parse((const char *)data, size, &ch, &err) !=
	    API_OK)
		return 0;
	for (i = 0; i < ch.n; i++) {
		if (!ch.items[i].path)
			abort();
		(void)posture_drift_tree(ch.items[i].path);
		(void)api_change_letter(ch.items[i].kind);
	}
	api_changes_free(&ch);
	return 0;
}
