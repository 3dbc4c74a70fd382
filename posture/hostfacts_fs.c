#include "posture/hostfacts_fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE (1024 * 1024)

static char *dup_n(const char *s, int *nomem)
{
	char *d = s ? strdup(s) : NULL;

	if (s && !d)
		*nomem = 1;
	return d;
}

enum hostfacts_state hf_errno_state(int e)
{
	return e == EACCES || e == EPERM ? HF_DENIED : HF_ABSENT;
}

static char *user_name(uid_t uid, int *nomem)
{
	struct passwd pw, *res = NULL;
	char buf[4096];

	if (getpwuid_r(uid, &pw, buf, sizeof(buf), &res) != 0 || !res)
		return NULL;
	return dup_n(pw.pw_name, nomem);
}

static char *group_name(gid_t gid, int *nomem)
{
	struct group gr, *res = NULL;
	char buf[16384];

	if (getgrgid_r(gid, &gr, buf, sizeof(buf), &res) != 0 || !res)
		return NULL;
	return dup_n(gr.gr_name, nomem);
}

void hf_stat(struct hostfacts_file *f, const char *path, int *nomem)
{
	struct stat st;

	free(f->path);
	free(f->owner);
	free(f->group);
	memset(f, 0, sizeof(*f));
	f->path = dup_n(path, nomem);
	if (stat(path, &st) != 0) {
		f->err = errno;
		f->state = hf_errno_state(errno);
		return;
	}
	f->state = HF_PRESENT;
	f->uid = (unsigned)st.st_uid;
	f->gid = (unsigned)st.st_gid;
	f->mode = (unsigned)st.st_mode & 07777;
	f->is_dir = S_ISDIR(st.st_mode);
	f->is_sock = S_ISSOCK(st.st_mode);
	f->owner = user_name(st.st_uid, nomem);
	f->group = group_name(st.st_gid, nomem);
}

void hf_stat_first(struct hostfacts_file *f, const char *const *paths, size_t n,
		   int *nomem)
{
	size_t i;

	for (i = 0; i < n; i++) {
		hf_stat(f, paths[i], nomem);
		if (f->state != HF_ABSENT)
			return;
	}
	if (n)
		hf_stat(f, paths[0], nomem);
}

void hf_stat_bin(struct hostfacts_file *f, const char *name, int *nomem)
{
	static const char *const dirs[] = {"/usr/bin", "/usr/local/bin",
					   "/usr/sbin", "/bin", "/sbin"};
	char p[5][PATH_MAX];
	const char *v[5];
	size_t i;

	for (i = 0; i < 5; i++) {
		snprintf(p[i], sizeof(p[i]), "%s/%s", dirs[i], name);
		v[i] = p[i];
	}
	hf_stat_first(f, v, 5, nomem);
}

