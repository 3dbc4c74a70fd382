/* Folding in the logs pane: a line that continues the one before (see
 * model/log_fold) hides under its entry's first line, which says how
 * many it holds; z opens or folds the current entry, Z turns folding on
 * or off.  An open entry's lines carry SB_OPEN; those arriving later
 * take it from the line before them (logs_src). */
#include "views/logs.h"

#define WALK 100000 /* lines looked through for one entry, at most */

/* The next (dir 1) or previous (-1) line of the same container as l,
 * within a few lines of others interleaved; SB_NONE when none. */
static uint64_t sibling(const struct logs_pane *p, uint64_t q, int dir,
			unsigned src)
{
	const struct sb_line *l;
	int k;

	for (k = 0; k < 64; k++) {
		if (dir > 0 ? q + 1 >= sb_end(&p->sb) : q <= sb_begin(&p->sb))
			return SB_NONE;
		q = dir > 0 ? q + 1 : q - 1;
		if ((l = sb_get(&p->sb, q)) != NULL && l->src == src)
			return q;
	}
	return SB_NONE;
}

uint64_t logs_fold_head(const struct logs_pane *p, uint64_t q)
{
	const struct sb_line *l = sb_get(&p->sb, q);
	uint64_t prev;
	int k;

	for (k = 0; l && (l->flags & SB_CONT) && k < WALK; k++) {
		if ((prev = sibling(p, q, -1, l->src)) == SB_NONE)
			break;
		q = prev;
		l = sb_get(&p->sb, q);
	}
	return q;
}

/* The entry's lines after head: how many, and the last one's number. */
static size_t entry(const struct logs_pane *p, uint64_t head, uint64_t *last)
{
	const struct sb_line *h = sb_get(&p->sb, head), *l;
	uint64_t q = head;
	size_t n = 0;

	*last = head;
	if (!h)
		return 0;
	while (n < WALK && (q = sibling(p, q, 1, h->src)) != SB_NONE &&
	       (l = sb_get(&p->sb, q)) != NULL && (l->flags & SB_CONT)) {
		n++;
		*last = q;
	}
	return n;
}

size_t logs_fold_count(const struct logs_pane *p, uint64_t head)
{
	uint64_t last;

	return entry(p, head, &last);
}

uint64_t logs_fold_last(const struct logs_pane *p, uint64_t head)
{
	uint64_t last;
	const struct sb_line *h = sb_get(&p->sb, head);

	/* an open entry is shown line by line: the line alone */
	if (!h || (h->flags & (SB_CONT | SB_OPEN)))
		return head;
	entry(p, head, &last);
	return last;
}

static void set_open(struct logs_pane *p, uint64_t head, int open)
{
	struct sb_line *l = sb_get(&p->sb, head);
	unsigned src;
	uint64_t q = head;
	size_t n = 0;

	if (!l)
		return;
	src = l->src;
	do {
		l->flags = (uint8_t)(open ? l->flags | SB_OPEN
					  : l->flags & ~SB_OPEN);
		q = sibling(p, q, 1, src);
		l = q == SB_NONE ? NULL : sb_get(&p->sb, q);
	} while (l && (l->flags & SB_CONT) && ++n < WALK);
}

void logs_fold_reveal(struct logs_pane *p, uint64_t q)
{
	const struct sb_line *l = sb_get(&p->sb, q);

	if (l && (l->flags & (SB_CONT | SB_OPEN)) == SB_CONT)
		set_open(p, logs_fold_head(p, q), 1);
}

void logs_fold_toggle(struct logs_pane *p)
{
	uint64_t q = logs_current(p), head;
	const struct sb_line *h;
	size_t n;

	if (q == SB_NONE) {
		app_status(p->a, "no line");
		return;
	}
	head = logs_fold_head(p, q);
	n = logs_fold_count(p, head);
	if (!n || (h = sb_get(&p->sb, head)) == NULL) {
		app_status(p->a, "not a multi-line entry");
		return;
	}
	set_open(p, head, !(h->flags & SB_OPEN));
	app_status(p->a, "%s: %zu more line%s",
		   h->flags & SB_OPEN ? "open" : "folded", n,
		   n == 1 ? "" : "s");
	p->cur = head;
	p->follow = 0;
}

void logs_fold_all(struct logs_pane *p)
{
	p->fold = !p->fold;
	p->filter.fold = p->fold;
	app_status(p->a, "multi-line entries: %s",
		   p->fold ? "folded (z opens one)" : "every line shown");
}
