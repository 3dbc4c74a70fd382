#include "api/image_export.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "api/query.h"

/*
 * curl pushes bytes, libarchive pulls them: the outer archive's read
 * callback drives the client until on_data has filled a buffer, hands
 * that buffer over and lets the transfer on into the other one.  When
 * the buffer being filled is full, on_data pauses the transfer, so at
 * most two buffers of PULL_CAP are held.
 */

#define PULL_CAP (256u * 1024u)
#define CHUNK (64u * 1024u)

struct pull {
	struct api_client *c;
	struct api_request *req;
	char *fill, *give;
	size_t flen, fcap, gcap;
	int done;
	api_code code;
	struct api_error err;
	const volatile int *cancel;
};

struct walk {
	struct pull p;
	const struct api_export_visitor *v;
	struct archive *outer;
	char *chunk; /* CHUNK bytes for the inner tar's reads */
	api_code code;
	struct api_error *err;
};

static int grow(char **b, size_t *cap, size_t want)
{
	char *nb;
	size_t nc = *cap ? *cap : 16384;

	if (want <= *cap)
		return 0;
	while (nc < want)
		nc *= 2;
	nb = realloc(*b, nc);
	if (!nb)
		return -1;
	*b = nb;
	*cap = nc;
	return 0;
}

static int on_data(const char *d, size_t n, void *ud)
{
	struct pull *p = ud;

	if (p->flen && p->flen + n > PULL_CAP)
		return API_DATA_PAUSE;
	if (grow(&p->fill, &p->fcap, p->flen + n) != 0)
		return 1;
	memcpy(p->fill + p->flen, d, n);
	p->flen += n;
	return 0;
}

static void on_done(struct api_request *req, api_code code,
		    const struct api_response *resp, const struct api_error *e,
		    void *ud)
{
	struct pull *p = ud;

	(void)req;
	(void)resp;
	p->done = 1;
	p->req = NULL;
	p->code = code;
	if (code != API_OK && e)
		p->err = *e;
}

static la_ssize_t outer_read(struct archive *a, void *ud, const void **buf)
{
	struct pull *p = ud;
	char *t;
	size_t n, tc;

	(void)a;
	while (p->flen == 0 && !p->done) {
		if (p->cancel && *p->cancel) {
			api_error_set(&p->err, API_E_CANCELLED, 0,
				      "the export was stopped");
			p->code = API_E_CANCELLED;
			return -1;
		}
		api_client_process(p->c);
		if (p->flen == 0 && !p->done)
			api_client_wait(p->c, NULL, 0, 50);
	}
	if (p->flen == 0)
		return p->code == API_OK ? 0 : -1;
	t = p->give;
	tc = p->gcap;
	p->give = p->fill;
	p->gcap = p->fcap;
	p->fill = t;
	p->fcap = tc;
	n = p->flen;
	p->flen = 0;
	api_request_resume(p->req);
	*buf = p->give;
	return (la_ssize_t)n;
}

static la_ssize_t inner_read(struct archive *a, void *ud, const void **buf)
{
	struct walk *w = ud;
	la_ssize_t n = archive_read_data(w->outer, w->chunk, CHUNK);

	(void)a;
	*buf = w->chunk;
	return n;
}

static enum api_tar_type tar_type(struct archive_entry *e)
{
	if (archive_entry_hardlink(e))
		return API_TAR_HARDLINK;
	switch (archive_entry_filetype(e)) {
	case AE_IFREG:
		return API_TAR_FILE;
	case AE_IFDIR:
		return API_TAR_DIR;
	case AE_IFLNK:
		return API_TAR_SYMLINK;
	default:
		return API_TAR_OTHER;
	}
}

