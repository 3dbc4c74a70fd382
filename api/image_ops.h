#ifndef BERTH_API_IMAGE_OPS_H
#define BERTH_API_IMAGE_OPS_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"
#include "api/query.h"

/* Image history, removal and pruning; see api/images.h. */

/* GET /images/{name}/history, newest layer first. */
struct api_image_history_entry {
	char *id; /* "<missing>" for layers pulled without their config */
	int64_t created;
	char *created_by;
	struct api_strv tags;
	int64_t size;
	char *comment;
};

struct api_image_history {
	struct api_image_history_entry *items;
	size_t n;
};

char *api_image_history_path(const char *name);
api_code api_image_history_parse(const char *json, size_t len,
				 struct api_image_history *out,
				 struct api_error *err);
api_code api_image_history(struct api_client *c, const char *name,
			   struct api_image_history *out,
			   struct api_error *err);
void api_image_history_free(struct api_image_history *h);

/* One line of DELETE /images/{name} or of a prune: exactly one is set. */
struct api_image_deleted {
	char *untagged;
	char *deleted;
};

struct api_image_deleted_list {
	struct api_image_deleted *items;
	size_t n;
};

char *api_image_remove_path(const char *name, int force, int noprune);
api_code api_image_remove_parse(const char *json, size_t len,
				struct api_image_deleted_list *out,
				struct api_error *err);
api_code api_image_remove(struct api_client *c, const char *name, int force,
			  int noprune, struct api_image_deleted_list *out,
			  struct api_error *err);
void api_image_deleted_list_free(struct api_image_deleted_list *l);

/* POST /images/prune; filters such as dangling=false, until, label. */
struct api_image_prune {
	struct api_image_deleted_list deleted;
	uint64_t space_reclaimed;
};

char *api_images_prune_path(const struct api_filter *filters, size_t n_filters);
api_code api_images_prune_parse(const char *json, size_t len,
				struct api_image_prune *out,
				struct api_error *err);
api_code api_images_prune(struct api_client *c,
			  const struct api_filter *filters, size_t n_filters,
			  struct api_image_prune *out, struct api_error *err);
void api_image_prune_free(struct api_image_prune *p);

#endif
