/* The stats parser and the figures computed from what it accepts. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "api/stats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_stats s;
	struct api_error err;

	if (api_stats_parse((const char *)data, size, &s, &err) == API_OK) {
		double cpu = api_stats_cpu_percent(&s);
		double mem = api_stats_mem_percent(&s);

		if (!(cpu >= 0.0) || !(mem >= 0.0) || isnan(cpu) || isnan(mem))
			abort();
		if (api_stats_mem_usage(&s) > s.mem.usage)
			abort();
	}
	api_stats_free(&s);
	api_stats_free(&s);
	return 0;
}
