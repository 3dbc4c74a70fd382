/* Container inspect JSON -> every container rule; the same bytes as an
 * image and as /info for the image and engine rules. */
#include <stddef.h>
#include <stdint.h>

#include "api/container_inspect.h"
#include "api/images.h"
#include "api/system.h"
#include "tests/lib/judge.h"
#include "posture/rules.h"
#include "posture/score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_container_inspect ci = {0};
	struct api_image_inspect img = {0};
	struct api_info info = {0};
	struct posture_findings f = {0};
	struct api_error err;
	const char *j = (const char *)data;

	if (api_container_inspect_parse(j, size, &ci, &err) == API_OK)
		tl_check_container(&ci, "unix:///run/x/docker.sock", &f);
	if (api_image_inspect_parse(j, size, &img, &err) == API_OK)
		tl_check_image(&img, NULL, NULL, &f);
	if (api_info_parse(j, size, &info, &err) == API_OK)
		tl_check_engine(&info, NULL, NULL, "tcp://h:2375", 0, &f);
	posture_findings_sort(&f);
	(void)posture_score(&f);
	posture_findings_free(&f);
	api_info_free(&info);
	api_image_inspect_free(&img);
	api_container_inspect_free(&ci);
	return 0;
}
