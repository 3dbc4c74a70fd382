#ifndef BERTH_POSTURE_IMAGE_CONTENTS_H
#define BERTH_POSTURE_IMAGE_CONTENTS_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/image_export.h"
#include "posture/pkgdb.h"

/*
 * What an image carries, read from its export: every layer's file
 * index (what dive shows), and the file system those layers make once
 * their whiteouts are applied: its OS, its installed packages, its
 * setuid and setgid files, the bytes upper layers hide.  Owned; freed
 * with posture_image_contents_free.
 */

enum pic_type {
	PIC_FILE,
	PIC_DIR,
	PIC_SYMLINK,
	PIC_HARDLINK,
	PIC_OTHER,
	PIC_WHITEOUT, /* ".wh.NAME": NAME of the layers below is gone */
	PIC_OPAQUE    /* ".wh..wh..opq": the directory's lower content is */
};

struct pic_file {
	char *path; /* the path it makes: for a whiteout, what it removes */
	int64_t size;
	unsigned mode;
	unsigned char type;   /* enum pic_type */
	unsigned char hidden; /* an upper layer replaced or removed it */
	uint32_t hider;	      /* the lowest such layer; UINT32_MAX: none
			       * (or not known: read from the cache) */
};

struct pic_layer {
	char *key;	  /* its name in the export */
	char *created_by; /* the history line that made it, if known */
	struct pic_file *files;
	size_t n, cap;
	int64_t size;	      /* bytes of its regular files */
	int64_t hidden_bytes; /* of those, what upper layers hide */
	/* files (not directories) it adds, changes (replaces one below)
	 * and removes (of the layers below), as dive counts them */
	size_t added, changed, removed;
};

struct pic_setuid {
	char *path;
	unsigned mode;
	size_t layer; /* index into layers */
};

#define PIC_MAX_FILES 1000000

struct posture_image_contents {
	char *id;
	struct pic_layer *layers; /* bottom first */
	size_t n_layers;
	int have_os; /* os holds an os-release */
	struct pkgdb_os os;
	const char *pkg_db; /* "dpkg", "apk", or NULL: none read */
	struct pkgdb_list pkgs;
	struct pic_setuid *setuid;
	size_t n_setuid;
	int64_t files;	/* entries in the final file system */
	int64_t size;	/* bytes of its regular files */
	int64_t wasted; /* bytes of lower files upper layers hide */
	int truncated;	/* more than PIC_MAX_FILES entries */
	/* dive's figures: its efficiency score (the smallest size each
	 * path had over the sum of all its sizes, in every layer) and its
	 * wasted bytes (every size of each path met more than once) */
	double efficiency;
	int64_t dive_wasted;
};

/* Reads the image's export (blocking on c) into *out (zeroed first).
 * On failure *out holds nothing to free. */
api_code posture_image_contents_read(struct api_client *c, const char *image,
				     struct posture_image_contents *out,
				     const volatile int *cancel,
				     struct api_error *err);
void posture_image_contents_free(struct posture_image_contents *ic);
/* dive's efficiency and wasted bytes into ic (posture/layer_stats.c),
 * from the layers' entries and who hides them; -1 when out of memory. */
int pic_dive_figures(struct posture_image_contents *ic);
/* Drops every layer's file list, keeping the facts judged from it. */
void posture_image_contents_slim(struct posture_image_contents *ic);

/* The collecting half, for tests and other sources of a walk: a
 * visitor that fills *ic, then pic_collect_finish orders the layers by
 * manifest.json's Layers (export order when there is none), marks what
 * upper layers hide and derives the final file system's facts.  Free
 * the collector after finish either way. */
struct pic_collect;
struct pic_collect *pic_collect_new(struct posture_image_contents *ic);
void pic_collect_visitor(struct pic_collect *k, struct api_export_visitor *v);
api_code pic_collect_finish(struct pic_collect *k, struct api_error *err);
void pic_collect_free(struct pic_collect *k);

#endif
