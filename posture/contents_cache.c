#include "posture/contents_cache.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "berth-contents 2"
#define MAX_FIELDS 8
#define CACHE_MAX (512u * 1024u * 1024u)

static void put(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == '%' || c == 0x7f)
			fprintf(out, "%%%02X", c);
		else
			fputc(c, out);
	}
}

static void field(FILE *out, const char *s)
{
	fputc('\t', out);
	put(out, s);
}

int contents_cache_write(FILE *out, const struct posture_image_contents *ic)
{
	size_t i, j;

	fprintf(out, "%s\nid", MAGIC);
	field(out, ic->id);
	fprintf(out, "\ntrunc\t%d\n", ic->truncated ? 1 : 0);
	if (ic->have_os) {
		fputs("os", out);
		field(out, ic->os.id);
		field(out, ic->os.version_id);
		field(out, ic->os.codename);
		field(out, ic->os.pretty);
		fputc('\n', out);
	}
	if (ic->pkg_db)
		fprintf(out, "db\t%s\n", ic->pkg_db);
	for (i = 0; i < ic->pkgs.n; i++) {
		fputs("pkg", out);
		field(out, ic->pkgs.items[i].name);
		field(out, ic->pkgs.items[i].version);
		fputc('\n', out);
	}
	for (i = 0; i < ic->n_layers; i++) {
		const struct pic_layer *l = &ic->layers[i];

		fputs("layer", out);
		field(out, l->key);
		field(out, l->created_by ? l->created_by : "");
		fprintf(out, "\t%" PRId64 "\t%" PRId64 "\t%zu\t%zu\t%zu\n",
			l->size, l->hidden_bytes, l->added, l->changed,
			l->removed);
		for (j = 0; j < l->n; j++) {
			const struct pic_file *f = &l->files[j];

			fprintf(out, "f\t%u\t%o\t%" PRId64 "\t", f->type,
				f->mode, f->size);
			if (f->hider == 0xffffffffu)
				fputc('-', out);
			else
				fprintf(out, "%u", f->hider);
			field(out, f->path);
			fputc('\n', out);
		}
	}
	for (i = 0; i < ic->n_setuid; i++) {
		fprintf(out, "suid\t%zu\t%o", ic->setuid[i].layer,
			ic->setuid[i].mode);
		field(out, ic->setuid[i].path);
		fputc('\n', out);
	}
	fprintf(out,
		"sum\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%.17g\t%" PRId64
		"\nend\n",
		ic->files, ic->size, ic->wasted, ic->efficiency,
		ic->dive_wasted);
	return ferror(out) ? -1 : 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Splits one line in place into unescaped fields; their count, or -1. */
static int split(char *line, char *f[MAX_FIELDS])
{
	int n = 0;
	char *r = line, *w = line;

	f[n++] = w;
	for (; *r; r++) {
		if (*r == '\t') {
			*w++ = '\0';
			if (n == MAX_FIELDS)
				return -1;
			f[n++] = w;
		} else if (*r == '%') {
			int hi = hexval(r[1]), lo = hi < 0 ? -1 : hexval(r[2]);
			if (lo < 0)
				return -1;
			*w++ = (char)(hi * 16 + lo);
			r += 2;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return n;
}

static int num(const char *s, int64_t *out, int base)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, base);
	if (errno || end == s || *end || v < 0)
		return -1;
	*out = v;
	return 0;
}

static void copy_to(char *dst, size_t cap, const char *s)
{
	snprintf(dst, cap, "%s", s);
}

struct loader {
	struct posture_image_contents *ic;
	int ended;
};

static int add_layer(struct posture_image_contents *ic, char **f)
{
	struct pic_layer *l =
		realloc(ic->layers, (ic->n_layers + 1) * sizeof(*l));
	int64_t size, hidden, added, changed, removed;

	if (!l)
		return -1;
	ic->layers = l;
	l = &l[ic->n_layers];
	memset(l, 0, sizeof(*l));
	if (num(f[3], &size, 10) || num(f[4], &hidden, 10) ||
	    num(f[5], &added, 10) || num(f[6], &changed, 10) ||
	    num(f[7], &removed, 10))
		return -1;
	l->added = (size_t)added;
	l->changed = (size_t)changed;
	l->removed = (size_t)removed;
	l->key = strdup(f[1]);
	l->created_by = f[2][0] ? strdup(f[2]) : NULL;
	l->size = size;
	l->hidden_bytes = hidden;
	ic->n_layers++;
	return !l->key || (f[2][0] && !l->created_by) ? -1 : 0;
}

static int add_file(struct posture_image_contents *ic, char **f)
{
	struct pic_layer *l =
		ic->n_layers ? &ic->layers[ic->n_layers - 1] : NULL;
	int64_t type, mode, size, hider = -1;
	struct pic_file *pf;

	if (!l || num(f[1], &type, 10) || type > PIC_OPAQUE ||
	    num(f[2], &mode, 8) || mode > 07777 || num(f[3], &size, 10) ||
	    (strcmp(f[4], "-") != 0 &&
	     (num(f[4], &hider, 10) || hider >= 0xffffffffll)))
		return -1;
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 256;
		pf = realloc(l->files, nc * sizeof(*pf));
		if (!pf)
			return -1;
		l->files = pf;
		l->cap = nc;
	}
	pf = &l->files[l->n];
	pf->path = strdup(f[5]);
	if (!pf->path)
		return -1;
	pf->type = (unsigned char)type;
	pf->mode = (unsigned)mode;
	pf->size = size;
	pf->hider = hider < 0 ? 0xffffffffu : (uint32_t)hider;
	pf->hidden = hider >= 0;
	l->n++;
	return 0;
}

