#include "model/layer_tree.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Paths in tree order: '/' before every other byte, so a directory's
 * subtree follows it without a gap ("a", "a/b", "a-b"). */
static int tree_cmp(const char *a, const char *b)
{
	for (; *a && *a == *b; a++, b++)
		;
	if (*a == *b)
		return 0;
	if (!*a)
		return -1;
	if (!*b)
		return 1;
	if (*a == '/')
		return -1;
	if (*b == '/')
		return 1;
	return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
}

struct cand {
	const struct pic_file *f;
	uint32_t layer;
};

static int cand_cmp(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;
	int c = tree_cmp(a->f->path, b->f->path);

	/* one path from two layers (directories merge): the upper first,
	 * the lower dropped */
	if (c == 0)
		return a->layer > b->layer ? -1 : a->layer < b->layer;
	return c;
}

/* What the stack of layers 0..layer holds. */
static struct cand *candidates(const struct posture_image_contents *ic,
			       size_t layer, size_t *n)
{
	struct cand *c;
	size_t i, j, k = 0, total = 0;

	for (i = 0; i <= layer && i < ic->n_layers; i++)
		total += ic->layers[i].n;
	c = malloc((total ? total : 1) * sizeof(*c));
	if (!c)
		return NULL;
	for (i = 0; i <= layer && i < ic->n_layers; i++)
		for (j = 0; j < ic->layers[i].n; j++) {
			const struct pic_file *f = &ic->layers[i].files[j];

			if (f->type == PIC_WHITEOUT || f->type == PIC_OPAQUE ||
			    (f->hider != UINT32_MAX && f->hider <= layer) ||
			    !f->path[0])
				continue;
			c[k].f = f;
			c[k++].layer = (uint32_t)i;
		}
	qsort(c, k, sizeof(*c), cand_cmp);
	*n = k;
	return c;
}

static int push_node(struct layer_tree *t, size_t *cap, const char *path,
		     const struct pic_file *f, uint32_t layer)
{
	struct lt_node *nd;
	const char *slash = strrchr(path, '/');

	if (t->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 1024;
		nd = realloc(t->nodes, nc * sizeof(*nd));
		if (!nd)
			return -1;
		t->nodes = nd;
		*cap = nc;
	}
	nd = &t->nodes[t->n++];
	memset(nd, 0, sizeof(*nd));
	nd->path = path;
	nd->name = slash ? slash + 1 : path;
	nd->size = f ? f->size : 0;
	nd->mode = f ? f->mode : 0755;
	nd->type = f ? f->type : PIC_DIR;
	nd->layer = f ? layer : UINT32_MAX;
	nd->parent = LT_NONE;
	return 0;
}

/* The directory path's node was not among the entries: made up. */
static int made_dir(struct layer_tree *t, size_t *cap, const char *path,
		    size_t len)
{
	char **m = realloc(t->made, (t->n_made + 1) * sizeof(*m));
	char *p;

	if (!m)
		return -1;
	t->made = m;
	p = strndup(path, len);
	if (!p)
		return -1;
	m[t->n_made++] = p;
	return push_node(t, cap, p, NULL, 0);
}

/* Is node a (a directory) an ancestor of path? */
static int holds(const char *dir, const char *path)
{
	size_t n = strlen(dir);

	return strncmp(dir, path, n) == 0 && path[n] == '/';
}

/* The nodes in tree order, with the directories no entry names. */
static int place(struct layer_tree *t, const struct cand *c, size_t n)
{
	size_t cap = 0, i, depth = 0, stack[256];

	for (i = 0; i < n; i++) {
		const char *p = c[i].f->path, *s;

		if (i > 0 && strcmp(p, c[i - 1].f->path) == 0)
			continue; /* the lower of a merged directory */
		while (depth > 0 && !holds(t->nodes[stack[depth - 1]].path, p))
			depth--;
		/* the components between the open directory and p */
		s = depth ? p + strlen(t->nodes[stack[depth - 1]].path) + 1 : p;
		for (s = strchr(s, '/'); s; s = strchr(s + 1, '/')) {
			if (made_dir(t, &cap, p, (size_t)(s - p)) != 0)
				return -1;
			if (depth < 256)
				stack[depth++] = t->n - 1;
		}
		if (push_node(t, &cap, p, c[i].f, c[i].layer) != 0)
			return -1;
		if (c[i].f->type == PIC_DIR && depth < 256)
			stack[depth++] = t->n - 1;
	}
	return 0;
}

