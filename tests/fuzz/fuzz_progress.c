/* The pull progress line parser, and the other parsers of the update
 * path (recreate spec, distribution, registry auth): the first byte
 * picks which one sees the rest. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "api/distribution.h"
#include "api/pull.h"
#include "api/recreate_spec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data + 1;
	struct api_pull_event ev;
	struct recreate_spec s;
	struct api_distribution d;
	struct api_error err;
	char *auth;

	if (size == 0)
		return 0;
	switch (data[0] % 4) {
	case 0:
		if (api_pull_event_parse(text, size - 1, &ev, &err) == API_OK)
			api_pull_event_free(&ev);
		break;
	case 1:
		if (api_recreate_spec_build(text, size - 1, NULL,
					    data[0] & 4 ? "1.44" : "1.41", &s,
					    &err) == API_OK)
			api_recreate_spec_free(&s);
		break;
	case 2:
		if (api_distribution_parse(text, size - 1, &d, &err) == API_OK)
			api_distribution_free(&d);
		break;
	default:
		auth = api_registry_auth_from_config("reg.example:5000/a:1",
						     text, size - 1);
		free(auth);
		break;
	}
	return 0;
}
