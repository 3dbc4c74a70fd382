/* The engine's X-Docker-Container-Path-Stat header, any bytes: decoded
 * and parsed, or refused, within its bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_archive.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *h = malloc(size ? size : 1);
	struct api_path_stat st;
	struct api_error err;

	if (!h)
		return 0;
	memcpy(h, data, size);
	if (api_path_stat_parse(h, size, &st, &err) == API_OK)
		api_path_stat_free(&st);
	free(h);
	return 0;
}
