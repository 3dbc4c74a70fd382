#ifndef BERTH_OPS_CONTAINER_CP_H
#define BERTH_OPS_CONTAINER_CP_H

#include <stddef.h>

#include "api/client.h"

/*
 * docker cp both ways, through the engine's archive endpoint (no shell
 * in the container needed, stopped containers too).  Out of a container
 * the tar is spooled next to the destination and extracted with modes
 * and times kept, owned by whoever runs berth; into one it is made with
 * modes and times kept and owner root, as docker cp does.  Entries that
 * would land outside the destination are refused.  Each returns 0, or
 * -1 with why in msg.
 */
struct cp_result {
	size_t entries; /* files, directories and links written */
	long long bytes;
};

int cp_from_container(struct api_client *c, const char *id, const char *src,
		      const char *dst, struct cp_result *r, char *msg,
		      size_t msglen);
int cp_to_container(struct api_client *c, const char *src, const char *id,
		    const char *dst, struct cp_result *r, char *msg,
		    size_t msglen);

#endif
