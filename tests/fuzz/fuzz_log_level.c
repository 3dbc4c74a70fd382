/* Any line a container writes: the level, and whether it continues the
 * line before, are read within the line's bytes (ASan sees any read
 * past them) and are among the known values. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/log_fold.h"
#include "model/log_level.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, no NUL after it */
	char *line = malloc(size ? size : 1);
	enum log_level l;
	int state, s;

	if (!line)
		return 0;
	memcpy(line, data, size);
	l = log_level_of(line, size);
	if (l < LOG_LEVEL_NONE || l > LOG_LEVEL_ERROR)
		abort();
	/* and whether it continues the line before, from either state */
	for (state = LOG_FOLD_NONE; state <= LOG_FOLD_PYTHON; state++) {
		s = state;
		if (log_fold_continues(line, size, &s) > 1 ||
		    s < LOG_FOLD_NONE || s > LOG_FOLD_PYTHON)
			abort();
	}
	free(line);
	return 0;
}
