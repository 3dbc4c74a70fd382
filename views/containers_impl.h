#ifndef BERTH_VIEWS_CONTAINERS_IMPL_H
#define BERTH_VIEWS_CONTAINERS_IMPL_H

/* Shared by the containers pane's files only: views/containers.c (keys,
 * actions, drawing) and views/containers_table.c (the table model). */

#include <stddef.h>

#include "tui/table.h"
#include "views/app.h"
#include "views/container_actions.h"
#include "views/container_detail.h"
#include "model/cstore.h"

#define LBL_PROJECT "com.docker.compose.project"
#define LBL_SERVICE "com.docker.compose.service"
#define LBL_NUMBER "com.docker.compose.container-number"
#define WANT_MAX 256
#define MARKED_MAX 1024
#define LOGS_MARKED_MAX 32 /* what the logs pane follows at once */

enum col {
	C_NAME,
	C_IMAGE,
	C_STATE,
	C_HEALTH,
	C_UPTIME,
	C_PORTS,
	C_CPU,
	C_MEM,
	C_NET,	 /* bytes a second received / sent */
	C_BLOCK, /* bytes a second read / written */
	C_PIDS,
	C_RISK, /* the worst posture finding: PRIV, SOCK or a severity */
	C_COUNT
};

/* When a row's clock started, worked out once per Status text: the
 * summary says "Up 2 hours", which would not tick by itself. */
struct since {
	char id[72];
	unsigned long status_hash;
	long long at; /* 0: unknown */
	int up;	      /* at is a start, else an end */
};

struct cview {
	struct app *a;
	struct table t;
	struct cstore *st;
	unsigned long gen;
	unsigned long posture_gen; /* the RISK column's, last seen */
	int synced;
	struct since *since;
	size_t n_since;
	char pending[256];
	struct cdetail *detail;
	struct cactions *acts;
	int detail_focus;
	int visible;
	char saved_filter[TABLE_FILTER_MAX];
	/* the columns the config asks for, in its order: the table's
	 * column i is colmap[i] */
	struct table_ops ops;
	struct table_column cols[C_COUNT];
	int colmap[C_COUNT];
	int ncols;
};

extern const struct table_column cview_columns[];
/* The table's columns from the config's list ("name,image,cpu"): names
 * it does not know are left out (the config was checked on load). */
void cview_set_columns(struct cview *v, const char *list);
/* The column shown at table index i, as enum col; -1 for none. */
int cview_col(const struct cview *v, int i);
extern const struct table_ops cview_ops;
const struct cstore_entry *cview_entry(struct cview *v, size_t row);
const char *cview_key(void *model, size_t row);
/* The compose project a row belongs to, or NULL. */
const char *cview_group(void *model, size_t row);
/* Start times from the Status texts, redone when the rows changed. */
void cview_update_since(struct cview *v);

#endif
