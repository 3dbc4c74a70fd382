#ifndef BERTH_API_CONTAINER_CHANGES_H
#define BERTH_API_CONTAINER_CHANGES_H

#include <stddef.h>

#include "api/client.h"
#include "api/error.h"

/*
 * GET /containers/{id}/changes: what a container's file system holds that
 * its image did not, as docker diff shows it.  The engine answers null
 * when nothing changed.
 */
enum api_change_kind {
	API_CHANGE_MODIFIED = 0, /* "C" */
	API_CHANGE_ADDED = 1,	 /* "A" */
	API_CHANGE_DELETED = 2,	 /* "D" */
};

struct api_change {
	char *path;
	int kind; /* enum api_change_kind; anything else as the engine sent */
};

struct api_changes {
	struct api_change *items;
	size_t n;
};

char *api_container_changes_path(const char *id);
api_code api_container_changes_parse(const char *json, size_t len,
				     struct api_changes *out,
				     struct api_error *err);
api_code api_container_changes(struct api_client *c, const char *id,
			       struct api_changes *out, struct api_error *err);
void api_changes_free(struct api_changes *l);

/* In path order: the engine's own order changes from call to call. */
void api_changes_sort(struct api_changes *l);

/* docker diff's letter for a kind: 'C', 'A', 'D', or '?'. */
char api_change_letter(int kind);

#endif
