/* Image references and RUN lines as the engine reports them: the input
 * up to the first NUL is a reference, the rest a history line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/reference.h"
#include "posture/checks.h"
#include "posture/shell_words.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t rl = nul ? (size_t)(nul - data) : size;
	char *ref = strndup((const char *)data, rl);
	char *run = nul ? strndup((const char *)nul + 1, size - rl - 1) : NULL;
	char buf[600], list[64];
	struct api_ref r;
	struct sh_cmd c;
	const char *p;

	if (ref && api_ref_parse(ref, &r) == 0) {
		api_ref_familiar(&r, buf, sizeof(buf));
		api_ref_namespace(&r, buf, sizeof(buf));
		(void)api_ref_official(&r);
	}
	if (run) {
		for (p = run; sh_next(&p, &c);)
			(void)sh_find(&c, 0, "install");
		posture_run_unpinned(run, list, sizeof(list));
	}
	free(ref);
	free(run);
	return 0;
}
