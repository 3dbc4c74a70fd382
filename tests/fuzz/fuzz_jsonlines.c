/* The JSON-lines splitter: the first byte picks where to cut the input,
 * so chunk boundaries are fuzzed along with the content. */
#include <stddef.h>
#include <stdint.h>

#include "api/jsonlines.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count(const char *line, size_t len, void *ud)
{
	size_t *total = ud;

	*total += len;
	return line[0] == '\0' && len == 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jsonlines jl;
	size_t total = 0, cut;

	if (size == 0)
		return 0;
	cut = data[0] % size;
	jsonlines_init(&jl, 64, count, &total);
	jsonlines_feed(&jl, (const char *)data + 1, cut);
	jsonlines_feed(&jl, (const char *)data + 1 + cut, size - 1 - cut);
	jsonlines_finish(&jl);
	jsonlines_done(&jl);
	return 0;
}
