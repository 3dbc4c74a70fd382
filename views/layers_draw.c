/* The layers pane drawn: the layers on the left with the selected one's
 * figures and the image's below them, the file tree on the right (one
 * column under 100 columns: the focused side only). */
#include <stdio.h>
#include <string.h>

#include "model/format.h"
#include "tui/draw.h"
#include "tui/theme.h"
#include "views/layers_impl.h"
#include "views/resource_list.h"

static void clear_rect(WINDOW *w, const struct rect *r)
{
	int y;

	for (y = 0; y < r->h; y++)
		draw_fill(w, r->y + y, r->x, r->w, theme_attr(TS_NORMAL));
}

/* Keeps sel in the window of h rows starting at *top. */
static void follow(size_t sel, size_t n, int h, size_t *top)
{
	if (h <= 0)
		return;
	if (sel < *top)
		*top = sel;
	if (sel >= *top + (size_t)h)
		*top = sel - (size_t)h + 1;
	if (*top + (size_t)h > n)
		*top = n > (size_t)h ? n - (size_t)h : 0;
}

static void layer_row(struct layers *v, WINDOW *w, int y, int x, int width,
		      size_t i)
{
	const struct pic_layer *l = &v->ic.layers[i];
	char size[32], line[96];
	int sel = i == v->layer;
	attr_t a = theme_attr(sel ? TS_SELECTED : TS_NORMAL);

	fmt_size((double)l->size, size, sizeof(size));
	snprintf(line, sizeof(line), "%2zu %8s +%-5zu~%-4zu-%-4zu ", i, size,
		 l->added, l->changed, l->removed);
	draw_fill(w, y, x, width, a);
	draw_text(w, y, x, width, line, a);
	if (width > 34)
		draw_text(w, y, x + 34, width - 34,
			  l->created_by ? res_created_by(l->created_by) : "",
			  a);
}

static void left(struct layers *v, WINDOW *w, const struct rect *r)
{
	const struct pic_layer *l = &v->ic.layers[v->layer];
	char line[200], a[32], b[32];
	int rows = r->h - 1, y, list_h;
	size_t i;

	list_h = (int)v->ic.n_layers < rows - 6
			 ? (int)v->ic.n_layers
			 : (rows - 6 > 3 ? rows - 6 : rows);
	v->layers_h = list_h;
	draw_text(w, r->y, r->x, r->w,
		  " #     SIZE  ADDED CHG  DEL   CREATED BY",
		  theme_attr(v->focus == LY_FOCUS_LAYERS ? TS_HEADER : TS_DIM));
	follow(v->layer, v->ic.n_layers, list_h, &v->ltop);
	for (y = 0, i = v->ltop; y < list_h && i < v->ic.n_layers; y++, i++)
		layer_row(v, w, r->y + 1 + y, r->x, r->w, i);
	y = r->y + 1 + list_h;
	if (y + 5 > r->y + r->h)
		return;
	fmt_size((double)l->size, a, sizeof(a));
	fmt_size((double)l->hidden_bytes, b, sizeof(b));
	snprintf(line, sizeof(line),
		 "Layer %zu: %s; +%zu ~%zu -%zu files; %s of it hidden above",
		 v->layer, a, l->added, l->changed, l->removed, b);
	draw_text(w, y + 1, r->x, r->w, line, theme_attr(TS_NORMAL));
	draw_text(w, y + 2, r->x, r->w, l->created_by ? l->created_by : "",
		  theme_attr(TS_DIM));
	fmt_size((double)v->ic.size, a, sizeof(a));
	fmt_size((double)v->ic.wasted, b, sizeof(b));
	snprintf(line, sizeof(line),
		 "Image: %lld files, %s; %s replaced or removed by later "
		 "layers",
		 (long long)v->ic.files, a, b);
	draw_text(w, y + 3, r->x, r->w, line, theme_attr(TS_NORMAL));
	fmt_size((double)v->ic.dive_wasted, b, sizeof(b));
	snprintf(line, sizeof(line),
		 "Efficiency %.1f %%, wasted space %s (as dive counts)%s",
		 v->ic.efficiency * 100.0, b,
		 v->ic.truncated ? "; file index cut short" : "");
	draw_text(w, y + 4, r->x, r->w, line, theme_attr(TS_NORMAL));
}

/* The tree's drawing before a node: a column per ancestor, then its
 * own branch. */
