#ifndef BERTH_API_IMAGES_H
#define BERTH_API_IMAGES_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"
#include "api/image_ops.h"
#include "api/query.h"

/*
 * Images: list and inspect here; history, remove and prune in
 * api/image_ops.h, which this includes.  Each request has a
 * path builder (for starting it asynchronously), a pure parser (for tests
 * and fuzzers) and a blocking wrapper.  Strings absent from the engine's
 * answer are NULL (api_str() shows them as "").
 */

/* GET /images/json.  Engines before API 1.43 list an untagged image with
 * the placeholders "<none>:<none>" and "<none>@<none>"; they are dropped,
 * so an untagged image always has empty repo_tags and repo_digests. */
struct api_image_summary {
	char *id;
	char *parent_id;
	struct api_strv repo_tags;
	struct api_strv repo_digests;
	int64_t created; /* Unix seconds */
	int64_t size;
	int64_t shared_size;  /* -1 when the engine did not compute it */
	int64_t virtual_size; /* -1 when absent (gone since API 1.44) */
	int64_t containers;   /* -1 when unknown */
	struct api_kvlist labels;
};

struct api_image_list {
	struct api_image_summary *items;
	size_t n;
};

char *api_images_list_path(int all, const struct api_filter *filters,
			   size_t n_filters);
api_code api_images_list_parse(const char *json, size_t len,
			       struct api_image_list *out,
			       struct api_error *err);
api_code api_images_list(struct api_client *c, int all,
			 const struct api_filter *filters, size_t n_filters,
			 struct api_image_list *out, struct api_error *err);
void api_image_list_free(struct api_image_list *l);

/* Durations in nanoseconds, as the engine gives them; 0 inherits. */
struct api_image_healthcheck {
	struct api_strv test; /* ["CMD", ...], ["CMD-SHELL", s], ["NONE"] */
	int64_t interval;
	int64_t timeout;
	int64_t start_period;
	int64_t retries;
};

struct api_image_config {
	char *user;
	struct api_strv env;
	struct api_strv cmd;
	struct api_strv entrypoint;
	char *working_dir;
	struct api_kvlist labels;
	struct api_strv exposed_ports; /* "8080/tcp" */
	struct api_strv volumes;       /* "/data" */
	int has_healthcheck;
	struct api_image_healthcheck healthcheck;
	char *stop_signal;
};

/* GET /images/{name}/json */
struct api_image_inspect {
	char *id;
	struct api_strv repo_tags;
	struct api_strv repo_digests;
	char *parent;
	char *created; /* RFC 3339, as given */
	char *author;
	char *architecture;
	char *os;
	int64_t size;
	struct api_image_config config;
	struct api_strv layers; /* RootFS.Layers, bottom first */
	char *raw;		/* the whole body, for a JSON view */
};

char *api_image_inspect_path(const char *name);
api_code api_image_inspect_parse(const char *json, size_t len,
				 struct api_image_inspect *out,
				 struct api_error *err);
api_code api_image_inspect(struct api_client *c, const char *name,
			   struct api_image_inspect *out,
			   struct api_error *err);
void api_image_inspect_free(struct api_image_inspect *img);

#endif
