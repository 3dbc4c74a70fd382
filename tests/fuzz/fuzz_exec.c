#include <stdint.h>
#include <stdlib.h>

#include "api/exec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_exec_inspect x;
	struct api_error err;
	char *id = NULL;

	if (api_exec_inspect_parse((const char *)data, size, &x, &err) ==
	    API_OK)
		api_exec_not_started(&x);
	api_exec_inspect_free(&x);
	api_exec_inspect_free(&x);
	api_exec_create_parse((const char *)data, size, &id, &err);
	free(id);
	return 0;
}
