#ifndef BERTH_MODEL_CONTENTS_STORE_H
#define BERTH_MODEL_CONTENTS_STORE_H

#include <stddef.h>

#include "api/error.h"
#include "posture/image_contents.h"

/*
 * What the posture knows of each image's contents (its OS, packages and
 * setuid files), by image id.  Asking for an image not known loads it
 * from the disk cache; one that is not there either is wanted: whoever
 * runs the store reads it from the engine (the console in the
 * background, berth posture in turn) and hands it over.  Only the
 * judged facts are kept: the layers' file lists are dropped, the cache
 * keeps them for the layers view.
 */

enum cs_state { CS_WANTED, CS_READING, CS_READY, CS_FAILED };

struct cs_entry {
	char *id;
	enum cs_state state;
	struct posture_image_contents ic; /* CS_READY */
	char error[160];		  /* CS_FAILED */
};

struct contents_store {
	char *cache_dir; /* NULL: no cache */
	struct cs_entry *items;
	size_t n, cap;
};

/* cache_dir is copied (NULL: none).  -1 when out of memory. */
int cts_init(struct contents_store *s, const char *cache_dir);
void cts_free(struct contents_store *s);

/* The image's contents when known; else NULL, and the image is wanted
 * (unless it failed before). */
const struct posture_image_contents *cts_get(struct contents_store *s,
					     const char *id);
/* Where the image stands; absent is CS_WANTED after cts_want.  why
 * (may be NULL) points at a failure's reason. */
int cts_state(struct contents_store *s, const char *id, const char **why);
/* (-1: never asked for) */
/* Wanted, even if it failed before (a person asked again). */
void cts_want(struct contents_store *s, const char *id);
/* The next wanted image (now being read), or NULL. */
const char *cts_next_wanted(struct contents_store *s);
/* A read ended: *ic is taken over (and saved to the cache) on API_OK,
 * else why it failed is kept and the image is not asked for again. */
void cts_done(struct contents_store *s, const char *id, api_code rc,
	      struct posture_image_contents *ic, const char *why);

#endif
