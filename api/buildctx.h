#ifndef BERTH_API_BUILDCTX_H
#define BERTH_API_BUILDCTX_H

#include <stddef.h>
#include <sys/types.h>

#include "api/error.h"

/* The tar of a context directory, produced piece by piece as it is read,
 * so a context is never held in memory whole. */
struct buildctx;

/* dockerfile: relative to dir (NULL: "Dockerfile"); it must lie inside
 * the context.  It and .dockerignore are always sent, as the CLI does. */
api_code api_buildctx_open(const char *dir, const char *dockerfile,
			   struct buildctx **out, struct api_error *err);
/* Up to len bytes of tar; 0 at the end; -1 on failure (see err). */
ssize_t api_buildctx_read(struct buildctx *b, char *buf, size_t len);
const struct api_error *api_buildctx_error(const struct buildctx *b);
/* Entries written so far (files, dirs, links). */
size_t api_buildctx_entries(const struct buildctx *b);
void api_buildctx_close(struct buildctx *b);

#endif
