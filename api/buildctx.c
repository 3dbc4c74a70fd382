#include "api/buildctx.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/dockerignore.h"

/*
 * libarchive pushes bytes while curl pulls them: each read moves the walk
 * on by one step (a header, or one chunk of a file) into a small pending
 * buffer, so memory stays at one chunk whatever the context's size.
 */

#define MAX_DEPTH 256
#define CHUNK (64 * 1024)

struct frame {
	char *rel; /* "" for the context's root */
	struct dirent **names;
	int n, i;
};

struct buildctx {
	char *root;
	struct dockerignore ign;
	struct archive *ar;
	char *pend;
	size_t plen, poff, pcap;
	struct frame stack[MAX_DEPTH];
	int depth;
	int fd;	      /* the regular file being sent, or -1 */
	int64_t left; /* its bytes still owed to the header's size */
	int state;    /* 0 walking, 1 finished, -1 failed */
	size_t entries;
	char *chunk;
	struct api_error err;
};

static la_ssize_t on_tar(struct archive *a, void *ud, const void *p, size_t n)
{
	struct buildctx *b = ud;

	(void)a;
	if (b->plen + n > b->pcap) {
		size_t nc = (b->plen + n) * 2;
		char *np = realloc(b->pend, nc);
		if (!np)
			return -1;
		b->pend = np;
		b->pcap = nc;
	}
	memcpy(b->pend + b->plen, p, n);
	b->plen += n;
	return (la_ssize_t)n;
}

static int fail(struct buildctx *b, api_code code, const char *what,
		const char *rel)
{
	api_error_set(&b->err, code, 0, "build context: %s %s: %s", what,
		      rel[0] ? rel : ".", strerror(errno ? errno : EIO));
	b->state = -1;
	return -1;
}

static int fail_ar(struct buildctx *b, const char *rel)
{
	const char *e = archive_error_string(b->ar);

	api_error_set(&b->err, API_E_TRANSPORT, 0, "build context: %s: %s", rel,
		      e ? e : "tar error");
	b->state = -1;
	return -1;
}

static int by_name(const struct dirent **x, const struct dirent **y)
{
	return strcmp((*x)->d_name, (*y)->d_name);
}

static int skip_dot(const struct dirent *d)
{
	return strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0;
}

static int push_dir(struct buildctx *b, const char *rel)
{
	char full[PATH_MAX];
	struct frame *f;

	if (b->depth >= MAX_DEPTH) {
		errno = ELOOP;
		return fail(b, API_E_INVALID, "too deep at", rel);
	}
	f = &b->stack[b->depth];
	memset(f, 0, sizeof(*f));
	f->rel = strdup(rel);
	if (!f->rel)
		return fail(b, API_E_NOMEM, "out of memory at", rel);
	if (snprintf(full, sizeof(full), "%s/%s", b->root, rel) >=
	    (int)sizeof(full))
		f->n = -1;
	else
		f->n = scandir(full, &f->names, skip_dot, by_name);
	if (f->n < 0) {
		free(f->rel);
		return fail(b, API_E_INVALID, "cannot read", rel);
	}
	b->depth++;
	return 0;
}

static void pop_dir(struct buildctx *b)
{
	struct frame *f = &b->stack[--b->depth];
	int k;

	for (k = 0; k < f->n; k++)
		free(f->names[k]);
	free(f->names);
	free(f->rel);
	memset(f, 0, sizeof(*f));
}

static int write_header(struct buildctx *b, const char *rel,
			const struct stat *st, const char *link)
{
	struct archive_entry *e = archive_entry_new();
	int rc;

	if (!e) {
		errno = ENOMEM;
		return fail(b, API_E_NOMEM, "out of memory at", rel);
	}
	archive_entry_set_pathname(e, rel);
	archive_entry_set_mode(e, st->st_mode);
	archive_entry_set_mtime(e, st->st_mtime, 0);
	archive_entry_set_uid(e, 0);
	archive_entry_set_gid(e, 0);
	if (S_ISREG(st->st_mode))
		archive_entry_set_size(e, st->st_size);
	if (link)
		archive_entry_set_symlink(e, link);
	rc = archive_write_header(b->ar, e);
	archive_entry_free(e);
	if (rc < ARCHIVE_WARN)
		return fail_ar(b, rel);
	b->entries++;
	return 0;
}

