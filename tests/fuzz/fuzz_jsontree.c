/* The inspect pane's flattener, folding and search on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "model/jsontree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jsontree t;
	struct api_error err;
	size_t i, lines[8];

	if (jt_parse((const char *)data, size, &t, &err) != API_OK)
		return 0;
	for (i = 0; i < t.n; i += 3)
		jt_toggle(&t, i);
	if (t.n)
		jt_reveal(&t, t.n - 1);
	if (jt_search(&t, "a")) {
		i = jt_find(&t, t.n / 2, -1);
		jt_match_rank(&t, i);
		jt_node_line(&t, i);
	}
	jt_match_lines(&t, lines, 8);
	jt_free(&t);
	return 0;
}
