#ifndef BERTH_VIEWS_CONTAINER_CHANGES_H
#define BERTH_VIEWS_CONTAINER_CHANGES_H

#include "api/container_changes.h"
#include "views/app.h"

/*
 * The container detail's Changes tab: what the container changed against
 * its image (GET /containers/{id}/changes, as docker diff), read when the
 * tab is shown and again when an event names the container, in path
 * order.  berth.drift judges the same list.
 */
struct cchanges {
	struct app *a;
	char id[72];
	struct api_request *req;
	int again;
	struct api_changes ch;
	int have;
	char err[512];
	/* "D", "AC", "/etc", "D /etc": kinds (a word of A, C, D only)
	 * and a piece of the path, both to match; "" shows every one */
	char filter[128];
};

void cchanges_init(struct cchanges *c, struct app *a);
/* Reads id's changes (again, if they are held for it). */
void cchanges_fetch(struct cchanges *c, const char *id);
/* Drops the request and what was read. */
void cchanges_forget(struct cchanges *c);

/* Sets the filter (NULL or "" clears it). */
void cchanges_set_filter(struct cchanges *c, const char *filter);
/* The changes the filter lets through. */
size_t cchanges_shown(const struct cchanges *c);
/* Each change the filter lets through, in path order: line(ud, letter,
 * path). */
void cchanges_each(const struct cchanges *c,
		   void (*line)(void *ud, char letter, const char *path),
		   void *ud);

#endif
