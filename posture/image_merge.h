#ifndef BERTH_POSTURE_IMAGE_MERGE_H
#define BERTH_POSTURE_IMAGE_MERGE_H

#include "api/error.h"
#include "posture/image_files.h"

/* Every file's hider and hidden, each layer's hidden_bytes, added,
 * changed and removed, and ic->wasted, from the layers in order (bottom
 * first).  API_E_NOMEM. */
api_code pic_apply_whiteouts(struct posture_image_contents *ic,
			     struct api_error *err);
/* ic->files, ic->size and ic->setuid from the visible files, after
 * pic_apply_whiteouts.  API_E_NOMEM. */
api_code pic_final_files(struct posture_image_contents *ic,
			 struct api_error *err);

#endif
