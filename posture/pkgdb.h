#ifndef BERTH_POSTURE_PKGDB_H
#define BERTH_POSTURE_PKGDB_H

#include <stddef.h>

/*
 * What an image's files say about its OS and its packages, parsed from
 * the bytes the export holds: /etc/os-release (or /usr/lib/os-release),
 * dpkg's status database (and distroless's status.d/ files), apk's
 * installed database.  Pure; every parser takes outside input.
 */

struct pkgdb_os {
	char id[32];	     /* "debian", "alpine", "ubuntu" */
	char version_id[32]; /* "12", "3.18.4", "22.04"; may be "" */
	char codename[32];   /* VERSION_CODENAME, may be "" */
	char pretty[128];    /* PRETTY_NAME, may be "" */
};

struct pkgdb_pkg {
	char *name;
	char *version;
};

struct pkgdb_list {
	struct pkgdb_pkg *items;
	size_t n, cap;
	int nomem;
};

/* Parses os-release text (KEY=value lines, values maybe quoted with
 * shell escapes).  0, or -1 when it names no ID. */
int pkgdb_os_release(const char *text, size_t len, struct pkgdb_os *out);

/* Appends the installed packages of a dpkg status text (stanzas whose
 * Status ends in "installed") or of apk's installed database (P: and V:
 * lines).  Returns how many were added. */
size_t pkgdb_dpkg_status(const char *text, size_t len, struct pkgdb_list *l);
size_t pkgdb_apk_installed(const char *text, size_t len, struct pkgdb_list *l);

/* Appends name and version (copies); -1 when out of memory (l->nomem). */
int pkgdb_add(struct pkgdb_list *l, const char *name, size_t nlen,
	      const char *version, size_t vlen);
/* Sorts by name; a name listed twice (two architectures) is kept once. */
void pkgdb_sort(struct pkgdb_list *l);
void pkgdb_list_free(struct pkgdb_list *l);

#endif
