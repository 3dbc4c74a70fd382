#ifndef BERTH_MODEL_RES_HELPERS_H
#define BERTH_MODEL_RES_HELPERS_H

#include <stddef.h>

#include "api/containers.h"

/* The pure helpers behind the images, volumes and networks panes' columns
 * (unit-tested); sizes and ages are views/format.h's. */

/* The first 12 hex digits of an id, without its "sha256:". */
void res_short_id(const char *id, char *buf, size_t n);
/* Appends name to the ", "-separated list in buf (n bytes, *len used);
 * cuts cleanly when full. */
void res_join(char *buf, size_t n, size_t *len, const char *name);
int res_uses_image(const struct api_container_summary *s, const char *id);
int res_uses_volume(const struct api_container_summary *s, const char *vol);
int res_on_network(const struct api_container_summary *s, const char *net);
/* A layer's CreatedBy without the "/bin/sh -c #(nop) " a Dockerfile
 * instruction carries; "" for NULL. */
const char *res_created_by(const char *s);
/* host, none and bridge: the engine refuses to remove them. */
int res_network_builtin(const char *name);

#endif
