#ifndef BERTH_OPS_EXPORT_COMPOSE_H
#define BERTH_OPS_EXPORT_COMPOSE_H

#include "api/container_inspect.h"
#include "api/images.h"

/*
 * A Compose file (the Compose Specification, no version key) with one
 * service for the container, and the top-level volumes and networks it
 * uses, declared external since they exist already.  Written with
 * libyaml's emitter; '$' is doubled (Compose interpolates it) and bytes
 * that are not UTF-8 become U+FFFD (YAML cannot hold them).  NULL out of
 * memory; caller frees.
 */
char *export_compose_file(const struct api_container_inspect *ci,
			  const struct api_image_inspect *img);

#endif