static int add_file(struct buildctx *b, const char *rel, const char *full,
		    const struct stat *st)
{
	char link[PATH_MAX];
	ssize_t n;

	if (S_ISLNK(st->st_mode)) {
		n = readlink(full, link, sizeof(link) - 1);
		if (n < 0)
			return fail(b, API_E_INVALID, "cannot read link", rel);
		link[n] = '\0';
		if (write_header(b, rel, st, link) != 0)
			return -1;
		return archive_write_finish_entry(b->ar) < ARCHIVE_WARN
			       ? fail_ar(b, rel)
			       : 0;
	}
	b->fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (b->fd < 0)
		return fail(b, API_E_INVALID, "cannot open", rel);
	b->left = st->st_size;
	return write_header(b, rel, st, NULL);
}

/* The next entry of the walk: writes one header, or closes the tar. */
static int next_entry(struct buildctx *b)
{
	while (b->depth > 0) {
		struct frame *f = &b->stack[b->depth - 1];
		char rel[PATH_MAX], full[PATH_MAX];
		struct stat st;
		int ex;

		if (f->i >= f->n) {
			pop_dir(b);
			continue;
		}
		if (snprintf(rel, sizeof(rel), "%s%s%s", f->rel,
			     f->rel[0] ? "/" : "",
			     f->names[f->i++]->d_name) >= (int)sizeof(rel)) {
			errno = ENAMETOOLONG;
			return fail(b, API_E_INVALID, "path too long:", f->rel);
		}
		if (snprintf(full, sizeof(full), "%s/%s", b->root, rel) >=
		    (int)sizeof(full)) {
			errno = ENAMETOOLONG;
			return fail(b, API_E_INVALID, "path too long:", rel);
		}
		if (lstat(full, &st) != 0) {
			if (errno == ENOENT)
				continue; /* went away during the walk */
			return fail(b, API_E_INVALID, "cannot stat", rel);
		}
		ex = api_dockerignore_excluded(&b->ign, rel);
		if (S_ISDIR(st.st_mode)) {
			if (ex && api_dockerignore_skip_dir(&b->ign, rel))
				continue;
			if (!ex && write_header(b, rel, &st, NULL) != 0)
				return -1;
			if (push_dir(b, rel) != 0)
				return -1;
			if (!ex)
				return 0;
			continue;
		}
		if (ex || !(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
			continue;
		return add_file(b, rel, full, &st);
	}
	if (archive_write_close(b->ar) != ARCHIVE_OK)
		return fail_ar(b, "end");
	b->state = 1;
	return 0;
}

/* One chunk of the open file; the header's size is what is sent. */
static int file_chunk(struct buildctx *b)
{
	size_t want = b->left < CHUNK ? (size_t)b->left : CHUNK;
	ssize_t n = want ? read(b->fd, b->chunk, want) : 0;

	if (n < 0)
		return fail(b, API_E_INVALID, "cannot read", "file");
	if (n > 0 && archive_write_data(b->ar, b->chunk, (size_t)n) < 0)
		return fail_ar(b, "data");
	b->left -= n;
	if (n == 0 || b->left == 0) {
		close(b->fd);
		b->fd = -1;
		/* a file that shrank is padded with zeros here */
		if (archive_write_finish_entry(b->ar) < ARCHIVE_WARN)
			return fail_ar(b, "data");
	}
	return 0;
}

ssize_t api_buildctx_read(struct buildctx *b, char *buf, size_t len)
{
	while (b->poff == b->plen) {
		b->poff = b->plen = 0;
		if (b->state != 0)
			return b->state > 0 ? 0 : -1;
		if ((b->fd >= 0 ? file_chunk(b) : next_entry(b)) != 0)
			return -1;
	}
	if (len > b->plen - b->poff)
		len = b->plen - b->poff;
	memcpy(buf, b->pend + b->poff, len);
	b->poff += len;
	return (ssize_t)len;
}

/* The .dockerignore at the root, at most 1 MiB; absent is no rules. */
static api_code read_ignore(struct buildctx *b, struct api_error *err)
{
	char path[PATH_MAX], *text;
	FILE *fp;
	size_t n;
	api_code rc;

	snprintf(path, sizeof(path), "%s/.dockerignore", b->root);
	fp = fopen(path, "rb");
	if (!fp)
		return errno == ENOENT
			       ? API_OK
			       : api_error_set(err, API_E_INVALID, 0, "%s: %s",
					       path, strerror(errno));
	text = malloc(1024 * 1024);
	if (!text) {
		fclose(fp);
		return api_nomem(err);
	}
	n = fread(text, 1, 1024 * 1024, fp);
	fclose(fp);
	rc = api_dockerignore_parse(text, n, &b->ign, err);
	free(text);
	return rc;
}

/* As the CLI's TrimBuildFilesFromExcludes: never leave these out. */
static api_code keep_build_files(struct buildctx *b, const char *dockerfile,
				 struct api_error *err)
{
	char rule[PATH_MAX + 2];
	api_code rc = API_OK;

	if (api_dockerignore_excluded(&b->ign, ".dockerignore"))
		rc = api_dockerignore_add(&b->ign, "!.dockerignore", err);
	if (rc == API_OK && api_dockerignore_excluded(&b->ign, dockerfile)) {
		snprintf(rule, sizeof(rule), "!%s", dockerfile);
		rc = api_dockerignore_add(&b->ign, rule, err);
	}
	return rc;
}

static api_code check_dockerfile(const char *df, char *clean, size_t n,
				 struct api_error *err)
{
	int len = api_path_clean(df, strlen(df), clean, n);

	if (len <= 0 || clean[0] == '/' || strcmp(clean, ".") == 0 ||
	    strcmp(clean, "..") == 0 || strncmp(clean, "../", 3) == 0)
		return api_error_set(err, API_E_INVALID, 0,
				     "the Dockerfile %s is not inside the "
				     "build context",
				     df);
	return API_OK;
}

api_code api_buildctx_open(const char *dir, const char *dockerfile,
			   struct buildctx **out, struct api_error *err)
{
	struct buildctx *b;
	char df[PATH_MAX];
	api_code rc;
	struct stat st;

	*out = NULL;
	if (!dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return api_error_set(err, API_E_INVALID, 0,
				     "build context %s is not a directory",
				     dir ? dir : "(none)");
	rc = check_dockerfile(dockerfile ? dockerfile : "Dockerfile", df,
			      sizeof(df), err);
	if (rc != API_OK)
		return rc;
	b = calloc(1, sizeof(*b));
	if (!b)
		return api_nomem(err);
	b->fd = -1;
	b->root = strdup(dir);
	b->chunk = malloc(CHUNK);
	b->ar = archive_write_new();
	if (!b->root || !b->chunk || !b->ar) {
		api_buildctx_close(b);
		return api_nomem(err);
	}
	rc = read_ignore(b, err);
	if (rc == API_OK)
		rc = keep_build_files(b, df, err);
	if (rc == API_OK &&
	    (archive_write_set_format_pax_restricted(b->ar) != ARCHIVE_OK ||
	     archive_write_set_bytes_per_block(b->ar, 0) != ARCHIVE_OK ||
	     archive_write_open(b->ar, b, NULL, on_tar, NULL) != ARCHIVE_OK))
		rc = api_error_set(err, API_E_NOMEM, 0, "cannot start a tar");
	if (rc == API_OK && push_dir(b, "") != 0)
		rc = api_error_set(err, b->err.code, 0, "%s", b->err.msg);
	if (rc != API_OK) {
		api_buildctx_close(b);
		return rc;
	}
	*out = b;
	return API_OK;
}

const struct api_error *api_buildctx_error(const struct buildctx *b)
{
	return &b->err;
}

size_t api_buildctx_entries(const struct buildctx *b)
{
	return b->entries;
}

void api_buildctx_close(struct buildctx *b)
{
	if (!b)
		return;
	while (b->depth > 0)
		pop_dir(b);
	if (b->fd >= 0)
		close(b->fd);
	if (b->ar)
		archive_write_free(b->ar);
	api_dockerignore_free(&b->ign);
	free(b->pend);
	free(b->chunk);
	free(b->root);
	free(b);
}