static int add_setuid(struct posture_image_contents *ic, char **f)
{
	struct pic_setuid *s;
	int64_t layer, mode;

	if (num(f[1], &layer, 10) || (size_t)layer >= ic->n_layers ||
	    num(f[2], &mode, 8) || mode > 07777)
		return -1;
	s = realloc(ic->setuid, (ic->n_setuid + 1) * sizeof(*s));
	if (!s)
		return -1;
	ic->setuid = s;
	s[ic->n_setuid].path = strdup(f[3]);
	if (!s[ic->n_setuid].path)
		return -1;
	s[ic->n_setuid].layer = (size_t)layer;
	s[ic->n_setuid++].mode = (unsigned)mode;
	return 0;
}

static int sum_line(struct posture_image_contents *ic, char **f)
{
	int64_t a, b, c, d;
	char *end;
	double e;

	if (num(f[1], &a, 10) || num(f[2], &b, 10) || num(f[3], &c, 10) ||
	    num(f[5], &d, 10))
		return -1;
	e = strtod(f[4], &end);
	if (end == f[4] || *end || !(e >= 0.0 && e <= 1.0))
		return -1;
	ic->files = a;
	ic->size = b;
	ic->wasted = c;
	ic->efficiency = e;
	ic->dive_wasted = d;
	return 0;
}

static int one_line(struct loader *ld, char **f, int n)
{
	struct posture_image_contents *ic = ld->ic;
	int64_t a;

	if (ld->ended)
		return -1;
	if (strcmp(f[0], "id") == 0 && n == 2 && !ic->id)
		return (ic->id = strdup(f[1])) ? 0 : -1;
	if (strcmp(f[0], "trunc") == 0 && n == 2)
		return num(f[1], &a, 10) || a > 1 ? -1
						  : (ic->truncated = (int)a, 0);
	if (strcmp(f[0], "os") == 0 && n == 5) {
		copy_to(ic->os.id, sizeof(ic->os.id), f[1]);
		copy_to(ic->os.version_id, sizeof(ic->os.version_id), f[2]);
		copy_to(ic->os.codename, sizeof(ic->os.codename), f[3]);
		copy_to(ic->os.pretty, sizeof(ic->os.pretty), f[4]);
		ic->have_os = 1;
		return 0;
	}
	if (strcmp(f[0], "db") == 0 && n == 2) {
		ic->pkg_db = strcmp(f[1], "dpkg") == 0	? "dpkg"
			     : strcmp(f[1], "apk") == 0 ? "apk"
							: NULL;
		return ic->pkg_db ? 0 : -1;
	}
	if (strcmp(f[0], "pkg") == 0 && n == 3)
		return pkgdb_add(&ic->pkgs, f[1], strlen(f[1]), f[2],
				 strlen(f[2]));
	if (strcmp(f[0], "layer") == 0 && n == 8)
		return add_layer(ic, f);
	if (strcmp(f[0], "f") == 0 && n == 6)
		return add_file(ic, f);
	if (strcmp(f[0], "suid") == 0 && n == 4)
		return add_setuid(ic, f);
	if (strcmp(f[0], "sum") == 0 && n == 6)
		return sum_line(ic, f);
	if (strcmp(f[0], "end") == 0 && n == 1) {
		ld->ended = 1;
		return 0;
	}
	return -1;
}

/* Every hider is a layer above its file's. */
static int consistent(const struct posture_image_contents *ic)
{
	size_t i, j;

	for (i = 0; i < ic->n_layers; i++)
		for (j = 0; j < ic->layers[i].n; j++) {
			uint32_t h = ic->layers[i].files[j].hider;

			if (h != 0xffffffffu && (h <= i || h >= ic->n_layers))
				return 0;
		}
	return 1;
}

