/* /version, /info and /system/df answers from a hostile engine. */
#include <stddef.h>
#include <stdint.h>

#include "api/system.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *json = (const char *)data;
	struct api_error err;
	struct api_version v;
	struct api_info i;
	struct api_df d;

	if (api_version_parse(json, size, &v, &err) == API_OK)
		api_version_free(&v);
	if (api_info_parse(json, size, &i, &err) == API_OK)
		api_info_free(&i);
	if (api_df_parse(json, size, &d, &err) == API_OK)
		api_df_free(&d);
	return 0;
}
