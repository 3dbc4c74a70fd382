#ifndef BERTH_POSTURE_PATHSET_H
#define BERTH_POSTURE_PATHSET_H

#include <stddef.h>

/* A set of paths with a few flag bits each, for applying a layer
 * stack's whiteouts: open addressing over borrowed strings (the caller
 * keeps them alive), growing as it fills. */

struct pathset_slot {
	const char *key;
	size_t len;
	unsigned flags;
};

struct pathset {
	struct pathset_slot *slots;
	size_t cap, n;
};

/* ORs flags into the path's (adding it); -1 when out of memory. */
int pathset_mark(struct pathset *s, const char *key, size_t len,
		 unsigned flags);
/* The path's flags, 0 when absent. */
unsigned pathset_get(const struct pathset *s, const char *key, size_t len);
void pathset_free(struct pathset *s);

#endif
