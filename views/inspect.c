/* The inspect pane: the raw JSON of one object as a foldable tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/events.h"
#include "api/images.h"
#include "api/networks.h"
#include "api/volumes.h"
#include "tui/draw.h"
#include "tui/theme.h"
#include "views/app.h"
#include "model/jsontree.h"
#include "views/registry.h"

#define NAME_MAX_LEN 256
#define SEARCH_MAX 256

struct inspect {
	struct app *app;
	struct api_request *req;
	char kind[16];		 /* "container", "image", ... */
	char name[NAME_MAX_LEN]; /* as asked for */
	char id[NAME_MAX_LEN];	 /* the document's own Id, once loaded */
	struct jsontree tree;
	int loaded, gone;
	size_t sel, top; /* lines */
	int height;
	char search[SEARCH_MAX];
	char saved[SEARCH_MAX]; /* restored when the prompt is cancelled */
	size_t anchor;		/* node selected when the prompt opened */
};

static const char *const kinds[] = {"container", "image", "volume", "network"};

static char *make_path(const char *kind, const char *name)
{
	if (strcmp(kind, "image") == 0)
		return api_image_inspect_path(name);
	if (strcmp(kind, "volume") == 0)
		return api_volume_inspect_path(name);
	if (strcmp(kind, "network") == 0)
		return api_network_inspect_path(name);
	return api_container_inspect_path(name);
}

/* "image:local/app:1" names a kind; anything else is a container. */
static void set_target(struct inspect *in, const char *arg)
{
	size_t i, k;

	snprintf(in->kind, sizeof(in->kind), "container");
	snprintf(in->name, sizeof(in->name), "%s", arg);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		k = strlen(kinds[i]);
		if (strncmp(arg, kinds[i], k) == 0 && arg[k] == ':') {
			snprintf(in->kind, sizeof(in->kind), "%s", kinds[i]);
			snprintf(in->name, sizeof(in->name), "%s", arg + k + 1);
		}
	}
	in->id[0] = '\0';
}

/* The document's own identity, so events naming it by id are seen. */
static void take_id(struct inspect *in)
{
	jt_top_string(&in->tree,
		      strcmp(in->kind, "volume") == 0 ? "Name" : "Id", in->id,
		      sizeof(in->id));
}

static void on_done(struct api_request *req, api_code code,
		    const struct api_response *resp,
		    const struct api_error *err, void *ud)
{
	struct inspect *in = ud;
	struct jsontree t;
	struct api_error perr;

	(void)req;
	in->req = NULL;
	app_dirty(in->app);
	if (code != API_OK || !resp || !resp->body) {
		if (err && err->http_status == 404) {
			in->gone = 1;
			app_error(in->app, "%s %s no longer exists", in->kind,
				  in->name);
		} else
			app_error(in->app, "inspect %s: %s", in->name,
				  err ? err->msg : "no answer");
		return;
	}
	if (jt_parse(resp->body, resp->body_len, &t, &perr) != API_OK) {
		app_error(in->app, "inspect %s: %s", in->name, perr.msg);
		return;
	}
	if (in->loaded)
		jt_copy_folds(&in->tree, &t);
	jt_free(&in->tree);
	in->tree = t;
	in->loaded = 1;
	in->gone = 0;
	take_id(in);
	jt_search(&in->tree, in->search);
	if (in->sel >= jt_lines(&in->tree))
		in->sel = jt_lines(&in->tree) ? jt_lines(&in->tree) - 1 : 0;
}

static void fetch(struct inspect *in)
{
	struct api_request_spec spec = {0};
	struct api_error err;
	char *path;

	if (!in->name[0])
		return;
	if (in->req)
		api_request_cancel(in->req);
	in->req = NULL;
	path = make_path(in->kind, in->name);
	if (!path) {
		app_error(in->app, "inspect %s: bad name", in->name);
		return;
	}
	spec.path = path;
	spec.on_done = on_done;
	spec.ud = in;
	spec.max_body = API_DEFAULT_MAX_BODY;
	if (api_request_start(app_client(in->app), &spec, &in->req, &err) !=
	    API_OK)
		app_error(in->app, "inspect %s: %s", in->name, err.msg);
	free(path);
}

