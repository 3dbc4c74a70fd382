#include "ops/container_cp.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/container_archive.h"
#include "ops/cp_plan.h"

static enum cp_kind local_kind(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return CP_ABSENT;
	return S_ISDIR(st.st_mode) ? CP_DIR : CP_FILE;
}

/* The container's path: its kind, or -1 on a failure other than absent. */
static int remote_kind(struct api_client *c, const char *id, const char *path,
		       enum cp_kind *kind, char *msg, size_t msglen)
{
	struct api_path_stat st;
	struct api_error err;
	api_code rc = api_container_stat_path(c, id, path, &st, &err);

	if (rc == API_E_HTTP && err.http_status == 404) {
		*kind = CP_ABSENT;
		return 0;
	}
	if (rc != API_OK) {
		snprintf(msg, msglen, "%s", err.msg);
		return -1;
	}
	*kind = (st.mode & API_MODE_DIR) ? CP_DIR : CP_FILE;
	api_path_stat_free(&st);
	return 0;
}

/* --- out of a container ------------------------------------------------ */

static int extract(const struct cp_plan *p, int fd, struct cp_result *r,
		   char *msg, size_t msglen)
{
	struct archive *in = archive_read_new(),
		       *out = archive_write_disk_new();
	struct archive_entry *e;
	char name[4096], full[8192], link[8192];
	const char *n, *hl;
	int rc = 0, unsafe, ar;

	archive_read_support_format_tar(in);
	archive_write_disk_set_options(
		out, ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM |
			     ARCHIVE_EXTRACT_SECURE_SYMLINKS |
			     ARCHIVE_EXTRACT_SECURE_NODOTDOT |
			     ARCHIVE_EXTRACT_UNLINK);
	if (archive_read_open_fd(in, fd, 65536) != ARCHIVE_OK) {
		snprintf(msg, msglen, "archive: %s", archive_error_string(in));
		rc = -1;
	}
	while (rc == 0 &&
	       (ar = archive_read_next_header(in, &e)) == ARCHIVE_OK) {
		if ((n = cp_entry_name(p, archive_entry_pathname(e), name,
				       sizeof(name), &unsafe)) == NULL) {
			if (!unsafe)
				continue;
			snprintf(msg, msglen, "archive: refused entry %.200s",
				 archive_entry_pathname(e));
			rc = -1;
			break;
		}
		/* relative to the destination (the process is there): a
		 * symlink on the way to it is the user's to follow, one
		 * inside the copy is refused */
		snprintf(full, sizeof(full), "%s", n);
		archive_entry_set_pathname(e, full);
		if ((hl = archive_entry_hardlink(e)) != NULL) {
			if (!cp_entry_name(p, hl, name, sizeof(name),
					   &unsafe)) {
				snprintf(msg, msglen,
					 "archive: refused link %.200s", hl);
				rc = -1;
				break;
			}
			snprintf(link, sizeof(link), "%s", name);
			archive_entry_set_hardlink(e, link);
		}
		if (archive_write_header(out, e) < ARCHIVE_WARN) {
			snprintf(msg, msglen, "%s: %s", full,
				 archive_error_string(out));
			rc = -1;
			break;
		}
		if (archive_entry_size(e) > 0) {
			const void *buf;
			size_t len;
			la_int64_t off;

			while ((ar = archive_read_data_block(
					in, &buf, &len, &off)) == ARCHIVE_OK)
				if (archive_write_data_block(
					    out, buf, len, off) < ARCHIVE_WARN)
					break;
			if (ar != ARCHIVE_EOF) {
				snprintf(msg, msglen, "%s: %s", full,
					 archive_error_string(out));
				rc = -1;
				break;
			}
			r->bytes += archive_entry_size(e);
		}
		if (archive_write_finish_entry(out) < ARCHIVE_WARN) {
			snprintf(msg, msglen, "%s: %s", full,
				 archive_error_string(out));
			rc = -1;
			break;
		}
		r->entries++;
	}
	if (rc == 0 && ar != ARCHIVE_EOF) {
		snprintf(msg, msglen, "archive: %s", archive_error_string(in));
		rc = -1;
	}
	/* directories' times are set here, after what they hold */
	if (archive_write_close(out) != ARCHIVE_OK && rc == 0) {
		snprintf(msg, msglen, "%s", archive_error_string(out));
		rc = -1;
	}
	archive_write_free(out);
	archive_read_free(in);
	return rc;
}