int contents_cache_parse(const char *text, size_t len,
			 struct posture_image_contents *out)
{
	struct loader ld = {out, 0};
	char *copy = malloc(len + 1), *line, *nl, *f[MAX_FIELDS];
	int n, rc = -1;

	memset(out, 0, sizeof(*out));
	if (!copy)
		return -1;
	memcpy(copy, text, len);
	copy[len] = '\0';
	if (strlen(copy) != len) /* a NUL inside: not a cache file */
		goto out;
	nl = strchr(copy, '\n');
	if (!nl || (size_t)(nl - copy) != strlen(MAGIC) ||
	    strncmp(copy, MAGIC, strlen(MAGIC)) != 0)
		goto out;
	for (line = nl + 1; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			goto out; /* cut short */
		*nl = '\0';
		n = split(line, f);
		if (n < 1 || one_line(&ld, f, n) != 0)
			goto out;
	}
	rc = ld.ended && out->id && consistent(out) ? 0 : -1;
out:
	free(copy);
	if (rc != 0)
		posture_image_contents_free(out);
	return rc;
}

char *contents_cache_dir(void)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");
	char *p = NULL;

	if (x && *x == '/') {
		if (asprintf(&p, "%s/berth/images", x) < 0)
			p = NULL;
	} else if (h && *h) {
		if (asprintf(&p, "%s/.cache/berth/images", h) < 0)
			p = NULL;
	}
	return p;
}

/* "sha256:abc" is the file "sha256-abc"; anything but a plain id is
 * refused, so an id never names a path outside dir. */
static char *file_of(const char *dir, const char *id, const char *suffix)
{
	char *p = NULL;
	const char *s;

	if (!id || !*id || strlen(id) > 200)
		return NULL;
	for (s = id; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		      *s == ':'))
			return NULL;
	if (asprintf(&p, "%s/%s%s", dir, id, suffix) < 0)
		return NULL;
	for (s = p + strlen(dir) + 1; *s; s++)
		if (*s == ':')
			p[s - p] = '-';
	return p;
}

int contents_cache_load(const char *dir, const char *id,
			struct posture_image_contents *out)
{
	char *path = file_of(dir, id, ".contents");
	FILE *f = path ? fopen(path, "r") : NULL;
	char *buf = NULL;
	size_t len = 0, cap = 0, got;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	free(path);
	if (!f)
		return -1;
	for (;;) {
		if (len + 65536 > cap) {
			char *nb;
			cap = cap ? cap * 2 : 1 << 20;
			if (cap > CACHE_MAX)
				goto out;
			nb = realloc(buf, cap);
			if (!nb)
				goto out;
			buf = nb;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (!ferror(f))
		rc = contents_cache_parse(buf, len, out);
	if (rc == 0 && strcmp(out->id, id) != 0) {
		posture_image_contents_free(out);
		rc = -1;
	}
out:
	free(buf);
	fclose(f);
	return rc;
}

static int mkdirs(const char *dir)
{
	char *p = strdup(dir), *s;
	int rc = 0;

	if (!p)
		return -1;
	for (s = p + 1; rc == 0 && *s; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST)
				rc = -1;
			*s = '/';
		}
	if (rc == 0 && mkdir(p, 0700) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

api_code contents_cache_get(struct api_client *c, const char *dir,
			    const char *id, struct posture_image_contents *out,
			    int *cached, struct api_error *err)
{
	api_code rc;

	if (cached)
		*cached = 0;
	if (dir && contents_cache_load(dir, id, out) == 0) {
		if (cached)
			*cached = 1;
		return API_OK;
	}
	rc = posture_image_contents_read(c, id, out, NULL, err);
	if (rc == API_OK && dir)
		contents_cache_save(dir, out);
	return rc;
}

int contents_cache_save(const char *dir,
			const struct posture_image_contents *ic)
{
	char *path = file_of(dir, ic->id, ".contents");
	char *tmp = path ? malloc(strlen(path) + 32) : NULL;
	FILE *f = NULL;
	int rc = -1;

	if (!tmp || mkdirs(dir) != 0)
		goto out;
	snprintf(tmp, strlen(path) + 32, "%s.%ld.tmp", path, (long)getpid());
	f = fopen(tmp, "w");
	if (!f)
		goto out;
	rc = contents_cache_write(f, ic);
	if (fclose(f) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0)
		unlink(tmp);
out:
	free(tmp);
	free(path);
	return rc;
}
