/* The layers pane: loading an image's contents (the disk cache, else a
 * background read of its export) and the keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/images.h"
#include "model/posture_contents.h"
#include "posture/contents_cache.h"
#include "views/layers_impl.h"
#include "views/registry.h"

#define POLL_MS 250

static void build(struct layers *v)
{
	lt_free(&v->tree);
	strcpy(v->tree.search, "");
	if (lt_build(&v->tree, &v->ic, v->layer) != 0) {
		snprintf(v->msg, sizeof(v->msg), "out of memory");
		return;
	}
	snprintf(v->tree.search, sizeof(v->tree.search), "%s", v->search);
	lt_rows(&v->tree);
	v->row = v->top = 0;
}

static int try_cache(struct layers *v)
{
	const char *dir = pcontents_cache_dir(app_contents(v->app));

	if (!dir || contents_cache_load(dir, v->id, &v->ic) != 0)
		return -1;
	v->loaded = 1;
	v->msg[0] = '\0';
	v->layer = v->ic.n_layers ? v->ic.n_layers - 1 : 0;
	v->ltop = v->layer > 4 ? v->layer - 4 : 0;
	build(v);
	app_dirty(v->app);
	return 0;
}

static void poll_read(void *ud)
{
	struct layers *v = ud;
	const char *why = NULL;
	int st = pcontents_state(app_contents(v->app), v->id, &why);

	if (st == CS_READY && try_cache(v) == 0) {
		loop_timer_cancel(app_loop(v->app), v->timer);
		v->timer = 0;
	} else if (st == CS_FAILED || (st == CS_READY && !v->loaded)) {
		snprintf(v->msg, sizeof(v->msg), "cannot read the image: %s",
			 why ? why : "no cache to keep its files in");
		loop_timer_cancel(app_loop(v->app), v->timer);
		v->timer = 0;
		app_dirty(v->app);
	}
}

/* The id known: its files from the cache, else asked for. */
static void want_contents(struct layers *v)
{
	if (try_cache(v) == 0)
		return;
	if (!pcontents_cache_dir(app_contents(v->app))) {
		snprintf(v->msg, sizeof(v->msg),
			 "no cache directory ($XDG_CACHE_HOME or $HOME) to "
			 "keep the image's files in");
		return;
	}
	snprintf(v->msg, sizeof(v->msg),
		 "reading the image's export (docker save)…");
	pcontents_request(app_contents(v->app), v->id);
	v->timer = loop_timer_add(app_loop(v->app), POLL_MS, POLL_MS, poll_read,
				  v);
	if (v->timer < 0)
		v->timer = 0;
}

static void inspect_done(struct api_request *req, api_code code,
			 const struct api_response *resp,
			 const struct api_error *err, void *ud)
{
	struct layers *v = ud;
	struct api_image_inspect img = {0};
	struct api_error perr;

	(void)req;
	v->req = NULL;
	if (code != API_OK) {
		snprintf(v->msg, sizeof(v->msg), "%s",
			 err ? err->msg : "no such image");
	} else if (api_image_inspect_parse(resp->body, resp->body_len, &img,
					   &perr) != API_OK ||
		   !img.id) {
		snprintf(v->msg, sizeof(v->msg), "%s", perr.msg);
	} else {
		snprintf(v->id, sizeof(v->id), "%s", img.id);
		want_contents(v);
	}
	api_image_inspect_free(&img);
	app_dirty(v->app);
}

static void reset(struct layers *v)
{
	if (v->req)
		api_request_cancel(v->req);
	v->req = NULL;
	if (v->timer > 0)
		loop_timer_cancel(app_loop(v->app), v->timer);
	v->timer = 0;
	lt_free(&v->tree);
	posture_image_contents_free(&v->ic);
	v->loaded = 0;
	v->id[0] = v->msg[0] = '\0';
	v->focus = LY_FOCUS_LAYERS;
	v->layer = v->ltop = v->row = v->top = 0;
}

static void show(void *data, const char *arg)
{
	struct layers *v = data;
	struct api_request_spec spec = {0};
	struct api_error err;
	char *path;

	if (!arg || !*arg) {
		if (!v->name[0])
			snprintf(v->msg, sizeof(v->msg),
				 "no image: press L on one in the images "
				 "pane");
		return; /* coming back: as it was */
	}
	if (strcmp(arg, v->name) == 0 && (v->loaded || v->req || v->timer))
		return;
	reset(v);
	snprintf(v->name, sizeof(v->name), "%s", arg);
	snprintf(v->msg, sizeof(v->msg), "inspecting the image…");
	path = api_image_inspect_path(arg);
	spec.path = path;
	spec.on_done = inspect_done;
	spec.ud = v;
	if (!path || api_request_start(app_client(v->app), &spec, &v->req,
				       &err) != API_OK) {
		v->req = NULL;
		snprintf(v->msg, sizeof(v->msg), "%s",
			 path ? err.msg : "out of memory");
	}
	free(path);
}

