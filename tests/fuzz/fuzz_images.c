/* Every image parser on the same bytes: they share no state, and each
 * must take any input without a crash or a leak. */
#include <stddef.h>
#include <stdint.h>

#include "api/images.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *json = (const char *)data;
	struct api_image_list list;
	struct api_image_inspect img;
	struct api_image_history hist;
	struct api_image_deleted_list del;
	struct api_image_prune prune;
	struct api_error err;

	api_images_list_parse(json, size, &list, &err);
	api_image_list_free(&list);
	api_image_inspect_parse(json, size, &img, &err);
	api_image_inspect_free(&img);
	api_image_history_parse(json, size, &hist, &err);
	api_image_history_free(&hist);
	api_image_remove_parse(json, size, &del, &err);
	api_image_deleted_list_free(&del);
	api_images_prune_parse(json, size, &prune, &err);
	api_image_prune_free(&prune);
	return 0;
}
