#ifndef BERTH_POSTURE_DOCKERFILE_WORDS_H
#define BERTH_POSTURE_DOCKERFILE_WORDS_H

#include <stddef.h>

#include "posture/dockerfile.h"

/* The words of ENV, LABEL, ARG and FROM lines as the builder reads them,
 * and the build args they are read with. */

/* Build args in scope: names and values, owned; the first 64. */
struct df_vars {
	char *k[64], *v[64];
	size_t n;
};

void df_vars_clear(struct df_vars *s);
const char *df_vars_get(const struct df_vars *s, const char *k, size_t n);
/* Sets k (kn bytes) to v ("" for NULL); -1 when out of memory. */
int df_vars_set(struct df_vars *s, const char *k, size_t kn, const char *v);

/* The next word at *p, quotes and backslashes removed (free it); NULL at
 * the end, or when out of memory with *nomem set. */
char *df_next_word(const char **p, int *nomem);
/* $NAME, ${NAME}, ${NAME:-default} replaced from a (free it). */
char *df_subst(const char *s, const struct df_vars *a);

/* 1 when in is the instruction cmd ("RUN"). */
int df_is(const struct df_instr *in, const char *cmd);
/* The words after an instruction's --flags (--platform, --mount ...). */
const char *df_after_flags(const char *a);

#endif