static void *create(struct app *a)
{
	struct inspect *in = calloc(1, sizeof(*in));

	if (in)
		in->app = a;
	return in;
}

static void destroy(void *data)
{
	struct inspect *in = data;

	if (!in)
		return;
	if (in->req)
		api_request_cancel(in->req);
	jt_free(&in->tree);
	free(in);
}

static void show(void *data, const char *arg)
{
	struct inspect *in = data;

	if (!arg || !arg[0]) {
		if (!in->name[0])
			app_status(in->app, "nothing to inspect: press i on a "
					    "row of a list");
		return;
	}
	set_target(in, arg);
	jt_free(&in->tree);
	in->loaded = in->gone = 0;
	in->sel = in->top = 0;
	fetch(in);
}

static size_t sel_node(const struct inspect *in)
{
	return jt_line_node(&in->tree, in->sel);
}

static void select_node(struct inspect *in, size_t node)
{
	size_t line;

	jt_reveal(&in->tree, node);
	line = jt_node_line(&in->tree, node);
	if (line != JT_NONE)
		in->sel = line;
}

static void step(struct inspect *in, long delta)
{
	long n = (long)jt_lines(&in->tree), s = (long)in->sel + delta;

	if (s >= n)
		s = n - 1;
	if (s < 0)
		s = 0;
	in->sel = (size_t)s;
}

/* Left: fold an open container, else go to the parent. */
static void left(struct inspect *in)
{
	size_t node = sel_node(in);

	if (node == JT_NONE)
		return;
	if (jt_fold(&in->tree, node))
		return;
	if (in->tree.nodes[node].parent != JT_NONE &&
	    in->tree.nodes[node].parent != 0)
		select_node(in, in->tree.nodes[node].parent);
}

static void right(struct inspect *in)
{
	size_t node = sel_node(in);

	if (node != JT_NONE && !jt_unfold(&in->tree, node) &&
	    jt_is_container(&in->tree.nodes[node]) &&
	    in->tree.nodes[node].children)
		in->sel++;
}

static void jump(struct inspect *in, size_t from, int dir)
{
	size_t hit = jt_find(&in->tree, from, dir);

	if (hit != JT_NONE)
		select_node(in, hit);
}

static void search_change(struct app *a, const char *text, void *ud)
{
	struct inspect *in = ud;

	(void)a;
	snprintf(in->search, sizeof(in->search), "%s", text ? text : "");
	if (jt_search(&in->tree, in->search))
		jump(in, in->anchor, 1);
}

static void search_done(struct app *a, const char *text, void *ud)
{
	struct inspect *in = ud;

	if (!text) {
		snprintf(in->search, sizeof(in->search), "%s", in->saved);
		jt_search(&in->tree, in->search);
		select_node(in, in->anchor);
		return;
	}
	search_change(a, text, ud);
	if (in->search[0] && !in->tree.nmatches)
		app_error(a, "not found: %s", in->search);
}

static void search_step(struct inspect *in, int dir)
{
	size_t node = sel_node(in);

	if (!in->search[0] || !in->tree.nmatches) {
		app_status(in->app, "no search: press / to search");
		return;
	}
	jump(in, node == JT_NONE ? 0 : node + (size_t)(long)dir, dir);
}

