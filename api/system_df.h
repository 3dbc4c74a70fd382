#ifndef BERTH_API_SYSTEM_DF_H
#define BERTH_API_SYSTEM_DF_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"

/*
 * One row of `docker system df`, computed by the CLI's rules so berth
 * shows the same numbers: sizes in bytes, pct the reclaimable share the
 * CLI prints in parentheses, -1 where it prints none.
 */
struct api_df_row {
	int64_t total;
	int64_t active;
	int64_t size;
	int64_t reclaimable;
	int pct;
};

struct api_df {
	int64_t layers_size;
	struct api_df_row images;
	struct api_df_row containers;
	struct api_df_row volumes;
	struct api_df_row build_cache;
};

char *api_df_path(void);
api_code api_df_parse(const char *json, size_t len, struct api_df *out,
		      struct api_error *err);
api_code api_df(struct api_client *c, struct api_df *out,
		struct api_error *err);
/* Nothing is allocated today; kept so callers need not change later. */
void api_df_free(struct api_df *d);

#endif
