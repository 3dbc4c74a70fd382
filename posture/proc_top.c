#include "posture/proc_top.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "posture/hostfacts_fs.h"

/* Bounds against a cgroup tree that is not what a container makes. */
#define DEPTH_MAX 8
#define PIDS_MAX 65536
#define CMDLINE_MAX 32768 /* ps prints more; the rules read the start */

struct pids {
	long *v;
	size_t n, cap;
};

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* 1 when the comma-separated list ctrls holds name. */
static int has_controller(const char *ctrls, size_t len, const char *name)
{
	size_t n = strlen(name), i = 0, j;

	while (i < len) {
		for (j = i; j < len && ctrls[j] != ','; j++)
			;
		if (j - i == n && memcmp(ctrls + i, name, n) == 0)
			return 1;
		i = j + 1;
	}
	return 0;
}

/* The line's directory under base when it exists and names id. */
static int try_dir(const char *root, const char *base, const char *path,
		   size_t plen, const char *id, char *dir, size_t n)
{
	char p[4096];
	int w;

	if (plen == 0 || path[0] != '/' || plen >= sizeof(p) / 2)
		return -1;
	/* the path must name the container and never climb out */
	w = snprintf(p, sizeof(p), "%.*s", (int)plen, path);
	if (w < 0 || !strstr(p, id) || strstr(p, "/.."))
		return -1;
	w = snprintf(dir, n, "%s/sys/fs/cgroup%s%.*s", root, base, (int)plen,
		     path);
	if (w < 0 || (size_t)w >= n || !is_dir(dir))
		return -1;
	return 0;
}

int proc_top_cgroup_dir(const char *root, const char *cgroup, const char *id,
			char *dir, size_t n)
{
	const char *line = cgroup, *end, *c1, *c2;

	if (!id || strlen(id) < 12)
		return -1;
	for (; line && *line; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		c1 = memchr(line, ':', (size_t)(end - line));
		c2 = c1 ? memchr(c1 + 1, ':', (size_t)(end - c1 - 1)) : NULL;
		if (!c2)
			continue;
		if (c1 - line == 1 && line[0] == '0' && c2 == c1 + 1) {
			/* cgroup v2, alone or beside v1 (hybrid) */
			if (try_dir(root, "", c2 + 1, (size_t)(end - c2 - 1),
				    id, dir, n) == 0 ||
			    try_dir(root, "/unified", c2 + 1,
				    (size_t)(end - c2 - 1), id, dir, n) == 0)
				return 0;
		} else if (has_controller(c1 + 1, (size_t)(c2 - c1 - 1),
					  "pids") &&
			   try_dir(root, "/pids", c2 + 1,
				   (size_t)(end - c2 - 1), id, dir, n) == 0) {
			return 0;
		}
	}
	return -1;
}

static int add_pid(struct pids *p, long pid)
{
	long *v;

	if (p->n == p->cap) {
		if (p->cap >= PIDS_MAX)
			return -1;
		p->cap = p->cap ? p->cap * 2 : 16;
		v = realloc(p->v, p->cap * sizeof(*v));
		if (!v)
			return -1;
		p->v = v;
	}
	p->v[p->n++] = pid;
	return 0;
}

/* cgroup.procs of dir and of every cgroup below it, as the engine's
 * runtime counts a container's processes. */
static int collect(const char *dir, int depth, struct pids *p)
{
	char path[4096];
	size_t len;
	char *b, *s, *e;
	DIR *d;
	struct dirent *de;
	int rc = 0;

	snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
	b = hf_slurp(path, &len);
	if (!b)
		return -1;
	for (s = b; rc == 0 && *s; s = e) {
		long v = strtol(s, &e, 10);

		if (e == s) {
			e = s + 1;
			continue;
		}
		if (v > 0)
			rc = add_pid(p, v);
	}
	free(b);
	if (rc != 0 || depth >= DEPTH_MAX || !(d = opendir(dir)))
		return rc;
	while (rc == 0 && (de = readdir(d))) {
		if (de->d_name[0] == '.' || de->d_type != DT_DIR)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >=
		    (int)sizeof(path))
			continue;
		rc = collect(path, depth + 1, p);
	}
	closedir(d);
	return rc;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