/* Parents, depths, subtree ends, last children and directory sizes. */
static void link_nodes(struct layer_tree *t)
{
	size_t i, stack[256], depth = 0;

	for (i = 0; i < t->n; i++) {
		struct lt_node *nd = &t->nodes[i];

		while (depth > 0 &&
		       !holds(t->nodes[stack[depth - 1]].path, nd->path)) {
			t->nodes[stack[depth - 1]].end = i;
			depth--;
		}
		nd->parent = depth ? stack[depth - 1] : LT_NONE;
		nd->depth = (uint32_t)depth;
		nd->end = i + 1;
		if (nd->type == PIC_DIR && depth < 256)
			stack[depth++] = i;
	}
	while (depth > 0)
		t->nodes[stack[--depth]].end = t->n;
	/* bottom up, so a directory's size holds its subdirectories' */
	for (i = t->n; i-- > 0;)
		if (t->nodes[i].parent != LT_NONE)
			t->nodes[t->nodes[i].parent].size += t->nodes[i].size;
}

/* Which shown row is the last of its parent's, for the branches. */
static int mark_last(struct layer_tree *t)
{
	unsigned char *later = calloc(t->n + 1, 1);
	size_t r;

	if (!later)
		return -1;
	for (r = t->n_rows; r-- > 0;) {
		struct lt_node *nd = &t->nodes[t->rows[r]];
		size_t p = nd->parent == LT_NONE ? t->n : nd->parent;

		nd->last = !later[p];
		later[p] = 1;
	}
	free(later);
	return 0;
}

int lt_build(struct layer_tree *t, const struct posture_image_contents *ic,
	     size_t layer)
{
	struct cand *c;
	size_t n;
	int rc;

	memset(t, 0, sizeof(*t));
	t->layer = layer;
	c = candidates(ic, layer, &n);
	if (!c)
		return -1;
	rc = place(t, c, n);
	free(c);
	if (rc == 0) {
		link_nodes(t);
		rc = lt_rows(t);
	}
	if (rc != 0)
		lt_free(t);
	return rc;
}

static int self_kept(const struct layer_tree *t, const struct lt_node *nd)
{
	if (t->only_changes && nd->layer != t->layer)
		return 0;
	return !t->search[0] || strcasestr(nd->path, t->search) != NULL;
}

int lt_rows(struct layer_tree *t)
{
	int filtering = t->only_changes || t->search[0];
	size_t i, *rows;

	t->filtering = filtering;
	for (i = 0; i < t->n; i++)
		t->nodes[i].keep = 0;
	for (i = t->n; i-- > 0;) {
		struct lt_node *nd = &t->nodes[i];

		if (self_kept(t, nd))
			nd->keep = 1;
		if (nd->keep && nd->parent != LT_NONE)
			t->nodes[nd->parent].keep = 1;
	}
	rows = realloc(t->rows, (t->n ? t->n : 1) * sizeof(*rows));
	if (!rows)
		return -1;
	t->rows = rows;
	t->n_rows = 0;
	for (i = 0; i < t->n;) {
		const struct lt_node *nd = &t->nodes[i];

		if (!nd->keep) {
			i = nd->end; /* nothing below it is kept either */
			continue;
		}
		rows[t->n_rows++] = i;
		i = nd->collapsed && !filtering ? nd->end : i + 1;
	}
	return mark_last(t);
}

void lt_toggle(struct layer_tree *t, size_t r)
{
	struct lt_node *nd;

	if (r >= t->n_rows)
		return;
	nd = &t->nodes[t->rows[r]];
	if (nd->type != PIC_DIR || nd->end == t->rows[r] + 1)
		return;
	nd->collapsed = !nd->collapsed;
	lt_rows(t);
}

void lt_free(struct layer_tree *t)
{
	size_t i;

	for (i = 0; i < t->n_made; i++)
		free(t->made[i]);
	free(t->made);
	free(t->nodes);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

void lt_mode_string(unsigned char type, unsigned mode, char out[11])
{
	static const char kinds[] = {'-', 'd', 'l', 'h', '?', 'w', 'o'};
	int i;

	out[0] = type < sizeof(kinds) ? kinds[type] : '?';
	for (i = 0; i < 9; i++)
		out[1 + i] = mode & (0400u >> i) ? "rwxrwxrwx"[i] : '-';
	if (mode & 04000)
		out[3] = out[3] == 'x' ? 's' : 'S';
	if (mode & 02000)
		out[6] = out[6] == 'x' ? 's' : 'S';
	if (mode & 01000)
		out[9] = out[9] == 'x' ? 't' : 'T';
	out[10] = '\0';
}
