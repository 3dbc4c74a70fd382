/*
 * The fleet: one row per engine when berth watches several (-H A -H B,
 * --all-contexts): reachable or not, version, containers running and
 * stopped, alerts, posture, and its host in figures (CPUs, memory, the
 * running containers' limits, disk, free space; the disk is asked for
 * while this pane is on screen).  Enter makes an engine the one every
 * pane shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/table.h"
#include "tui/theme.h"
#include "views/app.h"
#include "views/registry.h"
#include "views/risk.h"

enum {
	C_SEL,
	C_ENGINE,
	C_STATE,
	C_VERSION,
	C_RUN,
	C_STOP,
	C_ALERTS,
	C_WORST,
	C_FINDINGS,
	C_LAST,
	C_HOST
};

static const struct table_column columns[] = {
	[C_SEL] = {"", 1, 0, 0, 0},
	[C_ENGINE] = {"ENGINE", 20, 3, 0, 0},
	[C_STATE] = {"STATE", 12, 0, 0, 0},
	[C_VERSION] = {"VERSION", 10, 0, 0, 60},
	[C_RUN] = {"RUNNING", 7, 0, 1, 0},
	[C_STOP] = {"STOPPED", 7, 0, 1, 50},
	[C_ALERTS] = {"ALERTS", 6, 0, 1, 0},
	[C_WORST] = {"WORST", 8, 0, 0, 0},
	[C_FINDINGS] = {"CRIT/HIGH/MED", 13, 0, 0, 160},
	[C_LAST] = {"LAST ALERT", 12, 2, 0, 90},
	[C_HOST] = {"HOST", 24, 4, 0, 120},
};

struct fleet {
	struct app *app;
	struct table t;
	char keys[APP_MAX_ENGINES][8];
	int n; /* engines when the order was last built */
};

static size_t t_rows(void *model)
{
	struct fleet *f = model;

	return (size_t)app_engine_count(f->app);
}

static const char *conn_word(enum app_conn c)
{
	switch (c) {
	case APP_CONNECTED:
		return "connected";
	case APP_DISCONNECTED:
		return "unreachable";
	default:
		return "connecting";
	}
}

static void t_cell(void *model, size_t row, int col, char *buf, size_t n)
{
	struct fleet *f = model;
	struct app_engine_info in;

	app_engine_info(f->app, (int)row, &in);
	switch (col) {
	case C_SEL:
		snprintf(buf, n, "%s",
			 (int)row == app_engine_selected(f->app) ? "*" : "");
		break;
	case C_ENGINE:
		snprintf(buf, n, "%s", in.host ? in.host : "");
		break;
	case C_STATE:
		snprintf(buf, n, "%s", conn_word(in.conn));
		break;
	case C_VERSION:
		snprintf(buf, n, "%s", in.version ? in.version : "");
		break;
	case C_RUN:
		snprintf(buf, n, "%d", in.running);
		break;
	case C_STOP:
		snprintf(buf, n, "%d", in.stopped);
		break;
	case C_ALERTS:
		snprintf(buf, n, "%d", in.alerts);
		break;
	case C_WORST:
		snprintf(buf, n, "%s",
			 in.worst == -2 ? "…"
			 : in.worst < 0
				 ? "clean"
				 : posture_severity_name(
					   (enum posture_severity)in.worst));
		break;
	case C_FINDINGS:
		if (in.worst != -2)
			snprintf(buf, n, "%zu/%zu/%zu",
				 in.findings[POSTURE_SEV_CRITICAL],
				 in.findings[POSTURE_SEV_HIGH],
				 in.findings[POSTURE_SEV_MEDIUM]);
		break;
	case C_HOST: {
		int over;
		app_engine_host(f->app, (int)row, buf, n, &over);
		break;
	}
	default:
		snprintf(buf, n, "%s", in.last_alert ? in.last_alert : "");
		break;
	}
}

static int t_slot(void *model, size_t row, int col)
{
	struct fleet *f = model;
	struct app_engine_info in;

	app_engine_info(f->app, (int)row, &in);
	if (col == C_STATE)
		return in.conn == APP_CONNECTED	     ? TS_STATE_RUNNING
		       : in.conn == APP_DISCONNECTED ? TS_STATE_DEAD
						     : TS_DIM;
	if ((col == C_ALERTS || col == C_LAST) && in.alerts > 0)
		return TS_ALERT;
	if (col == C_WORST && in.worst >= -1)
		return risk_worst_slot(in.worst);
	if (col == C_HOST) {
		char line[256];
		int over;
		app_engine_host(f->app, (int)row, line, sizeof(line), &over);
		return over ? TS_ALERT : -1;
	}
	return -1;
}

static const char *t_key(void *model, size_t row)
{
	struct fleet *f = model;

	if (row >= APP_MAX_ENGINES)
		return "";
	snprintf(f->keys[row], sizeof(f->keys[row]), "%zu", row);
	return f->keys[row];
}

static const struct table_ops ops = {
	.columns = columns,
	.ncolumns = sizeof(columns) / sizeof(columns[0]),
	.rows = t_rows,
	.cell = t_cell,
	.slot = t_slot,
	.key = t_key,
};

static void *create(struct app *a)
{
	struct fleet *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->app = a;
	table_init(&f->t, &ops, f);
	return f;
}

static void destroy(void *data)
{
	struct fleet *f = data;

	table_free(&f->t);
	free(f);
}

static void sync(struct fleet *f)
{
	if (f->n != app_engine_count(f->app)) {
		f->n = app_engine_count(f->app);
		table_invalidate(&f->t);
	}
}

static void show(void *data, const char *arg)
{
	(void)arg;
	sync(data);
}

static void draw(void *data, WINDOW *w, const struct rect *main,
		 const struct rect *detail)
{
	struct fleet *f = data;
	int i;

	(void)detail;
	sync(f);
	for (i = 0; i < f->n; i++)
		app_engine_want_disk(f->app, i);
	table_draw(&f->t, w, main->y, main->x, main->h, main->w);
}

static unsigned action(void *data, enum action a)
{
	struct fleet *f = data;
	size_t row;

	switch (a) {
	case ACT_LIST_UP:
	case ACT_LIST_DOWN:
	case ACT_LIST_TOP:
	case ACT_LIST_BOTTOM:
		table_action(&f->t, a);
		break;
	case ACT_LIST_OPEN:
		if (table_selected(&f->t, &row)) {
			app_select_engine(f->app, (int)row);
			app_show_pane(f->app, "containers", NULL);
		}
		break;
	default:
		return VIEW_UNHANDLED;
	}
	app_dirty(f->app);
	return VIEW_HANDLED | VIEW_REDRAW;
}

static unsigned click(void *data, int row, int col)
{
	struct fleet *f = data;

	(void)col;
	table_click(&f->t, row);
	return VIEW_HANDLED | VIEW_REDRAW;
}

const struct view_ops view_fleet = {
	.name = "fleet",
	.title = "Engines",
	.keyctx = KCTX_LIST,
	.create = create,
	.destroy = destroy,
	.show = show,
	.draw = draw,
	.action = action,
	.click = click,
};
