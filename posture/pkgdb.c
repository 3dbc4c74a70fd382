#include "posture/pkgdb.h"

#include <stdlib.h>
#include <string.h>

/* The next line of text[*off..len), without its newline. */
static int next_line(const char *t, size_t len, size_t *off, const char **l,
		     size_t *n)
{
	const char *nl;

	if (*off >= len)
		return 0;
	*l = t + *off;
	nl = memchr(*l, '\n', len - *off);
	*n = nl ? (size_t)(nl - *l) : len - *off;
	*off += *n + (nl ? 1 : 0);
	if (*n > 0 && (*l)[*n - 1] == '\r')
		(*n)--;
	return 1;
}

/* An os-release value: quotes removed, backslash escapes taken. */
static void os_value(const char *v, size_t n, char *out, size_t cap)
{
	size_t i = 0, k = 0;
	char q = 0;

	if (n > 0 && (v[0] == '"' || v[0] == '\'')) {
		q = v[0];
		i = 1;
	}
	for (; i < n && k + 1 < cap; i++) {
		if (q && v[i] == q)
			break;
		if (q == '"' && v[i] == '\\' && i + 1 < n)
			i++;
		out[k++] = v[i];
	}
	out[k] = '\0';
}

int pkgdb_os_release(const char *text, size_t len, struct pkgdb_os *out)
{
	static const struct {
		const char *key;
		size_t off, cap;
	} keys[] = {
		{"ID", offsetof(struct pkgdb_os, id), sizeof(out->id)},
		{"VERSION_ID", offsetof(struct pkgdb_os, version_id),
		 sizeof(out->version_id)},
		{"VERSION_CODENAME", offsetof(struct pkgdb_os, codename),
		 sizeof(out->codename)},
		{"PRETTY_NAME", offsetof(struct pkgdb_os, pretty),
		 sizeof(out->pretty)},
	};
	size_t off = 0, n, i, k;
	const char *l;

	memset(out, 0, sizeof(*out));
	while (next_line(text, len, &off, &l, &n)) {
		const char *eq = memchr(l, '=', n);

		if (!eq)
			continue;
		k = (size_t)(eq - l);
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (strlen(keys[i].key) == k &&
			    memcmp(l, keys[i].key, k) == 0)
				os_value(eq + 1, n - k - 1,
					 (char *)out + keys[i].off,
					 keys[i].cap);
	}
	return out->id[0] ? 0 : -1;
}

int pkgdb_add(struct pkgdb_list *l, const char *name, size_t nlen,
	      const char *version, size_t vlen)
{
	struct pkgdb_pkg *p;

	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 64;
		p = realloc(l->items, nc * sizeof(*p));
		if (!p)
			goto nomem;
		l->items = p;
		l->cap = nc;
	}
	p = &l->items[l->n];
	p->name = strndup(name, nlen);
	p->version = strndup(version, vlen);
	if (!p->name || !p->version) {
		free(p->name);
		free(p->version);
		goto nomem;
	}
	l->n++;
	return 0;
nomem:
	l->nomem = 1;
	return -1;
}

static int field(const char *l, size_t n, const char *key, const char **v,
		 size_t *vn)
{
	size_t k = strlen(key);

	if (n < k || memcmp(l, key, k) != 0)
		return 0;
	*v = l + k;
	*vn = n - k;
	while (*vn > 0 && (**v == ' ' || **v == '\t')) {
		(*v)++;
		(*vn)--;
	}
	while (*vn > 0 && ((*v)[*vn - 1] == ' ' || (*v)[*vn - 1] == '\t'))
		(*vn)--;
	return 1;
}

static int ends_installed(const char *s, size_t n)
{
	return n >= 10 && memcmp(s + n - 10, " installed", 10) == 0;
}

/* One stanza's fields, added when it is complete. */
struct stanza {
	const char *name, *version, *status;
	size_t nn, vn, sn;
};

static size_t flush(struct stanza *s, struct pkgdb_list *l, int need_status)
{
	size_t added = 0;

	if (s->name && s->nn && s->version && s->vn &&
	    (!need_status || (s->status && ends_installed(s->status, s->sn))))
		added = pkgdb_add(l, s->name, s->nn, s->version, s->vn) == 0;
	memset(s, 0, sizeof(*s));
	return added;
}

size_t pkgdb_dpkg_status(const char *text, size_t len, struct pkgdb_list *l)
{
	struct stanza s = {0};
	size_t off = 0, n, added = 0;
	const char *line;

	while (next_line(text, len, &off, &line, &n)) {
		if (n == 0) {
			added += flush(&s, l, 1);
			continue;
		}
		if (!field(line, n, "Package:", &s.name, &s.nn) &&
		    !field(line, n, "Version:", &s.version, &s.vn))
			field(line, n, "Status:", &s.status, &s.sn);
	}
	return added + flush(&s, l, 1);
}

size_t pkgdb_apk_installed(const char *text, size_t len, struct pkgdb_list *l)
{
	struct stanza s = {0};
	size_t off = 0, n, added = 0;
	const char *line;

	while (next_line(text, len, &off, &line, &n)) {
		if (n == 0) {
			added += flush(&s, l, 0);
			continue;
		}
		if (!field(line, n, "P:", &s.name, &s.nn))
			field(line, n, "V:", &s.version, &s.vn);
	}
	return added + flush(&s, l, 0);
}

static int by_name(const void *a, const void *b)
{
	const struct pkgdb_pkg *x = a, *y = b;

	return strcmp(x->name, y->name);
}

void pkgdb_sort(struct pkgdb_list *l)
{
	size_t i, k = 0;

	if (l->n == 0)
		return;
	qsort(l->items, l->n, sizeof(l->items[0]), by_name);
	for (i = 0; i < l->n; i++) {
		if (k > 0 &&
		    strcmp(l->items[k - 1].name, l->items[i].name) == 0) {
			free(l->items[i].name);
			free(l->items[i].version);
			continue;
		}
		l->items[k++] = l->items[i];
	}
	l->n = k;
}

void pkgdb_list_free(struct pkgdb_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].name);
		free(l->items[i].version);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}
