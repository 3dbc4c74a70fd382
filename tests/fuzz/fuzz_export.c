/* An image export as the engine streams it: the outer tar, each layer's
 * tar inside it (any compression), manifest and config JSON, whiteouts;
 * then the layers pane's trees of the collected contents, and the
 * contents written to the cache format and read back. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/image_export.h"
#include "model/layer_tree.h"
#include "posture/contents_cache.h"
#include "posture/image_contents.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct posture_image_contents ic = {0}, back;
	struct api_export_visitor v;
	struct pic_collect *k = pic_collect_new(&ic);
	struct api_error err;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	if (!k)
		return 0;
	pic_collect_visitor(k, &v);
	if (api_export_walk_memory(data, size, &v, &err) == API_OK &&
	    pic_collect_finish(k, &err) == API_OK) {
		struct layer_tree t;
		size_t i;

		/* the layers pane's tree of every stack, searched and folded */
		for (i = 0; i < ic.n_layers; i++)
			if (lt_build(&t, &ic, i) == 0) {
				lt_toggle(&t, 0);
				t.only_changes = 1;
				snprintf(t.search, sizeof(t.search), "a");
				lt_rows(&t);
				lt_free(&t);
			}
		ic.id = strdup("sha256:00");
		f = open_memstream(&text, &len);
		if (f && ic.id) {
			contents_cache_write(f, &ic);
			fclose(f);
			if (contents_cache_parse(text, len, &back) == 0)
				posture_image_contents_free(&back);
		} else if (f) {
			fclose(f);
		}
		free(text);
	}
	pic_collect_free(k);
	posture_image_contents_free(&ic);
	return 0;
}