void proc_top_cmd(const char *cmdline, size_t len, const char *comm, char state,
		  char *out, size_t n)
{
	size_t i, o = 0;

	if (n == 0)
		return;
	while (len > 0 && cmdline[len - 1] == '\0')
		len--;
	if (len == 0) {
		snprintf(out, n, "[%s]%s", comm ? comm : "",
			 state == 'Z' ? " <defunct>" : "");
		return;
	}
	for (i = 0; i < len && o + 1 < n; i++) {
		unsigned char ch = (unsigned char)cmdline[i];

		out[o++] = ch == '\0'		       ? ' '
			   : (ch < 0x20 || ch == 0x7f) ? '?'
						       : (char)ch;
	}
	out[o] = '\0';
}

/* comm and state of /proc/PID/stat: "PID (comm) S ...", where comm may
 * hold spaces and parentheses, so it ends at the last ')'. */
static int read_stat(const char *root, long pid, char *comm, size_t n,
		     char *state)
{
	char path[256];
	size_t len;
	char *b, *open_p, *close_p;
	int rc = -1;

	snprintf(path, sizeof(path), "%s/proc/%ld/stat", root, pid);
	b = hf_slurp(path, &len);
	if (!b)
		return -1;
	open_p = strchr(b, '(');
	close_p = strrchr(b, ')');
	if (open_p && close_p && close_p > open_p && close_p[1] == ' ') {
		snprintf(comm, n, "%.*s", (int)(close_p - open_p - 1),
			 open_p + 1);
		*state = close_p[2];
		rc = 0;
	}
	free(b);
	return rc;
}

static char **row(long pid, const char *cmd)
{
	char **r = calloc(3, sizeof(*r));
	char num[24];

	snprintf(num, sizeof(num), "%ld", pid);
	if (r && (!(r[0] = strdup(num)) || !(r[1] = strdup(cmd)))) {
		free(r[0]);
		free(r);
		r = NULL;
	}
	return r;
}

/* One row per process still there (one that exited meanwhile is left
 * out, as ps would not see it either).  -1 when a command line cannot
 * be read whole (over hf_slurp's 1 MiB): the engine's ps is asked. */
static int fill(const char *root, const struct pids *p, struct api_top *out)
{
	char path[256], comm[64], state, *cmdline, *cmd;
	size_t i, len;

	out->rows = calloc(p->n + 1, sizeof(*out->rows));
	out->titles.v = calloc(3, sizeof(char *));
	if (!out->rows || !out->titles.v)
		return -1;
	out->titles.n = 2; /* freed by api_top_free from here on */
	if (!(out->titles.v[0] = strdup("PID")) ||
	    !(out->titles.v[1] = strdup("CMD")))
		return -1;
	cmd = malloc(CMDLINE_MAX + 1);
	if (!cmd)
		return -1;
	for (i = 0; i < p->n; i++) {
		if (i && p->v[i] == p->v[i - 1])
			continue;
		if (read_stat(root, p->v[i], comm, sizeof(comm), &state) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/proc/%ld/cmdline", root,
			 p->v[i]);
		cmdline = hf_slurp(path, &len);
		if (!cmdline && errno == ENOMEM) {
			free(cmd);
			return -1;
		}
		if (!cmdline)
			continue;
		proc_top_cmd(cmdline, len, comm, state, cmd, CMDLINE_MAX + 1);
		free(cmdline);
		out->rows[out->n].v = row(p->v[i], cmd);
		if (!out->rows[out->n].v) {
			free(cmd);
			return -1;
		}
		out->rows[out->n++].n = 2;
	}
	free(cmd);
	return 0;
}

int proc_top_read(const char *root, const char *id, int64_t pid,
		  struct api_top *out)
{
	char path[256], dir[4096];
	struct pids p = {0};
	size_t len, i;
	char *cg;
	int rc = -1, found = 0;

	memset(out, 0, sizeof(*out));
	if (!root || !id || pid <= 0)
		return -1;
	snprintf(path, sizeof(path), "%s/proc/%lld/cgroup", root,
		 (long long)pid);
	cg = hf_slurp(path, &len);
	if (!cg)
		return -1;
	/* an empty cgroup: the container is stopping, the engine says */
	if (proc_top_cgroup_dir(root, cg, id, dir, sizeof(dir)) == 0 &&
	    collect(dir, 0, &p) == 0 && p.n > 0) {
		qsort(p.v, p.n, sizeof(*p.v), cmp_long);
		/* the main process among them: the cgroup is this
		 * container's in this pid namespace */
		for (i = 0; i < p.n && !found; i++)
			found = p.v[i] == (long)pid;
		rc = found ? fill(root, &p, out) : -1;
	}
	free(cg);
	free(p.v);
	if (rc != 0)
		api_top_free(out);
	return rc;
}
