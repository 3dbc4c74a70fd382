#include "ops/cp_plan.h"

#include <stdio.h>
#include <string.h>

static size_t trimmed(const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	return n;
}

void cp_basename(const char *path, char *out, size_t n)
{
	size_t end = trimmed(path), start = end;

	while (start > 0 && path[start - 1] != '/')
		start--;
	snprintf(out, n, "%.*s", (int)(end - start), path + start);
}

void cp_dirname(const char *path, char *out, size_t n)
{
	size_t end = trimmed(path);

	while (end > 0 && path[end - 1] != '/')
		end--;
	while (end > 1 && path[end - 1] == '/')
		end--;
	if (end == 0)
		snprintf(out, n, ".");
	else
		snprintf(out, n, "%.*s", (int)end, path);
}

static int ends_dot(const char *s)
{
	size_t n = strlen(s);

	return n >= 2 && s[n - 1] == '.' && s[n - 2] == '/';
}

static int ends_slash(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && s[n - 1] == '/';
}

int cp_plan_make(const char *src, enum cp_kind src_kind, const char *dst,
		 enum cp_kind dst_kind, enum cp_kind parent_kind,
		 struct cp_plan *p, char *msg, size_t msglen)
{
	memset(p, 0, sizeof(*p));
	p->contents = src_kind == CP_DIR && ends_dot(src);
	if (p->contents)
		snprintf(p->from, sizeof(p->from), ".");
	else
		cp_basename(src, p->from, sizeof(p->from));
	if (src_kind == CP_ABSENT) {
		snprintf(msg, msglen, "%s: no such file or directory", src);
		return -1;
	}
	if (src_kind == CP_FILE && ends_slash(src)) {
		snprintf(msg, msglen, "%s: not a directory", src);
		return -1;
	}
	if (dst_kind == CP_DIR) {
		snprintf(p->dir, sizeof(p->dir), "%s", dst);
		return 0;
	}
	if (dst_kind == CP_FILE && src_kind == CP_DIR) {
		snprintf(msg, msglen, "cannot copy a directory to a file: %s",
			 dst);
		return -1;
	}
	if (dst_kind == CP_ABSENT && src_kind == CP_FILE && ends_slash(dst)) {
		snprintf(msg, msglen, "destination directory %s does not exist",
			 dst);
		return -1;
	}
	if (dst_kind == CP_ABSENT && parent_kind != CP_DIR) {
		cp_dirname(dst, p->dir, sizeof(p->dir));
		snprintf(msg, msglen, "%s: no such directory", p->dir);
		return -1;
	}
	/* absent, or a file the source file replaces: under dst's name */
	cp_dirname(dst, p->dir, sizeof(p->dir));
	cp_basename(dst, p->to, sizeof(p->to));
	return 0;
}

static int unsafe_name(const char *s)
{
	const char *c = s;

	if (*s == '/')
		return 1;
	while (*c) {
		size_t n = strcspn(c, "/");

		if (n == 2 && c[0] == '.' && c[1] == '.')
			return 1;
		c += n;
		c += *c == '/';
	}
	return 0;
}

const char *cp_entry_name(const struct cp_plan *p, const char *name, char *out,
			  size_t n, int *unsafe)
{
	size_t fl = strlen(p->from);
	const char *rest;

	*unsafe = unsafe_name(name);
	if (*unsafe)
		return NULL;
	/* the archive's top name, then "/" and the rest, or nothing */
	if (strncmp(name, p->from, fl) != 0 ||
	    (name[fl] != '\0' && name[fl] != '/')) {
		*unsafe = 1; /* not under what was asked for */
		return NULL;
	}
	rest = name + fl;
	while (*rest == '/')
		rest++;
	if (p->to[0])
		snprintf(out, n, "%s%s%s", p->to, *rest ? "/" : "", rest);
	else if (p->contents && !*rest)
		return NULL; /* "./": the directory itself, already there */
	else if (p->contents)
		snprintf(out, n, "%s", rest);
	else
		snprintf(out, n, "%s%s%s", p->from, *rest ? "/" : "", rest);
	return out;
}
