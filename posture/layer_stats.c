/* dive's two figures for an image, computed as dive computes them
 * (filetree.Efficiency): every leaf of every layer's tree (a file, a
 * link, a whiteout, a directory with nothing under it in that layer)
 * counts its size toward its path; a whiteout counts what it removed
 * when that was a directory, else nothing.  The score is the sum of
 * each path's smallest size over the sum of all of them; the wasted
 * bytes are all the sizes of each path met more than once.  Opaque
 * markers are no leaf here (dive fails on them). */
#include <stdlib.h>
#include <string.h>

#include "posture/image_contents.h"
#include "posture/pathset.h"

struct acc {
	int64_t cum, min;
	size_t n;
};

static int under(const char *p, const char *dir, size_t n)
{
	return strncmp(p, dir, n) == 0 && p[n] == '/';
}

/* What a whiteout in layer l removed: a directory's whole subtree as
 * the layers below stacked it, else nothing. */
static int64_t whiteout_size(const struct posture_image_contents *ic, size_t l,
			     const char *path)
{
	size_t n = strlen(path), i, j;
	int64_t sum = 0;
	int dir = 0;

	for (i = 0; i < l && !dir; i++)
		for (j = 0; j < ic->layers[i].n && !dir; j++) {
			const struct pic_file *f = &ic->layers[i].files[j];

			dir = f->type == PIC_DIR && f->hider == l &&
			      strcmp(f->path, path) == 0;
		}
	if (!dir)
		return 0;
	for (i = 0; i < l; i++)
		for (j = 0; j < ic->layers[i].n; j++) {
			const struct pic_file *f = &ic->layers[i].files[j];

			if (f->hider == l && under(f->path, path, n))
				sum += f->size;
		}
	return sum;
}

/* The directories of layer l that hold something in that layer. */
static int parents(const struct pic_layer *l, struct pathset *p)
{
	size_t j;

	for (j = 0; j < l->n; j++) {
		const char *s = strrchr(l->files[j].path, '/');

		if (s &&
		    pathset_mark(p, l->files[j].path,
				 (size_t)(s - l->files[j].path), 1, 0) != 0)
			return -1;
	}
	return 0;
}

static int add(struct pathset *m, struct acc **a, size_t *n, size_t *cap,
	       const char *path, int64_t size)
{
	size_t *v = pathset_val(m, path, strlen(path));
	struct acc *x;

	if (!v)
		return -1;
	if (*v == 0) {
		if (*n == *cap) {
			size_t nc = *cap ? *cap * 2 : 1024;
			x = realloc(*a, nc * sizeof(*x));
			if (!x)
				return -1;
			*a = x;
			*cap = nc;
		}
		(*a)[*n] = (struct acc){0, size, 0};
		*v = ++*n;
	}
	x = &(*a)[*v - 1];
	x->cum += size;
	if (size < x->min)
		x->min = size;
	x->n++;
	return 0;
}

int pic_dive_figures(struct posture_image_contents *ic)
{
	struct pathset m = {0}, p;
	struct acc *a = NULL;
	size_t n = 0, cap = 0, i, j;
	int64_t min = 0, cum = 0;
	int rc = 0;

	for (i = 0; rc == 0 && i < ic->n_layers; i++) {
		const struct pic_layer *l = &ic->layers[i];

		memset(&p, 0, sizeof(p));
		rc = parents(l, &p);
		for (j = 0; rc == 0 && j < l->n; j++) {
			const struct pic_file *f = &l->files[j];
			size_t len = strlen(f->path);

			if (f->type == PIC_OPAQUE ||
			    (f->type == PIC_DIR &&
			     pathset_get(&p, f->path, len)))
				continue;
			rc = add(&m, &a, &n, &cap, f->path,
				 f->type == PIC_WHITEOUT
					 ? whiteout_size(ic, i, f->path)
					 : f->size);
		}
		pathset_free(&p);
	}
	ic->dive_wasted = 0;
	for (i = 0; rc == 0 && i < n; i++) {
		min += a[i].min;
		cum += a[i].cum;
		if (a[i].n >= 2)
			ic->dive_wasted += a[i].cum;
	}
	ic->efficiency = cum ? (double)min / (double)cum : 1.0;
	free(a);
	pathset_free(&m);
	return rc;
}
