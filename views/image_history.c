#include "views/image_history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/theme.h"
#include "model/format.h"
#include "views/resource_list.h"

#define HISTORY_DELAY_MS 250

static void hist_done(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct img_hist *d = ud;
	struct api_error perr;

	(void)req;
	d->req = NULL;
	d->loading = 0;
	if (code != API_OK)
		snprintf(d->err, sizeof(d->err), "%s",
			 err ? err->msg : "failed");
	else if (api_image_history_parse(resp->body, resp->body_len, &d->hist,
					 &perr) != API_OK)
		snprintf(d->err, sizeof(d->err), "%s", perr.msg);
	app_dirty(d->app);
}

static void hist_fetch(void *ud)
{
	struct img_hist *d = ud;
	struct api_request_spec spec = {0};
	struct api_error err;
	char *path;

	d->timer = 0;
	if (d->req)
		api_request_cancel(d->req);
	d->req = NULL;
	api_image_history_free(&d->hist);
	d->err[0] = '\0';
	snprintf(d->hist_id, sizeof(d->hist_id), "%s", d->want_id);
	path = api_image_history_path(d->hist_id);
	if (!path) {
		snprintf(d->err, sizeof(d->err), "out of memory");
		return;
	}
	spec.path = path;
	spec.on_done = hist_done;
	spec.ud = d;
	if (api_request_start(app_client(d->app), &spec, &d->req, &err) !=
	    API_OK) {
		d->req = NULL;
		snprintf(d->err, sizeof(d->err), "%s", err.msg);
	} else
		d->loading = 1;
	free(path);
	app_dirty(d->app);
}

void img_hist_want(struct img_hist *d, const char *id)
{
	if (!id)
		id = "";
	if (strcmp(id, d->want_id) == 0)
		return;
	snprintf(d->want_id, sizeof(d->want_id), "%s", id);
	if (d->timer > 0)
		loop_timer_cancel(app_loop(d->app), d->timer);
	d->timer = 0;
	if (!id[0])
		return;
	d->timer = loop_timer_add(app_loop(d->app), HISTORY_DELAY_MS, 0,
				  hist_fetch, d);
	if (d->timer < 0)
		d->timer = 0;
}

void img_hist_free(struct img_hist *d)
{
	if (d->req)
		api_request_cancel(d->req);
	d->req = NULL;
	if (d->timer > 0)
		loop_timer_cancel(app_loop(d->app), d->timer);
	d->timer = 0;
	api_image_history_free(&d->hist);
}

void img_hist_draw(const struct img_hist *d, WINDOW *w, const struct rect *r)
{
	char line[160], size[32], id[16];
	size_t i;
	int y;

	res_draw_clear(w, r);
	res_short_id(d->want_id, id, sizeof(id));
	snprintf(line, sizeof(line), "HISTORY of %s", id);
	draw_text(w, r->y, r->x, r->w, d->want_id[0] ? line : "HISTORY",
		  theme_attr(TS_HEADER));
	if (d->err[0] || d->loading || !d->want_id[0] ||
	    strcmp(d->hist_id, d->want_id) != 0) {
		draw_text(w, r->y + 1, r->x + 1, r->w - 1,
			  d->err[0]	  ? d->err
			  : d->want_id[0] ? "loading…"
					  : "no image selected",
			  theme_attr(d->err[0] ? TS_STATUS_ERR : TS_DIM));
		return;
	}
	for (i = 0, y = 1; i < d->hist.n && y < r->h; i++, y++) {
		const struct api_image_history_entry *e = &d->hist.items[i];
		if (y == r->h - 1 && i + 1 < d->hist.n) {
			snprintf(line, sizeof(line), "… %zu more layers",
				 d->hist.n - i);
			draw_text(w, r->y + y, r->x + 1, r->w - 1, line,
				  theme_attr(TS_DIM));
			break;
		}
		fmt_size((double)e->size, size, sizeof(size));
		draw_text_right(w, r->y + y, r->x, 9, size,
				theme_attr(TS_NORMAL));
		if (r->w > 10)
			draw_text(w, r->y + y, r->x + 10, r->w - 10,
				  res_created_by(e->created_by),
				  theme_attr(TS_NORMAL));
	}
}
