/* Container inspect JSON -> every container rule; the same bytes as an
 * image with its history, and as /info, for the image and engine rules
 * and as the engine facts the container rules read (5.2/5.3). */
#include <stddef.h>
#include <stdint.h>

#include "api/container_inspect.h"
#include "api/image_ops.h"
#include "api/images.h"
#include "api/system.h"
#include "posture/rules.h"
#include "posture/score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_container_inspect ci = {0};
	struct api_image_inspect img = {0};
	struct api_image_history h = {0};
	struct api_info info = {0};
	struct posture_findings f = {0};
	struct posture_engine e = {.host = "unix:///run/x/docker.sock"};
	struct api_error err;
	const char *j = (const char *)data;
	int have_h;

	if (api_info_parse(j, size, &info, &err) == API_OK)
		e.info = &info;
	have_h = api_image_history_parse(j, size, &h, &err) == API_OK;
	if (api_container_inspect_parse(j, size, &ci, &err) == API_OK)
		posture_judge(
			&(struct posture_subject){
				.scope = POSTURE_SCOPE_CONTAINER,
				.engine = &e,
				.container = &ci,
				/* an image without labels: the container's
				 * berth.accept labels are judged too */
				.image_labels = &(struct api_kvlist){0}},
			&f);
	if (api_image_inspect_parse(j, size, &img, &err) == API_OK)
		posture_judge(
			&(struct posture_subject){.scope = POSTURE_SCOPE_IMAGE,
						  .engine = &e,
						  .image = &img,
						  .history =
							  have_h ? &h : NULL},
			&f);
	e.host = "tcp://h:2375";
	posture_judge(&(struct posture_subject){.scope = POSTURE_SCOPE_ENGINE,
						.engine = &e},
		      &f);
	posture_findings_sort(&f);
	(void)posture_score(&f);
	posture_findings_free(&f);
	api_info_free(&info);
	api_image_history_free(&h);
	api_image_inspect_free(&img);
	api_container_inspect_free(&ci);
	return 0;
}
