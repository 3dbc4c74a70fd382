/* The layers merged as the engine's overlay merges them, top down:
 * which file each upper layer hides (replaces, deletes, or removes with
 * a directory above it), each layer's added, changed and removed counts
 * and the bytes wasted as dive counts them; then what the merged file
 * system holds. */
#include "posture/image_merge.h"

#include <stdlib.h>
#include <string.h>

#include "api/error.h"
#include "posture/pathset.h"

/* The marks a layer leaves for those below it, one pathset bit each. */
enum { B_DIR, B_OTHER, B_GONE, B_OPAQUE };

static unsigned marks(const struct pic_file *f)
{
	switch (f->type) {
	case PIC_DIR:
		return 1u << B_DIR;
	case PIC_WHITEOUT:
		return 1u << B_GONE;
	case PIC_OPAQUE:
		return 1u << B_OPAQUE;
	default:
		return 1u << B_OTHER;
	}
}

static void lower(uint32_t *best, uint32_t at, int *replaced, int rep)
{
	if (at < *best) {
		*best = at;
		*replaced = rep;
	}
}

/* The lowest upper layer (marked in s) that hides f, PATHSET_NONE for
 * none; *replaced: it put something at f's own path (else it removed
 * f, or a directory above it). */
static uint32_t hider_of(const struct pathset *s, const struct pic_file *f,
			 int *replaced)
{
	const char *p = f->path;
	size_t n = strlen(p), i;
	uint32_t best = PATHSET_NONE;

	*replaced = 0;
	lower(&best, pathset_at(s, p, n, B_GONE), replaced, 0);
	lower(&best, pathset_at(s, p, n, B_OTHER), replaced, 1);
	if (f->type != PIC_DIR) /* directories merge */
		lower(&best, pathset_at(s, p, n, B_DIR), replaced, 1);
	for (i = n; i > 0; i--)
		if (p[i - 1] == '/') {
			lower(&best, pathset_at(s, p, i - 1, B_GONE), replaced,
			      0);
			lower(&best, pathset_at(s, p, i - 1, B_OPAQUE),
			      replaced, 0);
			lower(&best, pathset_at(s, p, i - 1, B_OTHER), replaced,
			      0);
		}
	return best;
}

static int is_content(const struct pic_file *f)
{
	return f->type != PIC_DIR && f->type != PIC_WHITEOUT &&
	       f->type != PIC_OPAQUE;
}

/* Top down: what each layer hides of those below it, and which layer
 * did (what it changed or removed).  Every entry marks, hidden or not:
 * a file a later layer deletes still replaced the one under it. */
api_code pic_apply_whiteouts(struct posture_image_contents *ic,
			     struct api_error *err)
{
	struct pathset s = {0};
	size_t i = ic->n_layers, j;
	int replaced;

	while (i-- > 0) {
		struct pic_layer *l = &ic->layers[i];

		for (j = 0; j < l->n; j++) {
			struct pic_file *f = &l->files[j];

			f->hider = PATHSET_NONE;
			if (f->type == PIC_WHITEOUT || f->type == PIC_OPAQUE)
				continue;
			f->hider = hider_of(&s, f, &replaced);
			f->hidden = f->hider != PATHSET_NONE;
			if (!f->hidden)
				continue;
			l->hidden_bytes += f->size;
			ic->wasted += f->size;
			if (is_content(f) && replaced)
				ic->layers[f->hider].changed++;
			else if (is_content(f))
				ic->layers[f->hider].removed++;
		}
		for (j = 0; j < l->n; j++)
			if (pathset_mark(&s, l->files[j].path,
					 strlen(l->files[j].path),
					 marks(&l->files[j]),
					 (uint32_t)i) != 0) {
				pathset_free(&s);
				return api_nomem(err);
			}
	}
	pathset_free(&s);
	for (i = 0; i < ic->n_layers; i++) {
		size_t n = 0;

		for (j = 0; j < ic->layers[i].n; j++)
			n += is_content(&ic->layers[i].files[j]);
		ic->layers[i].added = n - ic->layers[i].changed;
	}
	return API_OK;
}

api_code pic_final_files(struct posture_image_contents *ic,
			 struct api_error *err)
{
	size_t i, j;

	for (i = 0; i < ic->n_layers; i++)
		for (j = 0; j < ic->layers[i].n; j++) {
			const struct pic_file *f = &ic->layers[i].files[j];
			struct pic_setuid *s;

			if (f->hidden || f->type == PIC_WHITEOUT ||
			    f->type == PIC_OPAQUE || f->type == PIC_DIR)
				continue;
			ic->files++;
			ic->size += f->size;
			if (f->type != PIC_FILE || !(f->mode & 06000))
				continue;
			s = realloc(ic->setuid,
				    (ic->n_setuid + 1) * sizeof(*s));
			if (!s)
				return api_nomem(err);
			ic->setuid = s;
			s[ic->n_setuid].path = strdup(f->path);
			if (!s[ic->n_setuid].path)
				return api_nomem(err);
			s[ic->n_setuid].mode = f->mode;
			s[ic->n_setuid++].layer = i;
		}
	return API_OK;
}