/* "./usr/bin/" is "usr/bin"; "." and "/" are "". */
static const char *clean_path(const char *s, char *buf, size_t cap)
{
	size_t n;

	while (s[0] == '.' && s[1] == '/')
		s += 2;
	while (*s == '/')
		s++;
	if (strcmp(s, ".") == 0)
		s = "";
	n = strlen(s);
	while (n > 0 && s[n - 1] == '/')
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* Reads n bytes of the current entry of a into one buffer (free it). */
static char *read_body(struct archive *a, size_t n, size_t *got)
{
	char *b = malloc(n ? n : 1);
	size_t off = 0;

	if (!b)
		return NULL;
	while (off < n) {
		la_ssize_t r = archive_read_data(a, b + off, n - off);
		if (r <= 0)
			break;
		off += (size_t)r;
	}
	*got = off;
	return b;
}

static api_code lib_error(struct walk *w, struct archive *a, const char *what)
{
	const char *m = archive_error_string(a);

	if (w->p.code != API_OK) {
		*w->err = w->p.err;
		return w->p.code;
	}
	return api_error_set(w->err, API_E_PARSE, 0, "%s: %s", what,
			     m ? m : "unreadable tar");
}

static api_code one_entry(struct walk *w, struct archive *in,
			  struct archive_entry *ae)
{
	char path[4096], link[4096];
	const char *lk = archive_entry_hardlink(ae);
	struct api_tar_entry e = {0};
	int64_t want;
	size_t got;
	char *body;
	int stop;

	if (!lk)
		lk = archive_entry_symlink(ae);
	e.path = clean_path(
		archive_entry_pathname(ae) ? archive_entry_pathname(ae) : "",
		path, sizeof(path));
	e.link = lk ? clean_path(lk, link, sizeof(link)) : NULL;
	if (e.link && archive_entry_symlink(ae))
		e.link = lk; /* a symlink's target is kept as written */
	e.size = archive_entry_size(ae);
	e.mode = (unsigned)archive_entry_perm(ae) |
		 ((unsigned)archive_entry_mode(ae) & 07000u);
	e.type = tar_type(ae);
	e.uid = (long)archive_entry_uid(ae);
	e.gid = (long)archive_entry_gid(ae);
	want = w->v->entry ? w->v->entry(w->v->ud, &e) : 0;
	if (want < 0)
		return api_error_set(w->err, API_E_CANCELLED, 0,
				     "the export was stopped");
	if (want == 0 || e.type != API_TAR_FILE)
		return API_OK;
	if (want > e.size)
		want = e.size;
	if (want > (int64_t)API_EXPORT_BODY_MAX)
		want = API_EXPORT_BODY_MAX;
	body = read_body(in, (size_t)want, &got);
	if (!body)
		return api_nomem(w->err);
	stop = w->v->body ? w->v->body(w->v->ud, &e, body, got) : 0;
	free(body);
	return stop ? api_error_set(w->err, API_E_CANCELLED, 0,
				    "the export was stopped")
		    : API_OK;
}

static struct archive *reader(void)
{
	struct archive *a = archive_read_new();

	if (a) {
		archive_read_support_format_tar(a);
		archive_read_support_filter_all(a);
	}
	return a;
}

/* A layer's tar, read from the outer entry (or from memory when mem). */
static api_code one_layer(struct walk *w, const char *key, const char *mem,
			  size_t len)
{
	struct archive *in = reader();
	struct archive_entry *ae;
	api_code rc = API_OK;
	int r;

	if (!in)
		return api_nomem(w->err);
	if (w->v->layer && w->v->layer(w->v->ud, key)) {
		archive_read_free(in);
		return api_error_set(w->err, API_E_CANCELLED, 0,
				     "the export was stopped");
	}
	r = mem ? archive_read_open_memory(in, mem, len)
		: archive_read_open(in, w, NULL, inner_read, NULL);
	while (r == ARCHIVE_OK &&
	       (r = archive_read_next_header(in, &ae)) == ARCHIVE_OK) {
		rc = one_entry(w, in, ae);
		if (rc != API_OK)
			break;
	}
	if (rc == API_OK && r != ARCHIVE_EOF && r != ARCHIVE_OK)
		rc = lib_error(w, in, key);
	archive_read_free(in);
	return rc;
}

static int ends_with(const char *s, const char *t)
{
	size_t n = strlen(s), k = strlen(t);

	return n >= k && strcmp(s + n - k, t) == 0;
}

/* A small blob may be JSON (a config, a manifest) or a small layer. */
static api_code small_entry(struct walk *w, const char *name, int blob,
			    int64_t size)
{
	size_t got;
	char *b = read_body(w->outer, (size_t)size, &got);
	api_code rc = API_OK;

	if (!b)
		return api_nomem(w->err);
	if (got > 0 && (b[0] == '{' || b[0] == '[' || !blob)) {
		if (w->v->meta && w->v->meta(w->v->ud, name, b, got))
			rc = api_error_set(w->err, API_E_CANCELLED, 0,
					   "the export was stopped");
	} else if (blob) {
		rc = one_layer(w, name, b, got);
	}
	free(b);
	return rc;
}

static api_code outer_entry(struct walk *w, struct archive_entry *ae)
{
	char name[4096];
	int64_t size = archive_entry_size(ae);
	int blob;

	clean_path(archive_entry_pathname(ae) ? archive_entry_pathname(ae) : "",
		   name, sizeof(name));
	if (archive_entry_filetype(ae) != AE_IFREG)
		return API_OK;
	blob = strncmp(name, "blobs/", 6) == 0;
	if (ends_with(name, "/layer.tar") ||
	    (blob && size > (int64_t)API_EXPORT_META_MAX))
		return one_layer(w, name, NULL, 0);
	if (size <= (int64_t)API_EXPORT_META_MAX &&
	    (blob || ends_with(name, ".json")))
		return small_entry(w, name, blob, size);
	return API_OK;
}

static api_code walk_outer(struct walk *w, int r)
{
	struct archive_entry *ae;
	api_code rc = API_OK;

	while (r == ARCHIVE_OK &&
	       (r = archive_read_next_header(w->outer, &ae)) == ARCHIVE_OK) {
		rc = outer_entry(w, ae);
		if (rc != API_OK)
			break;
	}
	if (rc == API_OK && r != ARCHIVE_EOF && r != ARCHIVE_OK)
		rc = lib_error(w, w->outer, "the export");
	return rc;
}

api_code api_export_walk_memory(const void *buf, size_t len,
				const struct api_export_visitor *v,
				struct api_error *err)
{
	struct walk w = {.v = v, .err = err};
	api_code rc;

	w.chunk = malloc(CHUNK);
	w.outer = reader();
	if (!w.chunk || !w.outer)
		rc = api_nomem(err);
	else
		rc = walk_outer(&w,
				archive_read_open_memory(w.outer, buf, len));
	if (w.outer)
		archive_read_free(w.outer);
	free(w.chunk);
	return rc;
}

static char *export_path(const char *name)
{
	struct api_query q;

	api_query_init(&q, "/images/");
	api_query_seg(&q, name ? name : "");
	api_query_raw(&q, "/get");
	return api_query_take(&q);
}

api_code api_image_export_walk(struct api_client *c, const char *name,
			       const struct api_export_visitor *v,
			       struct api_error *err)
{
	struct walk w = {.v = v, .err = err};
	struct api_request_spec spec = {0};
	char *path = export_path(name);
	api_code rc = API_OK;
	int r;

	w.p.c = c;
	w.p.cancel = v->cancel;
	w.chunk = malloc(CHUNK);
	w.outer = reader();
	if (!path || !w.chunk || !w.outer) {
		rc = api_nomem(err);
		goto out;
	}
	spec.path = path;
	spec.on_data = on_data;
	spec.on_done = on_done;
	spec.ud = &w.p;
	rc = api_request_start(c, &spec, &w.p.req, err);
	if (rc != API_OK)
		goto out;
	r = archive_read_open(w.outer, &w.p, NULL, outer_read, NULL);
	rc = walk_outer(&w, r);
	if (rc == API_OK && w.p.code != API_OK) {
		*err = w.p.err;
		rc = w.p.code;
	}
out:
	if (w.p.req)
		api_request_cancel(w.p.req);
	if (w.outer)
		archive_read_free(w.outer);
	free(w.chunk);
	free(w.p.fill);
	free(w.p.give);
	free(path);
	return rc;
}
