#ifndef BERTH_MODEL_LAYER_TREE_H
#define BERTH_MODEL_LAYER_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "posture/image_contents.h"

/*
 * The file system an image's layers make, up to one of them, as a tree
 * (what dive draws): every path that layer's stack holds, directories
 * before what they hold, each with the layer it comes from, its size
 * (a directory's: all below it), mode and type.  Directories no entry
 * names (a layer that adds /a/b/c without /a) are made up.  The rows
 * shown follow the collapsed directories, a search and "this layer's
 * changes only".  The nodes borrow the contents' paths.
 */

#define LT_NONE ((size_t)-1)

struct lt_node {
	const char *path;
	const char *name; /* its last component, inside path */
	int64_t size;
	unsigned mode;
	unsigned char type; /* enum pic_type */
	unsigned char last; /* the last shown child of its parent */
	unsigned char collapsed;
	unsigned char keep; /* passes the search and the changes filter */
	uint32_t layer;	    /* where it comes from; UINT32_MAX: made up */
	uint32_t depth;	    /* 0 for a top-level entry */
	size_t parent;	    /* LT_NONE at the top */
	size_t end;	    /* one past the last node below it */
};

struct layer_tree {
	struct lt_node *nodes;
	size_t n;
	char **made; /* the made-up directories' paths */
	size_t n_made;
	size_t *rows; /* the node of each row shown */
	size_t n_rows;
	size_t layer;	  /* the stack of layers 0..layer */
	int only_changes; /* only what that layer adds or changes */
	char search[128]; /* "" for none; a substring of the path */
	int filtering;	  /* a search or the changes filter is on */
};

/* Builds the tree of ic's layers 0..layer (zeroes *t first; the
 * contents must hold their file lists and outlive t).  -1 when out of
 * memory (t then holds nothing). */
int lt_build(struct layer_tree *t, const struct posture_image_contents *ic,
	     size_t layer);
/* Recomputes the rows after collapsing, a search or the changes filter
 * changed; -1 when out of memory.  A search or the filter shows every
 * match, collapsed directories opened. */
int lt_rows(struct layer_tree *t);
/* Opens or closes the directory of row r. */
void lt_toggle(struct layer_tree *t, size_t r);
void lt_free(struct layer_tree *t);

/* "drwxr-xr-x", setuid and setgid as 's' (or 'S'), into out[11]. */
void lt_mode_string(unsigned char type, unsigned mode, char out[11]);

#endif
