/* berth.drift: a running container's changes against its image (GET
 * /containers/{id}/changes, what docker diff shows) under the trees an
 * image owns: its programs and libraries, and /etc.  Immutable
 * containers are the point (the thesis's chapter on images): a changed
 * binary is what an intruder leaves.  A directory the engine reports as
 * changed only because something in it changed is not evidence of its
 * own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_changes.h"
#include "posture/checks.h"

static const char *const trees[] = {"/bin",   "/sbin",	"/usr",	   "/lib",
				    "/lib32", "/lib64", "/libx32", "/etc"};

const char *posture_drift_tree(const char *path)
{
	size_t i, n;

	for (i = 0; path && i < sizeof(trees) / sizeof(trees[0]); i++) {
		n = strlen(trees[i]);
		if (strncmp(path, trees[i], n) == 0 &&
		    (path[n] == '\0' || path[n] == '/'))
			return trees[i];
	}
	return NULL;
}

/* Path order with '/' first after the end, so what a directory holds
 * follows it at once ("/usr/lib", "/usr/lib/x", then "/usr/lib-y"). */
static int key(unsigned char c)
{
	return c == '\0' ? 0 : c == '/' ? 1 : c + 1;
}

static int by_path(const void *a, const void *b)
{
	const unsigned char *p =
		(const unsigned char *)(*(const struct api_change *const *)a)
			->path;
	const unsigned char *q =
		(const unsigned char *)(*(const struct api_change *const *)b)
			->path;

	for (; *p && *p == *q; p++, q++)
		;
	return key(*p) - key(*q);
}

/* Changes looked at, at most (the evidence is cut long before). */
#define PICK_MAX 4096

/* A directory listed only because something under it changed. */
static int only_a_parent(const struct api_change *const *pick, size_t n,
			 size_t i)
{
	size_t len = strlen(pick[i]->path);

	return pick[i]->kind == API_CHANGE_MODIFIED && i + 1 < n &&
	       strncmp(pick[i + 1]->path, pick[i]->path, len) == 0 &&
	       pick[i + 1]->path[len] == '/';
}

void posture_check_drift(const struct posture_rule *r,
			 const struct posture_ctx *x,
			 struct posture_findings *out)
{
	const struct api_changes *c = x->changes;
	const struct api_change *pick[PICK_MAX];
	struct posture_ev e = {0};
	int programs = 0;
	size_t i, n = 0;

	if (!c || !x->container || !x->container->state.running)
		return;
	for (i = 0; i < c->n && n < PICK_MAX; i++)
		if (posture_drift_tree(c->items[i].path))
			pick[n++] = &c->items[i];
	/* the engine's order changes from call to call: by path */
	qsort(pick, n, sizeof(pick[0]), by_path);
	for (i = 0; i < n; i++) {
		if (only_a_parent(pick, n, i))
			continue;
		posture_ev_add(&e, "%c %s", api_change_letter(pick[i]->kind),
			       pick[i]->path);
		programs |=
			strcmp(posture_drift_tree(pick[i]->path), "/etc") != 0;
	}
	/* configuration alone is a warning; programs are the alarm */
	posture_emit(r, x, out,
		     programs ? POSTURE_SEV_HIGH : POSTURE_SEV_MEDIUM, &e);
}
