#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/events.h"
#include "api/images.h"
#include "tui/draw.h"
#include "tui/theme.h"
#include "views/app.h"
#include "model/format.h"
#include "model/posture_scan.h"
#include "views/image_history.h"
#include "views/registry.h"
#include "views/resource_list.h"
#include "views/risk.h"
#include "views/view.h"

/*
 * Images, one row per tag (docker images does the same), with the
 * selected image's history in the detail region.  The history is
 * fetched a moment after the selection settles, so scrolling through
 * the list does not fire a request per row.
 */

enum { C_TAG, C_ID, C_SIZE, C_CREATED, C_USED, C_DANGLING, C_RISK };

static const struct table_column columns[] = {
	{"REPOSITORY:TAG", 16, 3, 0, 0},
	{"ID", 12, 0, 0, 44},
	{"SIZE", 9, 0, 1, 0},
	{"CREATED", 14, 1, 0, 64},
	{"USED BY", 7, 0, 1, 48},
	{"DANGLING", 8, 0, 0, 72},
	{"RISK", 5, 0, 0, 0},
};

struct img_row {
	size_t img;
	const char *tag; /* NULL: untagged */
};

struct images {
	struct reslist rl; /* first: the reslist_view_* ops */
	struct app *app;
	struct table table;
	struct api_image_list list;
	struct img_row *rows;
	size_t nrows;
	unsigned long gen;	   /* the container store's, for USED BY */
	unsigned long posture_gen; /* the posture scan's, for RISK */
	int visible;
	struct img_hist hist; /* the detail region */
	/* what the open confirm dialog is about */
	char target[512];
};

static const struct api_image_summary *row_img(const struct images *d,
					       size_t row)
{
	return &d->list.items[d->rows[row].img];
}

static size_t used_by(const struct images *d, const char *id)
{
	const struct cstore *st = app_containers(d->app);
	size_t i, n = 0;

	for (i = 0; st && i < cstore_count(st); i++)
		n += (size_t)res_uses_image(&cstore_at(st, i)->s, id);
	return n;
}

/* The worst of the image's findings by the posture scan's image rules
 * (accepted ones left out); -2 until it is judged. */
static int risk_of(const struct images *d, const char *id)
{
	struct pm_image *p =
		id ? pmi_find(&app_posture(d->app)->m.images, id) : NULL;

	return p && p->judged ? posture_findings_worst(&p->f) : -2;
}

static size_t t_rows(void *model)
{
	return ((struct images *)model)->nrows;
}

static void t_cell(void *model, size_t row, int col, char *buf, size_t n)
{
	struct images *d = model;
	const struct api_image_summary *im = row_img(d, row);

	switch (col) {
	case C_TAG:
		snprintf(buf, n, "%s",
			 d->rows[row].tag ? d->rows[row].tag : "<none>:<none>");
		break;
	case C_ID:
		res_short_id(im->id, buf, n);
		break;
	case C_SIZE:
		fmt_size((double)im->size, buf, n);
		break;
	case C_CREATED:
		fmt_ago(im->created, (int64_t)time(NULL), buf, n);
		break;
	case C_USED:
		snprintf(buf, n, "%zu", used_by(d, im->id));
		break;
	case C_DANGLING:
		snprintf(buf, n, "%s", im->repo_tags.n ? "" : "dangling");
		break;
	case C_RISK:
		if (risk_of(d, im->id) > -2)
			snprintf(buf, n, "%s", risk_word(risk_of(d, im->id)));
		break;
	}
}

static int t_slot(void *model, size_t row, int col)
{
	struct images *d = model;

	if (col == C_RISK)
		return risk_of(d, row_img(d, row)->id) > -2
			       ? risk_worst_slot(
					 risk_of(d, row_img(d, row)->id))
			       : -1;
	return row_img(d, row)->repo_tags.n ? -1 : TS_DIM;
}

static const char *t_key(void *model, size_t row)
{
	struct images *d = model;
	const char *id = row_img(d, row)->id;

	/* A tag names one image at a time; an untagged image is its id. */
	return d->rows[row].tag ? d->rows[row].tag : (id ? id : "");
}

