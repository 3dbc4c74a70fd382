/* .dockerignore rules: the input up to the first NUL is the file, the
 * rest a path (and its parents) to match and to walk into. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/dockerignore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t rl = nul ? (size_t)(nul - data) : size;
	struct dockerignore d;
	struct api_error err;
	char *path;

	if (api_dockerignore_parse((const char *)data, rl, &d, &err) != API_OK)
		return 0;
	path = nul ? strndup((const char *)nul + 1, size - rl - 1)
		   : strdup("Dockerfile");
	if (path) {
		api_dockerignore_excluded(&d, path);
		api_dockerignore_skip_dir(&d, path);
		api_dockerignore_add(&d, "!Dockerfile", &err);
		api_dockerignore_excluded(&d, path);
		free(path);
	}
	api_dockerignore_free(&d);
	return 0;
}
