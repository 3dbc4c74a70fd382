#ifndef BERTH_POSTURE_EOL_H
#define BERTH_POSTURE_EOL_H

#include <stddef.h>

#include "posture/pkgdb.h"

/*
 * The end-of-life table of base OS releases (data/eol.tsv, its format
 * described there): ID, VERSION, EOL day, NAME, SOURCE per line.
 */

struct eol_entry {
	char id[32];
	char version[32];
	char eol[11]; /* YYYY-MM-DD */
	char name[64];
	char source[160];
};

struct eol_table {
	struct eol_entry *items;
	size_t n;
	char *where; /* the file it came from, for messages; may be NULL */
};

/* Appends the lines of a table's text (a later line for the same ID
 * and VERSION replaces the earlier one).  0, or -1 with "LINE: what"
 * in msg (a field missing, a date that is not one, no memory); the
 * table then holds the lines before it. */
int eol_parse(struct eol_table *t, const char *text, size_t len, char *msg,
	      size_t msglen);
/* The same for a file; the path is kept as where. */
int eol_load_file(struct eol_table *t, const char *path, char *msg,
		  size_t msglen);
void eol_free(struct eol_table *t);

/* The entry of the OS's release: the same ID and the longest VERSION
 * that is its VERSION_ID or a prefix of it up to a dot; NULL for none. */
const struct eol_entry *eol_find(const struct eol_table *t,
				 const struct pkgdb_os *os);

#endif
