#include "model/host_df.h"

#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>

void host_df_init(struct host_df *d, struct api_client *c,
		  const struct sched *s)
{
	memset(d, 0, sizeof(*d));
	d->client = c;
	d->sched = s;
}

static void df_done(struct api_request *req, api_code code,
		    const struct api_response *resp,
		    const struct api_error *err, void *ud)
{
	struct host_df *d = ud;
	struct api_df df;
	struct api_error perr;

	(void)req;
	(void)err;
	d->req = NULL;
	/* a failed answer keeps the last good one on screen, and is asked
	 * again sooner (the engine runs one disk usage at a time: a docker
	 * system df beside it is refused the same way) */
	if (code == API_OK &&
	    api_df_parse(resp->body, resp->body_len, &df, &perr) == API_OK) {
		api_df_free(&d->df);
		d->df = df;
		d->have = 1;
		sched_changed(d->sched);
	} else {
		d->asked_ms -= HOST_DF_EVERY_MS - HOST_DF_RETRY_MS;
	}
}

void host_df_want(struct host_df *d)
{
	struct api_request_spec spec = {.on_done = df_done, .ud = d};
	uint64_t now = sched_now_ms(d->sched);
	char *path;

	if (d->req || (d->asked_ms && now - d->asked_ms < HOST_DF_EVERY_MS))
		return;
	path = api_df_path();
	if (!path)
		return;
	spec.path = path;
	d->asked_ms = now ? now : 1;
	api_request_start(d->client, &spec, &d->req, NULL);
	free(path);
}

void host_df_probe_fs(struct host_df *d, const char *data_root)
{
	uint64_t now = sched_now_ms(d->sched);

	if (!data_root || !*data_root ||
	    (d->fs_read_ms && now - d->fs_read_ms < HOST_FS_EVERY_MS))
		return;
	d->fs_read_ms = now ? now : 1;
	d->have_fs = host_fs_read(data_root, &d->fs_avail, &d->fs_size) == 0;
}

void host_df_stop(struct host_df *d)
{
	if (d->req)
		api_request_cancel(d->req);
	d->req = NULL;
	/* asked again as soon as it is wanted after the engine is back */
	d->asked_ms = 0;
}

void host_df_free(struct host_df *d)
{
	host_df_stop(d);
	api_df_free(&d->df);
}

int host_fs_read(const char *path, uint64_t *avail, uint64_t *size)
{
	struct statvfs v;

	if (!path || !*path || statvfs(path, &v) != 0)
		return -1;
	*avail = (uint64_t)v.f_bavail * v.f_frsize;
	*size = (uint64_t)v.f_blocks * v.f_frsize;
	return 0;
}

int host_fs_use(const char *path, double *pct, uint64_t *avail)
{
	struct statvfs v;
	uint64_t used;

	if (!path || !*path || statvfs(path, &v) != 0)
		return -1;
	used = (uint64_t)(v.f_blocks - v.f_bfree) * v.f_frsize;
	*avail = (uint64_t)v.f_bavail * v.f_frsize;
	*pct = used + *avail ? (double)used * 100.0 / (double)(used + *avail)
			     : 0;
	return 0;
}
