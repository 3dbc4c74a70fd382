#ifndef BERTH_VIEWS_POSTURE_IMPL_H
#define BERTH_VIEWS_POSTURE_IMPL_H

#include <curses.h>
#include <stddef.h>

#include "api/client.h"
#include "api/networks.h"
#include "api/system.h"
#include "posture/engine_facts.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "model/posture_model.h"

/*
 * The posture pane's state, shared by views/posture.c (requests, keys,
 * the view operations) and views/posture_draw.c (the host summary and
 * the detail region).
 */

/* Inspections running at once: enough to judge a host quickly, few
 * enough not to crowd out the other panes' requests. */
#define PV_INFLIGHT 4

enum { PV_INFO, PV_VERSION, PV_BRIDGE, PV_ENGINE_REQS };

enum {
	PV_COL_NAME,
	PV_COL_FIRST_CONCERN,
	PV_COL_WORST = PV_COL_FIRST_CONCERN + PM_CONCERNS,
	PV_COLS
};

struct posture_view;

struct pv_slot {
	struct posture_view *owner;
	struct api_request *req;
	int idx;      /* engine requests: PV_INFO... */
	char id[160]; /* inspections: the container */
};

struct posture_view {
	struct app *app;
	struct posture_model m;
	struct table table;
	size_t *vis; /* model rows at or above min_sev */
	size_t nvis, capvis;
	int min_sev; /* -1: every container */
	int seen;    /* shown at least once */
	int scanned; /* a full scan started since the engine came up */
	struct api_request *list_req;
	struct pv_slot slots[PV_INFLIGHT];
	struct pv_slot eng[PV_ENGINE_REQS];
	/* what every container is judged with: none is judged before the
	 * engine's facts are in (facts_ready), so the pane's verdicts are
	 * berth audit's */
	struct posture_engine_facts ef;
	int facts_ready;
	int eng_ok[PV_ENGINE_REQS];
	int eng_left;
	size_t scan_total; /* containers of the last full scan */
	int main_y;	   /* of the last draw, for clicks */
	int moved;	   /* the user moved the selection: keep it there */
	char error[640];
	char *select_arg; /* from the command line, until that row exists */
};

/* posture.c: the model changed (order, counts, visible rows). */
void pv_changed(struct posture_view *d);
const struct pm_container *pv_selected(const struct posture_view *d);
/* Theme slot for a severity (-1: dim). */
int pv_sev_slot(int sev);
/* The summary lines above the table; returns the lines used. */
int pv_draw_summary(struct posture_view *d, WINDOW *w, const struct rect *r);
void pv_draw_detail(struct posture_view *d, WINDOW *w, const struct rect *r);

/* posture_scan.c */
/* Lists every container (each then inspected) and judges the engine. */
void pv_scan_all(struct posture_view *d);
/* Starts the inspections due while slots are free. */
void pv_pump(struct posture_view *d);
/* Cancels every request (destroy). */
void pv_cancel(struct posture_view *d);

#endif
