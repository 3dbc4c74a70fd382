#include "posture/pathset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t hash(const char *k, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)k[i];
		h *= 1099511628211ull;
	}
	return (size_t)h;
}

static struct pathset_slot *find(struct pathset_slot *slots, size_t cap,
				 const char *k, size_t n)
{
	size_t i = hash(k, n) & (cap - 1);

	while (slots[i].key &&
	       !(slots[i].len == n && memcmp(slots[i].key, k, n) == 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(struct pathset *s)
{
	size_t nc = s->cap ? s->cap * 2 : 1024, i;
	struct pathset_slot *ns = calloc(nc, sizeof(*ns));

	if (!ns)
		return -1;
	for (i = 0; i < s->cap; i++)
		if (s->slots[i].key)
			*find(ns, nc, s->slots[i].key, s->slots[i].len) =
				s->slots[i];
	free(s->slots);
	s->slots = ns;
	s->cap = nc;
	return 0;
}

static struct pathset_slot *slot_of(struct pathset *s, const char *key,
				    size_t len)
{
	struct pathset_slot *slot;
	unsigned b;

	if ((s->n + 1) * 4 >= s->cap * 3 && grow(s) != 0)
		return NULL;
	slot = find(s->slots, s->cap, key, len);
	if (!slot->key) {
		slot->key = key;
		slot->len = len;
		for (b = 0; b < PATHSET_BITS; b++)
			slot->at[b] = PATHSET_NONE;
		s->n++;
	}
	return slot;
}

int pathset_mark(struct pathset *s, const char *key, size_t len, unsigned flags,
		 uint32_t layer)
{
	struct pathset_slot *slot = slot_of(s, key, len);
	unsigned b;

	if (!slot)
		return -1;
	slot->flags |= flags;
	for (b = 0; b < PATHSET_BITS; b++)
		if (flags & (1u << b))
			slot->at[b] = layer;
	return 0;
}

uint32_t pathset_at(const struct pathset *s, const char *key, size_t len,
		    unsigned bit)
{
	const struct pathset_slot *slot;

	if (!s->cap || bit >= PATHSET_BITS)
		return PATHSET_NONE;
	slot = find(s->slots, s->cap, key, len);
	return slot->key && (slot->flags & (1u << bit)) ? slot->at[bit]
							: PATHSET_NONE;
}

size_t *pathset_val(struct pathset *s, const char *key, size_t len)
{
	struct pathset_slot *slot = slot_of(s, key, len);

	return slot ? &slot->val : NULL;
}

unsigned pathset_get(const struct pathset *s, const char *key, size_t len)
{
	if (!s->cap)
		return 0;
	return find(s->slots, s->cap, key, len)->flags;
}

void pathset_free(struct pathset *s)
{
	free(s->slots);
	memset(s, 0, sizeof(*s));
}
