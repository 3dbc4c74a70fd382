#ifndef BERTH_OPS_CP_PLAN_H
#define BERTH_OPS_CP_PLAN_H

#include <stddef.h>

/*
 * Where docker cp puts a copy, decided from the source and what the
 * destination is: into an existing directory under the source's own
 * name; as the destination's name when it does not exist (its parent
 * must) or is a file the source file replaces.  A source ending in "/."
 * copies the directory's contents.  Pure: the caller stats both sides.
 */
enum cp_kind { CP_ABSENT, CP_FILE, CP_DIR };

struct cp_plan {
	char dir[4096]; /* extract into this directory */
	char from[256]; /* the archive's top name ("etc", "." for contents) */
	char to[256];	/* what it becomes there; "" keeps from */
	int contents;	/* the source ended in "/." */
};

/* src: the source path; src_kind its kind; dst: the destination path and
 * dst_kind; parent_kind: the destination's parent's kind (for an absent
 * destination).  0, or -1 with why in msg (docker cp's own reasons). */
int cp_plan_make(const char *src, enum cp_kind src_kind, const char *dst,
		 enum cp_kind dst_kind, enum cp_kind parent_kind,
		 struct cp_plan *p, char *msg, size_t msglen);

/* The parent directory of path ("/a/b" -> "/a", "b" -> "."). */
void cp_dirname(const char *path, char *out, size_t n);
/* The last name of path, trailing slashes ignored ("/a/b/" -> "b"). */
void cp_basename(const char *path, char *out, size_t n);

/* An archive entry's name rewritten for the plan into out: NULL for an
 * entry to skip (the "./" of contents copied into a directory), or when
 * the name is unsafe (absolute, "..") with *unsafe set. */
const char *cp_entry_name(const struct cp_plan *p, const char *name, char *out,
			  size_t n, int *unsafe);

#endif
