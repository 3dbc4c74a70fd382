#ifndef BERTH_API_VOLUMES_H
#define BERTH_API_VOLUMES_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"
#include "api/query.h"

/*
 * Volumes: list, inspect, remove and prune, each with a path builder, a
 * pure parser and a blocking wrapper.  Absent strings are NULL.
 */

struct api_volume {
	char *name;
	char *driver;
	char *mountpoint;
	char *created_at; /* RFC 3339, as given */
	char *scope;	  /* "local" or "global" */
	struct api_kvlist labels;
	struct api_kvlist options;
	/* UsageData: only /system/df fills it; -1 when absent. */
	int64_t usage_size;
	int64_t usage_ref_count;
};

/* GET /volumes */
struct api_volume_list {
	struct api_volume *items;
	size_t n;
	struct api_strv warnings;
};

char *api_volumes_list_path(const struct api_filter *filters, size_t n_filters);
api_code api_volumes_list_parse(const char *json, size_t len,
				struct api_volume_list *out,
				struct api_error *err);
api_code api_volumes_list(struct api_client *c,
			  const struct api_filter *filters, size_t n_filters,
			  struct api_volume_list *out, struct api_error *err);
void api_volume_list_free(struct api_volume_list *l);

/* GET /volumes/{name} */
char *api_volume_inspect_path(const char *name);
api_code api_volume_inspect_parse(const char *json, size_t len,
				  struct api_volume *out,
				  struct api_error *err);
api_code api_volume_inspect(struct api_client *c, const char *name,
			    struct api_volume *out, struct api_error *err);
void api_volume_free(struct api_volume *v);

/* DELETE /volumes/{name}: the engine answers 204 with no body, or 409
 * with its reason when the volume is in use. */
char *api_volume_remove_path(const char *name, int force);
api_code api_volume_remove(struct api_client *c, const char *name, int force,
			   struct api_error *err);

/* POST /volumes/prune.  From API 1.42 only anonymous volumes go unless
 * the filter all=true is given; older engines prune named ones too and
 * refuse that filter as invalid. */
struct api_volume_prune {
	struct api_strv deleted; /* volume names */
	uint64_t space_reclaimed;
};

char *api_volumes_prune_path(const struct api_filter *filters,
			     size_t n_filters);
api_code api_volumes_prune_parse(const char *json, size_t len,
				 struct api_volume_prune *out,
				 struct api_error *err);
api_code api_volumes_prune(struct api_client *c,
			   const struct api_filter *filters, size_t n_filters,
			   struct api_volume_prune *out, struct api_error *err);
void api_volume_prune_free(struct api_volume_prune *p);

#endif
