#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/posture_scan.h"

#include "api/container_changes.h"
#include "api/container_inspect.h"
#include "api/container_top.h"
#include "api/containers.h"
#include "api/image_ops.h"
#include "api/images.h"
#include "ops/job.h"
#include "posture/proc_top.h"
#include "posture/rules.h"

/*
 * The posture pane's requests: the container list of a full scan, the
 * inspections (PSCAN_INFLIGHT at a time) and the engine's /info, /version
 * and default bridge.  Everything is asynchronous; the model changes
 * only in the callbacks.
 */

static void changed(struct pscan *d)
{
	if (d->h.changed)
		d->h.changed(d->h.ud);
}

static void say(struct pscan *d, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(struct pscan *d, int error, const char *fmt, ...)
{
	char text[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (d->h.status)
		d->h.status(d->h.ud, error, text);
}

/* The slot's container is done with (judged, gone or failed): the slot
 * is free again and the next one may start. */
static void slot_done(struct pscan *d, struct pscan_slot *s)
{
	struct pm_container *e = pm_find(&d->m, s->id);

	if (e) {
		e->inflight = 0;
		if (e->again) {
			e->again = 0;
			e->want = 1;
		}
	}
	api_container_inspect_free(&s->ci);
	memset(&s->ci, 0, sizeof(s->ci));
	api_top_free(&s->top);
	s->have_top = 0;
	s->id[0] = '\0';
	changed(d);
	pscan_pump(d);
	if (!pm_pending(&d->m) && d->scan_total) {
		say(d, 0, "posture: judged %zu containers", d->scan_total);
		d->scan_total = 0;
	}
}

static void pump_images(struct pscan *d);

static void judge(struct pscan *d, struct pscan_slot *s,
		  const struct api_top *top, const struct api_changes *changes)
{
	/* destroyed while it was read: stays gone */
	if (!pm_find(&d->m, s->id))
		return;
	if (pm_judge(&d->m, &s->ci, top, changes, &d->ef.e) != API_OK)
		say(d, 1, "posture: %.40s: out of memory", s->id);
	/* its image, judged once by the image rules */
	if (s->ci.image && *s->ci.image &&
	    !pmi_want(&d->m.images, s->ci.image, s->ci.config.image))
		say(d, 1, "posture: out of memory");
	pump_images(d);
}

static void image_over(struct pscan *d, struct pscan_img *g)
{
	struct pm_image *e = pmi_find(&d->m.images, g->id);

	if (e)
		e->inflight = 0;
	api_image_inspect_free(&g->img);
	memset(&g->img, 0, sizeof(g->img));
	g->have_img = 0;
	g->id[0] = '\0';
	changed(d);
	pump_images(d);
}

static void history_done(struct api_request *req, api_code code,
			 const struct api_response *resp,
			 const struct api_error *err, void *ud)
{
	struct pscan_img *g = ud;
	struct pscan *d = g->owner;
	struct api_image_history h = {0};
	struct api_error perr;
	int have;

	(void)req;
	(void)err;
	g->req = NULL;
	have = code == API_OK &&
	       api_image_history_parse(resp->body, resp->body_len, &h, &perr) ==
		       API_OK;
	if (pmi_judge(&d->m.images, g->id, &g->img, have ? &h : NULL,
		      d->h.contents ? d->h.contents(d->h.ud, g->id) : NULL,
		      &d->ef.e) != API_OK)
		say(d, 1, "posture: out of memory");
	else if (pm_image_known(&d->m, g->id))
		pscan_pump(d);
	api_image_history_free(&h);
	image_over(d, g);
}

static void image_done(struct api_request *req, api_code code,
		       const struct api_response *resp,
		       const struct api_error *err, void *ud)
{
	struct pscan_img *g = ud;
	struct pscan *d = g->owner;
	struct api_error perr;

	(void)req;
	(void)err;
	g->req = NULL;
	/* removed meanwhile (404) or unreadable: not judged */
	if (code == API_OK &&
	    api_image_inspect_parse(resp->body, resp->body_len, &g->img,
				    &perr) == API_OK &&
	    job_send(d->c, "GET", api_image_history_path(g->id), NULL,
		     history_done, g, &g->req, &perr) == API_OK)
		return;
	image_over(d, g);
}

static void pump_images(struct pscan *d)
{
	struct api_error err;
	struct pm_image *e;
	int i;

	for (i = 0; i < PSCAN_IMG_INFLIGHT; i++) {
		struct pscan_img *g = &d->imgs[i];

		if (g->req)
			continue;
		e = pmi_next_wanted(&d->m.images);
		if (!e)
			return;
		e->want = 0;
		snprintf(g->id, sizeof(g->id), "%s", e->id);
		g->owner = d;
		e->inflight =
			job_send(d->c, "GET", api_image_inspect_path(e->id),
				 NULL, image_done, g, &g->req, &err) == API_OK;
	}
}

static void changes_done(struct api_request *req, api_code code,
			 const struct api_response *resp,
			 const struct api_error *err, void *ud)
{
	struct pscan_slot *s = ud;
	struct api_changes ch = {0};
	struct api_error perr;
	int have;

	(void)req;
	(void)err;
	s->req = NULL;
	/* gone or stopped meanwhile: judged without them */
	have = code == API_OK &&
	       api_container_changes_parse(resp->body, resp->body_len, &ch,
					   &perr) == API_OK;
	judge(s->owner, s, s->have_top ? &s->top : NULL, have ? &ch : NULL);
	api_changes_free(&ch);
	slot_done(s->owner, s);
}

/* With the processes in (top NULL: not read), the changes when they are
 * wanted, else judged now.  Takes top over.  1 when a request went out
 * (the slot is done later). */
static int after_top(struct pscan *d, struct pscan_slot *s, struct api_top *top)
{
	struct api_error err;

	if (d->drift && s->ci.state.running) {
		if (top) {
			s->top = *top;
			s->have_top = 1;
			memset(top, 0, sizeof(*top));
		}
		if (job_send(d->c, "GET", api_container_changes_path(s->id),
			     NULL, changes_done, s, &s->req, &err) == API_OK)
			return 1;
	}
	judge(d, s, s->have_top ? &s->top : top, NULL);
	if (top)
		api_top_free(top);
	return 0;
}

static void top_done(struct api_request *req, api_code code,
		     const struct api_response *resp,
		     const struct api_error *err, void *ud)
{
	struct pscan_slot *s = ud;
	struct api_top top = {0};
	struct api_error perr;
	int have;

	(void)req;
	(void)err;
	s->req = NULL;
	/* stopped meanwhile (409) or gone: judged without its processes */
	have = code == API_OK &&
	       api_container_top_parse(resp->body, resp->body_len, &top,
				       &perr) == API_OK;
	if (after_top(s->owner, s, have ? &top : NULL))
		return; /* judged once the changes are in */
	slot_done(s->owner, s);
}

/* A running container's processes are read before it is judged (5.7 and
 * the one application rule); a stopped one is judged at once.  On the
 * engine's own host they are read from /proc: the engine's /top runs ps
 * over the whole host for each container. */
static int read_top(struct pscan *d, struct pscan_slot *s)
{
	struct api_top top;
	struct api_error err;

	if (!s->ci.state.running)
		return 0;
	if (d->ef.have_host &&
	    proc_top_read("", s->ci.id, s->ci.state.pid, &top) == 0) {
		if (!after_top(d, s, &top))
			slot_done(d, s);
		return 1;
	}
	return job_send(d->c, "GET", api_container_top_path(s->id, NULL), NULL,
			top_done, s, &s->req, &err) == API_OK;
}

static void inspect_done(struct api_request *req, api_code code,
			 const struct api_response *resp,
			 const struct api_error *err, void *ud)
{
	struct pscan_slot *s = ud;
	struct pscan *d = s->owner;
	struct api_error perr;

	(void)req;
	s->req = NULL;
	if (code == API_OK && !pm_find(&d->m, s->id)) {
		/* destroyed while it was inspected: stays gone */
	} else if (code == API_OK) {
		if (api_container_inspect_parse(resp->body, resp->body_len,
						&s->ci, &perr) != API_OK ||
		    !s->ci.id || !*s->ci.id)
			say(d, 1, "posture: %.40s: %s", s->id,
			    s->ci.id ? perr.msg : "inspect has no Id");
		else if (read_top(d, s))
			return; /* judged once the processes are in */
		else
			judge(d, s, NULL, NULL);
	} else if (code == API_E_HTTP && err && err->http_status == 404) {
		pm_drop(&d->m, s->id); /* removed meanwhile */
	} else if (err) {
		snprintf(d->error, sizeof(d->error), "inspect: %s", err->msg);
	}
	slot_done(d, s);
}

/* Starts inspections while slots are free. */
void pscan_pump(struct pscan *d)
{
	struct pm_container *e;
	struct api_error err;
	int i;

	if (!d->facts_ready)
		return; /* engine_judge pumps once they are */
	for (i = 0; i < PSCAN_INFLIGHT; i++) {
		struct pscan_slot *s = &d->slots[i];
		if (s->req)
			continue;
		e = pm_next_wanted(&d->m);
		if (!e)
			return;
		e->want = 0;
		snprintf(s->id, sizeof(s->id), "%s", e->id);
		s->owner = d;
		e->inflight =
			job_send(d->c, "GET", api_container_inspect_path(e->id),
				 NULL, inspect_done, s, &s->req,
				 &err) == API_OK;
		if (!e->inflight)
			snprintf(d->error, sizeof(d->error), "inspect: %s",
				 err.msg);
	}
}

static api_code used_parse(struct posture_engine_facts *f, const char *b,
			   size_t n, struct api_error *err);
static void engine_judge(struct pscan *d);

static void list_done(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct pscan *d = ud;
	struct api_container_list l = {0};
	struct api_error perr;
	const char **ids;
	size_t i, n = 0;
	int used = d->used_from_list;

	(void)req;
	d->list_req = NULL;
	d->used_from_list = 0;
	/* the same list tells the engine's facts which images are used */
	if (used)
		d->eng_ok[PSCAN_USED] =
			code == API_OK &&
			used_parse(&d->ef, resp->body, resp->body_len, &perr) ==
				API_OK;
	if (code != API_OK) {
		snprintf(d->error, sizeof(d->error),
			 "cannot list containers: %s",
			 err ? err->msg : "failed");
		goto out;
	}
	if (api_containers_list_parse(resp->body, resp->body_len, &l, &perr) !=
	    API_OK) {
		snprintf(d->error, sizeof(d->error), "containers: %s",
			 perr.msg);
		goto out;
	}
	d->error[0] = '\0';
	ids = calloc(l.n + 1, sizeof(*ids));
	for (i = 0; ids && i < l.n; i++) {
		if (d->h.keep && !d->h.keep(d->h.ud, &l.items[i]))
			continue;
		ids[n++] = l.items[i].id;
		pm_want(&d->m, l.items[i].id, l.items[i].name);
	}
	if (ids)
		pm_keep_only(&d->m, ids, n);
	free(ids);
	d->scan_total = n;
	api_container_list_free(&l);
	pscan_pump(d);
out:
	changed(d);
	if (used && --d->eng_left == 0)
		engine_judge(d);
}

static void scan_containers(struct pscan *d)
{
	struct api_containers_list_opts lo = {.all = 1};
	struct api_error err;

	d->scanned = 1;
	if (d->list_req)
		return; /* the running one serves */
	if (job_send(d->c, "GET", api_containers_list_path(&lo), NULL,
		     list_done, d, &d->list_req, &err) != API_OK)
		snprintf(d->error, sizeof(d->error),
			 "cannot list containers: %s", err.msg);
}

static api_code used_parse(struct posture_engine_facts *f, const char *b,
			   size_t n, struct api_error *err)
{
	struct api_container_list l = {0};
	api_code rc = api_containers_list_parse(b, n, &l, err);

	if (rc == API_OK)
		rc = posture_engine_facts_set_used(f, &l);
	api_container_list_free(&l);
	return rc;
}

/* The path of one of the engine's requests. */
static char *engine_path(int idx)
{
	struct api_containers_list_opts lo = {.all = 1};

	switch (idx) {
	case PSCAN_INFO:
		return api_info_path();
	case PSCAN_VERSION:
		return api_version_path();
	case PSCAN_IMAGES:
		return api_images_list_path(0, NULL, 0);
	case PSCAN_USED:
		return api_containers_list_path(&lo);
	default:
		return api_network_inspect_path("bridge");
	}
}

static const char *const engine_what[PSCAN_ENGINE_REQS] = {
	[PSCAN_INFO] = "info",	     [PSCAN_VERSION] = "version",
	[PSCAN_BRIDGE] = "bridge",   [PSCAN_IMAGES] = "images",
	[PSCAN_USED] = "containers",
};

static api_code engine_parse(struct pscan *d, int idx,
			     const struct api_response *resp,
			     struct api_error *err)
{
	struct posture_engine_facts *f = &d->ef;
	const char *b = resp->body;
	size_t n = resp->body_len;

	switch (idx) {
	case PSCAN_INFO:
		api_info_free(&f->info);
		return api_info_parse(b, n, &f->info, err);
	case PSCAN_VERSION:
		api_version_free(&f->ver);
		return api_version_parse(b, n, &f->ver, err);
	case PSCAN_IMAGES:
		api_image_list_free(&f->images);
		return api_images_list_parse(b, n, &f->images, err);
	case PSCAN_USED:
		return used_parse(f, b, n, err);
	default:
		api_network_free(&f->bridge);
		return api_network_inspect_parse(b, n, &f->bridge, err);
	}
}

/* The images no container runs are judged too, as berth audit judges
 * them (a container's image is wanted, and named, when it is judged). */
static void want_unused_images(struct pscan *d)
{
	const struct api_image_list *l = &d->ef.images;
	size_t i;

	if (!d->ef.have_images || !d->ef.have_used || d->h.keep)
		return;
	for (i = 0; i < l->n; i++) {
		const struct api_image_summary *im = &l->items[i];
		if (api_strv_has(&d->ef.used, im->id))
			continue;
		/* named by its inspect's tag, as audit names it; until
		 * then by its id (a dangling one lists "<none>:<none>") */
		if (!pmi_want(&d->m.images, im->id, NULL))
			say(d, 1, "posture: out of memory");
	}
}

/* Every answer is in: the facts are finished (the host's read when it
 * is this one) and the engine judged; then the containers, each judged
 * with the same facts, again if they had been judged before. */
static void engine_judge(struct pscan *d)
{
	struct api_client *c = d->c;
	size_t i;

	d->ef.have_info = d->eng_ok[PSCAN_INFO];
	d->ef.have_ver = d->eng_ok[PSCAN_VERSION];
	d->ef.have_bridge = d->eng_ok[PSCAN_BRIDGE];
	d->ef.have_images = d->eng_ok[PSCAN_IMAGES];
	d->ef.have_used = d->eng_ok[PSCAN_USED];
	if (posture_engine_facts_finish(&d->ef, api_client_host(c),
					api_client_is_tls(c)) != API_OK ||
	    pm_judge_engine(&d->m, &d->ef.e) != API_OK)
		say(d, 1, "posture: out of memory");
	d->facts_ready = 1;
	for (i = 0; i < d->m.n; i++)
		if (d->m.items[i].judged)
			d->m.items[i].want = 1;
	pmi_want_all(&d->m.images);
	want_unused_images(d);
	changed(d);
	pscan_pump(d);
	pump_images(d);
}

static void engine_done(struct api_request *req, api_code code,
			const struct api_response *resp,
			const struct api_error *err, void *ud)
{
	struct pscan_slot *s = ud;
	struct pscan *d = s->owner;
	struct api_error perr;

	(void)req;
	s->req = NULL;
	d->eng_ok[s->idx] = code == API_OK &&
			    engine_parse(d, s->idx, resp, &perr) == API_OK;
	/* judged without it, but never silently: a verdict may rest on
	 * it.  No default bridge (dockerd --bridge=none) is no failure. */
	if (!d->eng_ok[s->idx] &&
	    !(s->idx == PSCAN_BRIDGE && code == API_E_HTTP && err &&
	      err->http_status == 404))
		say(d, 1, "posture: the engine's %s: %s", engine_what[s->idx],
		    code == API_OK ? perr.msg
		    : err	   ? err->msg
				   : "failed");
	if (--d->eng_left == 0)
		engine_judge(d);
}

static void scan_engine(struct pscan *d)
{
	struct api_error err;
	char *path;
	int i;

	for (i = 0; i < PSCAN_ENGINE_REQS; i++)
		if (d->eng[i].req) {
			api_request_cancel(d->eng[i].req);
			d->eng[i].req = NULL;
		}
	d->eng_left = PSCAN_ENGINE_REQS;
	for (i = 0; i < PSCAN_ENGINE_REQS; i++) {
		d->eng[i].owner = d;
		d->eng[i].idx = i;
		d->eng_ok[i] = 0;
		/* a full scan's list serves (at 1000 containers a list
		 * costs the engine a second) */
		if (i == PSCAN_USED && d->list_req) {
			d->used_from_list = 1;
			continue;
		}
		path = engine_path(i);
		if (job_send(d->c, "GET", path, NULL, engine_done, &d->eng[i],
			     &d->eng[i].req, &err) != API_OK)
			d->eng_left--;
	}
	if (d->eng_left == 0)
		engine_judge(d);
}

void pscan_all(struct pscan *d)
{
	scan_containers(d);
	scan_engine(d);
}

static void cancel_all(struct pscan *d)
{
	int i;

	if (d->list_req)
		api_request_cancel(d->list_req);
	d->list_req = NULL;
	for (i = 0; i < PSCAN_INFLIGHT; i++) {
		if (d->slots[i].req)
			api_request_cancel(d->slots[i].req);
		d->slots[i].req = NULL;
		api_container_inspect_free(&d->slots[i].ci);
		memset(&d->slots[i].ci, 0, sizeof(d->slots[i].ci));
	}
	for (i = 0; i < PSCAN_ENGINE_REQS; i++) {
		if (d->eng[i].req)
			api_request_cancel(d->eng[i].req);
		d->eng[i].req = NULL;
	}
	for (i = 0; i < PSCAN_IMG_INFLIGHT; i++) {
		if (d->imgs[i].req)
			api_request_cancel(d->imgs[i].req);
		d->imgs[i].req = NULL;
		api_image_inspect_free(&d->imgs[i].img);
		memset(&d->imgs[i].img, 0, sizeof(d->imgs[i].img));
	}
}

void pscan_init(struct pscan *s, struct api_client *c,
		const struct pscan_hooks *h,
		const struct posture_policy *policy)
{
	memset(s, 0, sizeof(*s));
	s->c = c;
	if (h)
		s->h = *h;
	/* finishing the facts leaves these alone */
	s->ef.e.policy = policy;
	pm_init(&s->m);
}

void pscan_image_again(struct pscan *s, const char *image_id)
{
	struct pm_image *e = pmi_find(&s->m.images, image_id);

	if (!e)
		return;
	e->want = 1;
	pump_images(s);
}

void pscan_free(struct pscan *s)
{
	cancel_all(s);
	pm_free(&s->m);
	posture_engine_facts_free(&s->ef);
}

static const char *const rejudge_actions[] = {
	"create", "start", "restart",	    "update",
	"rename", "die",   "health_status",
};

void pscan_event(struct pscan *d, const struct api_event *ev)
{
	const char *act = ev->action_base ? ev->action_base : ev->action;
	size_t i;

	/* before the first scan there is nothing to keep current */
	if (!d->scanned || !ev->type || strcmp(ev->type, "container") != 0 ||
	    !ev->actor_id || !act)
		return;
	if (strcmp(act, "destroy") == 0) {
		pm_drop(&d->m, ev->actor_id);
		changed(d);
		return;
	}
	for (i = 0; i < sizeof(rejudge_actions) / sizeof(*rejudge_actions); i++)
		if (strcmp(act, rejudge_actions[i]) == 0) {
			if (!pm_want(&d->m, ev->actor_id, ev->name))
				say(d, 1, "posture: out of memory");
			changed(d);
			pscan_pump(d);
			return;
		}
}

int pscan_busy(const struct pscan *d)
{
	int i;

	if (d->list_req || d->eng_left > 0 || pm_pending(&d->m) > 0 ||
	    pmi_pending(&d->m.images) > 0)
		return 1;
	for (i = 0; i < PSCAN_INFLIGHT; i++)
		if (d->slots[i].req)
			return 1;
	for (i = 0; i < PSCAN_IMG_INFLIGHT; i++)
		if (d->imgs[i].req)
			return 1;
	return 0;
}
