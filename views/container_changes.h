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
};

void cchanges_init(struct cchanges *c, struct app *a);
/* Reads id's changes (again, if they are held for it). */
void cchanges_fetch(struct cchanges *c, const char *id);
/* Drops the request and what was read. */
void cchanges_forget(struct cchanges *c);

/* Each change, in path order: line(ud, letter, path). */
void cchanges_each(const struct cchanges *c,
		   void (*line)(void *ud, char letter, const char *path),
		   void *ud);

#endif
