#include <stdio.h>
#include <string.h>

#include "posture/rules.h"
#include "tui/draw.h"
#include "tui/sanitize.h"
#include "tui/theme.h"
#include "views/risk.h"
#include "views/posture_impl.h"

/*
 * The host summary above the table and the selected container's findings
 * in the detail region.  Only stack buffers: nothing is allocated here.
 */

/* A line being filled left to right. */
struct pen {
	WINDOW *w;
	int y, x, end;
};

static void put(struct pen *p, const char *text, int slot)
{
	if (p->x < p->end)
		p->x += draw_text(p->w, p->y, p->x, p->end - p->x, text,
				  theme_attr((enum theme_slot)slot));
}

static int shown(const struct posture_view *d, int sev)
{
	return d->min_sev < 0 || sev >= d->min_sev;
}

static void summary_counts(struct posture_view *d, struct pen *p)
{
	char buf[96];
	size_t pending = pm_pending(&pv_scan(d)->m);
	int s;

	snprintf(buf, sizeof(buf), "score %d/100", pv_scan(d)->m.score);
	put(p, buf, TS_TITLE);
	for (s = POSTURE_SEV_COUNT - 1; s >= 0; s--) {
		snprintf(buf, sizeof(buf), "  %s %zu",
			 posture_severity_name((enum posture_severity)s),
			 pv_scan(d)->m.counts[s]);
		put(p, buf,
		    pv_scan(d)->m.counts[s] ? risk_sev_slot(s) : TS_DIM);
	}
	snprintf(buf, sizeof(buf), "  · %zu containers", pv_scan(d)->m.n);
	put(p, buf, TS_NORMAL);
	if (pending) {
		snprintf(buf, sizeof(buf), "  · inspecting %zu…", pending);
		put(p, buf, TS_DIM);
	}
	if (d->min_sev >= 0) {
		snprintf(buf, sizeof(buf), "  · %s and worse",
			 posture_severity_name(
				 (enum posture_severity)d->min_sev));
		put(p, buf, TS_MATCH);
	}
}

/* The engine's findings, as many as fit on lines lines. */
static void summary_engine(struct posture_view *d, WINDOW *w,
			   const struct rect *r, int y0, int lines)
{
	const struct posture_findings *f = &pv_scan(d)->m.engine;
	struct pen p = {w, y0, r->x, r->x + r->w};
	char buf[256];
	size_t i, left = 0;
	int tw;

	put(&p, "engine:", TS_HEADER);
	if (!pv_scan(d)->m.engine_judged) {
		put(&p, " checking…", TS_DIM);
		return;
	}
	/* the line names what counts: accepted risks are in the detail */
	for (i = 0; i < f->n; i++)
		left += shown(d, (int)f->items[i].severity) &&
			!posture_finding_accepted(&f->items[i]);
	if (!left) {
		put(&p, " no findings", TS_HEALTH_OK);
		return;
	}
	for (i = 0; i < f->n; i++) {
		const struct posture_finding *x = &f->items[i];
		if (!shown(d, (int)x->severity) || !x->rule ||
		    posture_finding_accepted(x))
			continue;
		snprintf(buf, sizeof(buf), " %s %s", x->rule->id,
			 x->rule->title);
		tw = text_width(buf) + 1;
		if (p.x + tw > p.end && p.y + 1 < y0 + lines) {
			p.y++;
			p.x = r->x + 7;
		} else if (p.x + tw > p.end) {
			snprintf(buf, sizeof(buf), " +%zu more", left);
			put(&p, buf, TS_DIM);
			return;
		}
		put(&p, " ", TS_NORMAL);
		put(&p, buf + 1, risk_sev_slot((int)x->severity));
		left--;
	}
}

int pv_draw_summary(struct posture_view *d, WINDOW *w, const struct rect *r)
{
	struct pen p = {w, r->y, r->x, r->x + r->w};
	int lines = r->h >= 14 ? 3 : r->h >= 5 ? 1 : 0, i;

	for (i = 0; i < lines; i++)
		draw_fill(w, r->y + i, r->x, r->w, theme_attr(TS_NORMAL));
	if (!lines || r->w <= 0)
		return 0;
	summary_counts(d, &p);
	if (lines > 1)
		summary_engine(d, w, r, r->y + 1, lines - 1);
	return lines;
}

/* The detail region, filled a line at a time. */
struct col {
	WINDOW *w;
	const struct rect *r;
	int y; /* lines used */
};

/* Word-wrapped text after an indent; 0 when it ran out of room. */
static int put_wrapped(struct col *c, const char *label, const char *text,
		       int slot)
{
	char raw[1200], clean[3 * sizeof(raw) + 1];
	size_t len, at = 0, next, n;
	int indent = 2, width = c->r->w - indent;

	if (width < 8)
		return c->y < c->r->h;
	snprintf(raw, sizeof(raw), "%s%s", label, text ? text : "");
	len = term_sanitize(raw, strlen(raw), clean, sizeof(clean));
	while (at < len) {
		if (c->y >= c->r->h)
			return 0;
		n = text_wrap(clean + at, len - at, width, &next);
		if (n >= sizeof(raw))
			n = sizeof(raw) - 1;
		memcpy(raw, clean + at, n);
		raw[n] = '\0';
		draw_text(c->w, c->r->y + c->y, c->r->x + indent, width, raw,
			  theme_attr((enum theme_slot)slot));
		c->y++;
		if (next == 0)
			break; /* no progress: never loop */
		at += next;
	}
	return 1;
}

