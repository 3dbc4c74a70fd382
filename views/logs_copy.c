/* Copying from the logs pane to the terminal's clipboard (OSC 52): the
 * current line, the marked range, or every line the filter shows.  The
 * text is each line as sanitized for the screen, so no byte a container
 * wrote reaches the clipboard as a control; one line per line, the
 * program's own text (raw JSON, not the fields view). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/clipboard.h"
#include "tui/sanitize.h"
#include "views/logs.h"

struct copy {
	char *b;
	size_t len, lines;
	int cut; /* lines left out: the cap was reached */
};

uint64_t logs_current(const struct logs_pane *p)
{
	const struct sb_line *l;

	if (p->cur != SB_NONE && (l = sb_get(&p->sb, p->cur)) != NULL)
		return p->cur;
	return sb_get(&p->sb, p->bottom) ? p->bottom : SB_NONE;
}

/* The buffer holds the sanitized text before it is cut to CLIP_MAX
 * (sanitizing can triple a line). */
#define BUF_MAX (3 * CLIP_MAX + 2)

/* Appends line q; -1 when the text is already past the cap. */
static int add(const struct logs_pane *p, struct copy *c, uint64_t q)
{
	const struct sb_line *l = sb_get(&p->sb, q);

	if (!l)
		return 0;
	if (c->len > CLIP_MAX || 3 * (size_t)l->len + 2 > BUF_MAX - c->len) {
		c->cut = 1;
		return -1;
	}
	if (c->lines)
		c->b[c->len++] = '\n';
	c->len += term_sanitize(sb_line_text(l), l->len, c->b + c->len,
				BUF_MAX - c->len);
	c->lines++;
	return 0;
}

/* Over the cap: the oldest lines go, whole. */
static void trim(struct copy *c)
{
	char *nl;
	size_t drop;

	while (c->len > CLIP_MAX && c->lines > 1 &&
	       (nl = memchr(c->b, '\n', c->len)) != NULL) {
		drop = (size_t)(nl - c->b) + 1;
		memmove(c->b, nl + 1, c->len - drop);
		c->len -= drop;
		c->lines--;
		c->cut = 1;
	}
	if (c->len > CLIP_MAX) { /* one line alone over it: its start */
		c->len = CLIP_MAX;
		while (c->len && ((unsigned char)c->b[c->len] & 0xc0) == 0x80)
			c->len--;
		c->cut = 1;
	}
}

static void deliver(struct logs_pane *p, struct copy *c, const char *what)
{
	trim(c);
	if (!c->lines) {
		app_status(p->a, "nothing to copy");
	} else if (clip_copy(STDOUT_FILENO, c->b, c->len) != 0) {
		app_error(p->a, "copy: the terminal could not be written");
	} else {
		app_status(p->a,
			   "copied %s: %zu line%s, %zu bytes, to the "
			   "terminal's clipboard (OSC 52)%s",
			   what, c->lines, c->lines == 1 ? "" : "s", c->len,
			   c->cut ? "; cut to the newest 256 KiB" : "");
	}
	free(c->b);
}

static int start(struct logs_pane *p, struct copy *c)
{
	memset(c, 0, sizeof(*c));
	if ((c->b = malloc(BUF_MAX)) == NULL) {
		app_error(p->a, "copy: out of memory");
		return -1;
	}
	return 0;
}

int logs_span_of(struct logs_pane *p, int whole, struct logs_span *sp)
{
	uint64_t q = logs_current(p);

	sp->fold = p->filter.fold;
	p->filter.fold = 0; /* folded lines are part of what is taken */
	if (p->mark != SB_NONE && sb_get(&p->sb, p->mark) && q != SB_NONE) {
		sp->a = p->mark < q ? p->mark : q;
		sp->b = p->mark < q ? q : p->mark;
		sp->what = "the marked lines";
	} else if (whole) {
		sp->a = sb_next(&p->sb, &p->filter, SB_NONE, 1);
		sp->b = sb_next(&p->sb, &p->filter, SB_NONE, -1);
		sp->what = p->filter.active || p->hidden ? "the filtered lines"
							 : "every line";
	} else if (q != SB_NONE) {
		/* a folded entry's first line: the whole entry */
		sp->a = q;
		sp->b = sp->fold ? logs_fold_last(p, q) : q;
		sp->what = sp->b != q ? "the entry" : "the line";
	} else {
		sp->a = sp->b = SB_NONE;
	}
	if (sp->a == SB_NONE || sp->b == SB_NONE) {
		p->filter.fold = sp->fold;
		return -1;
	}
	return 0;
}

void logs_span_done(struct logs_pane *p, const struct logs_span *sp)
{
	p->filter.fold = sp->fold;
	p->mark = SB_NONE;
}

/* The span's lines the filter passes; over the cap, the newest. */
static void collect(const struct logs_pane *p, struct copy *c,
		    const struct logs_span *sp)
{
	uint64_t q, from = SB_NONE;
	const struct sb_line *l;
	size_t est = 0;

	for (q = sp->b; q != SB_NONE && q >= sp->a;
	     q = sb_next(&p->sb, &p->filter, q, -1)) {
		if ((l = sb_get(&p->sb, q)) == NULL)
			break;
		est += (size_t)l->len + 1;
		if (est > CLIP_MAX && from != SB_NONE) {
			c->cut = 1;
			break;
		}
		from = q;
	}
	for (q = from; q != SB_NONE && q <= sp->b && add(p, c, q) == 0;)
		q = sb_next(&p->sb, &p->filter, q, 1);
}

static void copy_span(struct logs_pane *p, int whole)
{
	struct logs_span sp;
	struct copy c;

	if (logs_span_of(p, whole, &sp) != 0) {
		app_status(p->a, "nothing to copy");
		return;
	}
	if (start(p, &c) == 0) {
		collect(p, &c, &sp);
		deliver(p, &c, sp.what);
	}
	logs_span_done(p, &sp);
}

void logs_copy(struct logs_pane *p)
{
	copy_span(p, 0);
}

void logs_copy_view(struct logs_pane *p)
{
	copy_span(p, 1);
}

void logs_mark(struct logs_pane *p)
{
	uint64_t q = logs_current(p);

	if (q == SB_NONE) {
		app_status(p->a, "no line to mark");
		return;
	}
	p->mark = q;
	p->cur = q;
	p->follow = 0;
	app_status(p->a, "marked: j/k move the other end, y copies the "
			 "lines between, Esc drops the mark");
}
