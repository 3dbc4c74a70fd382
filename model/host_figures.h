#ifndef BERTH_MODEL_HOST_FIGURES_H
#define BERTH_MODEL_HOST_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/system.h"
#include "api/system_df.h"
#include "model/host_df.h"
#include "model/posture_model.h"

/*
 * One engine's host in figures: its CPUs and memory (/info), the memory
 * its running containers may take (their limits summed, and how many
 * have none), its disk by kind with what is reclaimable (/system/df, the
 * docker CLI's sums), and, for an engine on this machine, the free space
 * of the file system its data root is on.  Running and paused containers
 * count: a stopped one holds no memory.  The limits overcommit the host
 * when their sum passes its memory; an unbounded container may take all
 * of it, so it is a warning too.
 */

struct host_figures {
	int64_t ncpu;
	int64_t mem_total;  /* bytes */
	int64_t limited;    /* running containers with a memory limit */
	int64_t unbounded;  /* and those without */
	int64_t limits_sum; /* bytes */
	int have_df;
	struct api_df df;
	int have_fs;
	uint64_t fs_avail, fs_size; /* bytes, for an unprivileged writer */
};

/* Every figure, asked of the engine in turn (for berth info): info is
 * its /info, already read. */
api_code host_figures_fetch(struct api_client *c, const struct api_info *info,
			    struct host_figures *h, struct api_error *err);
/* One running (or paused) container's HostConfig.Memory; 0: none. */
void host_figures_add_limit(struct host_figures *h, int64_t memory);
int host_figures_overcommitted(const struct host_figures *h);
/* The file system of path (the engine's data root, when local). */
int host_figures_probe_fs(struct host_figures *h, const char *path);
/* The console's figures, from what it already holds: the engine's /info
 * (NULL: not yet), the posture scan's inspections (each container's
 * limit as last inspected, kept current by its events) and the disk
 * (d NULL or not yet asked: left out). */
void host_figures_compose(struct host_figures *h, const struct api_info *info,
			  const struct posture_model *m,
			  const struct host_df *d);
/* Disk the engine uses, in all (images' layers, containers, volumes,
 * build cache) and reclaimable. */
int64_t host_figures_disk(const struct host_figures *h, int64_t *reclaimable);
/* The top bar's words: "2 CPU 23.5GiB, limits 1GiB (3 unbounded), disk
 * 12MB (5MB reclaimable), 80GiB free"; what is unknown is left out. */
void host_figures_line(const struct host_figures *h, char *buf, size_t n);

#endif