char *hf_slurp(const char *path, size_t *len)
{
	char *buf = NULL, *p;
	size_t n = 0, cap = 0;
	ssize_t r = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC), e;

	if (fd < 0)
		return NULL;
	for (;;) {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			p = cap > MAX_FILE + 8192 ? NULL : realloc(buf, cap);
			if (!p) {
				free(buf);
				close(fd);
				errno = ENOMEM;
				return NULL;
			}
			buf = p;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	e = errno;
	close(fd);
	if (r < 0) {
		free(buf);
		errno = e;
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static void add_member(struct hostfacts *h, const char *name, int *nomem)
{
	char **v;
	size_t i;

	if (strcmp(name, "root") == 0)
		return;
	for (i = 0; i < h->n_group_members; i++)
		if (strcmp(h->group_members[i], name) == 0)
			return;
	v = realloc(h->group_members, (h->n_group_members + 1) * sizeof(*v));
	if (!v) {
		*nomem = 1;
		return;
	}
	h->group_members = v;
	v[h->n_group_members] = dup_n(name, nomem);
	if (v[h->n_group_members])
		h->n_group_members++;
}

void hf_group_members(struct hostfacts *h, unsigned gid, int *nomem)
{
	struct group gr, *res = NULL;
	struct passwd *pw;
	char buf[65536];
	size_t i;

	if (getgrgid_r((gid_t)gid, &gr, buf, sizeof(buf), &res) == 0 && res)
		for (i = 0; gr.gr_mem && gr.gr_mem[i]; i++)
			add_member(h, gr.gr_mem[i], nomem);
	/* getpwent is not reentrant: berth calls this from one thread. */
	setpwent();
	while ((pw = getpwent()) != NULL)
		if ((unsigned)pw->pw_gid == gid)
			add_member(h, pw->pw_name, nomem);
	endpwent();
}

static void add_cert(struct hostfacts *h, const char *path, int *nomem)
{
	struct hostfacts_file *v;

	v = realloc(h->certs, (h->n_certs + 1) * sizeof(*v));
	if (!v) {
		*nomem = 1;
		return;
	}
	h->certs = v;
	memset(&v[h->n_certs], 0, sizeof(*v));
	hf_stat(&v[h->n_certs++], path, nomem);
}

void hf_certs(struct hostfacts *h, const char *dir, int *nomem)
{
	DIR *d = opendir(dir), *sub;
	struct dirent *e, *f;
	char p[PATH_MAX], q[PATH_MAX];

	h->certs_state = d ? HF_PRESENT : hf_errno_state(errno);
	while (d && (e = readdir(d)) != NULL && h->n_certs < 256) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		sub = opendir(p);
		if (!sub && hf_errno_state(errno) == HF_DENIED)
			add_cert(h, p, nomem); /* its stat says denied */
		while (sub && (f = readdir(sub)) != NULL && h->n_certs < 256) {
			if (f->d_name[0] == '.')
				continue;
			snprintf(q, sizeof(q), "%s/%s", p, f->d_name);
			add_cert(h, q, nomem);
		}
		if (sub)
			closedir(sub);
	}
	if (d)
		closedir(d);
}

static void append_rules(struct hostfacts *h, const char *path, int *denied,
			 int *nomem)
{
	size_t len = 0, old = h->audit_rules ? strlen(h->audit_rules) : 0;
	char *t = hf_slurp(path, &len), *p;

	if (!t) {
		*denied |= hf_errno_state(errno) == HF_DENIED;
		return;
	}
	p = realloc(h->audit_rules, old + len + 2);
	if (!p) {
		*nomem = 1;
		free(t);
		return;
	}
	memcpy(p + old, t, len);
	p[old + len] = '\n';
	p[old + len + 1] = '\0';
	h->audit_rules = p;
	free(t);
}

void hf_audit(struct hostfacts *h, int *nomem)
{
	const char *dir = "/etc/audit/rules.d";
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[PATH_MAX];
	size_t n;
	int denied = !d && hf_errno_state(errno) == HF_DENIED;

	append_rules(h, "/etc/audit/audit.rules", &denied, nomem);
	while (d && (e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n < 7 || strcmp(e->d_name + n - 6, ".rules") != 0)
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		append_rules(h, p, &denied, nomem);
	}
	if (d)
		closedir(d);
	h->audit_state = h->audit_rules ? HF_PRESENT
			 : denied	? HF_DENIED
					: HF_ABSENT;
}

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static void unescape(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' &&
		    s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*w++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 +
				      (s[3] - '0'));
			s += 3;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

static int under(const char *path, const char *mp)
{
	size_t n = strlen(mp);

	if (strcmp(mp, "/") == 0)
		return path[0] == '/';
	return strncmp(path, mp, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

int hostfacts_mount_of(const char *mountinfo, const char *path, char **point,
		       char **fstype, char **dev)
{
	char mp[4096], fs[256], dv[64];
	const char *line = mountinfo, *sep;
	size_t best = 0;
	int found = -1;

	*point = *fstype = *dev = NULL;
	while (line && *line && path) {
		/* id parent major:minor root mountpoint ... - fstype ... */
		if (sscanf(line, "%*s %*s %63s %*s %4095s", dv, mp) == 2 &&
		    (sep = strstr(line, " - ")) != NULL &&
		    sscanf(sep + 3, "%255s", fs) == 1) {
			unescape(mp);
			if (under(path, mp) && strlen(mp) >= best) {
				best = strlen(mp);
				free(*point);
				free(*fstype);
				free(*dev);
				*point = strdup(mp);
				*fstype = strdup(fs);
				*dev = strdup(dv);
				found = *point && *fstype && *dev ? 0 : -1;
			}
		}
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	return found;
}

void hf_mount(struct hostfacts *h, int *nomem)
{
	char real[PATH_MAX], *mi, *rp = NULL, *rf = NULL;

	if (!h->data_root)
		return;
	if (!realpath(h->data_root, real))
		snprintf(real, sizeof(real), "%s", h->data_root);
	mi = hf_slurp("/proc/self/mountinfo", NULL);
	if (!mi)
		return;
	/* dockerd bind-mounts its data root onto itself: a mount point, but
	 * on the root filesystem's device all the same. */
	if (hostfacts_mount_of(mi, real, &h->mount_point, &h->mount_fstype,
			       &h->mount_device) != 0 &&
	    errno == ENOMEM)
		*nomem = 1;
	if (hostfacts_mount_of(mi, "/", &rp, &rf, &h->root_device) != 0 &&
	    errno == ENOMEM)
		*nomem = 1;
	free(rp);
	free(rf);
	free(mi);
}