static void branches(const struct layer_tree *t, size_t node, char *out,
		     size_t cap)
{
	const char *const u[4] = {"│   ", "    ", "├── ", "└── "};
	const char *const ascii[4] = {"|   ", "    ", "|-- ", "`-- "};
	const char *const *g = draw_utf8() ? u : ascii;
	size_t chain[64], n = 0, p = t->nodes[node].parent, len = 0;

	while (p != LT_NONE && n < 64) {
		chain[n++] = p;
		p = t->nodes[p].parent;
	}
	out[0] = '\0';
	while (n-- > 0)
		len += (size_t)snprintf(out + len, cap > len ? cap - len : 0,
					"%s",
					g[t->nodes[chain[n]].last ? 1 : 0]);
	snprintf(out + len, cap > len ? cap - len : 0, "%s",
		 g[t->nodes[node].last ? 3 : 2]);
}

static void tree_row(struct layers *v, WINDOW *w, int y, const struct rect *r,
		     size_t row)
{
	const struct lt_node *nd = &v->tree.nodes[v->tree.rows[row]];
	char mode[11], size[32], lay[8], pre[320], line[480];
	int sel = row == v->row && v->focus == LY_FOCUS_FILES;
	attr_t a = theme_attr(sel		      ? TS_SELECTED
			      : nd->layer == v->layer ? TS_MATCH
						      : TS_NORMAL);

	lt_mode_string(nd->type, nd->mode, mode);
	fmt_size((double)nd->size, size, sizeof(size));
	if (nd->layer == UINT32_MAX)
		snprintf(lay, sizeof(lay), "  ");
	else
		snprintf(lay, sizeof(lay), "%u", nd->layer);
	branches(&v->tree, v->tree.rows[row], pre, sizeof(pre));
	snprintf(line, sizeof(line), "%s%s%s", pre, nd->name,
		 nd->type == PIC_DIR && nd->collapsed && !v->tree.filtering
			 ? "/…"
			 : "");
	draw_fill(w, y, r->x, r->w, a);
	draw_text(w, y, r->x, 10, mode,
		  nd->mode & 06000 ? theme_attr(TS_SEV_HIGH) : a);
	draw_text_right(w, y, r->x + 11, 8, size, a);
	draw_text_right(w, y, r->x + 20, 3, lay, a);
	if (r->w > 25)
		draw_text(w, y, r->x + 25, r->w - 25, line, a);
}

static void right(struct layers *v, WINDOW *w, const struct rect *r)
{
	char head[200];
	int y, h = r->h - 1;
	size_t i;

	v->tree_h = h;
	snprintf(head, sizeof(head),
		 "MODE         SIZE  L   FILES up to layer %zu%s%s%s%s",
		 v->layer, v->tree.only_changes ? "  [its changes only]" : "",
		 v->search[0] ? "  [/" : "", v->search,
		 v->search[0] ? "]" : "");
	draw_text(w, r->y, r->x, r->w, head,
		  theme_attr(v->focus == LY_FOCUS_FILES ? TS_HEADER : TS_DIM));
	follow(v->row, v->tree.n_rows, h, &v->top);
	for (y = 0, i = v->top; y < h && i < v->tree.n_rows; y++, i++)
		tree_row(v, w, r->y + 1 + y, r, i);
	if (v->tree.n_rows == 0)
		draw_text(w, r->y + 1, r->x + 1, r->w - 1,
			  v->search[0] || v->tree.only_changes ? "no match"
							       : "no files",
			  theme_attr(TS_DIM));
}

void layers_draw(struct layers *v, WINDOW *w, const struct rect *r)
{
	struct rect l = *r, t = *r;
	char title[320];

	clear_rect(w, r);
	if (!v->loaded) {
		snprintf(title, sizeof(title), "LAYERS of %s", v->name);
		draw_text(w, r->y, r->x, r->w, v->name[0] ? title : "LAYERS",
			  theme_attr(TS_HEADER));
		draw_text(w, r->y + 1, r->x + 1, r->w - 1, v->msg,
			  theme_attr(TS_DIM));
		return;
	}
	if (r->w >= 100) {
		l.w = r->w * 2 / 5;
		t.x = r->x + l.w + 1;
		t.w = r->w - l.w - 1;
		left(v, w, &l);
		right(v, w, &t);
		return;
	}
	if (v->focus == LY_FOCUS_FILES)
		right(v, w, &t);
	else
		left(v, w, &l);
}
