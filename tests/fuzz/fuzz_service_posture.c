/* The swarm service rules over whatever services the list parser makes
 * of the input: evidence building on hostile names, caps and mounts. */
#include <stdint.h>
#include <stdlib.h>

#include "api/swarm_service.h"
#include "tests/lib/judge.h"
#include "posture/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct posture_findings f = {0};
	struct api_service_list sl;
	struct api_service s;
	struct api_error err;
	size_t i;

	if (api_services_list_parse((const char *)data, size, &sl, &err) ==
	    API_OK) {
		for (i = 0; i < sl.n; i++)
			tl_check_service(&sl.items[i], &f);
		api_service_list_free(&sl);
	}
	if (api_service_inspect_parse((const char *)data, size, &s, &err) ==
	    API_OK) {
		tl_check_service(&s, &f);
		api_service_free(&s);
	}
	posture_findings_sort(&f);
	posture_findings_free(&f);
	return 0;
}
