/* Colours kept beside the text: the text is exactly term_sanitize's, the
 * runs are in order inside it, and every colour is one a terminal has. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int colour_ok(int c)
{
	return c == SGR_DEFAULT || (c >= 0 && c <= 255);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t cap = 3 * size + 1, n, m, k, i;
	char *plain = malloc(cap), *styled = malloc(cap);
	struct sgr_run runs[8];

	if (!plain || !styled)
		goto out;
	n = term_sanitize((const char *)data, size, plain, cap);
	m = term_sanitize_styled((const char *)data, size, styled, cap, runs,
				 sizeof(runs) / sizeof(runs[0]), &k);
	if (n != m || memcmp(plain, styled, n + 1) != 0)
		abort();
	if (k > sizeof(runs) / sizeof(runs[0]))
		abort();
	for (i = 0; i < k; i++) {
		if (runs[i].at > m || (i && runs[i].at <= runs[i - 1].at))
			abort();
		if (!colour_ok(runs[i].st.fg) || !colour_ok(runs[i].st.bg) ||
		    runs[i].st.bold > 1 || runs[i].st.underline > 1)
			abort();
	}
out:
	free(plain);
	free(styled);
	return 0;
}
