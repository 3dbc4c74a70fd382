#ifndef BERTH_POSTURE_CONTENTS_CACHE_H
#define BERTH_POSTURE_CONTENTS_CACHE_H

#include <stddef.h>
#include <stdio.h>

#include "posture/image_contents.h"

/*
 * An image's contents kept on disk, by image id: an image id is the
 * digest of its config, and its layers cannot change under it, so what
 * was read once holds for good.  One text file per image under
 * $XDG_CACHE_HOME/berth/images (else ~/.cache/berth/images), written
 * to a temporary name and renamed, so a reader never sees half of one.
 * Lines of tab-separated fields, each field %-escaped (%, tab, newline,
 * carriage return and every byte below 0x20):
 *
 *   berth-contents 2
 *   id ID / trunc 0|1 / os ID VERSION_ID CODENAME PRETTY / db dpkg|apk
 *   pkg NAME VERSION
 *   layer KEY CREATED_BY SIZE HIDDEN_BYTES ADDED CHANGED REMOVED
 *   f TYPE MODE SIZE HIDER PATH   (of the layer above; HIDER: the layer
 *                                  that replaces or removes it, or -)
 *   suid LAYER MODE PATH
 *   sum FILES SIZE WASTED EFFICIENCY DIVE_WASTED
 *   end
 */

/* The cache directory (created on demand by save); NULL when no home
 * can be told.  Free it. */
char *contents_cache_dir(void);

/* Loads image id's contents from dir into *out.  0 when found and
 * whole; -1 when absent, damaged or of another version (then *out
 * holds nothing). */
int contents_cache_load(const char *dir, const char *id,
			struct posture_image_contents *out);
/* Parses a cache file's text; the same results. */
int contents_cache_parse(const char *text, size_t len,
			 struct posture_image_contents *out);

/* Image id's contents: from the cache in dir when there, else read from
 * the export (blocking on c) and saved there; dir NULL: no cache.
 * *cached says which (may be NULL). */
api_code contents_cache_get(struct api_client *c, const char *dir,
			    const char *id, struct posture_image_contents *out,
			    int *cached, struct api_error *err);

/* Writes ic (whose id names the file) into dir; 0, or -1 (the cache is
 * only a saving: a failure loses nothing). */
int contents_cache_save(const char *dir,
			const struct posture_image_contents *ic);
/* The text form, to out. */
int contents_cache_write(FILE *out, const struct posture_image_contents *ic);

#endif
