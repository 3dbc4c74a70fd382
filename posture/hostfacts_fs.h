#ifndef BERTH_POSTURE_HOSTFACTS_FS_H
#define BERTH_POSTURE_HOSTFACTS_FS_H

#include <stddef.h>

#include "posture/hostfacts.h"

/*
 * The file and database reads behind hostfacts_collect().  Each records
 * what it found in the facts; an allocation failure sets *nomem.
 */

/* HF_DENIED for EACCES/EPERM, else HF_ABSENT. */
enum hostfacts_state hf_errno_state(int e);
/* A whole file of at most 1 MiB, NUL-terminated; NULL, errno set. */
char *hf_slurp(const char *path, size_t *len);
/* stat(2) of path into f (path copied), with owner and group names. */
void hf_stat(struct hostfacts_file *f, const char *path, int *nomem);
/* The first of paths that exists or cannot be checked; else paths[0]. */
void hf_stat_first(struct hostfacts_file *f, const char *const *paths, size_t n,
		   int *nomem);
/* A program in the usual bin directories. */
void hf_stat_bin(struct hostfacts_file *f, const char *name, int *nomem);
/* Members of group gid (the database's plus users whose primary group
 * it is), root left out. */
void hf_group_members(struct hostfacts *h, unsigned gid, int *nomem);
/* The files under dir/<registry>/ (registry certificates). */
void hf_certs(struct hostfacts *h, const char *dir, int *nomem);
/* /etc/audit/audit.rules and /etc/audit/rules.d/NAME.rules. */
void hf_audit(struct hostfacts *h, int *nomem);
/* h->mount_point and h->mount_fstype for h->data_root. */
void hf_mount(struct hostfacts *h, int *nomem);
/* The mount point path lies on, its type and device ("254:0"), from a
 * mountinfo text; pure, exported for the unit tests.  0, or -1 when none
 * matches (the outputs are then NULL or to be freed). */
int hostfacts_mount_of(const char *mountinfo, const char *path, char **point,
		       char **fstype, char **dev);

#endif
