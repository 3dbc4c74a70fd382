/* The build's JSON-lines output, split and parsed line by line. */
#include <stdint.h>
#include <string.h>

#include "api/build.h"
#include "api/jsonlines.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int one(const char *line, size_t len, void *ud)
{
	struct build_msg m;
	struct api_error err;
	size_t *n = ud;

	if (api_build_line_parse(line, len, &m, &err) == API_OK) {
		if (m.text)
			*n += strlen(m.text);
		api_build_msg_free(&m);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jsonlines jl;
	size_t n = 0;

	jsonlines_init(&jl, 65536, one, &n);
	jsonlines_feed(&jl, (const char *)data, size);
	jsonlines_finish(&jl);
	jsonlines_done(&jl);
	return 0;
}