/* extract, from within the destination directory, then back. */
static int extract_in(const struct cp_plan *p, int fd, struct cp_result *r,
		      char *msg, size_t msglen)
{
	int here = open(".", O_RDONLY | O_DIRECTORY), rc;

	if (here < 0 || chdir(p->dir) != 0) {
		snprintf(msg, msglen, "%s: %s", p->dir, strerror(errno));
		if (here >= 0)
			close(here);
		return -1;
	}
	rc = extract(p, fd, r, msg, msglen);
	if (fchdir(here) != 0 && rc == 0) {
		snprintf(msg, msglen, "back: %s", strerror(errno));
		rc = -1;
	}
	close(here);
	return rc;
}

int cp_from_container(struct api_client *c, const char *id, const char *src,
		      const char *dst, struct cp_result *r, char *msg,
		      size_t msglen)
{
	enum cp_kind sk, dk = local_kind(dst), pk;
	char parent[4096], spool[4200];
	struct api_error err;
	struct cp_plan p;
	int fd, rc;

	memset(r, 0, sizeof(*r));
	if (remote_kind(c, id, src, &sk, msg, msglen) != 0)
		return -1;
	if (sk == CP_ABSENT) {
		snprintf(msg, msglen, "could not find %s in the container",
			 src);
		return -1;
	}
	cp_dirname(dst, parent, sizeof(parent));
	pk = local_kind(parent);
	if (cp_plan_make(src, sk, dst, dk, pk, &p, msg, msglen) != 0)
		return -1;
	/* spooled beside where it goes: the same file system's room */
	snprintf(spool, sizeof(spool), "%s/.berth-cp-XXXXXX", p.dir);
	if ((fd = mkstemp(spool)) < 0) {
		snprintf(msg, msglen, "%s: %s", p.dir, strerror(errno));
		return -1;
	}
	unlink(spool);
	rc = api_container_archive_get(c, id, src, fd, &err) == API_OK ? 0 : -1;
	if (rc != 0)
		snprintf(msg, msglen, "%s", err.msg);
	else if (lseek(fd, 0, SEEK_SET) != 0)
		rc = -1, snprintf(msg, msglen, "spool: %s", strerror(errno));
	else
		rc = extract_in(&p, fd, r, msg, msglen);
	close(fd);
	return rc;
}

/* --- into a container -------------------------------------------------- */

struct walk {
	struct archive *a;
	const char *root; /* the source path, as given */
	size_t root_len;
	const struct cp_plan *p;
	struct cp_result *r;
	char *msg;
	size_t msglen;
	int failed;
};

static _Thread_local struct walk *walking; /* nftw has no user pointer */

static int put_entry(struct walk *w, const char *path, const struct stat *st)
{
	struct archive_entry *e = archive_entry_new();
	char name[4096], link[4096];
	const char *rel = path + w->root_len;
	int fd, rc = 0;
	ssize_t n;

	while (*rel == '/')
		rel++;
	if (w->p->contents && !*rel && S_ISDIR(st->st_mode)) {
		archive_entry_free(e);
		return 0; /* the directory whose contents go */
	}
	if (w->p->contents)
		snprintf(name, sizeof(name), "%s%s%s", w->p->to,
			 w->p->to[0] && *rel ? "/" : "", rel);
	else
		snprintf(name, sizeof(name), "%s%s%s",
			 w->p->to[0] ? w->p->to : w->p->from, *rel ? "/" : "",
			 rel);
	archive_entry_set_pathname(e, S_ISDIR(st->st_mode) ? strcat(name, "/")
							   : name);
	archive_entry_copy_stat(e, st);
	/* as docker cp: owned by root in the container */
	archive_entry_set_uid(e, 0);
	archive_entry_set_gid(e, 0);
	archive_entry_set_uname(e, "root");
	archive_entry_set_gname(e, "root");
	archive_entry_set_nlink(e, 1);
	if (S_ISLNK(st->st_mode)) {
		n = readlink(path, link, sizeof(link) - 1);
		link[n > 0 ? n : 0] = '\0';
		archive_entry_set_symlink(e, link);
	}
	if (!S_ISREG(st->st_mode))
		archive_entry_set_size(e, 0);
	if (archive_write_header(w->a, e) != ARCHIVE_OK) {
		snprintf(w->msg, w->msglen, "%s: %s", path,
			 archive_error_string(w->a));
		rc = -1;
	} else if (S_ISREG(st->st_mode)) {
		char buf[65536];

		if ((fd = open(path, O_RDONLY)) < 0) {
			snprintf(w->msg, w->msglen, "%s: %s", path,
				 strerror(errno));
			rc = -1;
		}
		while (rc == 0 && (n = read(fd, buf, sizeof(buf))) > 0)
			if (archive_write_data(w->a, buf, (size_t)n) < 0)
				rc = -1;
		if (fd >= 0)
			close(fd);
		w->r->bytes += st->st_size;
	}
	archive_entry_free(e);
	w->r->entries += rc == 0;
	return rc;
}

