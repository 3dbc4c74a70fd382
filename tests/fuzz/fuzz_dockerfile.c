/* A Dockerfile, any bytes: parsed, turned into an image record and
 * judged, as berth lint and the rebuild confirmation do. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "posture/lint.h"
#include "posture/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct posture_policy p;
	struct posture_findings f = {0};
	struct api_error err;
	size_t lines[8], i;

	posture_policy_init(&p);
	if (posture_lint((const char *)data, size, "Dockerfile", &p, 1700000000,
			 &f, &err) == API_OK)
		for (i = 0; i < f.n; i++)
			(void)posture_lint_lines(f.items[i].evidence, lines, 8);
	posture_findings_free(&f);
	posture_policy_free(&p);
	return 0;
}
