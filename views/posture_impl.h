#ifndef BERTH_VIEWS_POSTURE_IMPL_H
#define BERTH_VIEWS_POSTURE_IMPL_H

#include <curses.h>
#include <stddef.h>

#include "api/client.h"
#include "api/networks.h"
#include "api/system.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "model/posture_model.h"
#include "model/posture_scan.h"

/*
 * The posture pane's state, shared by views/posture.c (requests, keys,
 * the view operations) and views/posture_draw.c (the host summary and
 * the detail region).
 */

enum {
	PV_COL_NAME,
	PV_COL_FIRST_CONCERN,
	PV_COL_WORST = PV_COL_FIRST_CONCERN + PM_CONCERNS,
	PV_COLS
};

struct posture_view {
	struct app *app;
	unsigned long gen; /* the app's posture generation last shown */
	struct table table;
	size_t *vis; /* model rows at or above min_sev */
	size_t nvis, capvis;
	int min_sev;	  /* -1: every container */
	int main_y;	  /* of the last draw, for clicks */
	int moved;	  /* the user moved the selection: keep it there */
	char *select_arg; /* from the command line, until that row exists */
};

/* The selected engine's posture scan: the app runs it in the
 * background (the containers pane's RISK column reads it too). */
struct pscan *pv_scan(const struct posture_view *d);
/* posture.c: the model changed (order, counts, visible rows). */
void pv_changed(struct posture_view *d);
const struct pm_container *pv_selected(const struct posture_view *d);
/* The summary lines above the table; returns the lines used. */
int pv_draw_summary(struct posture_view *d, WINDOW *w, const struct rect *r);
void pv_draw_detail(struct posture_view *d, WINDOW *w, const struct rect *r);

#endif