static int on_walk(const char *path, const struct stat *st, int flag,
		   struct FTW *f)
{
	(void)flag;
	(void)f;
	if (put_entry(walking, path, st) != 0) {
		walking->failed = 1;
		return 1;
	}
	return 0;
}

/* The tar of src for the plan, in an unnamed temporary file. */
static int make_tar(const char *src, const struct cp_plan *p,
		    struct cp_result *r, int *fd_out, off_t *size, char *msg,
		    size_t msglen)
{
	struct walk w = {0};
	char path[4096];
	int fd;

	snprintf(path, sizeof(path), "%s/berth-cp-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if ((fd = mkstemp(path)) < 0) {
		snprintf(msg, msglen, "%s: %s", path, strerror(errno));
		return -1;
	}
	unlink(path);
	w.a = archive_write_new();
	w.root = src;
	/* "dir/." walks dir */
	w.root_len = strlen(src) - (p->contents ? 2 : 0);
	snprintf(path, sizeof(path), "%.*s", (int)w.root_len, src);
	w.root_len = strlen(path);
	w.p = p;
	w.r = r;
	w.msg = msg;
	w.msglen = msglen;
	archive_write_set_format_pax_restricted(w.a);
	if (archive_write_open_fd(w.a, fd) != ARCHIVE_OK) {
		snprintf(msg, msglen, "tar: %s", archive_error_string(w.a));
		w.failed = 1;
	}
	walking = &w;
	if (!w.failed && nftw(path, on_walk, 16, FTW_PHYS) != 0 && !w.failed) {
		snprintf(msg, msglen, "%s: %s", path, strerror(errno));
		w.failed = 1;
	}
	walking = NULL;
	if (archive_write_close(w.a) != ARCHIVE_OK && !w.failed) {
		snprintf(msg, msglen, "tar: %s", archive_error_string(w.a));
		w.failed = 1;
	}
	archive_write_free(w.a);
	if (w.failed || (*size = lseek(fd, 0, SEEK_END)) < 0 ||
	    lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	*fd_out = fd;
	return 0;
}

int cp_to_container(struct api_client *c, const char *src, const char *id,
		    const char *dst, struct cp_result *r, char *msg,
		    size_t msglen)
{
	enum cp_kind sk = local_kind(src), dk, pk = CP_DIR;
	char parent[4096];
	struct api_error err;
	struct cp_plan p;
	off_t size = 0;
	int fd = -1, rc;

	memset(r, 0, sizeof(*r));
	if (remote_kind(c, id, dst, &dk, msg, msglen) != 0)
		return -1;
	cp_dirname(dst, parent, sizeof(parent));
	if (dk == CP_ABSENT &&
	    remote_kind(c, id, parent, &pk, msg, msglen) != 0)
		return -1;
	if (cp_plan_make(src, sk, dst, dk, pk, &p, msg, msglen) != 0)
		return -1;
	if (make_tar(src, &p, r, &fd, &size, msg, msglen) != 0)
		return -1;
	rc = api_container_archive_put(c, id, p.dir, fd, size, &err) == API_OK
		     ? 0
		     : -1;
	if (rc != 0)
		snprintf(msg, msglen, "%s", err.msg);
	close(fd);
	return rc;
}
