#ifndef BERTH_POSTURE_PROC_TOP_H
#define BERTH_POSTURE_PROC_TOP_H

#include <stddef.h>
#include <stdint.h>

#include "api/container_top.h"

/*
 * A running container's processes read from this host's /proc and
 * cgroup tree, as GET /containers/{id}/top reports them: the PID and
 * CMD columns of `ps -ef`, a row per process of the container's cgroup
 * (and the cgroups below it), in pid order.  The engine's /top runs ps
 * over every process on the host for each call (about 100 ms with 3000
 * processes here, so a posture pass over 1000 containers took a
 * minute); this reads only the container's own.
 *
 * Only when berth shares the engine's host and pid namespace: the main
 * process's cgroup must name the container's full id, else -1 and the
 * caller asks the engine.  root: "" for this host, or a test tree.
 */

/* 0 with *out filled, -1 when this host cannot tell (out is then
 * empty; errno is not meaningful). */
int proc_top_read(const char *root, const char *id, int64_t pid,
		  struct api_top *out);

/* The cgroup directory of a /proc/PID/cgroup text under root's
 * /sys/fs/cgroup, for the cgroup v2 line or v1's pids controller, when
 * its path names id; pure but for stat(2), exported for the tests and
 * the fuzz target.  0, or -1 when none fits. */
int proc_top_cgroup_dir(const char *root, const char *cgroup, const char *id,
			char *dir, size_t n);

/* ps's CMD of one process: its arguments joined by spaces, control
 * characters as '?'; with none (a kernel thread, a zombie) "[comm]",
 * and " <defunct>" for a zombie.  Pure: cmdline as read (NULs between
 * the arguments), comm and state from /proc/PID/stat. */
void proc_top_cmd(const char *cmdline, size_t len, const char *comm, char state,
		  char *out, size_t n);

#endif
