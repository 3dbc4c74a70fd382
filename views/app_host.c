/*
 * Each engine's host line, for the top bar and the fleet pane: made of
 * what the console already holds (the posture scan's /info and
 * inspections), the disk only once a pane asked for it.
 */
#include "views/app_impl.h"

#include <string.h>

#include "api/client.h"
#include "model/host_figures.h"

void app_engine_host(struct app *a, int i, char *buf, size_t n, int *overcommit)
{
	struct app_engine *e;
	const struct api_info *info;
	struct host_figures h;

	*overcommit = 0;
	if (n)
		buf[0] = '\0';
	if (i < 0 || i >= a->n_engines)
		return;
	e = &a->engines[i];
	if (!e->posture.ef.have_info)
		return;
	info = &e->posture.ef.info;
	if (api_client_is_local(e->client))
		host_df_probe_fs(&e->disk, info->docker_root_dir);
	host_figures_compose(&h, info, &e->posture.m, &e->disk);
	host_figures_line(&h, buf, n);
	*overcommit = host_figures_overcommitted(&h);
}

void app_engine_want_disk(struct app *a, int i)
{
	if (i >= 0 && i < a->n_engines &&
	    conn_state(a->engines[i].conn) == CONN_UP)
		host_df_want(&a->engines[i].disk);
}
