#ifndef BERTH_MODEL_JSONTREE_H
#define BERTH_MODEL_JSONTREE_H

#include <stddef.h>

#include "api/error.h"

/*
 * A JSON document flattened into display lines for the inspect pane:
 * one node per value in document order, objects and arrays foldable.
 * The nodes and all their text are allocated once per document (two
 * blocks); folding, unfolding and searching allocate nothing.  No curses
 * here, so the unit tests and the fuzzer drive it directly.
 */

#define JT_NONE ((size_t)-1)

enum jt_kind {
	JT_NULL,
	JT_BOOL,
	JT_NUMBER,
	JT_STRING,
	JT_ARRAY,
	JT_OBJECT,
};

struct jt_node {
	const char *key;   /* object member name; NULL in arrays and root */
	const char *value; /* scalars: "\"text\"", "12", "true", "null" */
	size_t parent;	   /* JT_NONE for the root */
	size_t children;   /* direct children of an array or object */
	size_t subtree;	   /* nodes below it, to skip a folded one */
	long index;	   /* position in the parent array, else -1 */
	int depth;	   /* the root is 0 */
	enum jt_kind kind;
	int folded;
	int match; /* set by jt_search */
};

struct jsontree {
	struct jt_node *nodes;
	size_t n;
	char *text;	 /* every key and value, NUL-separated */
	size_t *lines;	 /* visible node indices, n entries of room */
	size_t nlines;	 /* how many are visible */
	size_t nmatches; /* of the last jt_search */
};

/* Containers deeper than this start folded: the root and its children
 * are open, so the first two levels show. */
#define JT_OPEN_DEPTH 2

/* A container's line text: "{3 keys" when open, "[\u2026] 2 items" when
 * folded ("..." without utf8). */
void jt_summary(const struct jt_node *n, int utf8, char *buf, size_t len);
/* The string member key of the root object, unquoted, into buf ("" when
 * there is none). */
void jt_top_string(const struct jsontree *t, const char *key, char *buf,
		   size_t len);

/* Parses json (len bytes, need not be NUL-terminated) and flattens it
 * into out, which the caller zeroes or jt_free()s first. */
api_code jt_parse(const char *json, size_t len, struct jsontree *out,
		  struct api_error *err);
/* Safe on a zeroed tree and twice. */
void jt_free(struct jsontree *t);

int jt_is_container(const struct jt_node *n);

/* The visible lines: a container root is not shown, its members are. */
size_t jt_lines(const struct jsontree *t);
/* The node shown at line i, JT_NONE when out of range. */
size_t jt_line_node(const struct jsontree *t, size_t line);
/* The line showing node, JT_NONE when it is hidden in a folded parent. */
size_t jt_node_line(const struct jsontree *t, size_t node);

/* Return 1 when the visible lines changed. */
int jt_fold(struct jsontree *t, size_t node);
int jt_unfold(struct jsontree *t, size_t node);
int jt_toggle(struct jsontree *t, size_t node);
/* A new version of the same document keeps the folds of the old one
 * when its shape (node count and kinds) did not change. */
void jt_copy_folds(const struct jsontree *from, struct jsontree *to);
/* Unfolds every ancestor of node so that it shows. */
int jt_reveal(struct jsontree *t, size_t node);

/* Marks every node whose key or value contains needle (ASCII case
 * folded); NULL or "" clears the marks.  Returns the number marked. */
size_t jt_search(struct jsontree *t, const char *needle);
/* The next marked node from start (included) going dir (+1 or -1),
 * wrapping around; JT_NONE when none is marked. */
size_t jt_find(const struct jsontree *t, size_t start, int dir);
/* The lines showing a marked node, into out (at most max); returns how
 * many visible lines match in all. */
size_t jt_match_lines(const struct jsontree *t, size_t *out, size_t max);
/* 1-based rank of node among the marked ones (0 if it is not marked). */
size_t jt_match_rank(const struct jsontree *t, size_t node);

#endif
