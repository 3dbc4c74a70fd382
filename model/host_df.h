#ifndef BERTH_MODEL_HOST_DF_H
#define BERTH_MODEL_HOST_DF_H

#include <stdint.h>

#include "api/client.h"
#include "api/system_df.h"
#include "model/sched.h"

/*
 * An engine's disk as the console knows it: /system/df, asked when a
 * pane that shows it wants it (host_df_want) and again every
 * HOST_DF_EVERY_MS while it still does, never behind the user's back:
 * the engine walks every container's file system to answer (on vfs, a
 * copy of each image), which costs it more than any other read berth
 * makes.  And, for an engine on this machine, the free space of its data
 * root's file system, read at most every HOST_FS_EVERY_MS.
 */

#define HOST_DF_EVERY_MS 300000
#define HOST_DF_RETRY_MS 10000 /* after a failed answer */
#define HOST_FS_EVERY_MS 10000

struct host_df {
	struct api_client *client;
	const struct sched *sched;
	struct api_request *req;
	uint64_t asked_ms; /* when the last answer was asked; 0: never */
	int have;
	struct api_df df;
	int have_fs;
	uint64_t fs_avail, fs_size, fs_read_ms;
};

void host_df_init(struct host_df *d, struct api_client *c,
		  const struct sched *s);
/* A pane shows the disk now: asks when the last answer is too old. */
void host_df_want(struct host_df *d);
/* The data root's file system (a local engine's), read when due. */
void host_df_probe_fs(struct host_df *d, const char *data_root);
/* The engine went away: what was known stays, nothing is in flight. */
void host_df_stop(struct host_df *d);
void host_df_free(struct host_df *d);
/* statvfs(2) of path: what an unprivileged writer may still use, and
 * the whole; -1 when it cannot be read. */
int host_fs_read(const char *path, uint64_t *avail, uint64_t *size);
/* The share of the file system in use as df(1) counts it (used over used
 * plus what an unprivileged writer may still use, the blocks reserved for
 * root left out), and the available bytes; -1 when it cannot be read. */
int host_fs_use(const char *path, double *pct, uint64_t *avail);

#endif
