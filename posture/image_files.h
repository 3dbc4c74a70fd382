#ifndef BERTH_POSTURE_IMAGE_FILES_H
#define BERTH_POSTURE_IMAGE_FILES_H

#include <stddef.h>
#include <stdint.h>

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

#endif