static void *create(struct app *app)
{
	struct layers *v = calloc(1, sizeof(*v));

	if (v)
		v->app = app;
	return v;
}

static void destroy(void *data)
{
	struct layers *v = data;

	reset(v);
	free(v);
}

static void draw(void *data, WINDOW *w, const struct rect *main,
		 const struct rect *detail)
{
	(void)detail;
	layers_draw(data, w, main);
}

static size_t step(size_t at, size_t n, long by)
{
	long t = (long)at + by;

	if (n == 0 || t < 0)
		return 0;
	return (size_t)t >= n ? n - 1 : (size_t)t;
}

static void ly_move(struct layers *v, long by)
{
	size_t was = v->layer;

	if (v->focus == LY_FOCUS_FILES) {
		v->row = step(v->row, v->tree.n_rows, by);
		return;
	}
	v->layer = step(v->layer, v->ic.n_layers, by);
	if (v->layer != was)
		build(v);
}

static void apply_search(struct layers *v)
{
	snprintf(v->tree.search, sizeof(v->tree.search), "%s", v->search);
	lt_rows(&v->tree);
	v->row = v->top = 0;
	app_dirty(v->app);
}

static void search_change(struct app *a, const char *text, void *ud)
{
	struct layers *v = ud;

	(void)a;
	snprintf(v->search, sizeof(v->search), "%s", text ? text : "");
	apply_search(v);
}

static void search_done(struct app *a, const char *text, void *ud)
{
	struct layers *v = ud;

	(void)a;
	if (!text) /* cancelled */
		memcpy(v->search, v->saved, sizeof(v->search));
	else
		snprintf(v->search, sizeof(v->search), "%s", text);
	apply_search(v);
}

static unsigned action(void *data, enum action act)
{
	struct layers *v = data;
	long page = (v->focus == LY_FOCUS_FILES ? v->tree_h : v->layers_h);

	if (!v->loaded && act != ACT_VIEW_CLOSE)
		return VIEW_UNHANDLED;
	switch (act) {
	case ACT_LIST_UP:
	case ACT_LIST_DOWN:
		ly_move(v, act == ACT_LIST_UP ? -1 : 1);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_LIST_PAGE_UP:
	case ACT_LIST_PAGE_DOWN:
		ly_move(v, (act == ACT_LIST_PAGE_UP ? -1 : 1) *
				   (page > 1 ? page - 1 : 1));
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_LIST_TOP:
	case ACT_LIST_BOTTOM:
		ly_move(v, act == ACT_LIST_TOP ? -(long)1e9 : (long)1e9);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_LAYERS_FOCUS:
		v->focus = v->focus == LY_FOCUS_FILES ? LY_FOCUS_LAYERS
						      : LY_FOCUS_FILES;
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_LIST_OPEN:
	case ACT_LIST_MARK:
		if (v->focus != LY_FOCUS_FILES)
			v->focus = LY_FOCUS_FILES;
		else
			lt_toggle(&v->tree, v->row);
		if (v->row >= v->tree.n_rows)
			v->row = v->tree.n_rows ? v->tree.n_rows - 1 : 0;
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_LAYERS_CHANGES:
		v->tree.only_changes = !v->tree.only_changes;
		lt_rows(&v->tree);
		v->row = v->top = 0;
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_LIST_FILTER:
		snprintf(v->saved, sizeof(v->saved), "%s", v->search);
		v->focus = LY_FOCUS_FILES;
		app_prompt(v->app, "/", v->search, search_change, search_done,
			   v);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_VIEW_CLOSE:
		/* Esc drops the search before it leaves the pane. */
		if (!v->search[0])
			return VIEW_UNHANDLED;
		v->search[0] = '\0';
		apply_search(v);
		return VIEW_HANDLED | VIEW_REDRAW;
	default:
		return VIEW_UNHANDLED;
	}
}

const struct view_ops view_layers = {
	.name = "layers",
	.title = "Layers",
	.keyctx = KCTX_LAYERS,
	.wants_detail = 0,
	.create = create,
	.destroy = destroy,
	.show = show,
	.draw = draw,
	.action = action,
};
