#include "posture/eol.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "posture/accept.h"

static int copy_field(char *dst, size_t cap, const char *s, size_t n)
{
	if (n == 0 || n >= cap)
		return -1;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 0;
}

static int parse_line(const char *l, size_t n, struct eol_entry *e)
{
	const char *f[5];
	size_t len[5], k = 0, i, start = 0;

	for (i = 0; i <= n && k < 5; i++)
		if (i == n || l[i] == '\t') {
			f[k] = l + start;
			len[k++] = i - start;
			start = i + 1;
		}
	if (k < 5)
		return -1;
	if (copy_field(e->id, sizeof(e->id), f[0], len[0]) ||
	    copy_field(e->version, sizeof(e->version), f[1], len[1]) ||
	    copy_field(e->eol, sizeof(e->eol), f[2], len[2]) ||
	    copy_field(e->name, sizeof(e->name), f[3], len[3]) ||
	    copy_field(e->source, sizeof(e->source), f[4],
		       n - (size_t)(f[4] - l)))
		return -1;
	return posture_accept_date_ok(e->eol) ? 0 : -1;
}

static int put(struct eol_table *t, const struct eol_entry *e)
{
	struct eol_entry *ni;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->items[i].id, e->id) == 0 &&
		    strcmp(t->items[i].version, e->version) == 0) {
			t->items[i] = *e;
			return 0;
		}
	ni = realloc(t->items, (t->n + 1) * sizeof(*ni));
	if (!ni)
		return -1;
	t->items = ni;
	t->items[t->n++] = *e;
	return 0;
}

int eol_parse(struct eol_table *t, const char *text, size_t len, char *msg,
	      size_t msglen)
{
	size_t off = 0, line = 0;

	while (off < len) {
		const char *l = text + off, *nl = memchr(l, '\n', len - off);
		size_t n = nl ? (size_t)(nl - l) : len - off;
		struct eol_entry e;

		off += n + (nl ? 1 : 0);
		line++;
		if (n > 0 && l[n - 1] == '\r')
			n--;
		if (n == 0 || l[0] == '#')
			continue;
		if (parse_line(l, n, &e) != 0) {
			snprintf(msg, msglen,
				 "%zu: not ID, VERSION, YYYY-MM-DD, NAME and "
				 "SOURCE separated by tabs",
				 line);
			return -1;
		}
		if (put(t, &e) != 0) {
			snprintf(msg, msglen, "%zu: out of memory", line);
			return -1;
		}
	}
	return 0;
}

int eol_load_file(struct eol_table *t, const char *path, char *msg,
		  size_t msglen)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL, part[256];
	size_t len = 0;
	int rc;

	if (!f) {
		snprintf(msg, msglen, "%s: cannot be read", path);
		return -1;
	}
	buf = malloc(1 << 20);
	if (buf)
		len = fread(buf, 1, 1 << 20, f);
	if (!buf || ferror(f) || !feof(f)) {
		snprintf(msg, msglen, "%s: cannot be read (or over 1 MB)",
			 path);
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	rc = eol_parse(t, buf, len, part, sizeof(part));
	free(buf);
	if (rc != 0)
		snprintf(msg, msglen, "%s:%s", path, part);
	else {
		free(t->where);
		t->where = strdup(path);
	}
	return rc;
}

void eol_free(struct eol_table *t)
{
	free(t->items);
	free(t->where);
	memset(t, 0, sizeof(*t));
}

static int version_matches(const char *want, const char *have)
{
	size_t n = strlen(want);

	return strncmp(want, have, n) == 0 &&
	       (have[n] == '\0' || have[n] == '.');
}

const struct eol_entry *eol_find(const struct eol_table *t,
				 const struct pkgdb_os *os)
{
	const struct eol_entry *best = NULL;
	size_t i;

	for (i = 0; t && i < t->n; i++)
		if (strcmp(t->items[i].id, os->id) == 0 && os->version_id[0] &&
		    version_matches(t->items[i].version, os->version_id) &&
		    (!best ||
		     strlen(t->items[i].version) > strlen(best->version)))
			best = &t->items[i];
	return best;
}
