#ifndef BERTH_OPS_EXPORT_FETCH_H
#define BERTH_OPS_EXPORT_FETCH_H

#include <stddef.h>

#include "api/client.h"
#include "api/container_inspect.h"
#include "api/images.h"
#include "ops/job.h"

/*
 * One container exported as the docker run line, Compose service or
 * systemd unit that recreates it: its inspect and its image's (the image
 * may be gone: then nothing counts as inherited), asked on the client's
 * multi without blocking, then written by ops/export_*.h.  The text is
 * what `berth export --as FORMAT NAME` prints for one container.
 */

enum export_as { EXPORT_RUN, EXPORT_COMPOSE, EXPORT_SYSTEMD };

/* text (NUL-terminated, len bytes) is NULL on failure, with err; both
 * live only during the call. */
typedef void (*export_end_fn)(void *ud, const char *text, size_t len,
			      const struct api_error *err);

api_code export_fetch_start(struct api_client *c, const char *name,
			    enum export_as as, export_end_fn end, void *ud,
			    struct job **out, struct api_error *err);

/* Pure: the text from the two inspects (img may be NULL); free it. */
char *export_text(const struct api_container_inspect *ci,
		  const struct api_image_inspect *img, const char *name,
		  enum export_as as);

#endif