static int cmp_num(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

static int t_compare(void *model, size_t a, size_t b, int col)
{
	struct images *d = model;
	const struct api_image_summary *x = row_img(d, a), *y = row_img(d, b);

	switch (col) {
	case C_TAG:
		return strcmp(t_key(d, a), t_key(d, b));
	case C_ID:
		return strcmp(api_str(x->id), api_str(y->id));
	case C_SIZE:
		return cmp_num(x->size, y->size);
	case C_CREATED:
		return cmp_num(x->created, y->created);
	case C_USED:
		return cmp_num((int64_t)used_by(d, x->id),
			       (int64_t)used_by(d, y->id));
	case C_RISK:
		return cmp_num(risk_of(d, x->id), risk_of(d, y->id));
	default:
		return cmp_num(x->repo_tags.n != 0, y->repo_tags.n != 0);
	}
}

static int t_match(void *model, size_t row, const char *filter)
{
	struct images *d = model;
	const char *tag = d->rows[row].tag ? d->rows[row].tag : "<none>";

	return strcasestr(tag, filter) ||
	       strcasestr(api_str(row_img(d, row)->id), filter);
}

static const struct table_ops table_ops = {
	.columns = columns,
	.ncolumns = sizeof(columns) / sizeof(columns[0]),
	.rows = t_rows,
	.cell = t_cell,
	.slot = t_slot,
	.key = t_key,
	.compare = t_compare,
	.match = t_match,
};

/* The command line's object: a tag, a repository or an id prefix. */
static int select_match(void *model, size_t row, const char *arg)
{
	struct images *d = model;
	const char *tag = d->rows[row].tag, *id = api_str(row_img(d, row)->id);
	size_t l = strlen(arg);

	if (tag && (strcmp(tag, arg) == 0 ||
		    (strncmp(tag, arg, l) == 0 && tag[l] == ':')))
		return 1;
	if (strncmp(id, "sha256:", 7) == 0 && strncmp(arg, "sha256:", 7))
		id += 7;
	return l >= 4 && strncmp(id, arg, l) == 0;
}

static const struct api_image_summary *selected(const struct images *d,
						size_t *rowp)
{
	size_t row;

	if (!table_selected(&d->table, &row) || row >= d->nrows)
		return NULL;
	if (rowp)
		*rowp = row;
	return row_img(d, row);
}

/* The selection may have moved: fetch its history once it settles. */
static void hist_want(struct images *d)
{
	const struct api_image_summary *im = selected(d, NULL);

	if (d->visible)
		img_hist_want(&d->hist, im ? api_str(im->id) : "");
}

static char *list_path(void *ud)
{
	(void)ud;
	return api_images_list_path(0, NULL, 0);
}

static int build_rows(struct images *d)
{
	size_t i, j, n = 0, k = 0;
	struct img_row *rows;

	for (i = 0; i < d->list.n; i++)
		n += d->list.items[i].repo_tags.n ? d->list.items[i].repo_tags.n
						  : 1;
	rows = calloc(n ? n : 1, sizeof(*rows));
	if (!rows)
		return -1;
	for (i = 0; i < d->list.n; i++) {
		const struct api_strv *tags = &d->list.items[i].repo_tags;
		for (j = 0; j < tags->n; j++)
			rows[k++] = (struct img_row){i, tags->v[j]};
		if (!tags->n)
			rows[k++] = (struct img_row){i, NULL};
	}
	free(d->rows);
	d->rows = rows;
	d->nrows = k;
	return 0;
}

static api_code list_parse(void *ud, const char *body, size_t len,
			   struct api_error *err)
{
	struct images *d = ud;
	struct api_image_list l = {0}, old = d->list;
	api_code rc = api_images_list_parse(body, len, &l, err);

	if (rc != API_OK)
		return rc;
	d->list = l;
	if (build_rows(d) != 0) {
		d->list = old;
		api_image_list_free(&l);
		return api_error_set(err, API_E_NOMEM, 0, "out of memory");
	}
	api_image_list_free(&old);
	table_invalidate(&d->table);
	reslist_select_pending(&d->rl);
	hist_want(d);
	return API_OK;
}

RESLIST_FIRST(struct images);

static const struct reslist_ops list_ops = {
	.what = "images",
	.event_type = "image",
	.path = list_path,
	.parse = list_parse,
	.select = select_match,
};

static void removed_msg(const struct api_response *resp, char *msg, size_t n)
{
	struct api_image_deleted_list l = {0};
	struct api_error err;
	size_t i, untagged = 0, deleted = 0, len = strlen(msg);

	if (!resp->body || api_image_remove_parse(resp->body, resp->body_len,
						  &l, &err) != API_OK)
		return;
	for (i = 0; i < l.n; i++) {
		untagged += l.items[i].untagged != NULL;
		deleted += l.items[i].deleted != NULL;
	}
	snprintf(msg + len, n - len, " (%zu untagged, %zu deleted)", untagged,
		 deleted);
	api_image_deleted_list_free(&l);
}

static void remove_answer(struct app *a, int yes, int force, void *ud)
{
	struct images *d = ud;
	char progress[600], done[600];

	if (!yes) {
		app_status(a, "kept %s", d->target);
		return;
	}
	snprintf(progress, sizeof(progress), "removing image %s…", d->target);
	snprintf(done, sizeof(done), "removed image %s", d->target);
	reslist_act(&d->rl, "DELETE",
		    api_image_remove_path(d->target, force, 0), progress, done,
		    removed_msg);
}

static void do_remove(struct images *d)
{
	size_t row;
	const struct api_image_summary *im = selected(d, &row);
	char msg[700], id[16];

	if (app_refuse_if_read_only(d->app, "remove image"))
		return;
	if (!im) {
		app_status(d->app, "no image selected");
		return;
	}
	/* A tag is untagged; the image goes with its last tag. */
	snprintf(d->target, sizeof(d->target), "%s",
		 d->rows[row].tag ? d->rows[row].tag : api_str(im->id));
	if (!app_options(d->app)->confirm_destructive) {
		remove_answer(d->app, 1, 0, d);
		return;
	}
	res_short_id(im->id, id, sizeof(id));
	snprintf(msg, sizeof(msg), "Remove image %s (%s)?", d->target, id);
	app_confirm(d->app, "Remove image", msg, "Remove", "force",
		    remove_answer, d);
}

static void pruned_msg(const struct api_response *resp, char *msg, size_t n)
{
	struct api_image_prune p = {0};
	struct api_error err;
	char size[32];

	if (!resp->body || api_images_prune_parse(resp->body, resp->body_len,
						  &p, &err) != API_OK)
		return;
	fmt_size((double)p.space_reclaimed, size, sizeof(size));
	snprintf(msg, n, "pruned images: %zu layers deleted, %s reclaimed",
		 p.deleted.n, size);
	api_image_prune_free(&p);
}

static void prune_answer(struct app *a, int yes, int checked, void *ud)
{
	struct images *d = ud;

	(void)checked;
	if (!yes) {
		app_status(a, "prune cancelled");
		return;
	}
	reslist_act(&d->rl, "POST", api_images_prune_path(NULL, 0),
		    "pruning dangling images…", "pruned dangling images",
		    pruned_msg);
}

static void do_prune(struct images *d)
{
	if (app_refuse_if_read_only(d->app, "prune images"))
		return;
	reslist_confirm(&d->rl, "Prune images",
			"Remove every dangling (untagged, unused) image?",
			"Prune", prune_answer, d);
}

static void do_inspect(struct images *d)
{
	const struct api_image_summary *im = selected(d, NULL);
	char arg[200];

	if (!im || !im->id) {
		app_status(d->app, "no image selected");
		return;
	}
	snprintf(arg, sizeof(arg), "image:%s", im->id);
	app_show_pane(d->app, "inspect", arg);
}

static void do_layers(struct images *d)
{
	const struct api_image_summary *im = selected(d, NULL);

	if (!im || !im->id) {
		app_status(d->app, "no image selected");
		return;
	}
	app_show_pane(d->app, "layers", im->id);
}

static unsigned v_action(void *data, enum action act)
{
	struct images *d = data;
	unsigned r;

	switch (act) {
	case ACT_IMAGE_INSPECT:
	case ACT_LIST_OPEN:
		do_inspect(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_IMAGE_LAYERS:
		do_layers(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_IMAGE_REMOVE:
		do_remove(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	case ACT_IMAGE_PRUNE:
		do_prune(d);
		return VIEW_HANDLED | VIEW_REDRAW;
	default:
		r = reslist_list_action(&d->rl, act);
		if (r)
			hist_want(d);
		return r;
	}
}

static void v_draw(void *data, WINDOW *w, const struct rect *main,
		   const struct rect *detail)
{
	struct images *d = data;
	unsigned long gen = cstore_generation(app_containers(d->app));
	unsigned long pg = app_posture_gen(d->app);

	/* USED BY comes from the container store, RISK from the posture
	 * scan: re-sort when the one sorted by moved. */
	if (gen != d->gen) {
		d->gen = gen;
		if (d->table.sort_col == C_USED)
			table_invalidate(&d->table);
	}
	if (pg != d->posture_gen) {
		d->posture_gen = pg;
		if (d->table.sort_col == C_RISK)
			table_invalidate(&d->table);
	}
	reslist_draw(&d->rl, w, main);
	reslist_draw_gap(w, main, detail);
	if (detail && detail->h > 0 && detail->w > 0)
		img_hist_draw(&d->hist, w, detail);
}

static void v_show(void *data, const char *arg)
{
	struct images *d = data;

	d->visible = 1;
	reslist_show(&d->rl, arg);
	hist_want(d);
}

static void v_hide(void *data)
{
	struct images *d = data;

	d->visible = 0;
}

static unsigned v_click(void *data, int row, int col)
{
	struct images *d = data;

	(void)col;
	if (!(reslist_click(&d->rl, row) & VIEW_HANDLED))
		return VIEW_UNHANDLED;
	hist_want(d);
	return VIEW_HANDLED | VIEW_REDRAW;
}

static void *v_create(struct app *a)
{
	struct images *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->app = a;
	d->hist.app = a;
	table_init(&d->table, &table_ops, d);
	reslist_init(&d->rl, a, &list_ops, d, &d->table);
	return d;
}

static void v_destroy(void *data)
{
	struct images *d = data;

	if (!d)
		return;
	reslist_free(&d->rl);
	img_hist_free(&d->hist);
	table_free(&d->table);
	api_image_list_free(&d->list);
	free(d->rows);
	free(d);
}

const struct view_ops view_images = {
	.name = "images",
	.title = "Images",
	.keyctx = KCTX_IMAGES,
	.wants_detail = 1,
	.create = v_create,
	.destroy = v_destroy,
	.show = v_show,
	.hide = v_hide,
	.draw = v_draw,
	.action = v_action,
	.key = NULL,
	.engine_event = reslist_view_engine_event,
	.engine_up = reslist_view_engine_up,
	.click = v_click,
};