static unsigned action(void *data, enum action act)
{
	struct inspect *in = data;
	long page = in->height > 1 ? in->height - 1 : 1;

	switch (act) {
	case ACT_LIST_UP:
		step(in, -1);
		break;
	case ACT_LIST_DOWN:
		step(in, 1);
		break;
	case ACT_LIST_PAGE_UP:
		step(in, -page);
		break;
	case ACT_LIST_PAGE_DOWN:
		step(in, page);
		break;
	case ACT_LIST_TOP:
		in->sel = 0;
		break;
	case ACT_LIST_BOTTOM:
		step(in, (long)jt_lines(&in->tree));
		break;
	case ACT_LIST_OPEN:
	case ACT_LIST_MARK:
		jt_toggle(&in->tree, sel_node(in));
		break;
	case ACT_VIEW_SEARCH:
	case ACT_LIST_FILTER:
		snprintf(in->saved, sizeof(in->saved), "%s", in->search);
		in->anchor = sel_node(in);
		app_prompt(in->app, "/", in->search, search_change, search_done,
			   in);
		break;
	case ACT_VIEW_SEARCH_NEXT:
	case ACT_VIEW_SEARCH_PREV:
		search_step(in, act == ACT_VIEW_SEARCH_NEXT ? 1 : -1);
		break;
	case ACT_VIEW_CLOSE:
		/* Esc drops the search before it leaves the pane. */
		if (!in->search[0])
			return VIEW_UNHANDLED;
		in->search[0] = '\0';
		jt_search(&in->tree, NULL);
		break;
	default:
		return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED | VIEW_REDRAW;
}

static unsigned key(void *data, int k)
{
	struct inspect *in = data;

	if (k == BKEY_FUNC(KEY_LEFT) || k == 'h')
		left(in);
	else if (k == BKEY_FUNC(KEY_RIGHT) || k == 'l')
		right(in);
	else
		return VIEW_UNHANDLED;
	app_dirty(in->app);
	return VIEW_HANDLED | VIEW_REDRAW;
}

static int names_us(const struct inspect *in, const struct api_event *ev)
{
	const char *id = ev->actor_id;

	if (!ev->type || strcmp(ev->type, in->kind) != 0 || !id)
		return 0;
	return strcmp(id, in->name) == 0 ||
	       (in->id[0] && !strcmp(id, in->id)) ||
	       (ev->name && strcmp(ev->name, in->name) == 0);
}

static void engine_event(void *data, const struct api_event *ev)
{
	struct inspect *in = data;
	const char *act = ev->action_base ? ev->action_base : "";
	static const char *const changes[] = {
		"start",  "die",	   "pause", "unpause",
		"rename", "health_status", "update"};
	size_t i;

	if (!in->name[0] || !names_us(in, ev))
		return;
	if (!strcmp(act, "destroy") || !strcmp(act, "delete")) {
		in->gone = 1;
		app_status(in->app, "%s %s no longer exists", in->kind,
			   in->name);
		return;
	}
	/* The document shows the state: fetch it again when it moved. */
	for (i = 0; i < sizeof(changes) / sizeof(changes[0]); i++)
		if (!strcmp(act, changes[i]) && in->loaded)
			fetch(in);
}

static void engine_up(void *data)
{
	struct inspect *in = data;

	if (in->name[0])
		fetch(in);
}

/* Fold marker, key and value of one line, in the columns there are. */
struct pen {
	WINDOW *w;
	int y, x, left;
};

static void put(struct pen *p, const char *text, attr_t attr)
{
	int tw = text_width(text), used;

	if (p->left <= 0 || !tw)
		return;
	used = draw_text(p->w, p->y, p->x, tw < p->left ? tw : p->left, text,
			 attr);
	p->x += used;
	p->left -= used;
}

static void draw_line(struct inspect *in, WINDOW *w, const struct rect *r,
		      int row, size_t line)
{
	const struct jt_node *n =
		&in->tree.nodes[jt_line_node(&in->tree, line)];
	int selected = line == in->sel;
	attr_t base = theme_attr(selected ? TS_SELECTED : TS_NORMAL);
	attr_t hit = selected ? base : theme_attr(TS_MATCH);
	struct pen p = {w, r->y + row, r->x, r->w};
	int indent = (n->depth > 0 ? n->depth - 1 : 0) * 2;
	char buf[64];

	draw_fill(w, p.y, r->x, r->w, base);
	if (indent > r->w / 2)
		indent = r->w / 2;
	p.x += indent;
	p.left -= indent;
	if (jt_is_container(n))
		put(&p,
		    n->folded ? (draw_utf8() ? "\xe2\x96\xb8 " : "+ ")
			      : (draw_utf8() ? "\xe2\x96\xbe " : "- "),
		    base);
	else
		put(&p, "  ", base);
	if (n->key || n->index >= 0) {
		if (n->key)
			put(&p, n->key[0] ? n->key : "\"\"",
			    n->match ? hit
				     : theme_attr(selected ? TS_SELECTED
							   : TS_HEADER));
		else {
			snprintf(buf, sizeof(buf), "[%ld]", n->index);
			put(&p, buf,
			    theme_attr(selected ? TS_SELECTED : TS_DIM));
		}
		put(&p, ": ", base);
	}
	if (jt_is_container(n)) {
		jt_summary(n, draw_utf8(), buf, sizeof(buf));
		put(&p, buf, theme_attr(selected ? TS_SELECTED : TS_DIM));
	} else
		put(&p, n->value, n->match ? hit : base);
}

static void draw_header(struct inspect *in, WINDOW *w, const struct rect *r)
{
	char right[96];
	const char *state = in->gone		     ? "  (no longer exists)"
			    : in->req && !in->loaded ? "  loading\xe2\x80\xa6"
						     : "";
	char title[NAME_MAX_LEN + 64];
	size_t nl = jt_lines(&in->tree);
	int rw;

	snprintf(title, sizeof(title), "%s %s%s", in->kind, in->name, state);
	if (in->search[0])
		snprintf(right, sizeof(right), "/%.24s %zu/%zu  %zu/%zu",
			 in->search, jt_match_rank(&in->tree, sel_node(in)),
			 in->tree.nmatches, in->sel + (nl > 0), nl);
	else
		snprintf(right, sizeof(right), "%zu/%zu", in->sel + (nl > 0),
			 nl);
	rw = text_width(right);
	if (rw > r->w / 2)
		rw = r->w / 2;
	draw_text(w, r->y, r->x, r->w - rw, title, theme_attr(TS_HEADER));
	draw_text_right(w, r->y, r->x + r->w - rw, rw, right,
			theme_attr(TS_HEADER));
}

static void draw(void *data, WINDOW *w, const struct rect *main,
		 const struct rect *detail)
{
	struct inspect *in = data;
	struct rect body = *main;
	size_t nl = jt_lines(&in->tree), i;
	int row;

	(void)detail;
	if (main->h <= 0 || main->w <= 0)
		return;
	if (main->h >= 3) {
		draw_header(in, w, main);
		body.y++;
		body.h--;
	}
	in->height = body.h;
	if (in->sel >= nl)
		in->sel = nl ? nl - 1 : 0;
	if (in->sel < in->top)
		in->top = in->sel;
	if (in->sel >= in->top + (size_t)body.h)
		in->top = in->sel - (size_t)body.h + 1;
	if (in->top + (size_t)body.h > nl)
		in->top = nl > (size_t)body.h ? nl - (size_t)body.h : 0;
	for (row = 0; row < body.h; row++) {
		i = in->top + (size_t)row;
		if (i < nl)
			draw_line(in, w, &body, row, i);
		else
			draw_fill(w, body.y + row, body.x, body.w,
				  theme_attr(TS_NORMAL));
	}
}

const struct view_ops view_inspect = {
	.name = "inspect",
	.title = "Inspect",
	.keyctx = KCTX_INSPECT,
	.wants_detail = 0,
	.create = create,
	.destroy = destroy,
	.show = show,
	.draw = draw,
	.action = action,
	.key = key,
	.engine_event = engine_event,
	.engine_up = engine_up,
};
