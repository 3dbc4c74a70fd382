#ifndef BERTH_POSTURE_PATHSET_H
#define BERTH_POSTURE_PATHSET_H

#include <stddef.h>
#include <stdint.h>

/* A set of paths with a few flag bits each, for applying a layer
 * stack's whiteouts: open addressing over borrowed strings (the caller
 * keeps them alive), growing as it fills.  Each flag bit remembers the
 * layer that set it last, and each path holds one number of the
 * caller's (val). */

#define PATHSET_BITS 4
#define PATHSET_NONE UINT32_MAX

struct pathset_slot {
	const char *key;
	size_t len;
	unsigned flags;
	uint32_t at[PATHSET_BITS]; /* per bit: the layer that set it last */
	size_t val;
};

struct pathset {
	struct pathset_slot *slots;
	size_t cap, n;
};

/* ORs flags into the path's (adding it), each bit noting layer; -1
 * when out of memory. */
int pathset_mark(struct pathset *s, const char *key, size_t len, unsigned flags,
		 uint32_t layer);
/* The path's flags, 0 when absent. */
unsigned pathset_get(const struct pathset *s, const char *key, size_t len);
/* The layer that last set bit (an index < PATHSET_BITS) of the path,
 * PATHSET_NONE when the bit is not set. */
uint32_t pathset_at(const struct pathset *s, const char *key, size_t len,
		    unsigned bit);
/* The path's number, the slot added with val 0 when absent; NULL when
 * out of memory. */
size_t *pathset_val(struct pathset *s, const char *key, size_t len);
void pathset_free(struct pathset *s);

#endif