/* "accepted: REASON (FILE:LINE, until DATE)", or that it ran out. */
static int put_acceptance(struct col *c, const struct posture_finding *x)
{
	const struct posture_acceptance *a = &x->accept;
	char buf[700];

	if (!a->reason)
		return 1;
	if (a->expired)
		snprintf(buf, sizeof(buf), "%.300s (%.200s, until %s)",
			 a->reason, a->where, a->until);
	else
		snprintf(buf, sizeof(buf), "%.300s (%.200s%s%s)", a->reason,
			 a->where, a->until[0] ? ", until " : "", a->until);
	return put_wrapped(
		c, a->expired ? "acceptance ran out: " : "accepted: ", buf,
		a->expired ? TS_SEV_MEDIUM : TS_DIM);
}

static int put_finding(struct col *c, const struct posture_finding *x)
{
	const struct posture_rule *rule = x->rule;
	int dim = posture_finding_accepted(x);
	char buf[300];

	if (c->y >= c->r->h || !rule)
		return rule != NULL;
	/* an accepted risk stays listed, dimmed, with its reason */
	draw_text(c->w, c->r->y + c->y, c->r->x, 9,
		  posture_severity_name(x->severity),
		  theme_attr(dim ? TS_DIM
				 : (enum theme_slot)risk_sev_slot(
					   (int)x->severity)));
	snprintf(buf, sizeof(buf), "%s  %s", rule->id, rule->title);
	if (c->r->w > 9)
		draw_text(c->w, c->r->y + c->y, c->r->x + 9, c->r->w - 9, buf,
			  theme_attr(dim ? TS_DIM : TS_TITLE));
	c->y++;
	return put_acceptance(c, x) &&
	       put_wrapped(c, "", x->evidence, dim ? TS_DIM : TS_NORMAL) &&
	       put_wrapped(c, "why: ", rule->why, TS_DIM) &&
	       put_wrapped(c, "fix: ", posture_finding_fix(x),
			   dim ? TS_DIM : TS_NORMAL);
}

static void detail_findings(struct posture_view *d, struct col *c,
			    const struct pm_container *e)
{
	size_t i, total = 0, done = 0;
	char buf[96];

	for (i = 0; i < e->f.n; i++)
		total += shown(d, (int)e->f.items[i].severity);
	if (!total) {
		draw_text(c->w, c->r->y + c->y, c->r->x + 1, c->r->w - 1,
			  e->f.n ? "no findings at this severity"
				 : "no findings: nothing to fix",
			  theme_attr(TS_HEALTH_OK));
		return;
	}
	for (i = 0; i < e->f.n; i++) {
		if (!shown(d, (int)e->f.items[i].severity))
			continue;
		if (c->y >= c->r->h || !put_finding(c, &e->f.items[i]))
			break;
		done++;
	}
	if (done < total && c->r->h > 1) {
		snprintf(buf, sizeof(buf), "… %zu more findings", total - done);
		draw_text(c->w, c->r->y + c->r->h - 1, c->r->x, c->r->w, buf,
			  theme_attr(TS_DIM));
	}
}

/* Then those of the image it runs, judged once by the image rules. */
static void detail_image(struct posture_view *d, struct col *c,
			 const struct pm_container *e)
{
	const struct posture_findings *f = pm_image_findings(&pv_scan(d)->m, e);
	const struct pm_image *img =
		e ? pmi_find(&pv_scan(d)->m.images, e->image_id) : NULL;
	char buf[300];
	size_t i;

	if (!f || !img || c->y + 1 >= c->r->h)
		return;
	c->y++;
	snprintf(buf, sizeof(buf), "ITS IMAGE %s: %zu finding%s",
		 f->n ? f->items[0].object : img->name, f->n,
		 f->n == 1 ? "" : "s");
	draw_text(c->w, c->r->y + c->y, c->r->x, c->r->w, buf,
		  theme_attr(TS_HEADER));
	c->y++;
	for (i = 0; i < f->n; i++) {
		if (!shown(d, (int)f->items[i].severity))
			continue;
		if (c->y >= c->r->h || !put_finding(c, &f->items[i]))
			break;
	}
}

void pv_draw_detail(struct posture_view *d, WINDOW *w, const struct rect *r)
{
	const struct pm_container *e = pv_selected(d);
	struct col c = {w, r, 1};
	char buf[200];
	int y;

	for (y = 0; y < r->h; y++)
		draw_fill(w, r->y + y, r->x, r->w, theme_attr(TS_NORMAL));
	if (!e) {
		draw_text(w, r->y, r->x, r->w, "FINDINGS",
			  theme_attr(TS_HEADER));
		return;
	}
	snprintf(buf, sizeof(buf), "FINDINGS of %s", e->name ? e->name : e->id);
	draw_text(w, r->y, r->x, r->w, buf, theme_attr(TS_HEADER));
	if (!e->judged) {
		if (r->h > 1)
			draw_text(w, r->y + 1, r->x + 1, r->w - 1,
				  "inspecting…", theme_attr(TS_DIM));
		return;
	}
	if (r->h > 1)
		detail_findings(d, &c, e);
	detail_image(d, &c, e);
}
