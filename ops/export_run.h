#ifndef BERTH_OPS_EXPORT_RUN_H
#define BERTH_OPS_EXPORT_RUN_H

#include "api/container_inspect.h"
#include "api/images.h"
#include "ops/export_util.h"

/*
 * A container turned back into the `docker run` arguments that recreate
 * it: every setting of Config and HostConfig that is neither the engine's
 * default nor already set by the image.  Pure: works on the inspect of
 * the container and of its image (img may be NULL).
 */

enum {
	EXPORT_DETACH = 1, /* -d */
	EXPORT_RM = 2,	   /* --rm even when the container lacks it */
};

/*
 * "run" [options] IMAGE [ARGS...], without the program name.  name
 * replaces the container's (NULL: its own).  0, or -1 out of memory.
 */
int export_run_argv(const struct api_container_inspect *ci,
		    const struct api_image_inspect *img, const char *name,
		    unsigned flags, struct export_argv *out);

/* "docker run -d --name NAME ..." on one line; NULL out of memory. */
char *export_run_line(const struct api_container_inspect *ci,
		      const struct api_image_inspect *img);

#endif
