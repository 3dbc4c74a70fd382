#include "api/reference.h"

#include <stdio.h>
#include <string.h>

#define HUB "docker.io"

static int is_lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A path component: lower-case alphanumerics joined by '.', '_', "__"
 * or runs of '-'. */
static int component_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !is_lower_alnum(s[0]) || !is_lower_alnum(s[n - 1]))
		return 0;
	for (i = 1; i + 1 < n; i++) {
		char c = s[i];

		if (is_lower_alnum(c) || c == '-')
			continue;
		if (c == '.' || c == '_') {
			if (!is_lower_alnum(s[i - 1]))
				if (!(c == '_' && s[i - 1] == '_' && i >= 2 &&
				      is_lower_alnum(s[i - 2])))
					return 0;
			continue;
		}
		return 0;
	}
	return 1;
}

static int path_ok(const char *s)
{
	const char *slash;

	for (;;) {
		slash = strchr(s, '/');
		if (!component_ok(s, slash ? (size_t)(slash - s) : strlen(s)))
			return 0;
		if (!slash)
			return 1;
		s = slash + 1;
	}
}

static int tag_ok(const char *t)
{
	size_t i, n = strlen(t);

	if (n == 0 || n > 128 || t[0] == '.' || t[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!(is_lower_alnum(t[i]) || (t[i] >= 'A' && t[i] <= 'Z') ||
		      t[i] == '_' || t[i] == '.' || t[i] == '-'))
			return 0;
	return 1;
}

static int digest_ok(const char *d)
{
	const char *colon = strchr(d, ':');
	const char *p;

	if (!colon || colon == d || !colon[1])
		return 0;
	for (p = d; p < colon; p++)
		if (!is_lower_alnum(*p) && !strchr("+.-_", *p))
			return 0;
	for (p = colon + 1; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') ||
		      (*p >= 'A' && *p <= 'F')))
			return 0;
	return p - colon - 1 >= 32;
}

static int host_like(const char *s, size_t n)
{
	return memchr(s, '.', n) || memchr(s, ':', n) ||
	       (n == 9 && strncmp(s, "localhost", 9) == 0);
}

static int copy(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		return -1;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 0;
}

static int split(const char *s, struct api_ref *out)
{
	const char *at = strchr(s, '@'), *end, *slash, *colon, *name;
	size_t n;

	end = at ? at : s + strlen(s);
	if (at && !at[1])
		return -1;
	if (at &&
	    copy(out->digest, sizeof(out->digest), at + 1, strlen(at + 1)) != 0)
		return -1;
	slash = memchr(s, '/', (size_t)(end - s));
	name = s;
	if (slash && host_like(s, (size_t)(slash - s))) {
		if (copy(out->registry, sizeof(out->registry), s,
			 (size_t)(slash - s)) != 0)
			return -1;
		name = slash + 1;
	} else {
		strcpy(out->registry, HUB);
	}
	if (strcmp(out->registry, "index.docker.io") == 0)
		strcpy(out->registry, HUB);
	/* a tag is a ':' after the last '/' of the name */
	slash = NULL;
	for (colon = name; colon < end; colon++)
		if (*colon == '/')
			slash = colon;
	colon = memchr(slash ? slash : name, ':',
		       (size_t)(end - (slash ? slash : name)));
	if (colon && colon + 1 == end)
		return -1;
	n = (size_t)((colon ? colon : end) - name);
	if (colon && copy(out->tag, sizeof(out->tag), colon + 1,
			  (size_t)(end - colon - 1)) != 0)
		return -1;
	if (strcmp(out->registry, HUB) == 0 && !memchr(name, '/', n)) {
		if (n + 8 >= sizeof(out->path))
			return -1;
		memcpy(out->path, "library/", 8);
		memcpy(out->path + 8, name, n);
		out->path[n + 8] = '\0';
		return 0;
	}
	return copy(out->path, sizeof(out->path), name, n);
}

int api_ref_parse(const char *s, struct api_ref *out)
{
	memset(out, 0, sizeof(*out));
	if (!s || !*s || split(s, out) != 0 || !out->registry[0] ||
	    !path_ok(out->path) || (out->tag[0] && !tag_ok(out->tag)) ||
	    (out->digest[0] && !digest_ok(out->digest))) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	return 0;
}

int api_ref_official(const struct api_ref *r)
{
	return strcmp(r->registry, HUB) == 0 &&
	       strncmp(r->path, "library/", 8) == 0 &&
	       !strchr(r->path + 8, '/');
}

void api_ref_namespace(const struct api_ref *r, char *out, size_t n)
{
	const char *slash = strchr(r->path, '/');
	size_t len = slash ? (size_t)(slash - r->path) : 0;

	if (n == 0)
		return;
	if (len >= n)
		len = n - 1;
	memcpy(out, r->path, len);
	out[len] = '\0';
}

void api_ref_familiar(const struct api_ref *r, char *out, size_t n)
{
	const char *path = r->path;
	int hub = strcmp(r->registry, HUB) == 0;

	if (hub && api_ref_official(r))
		path += 8;
	snprintf(out, n, "%s%s%s%s%s%s%s", hub ? "" : r->registry,
		 hub ? "" : "/", path, r->tag[0] ? ":" : "", r->tag,
		 r->digest[0] ? "@" : "", r->digest);
}
