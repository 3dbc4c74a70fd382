/* Any line a container writes: the level is read within the line's
 * bytes (ASan sees any read past them) and is one of the levels. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/log_level.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, no NUL after it */
	char *line = malloc(size ? size : 1);
	enum log_level l;

	if (!line)
		return 0;
	memcpy(line, data, size);
	l = log_level_of(line, size);
	if (l < LOG_LEVEL_NONE || l > LOG_LEVEL_ERROR)
		abort();
	free(line);
	return 0;
}
