#ifndef BERTH_API_CONTAINER_TOP_H
#define BERTH_API_CONTAINER_TOP_H

#include <stddef.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"

/*
 * GET /containers/{id}/top: the engine runs ps and splits its table.
 * Every row has as many cells as the engine sent; a cell that is not a
 * string becomes "" so the columns stay aligned with titles.
 */
struct api_top {
	struct api_strv titles;
	struct api_strv *rows;
	size_t n;
};

/* ps_args NULL or "": the engine's default ("-ef"). */
char *api_container_top_path(const char *id, const char *ps_args);
api_code api_container_top_parse(const char *json, size_t len,
				 struct api_top *out, struct api_error *err);
api_code api_container_top(struct api_client *c, const char *id,
			   const char *ps_args, struct api_top *out,
			   struct api_error *err);
void api_top_free(struct api_top *t);

/* The index of the column titled title ("PID"), or -1. */
int api_top_column(const struct api_top *t, const char *title);
/* The cell, or NULL when the row is shorter than col. */
const char *api_top_cell(const struct api_top *t, size_t row, int col);

#endif
