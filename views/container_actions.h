#ifndef BERTH_VIEWS_CONTAINER_ACTIONS_H
#define BERTH_VIEWS_CONTAINER_ACTIONS_H

#include <stddef.h>

#include "api/containers.h"
#include "views/app.h"

/*
 * The container actions of the containers pane, on one container or on
 * every marked one: start, stop, restart, pause/unpause, kill, remove,
 * rename.  Each request runs asynchronously; progress and the outcome
 * (the engine's own message on failure) go to the status line.  Kill and
 * remove ask first; nothing is sent in read-only mode.
 */

#define CACT_ID_MAX 72
#define CACT_NAME_MAX 128

struct cact_target {
	char id[CACT_ID_MAX];
	char name[CACT_NAME_MAX];
	int running; /* running or restarting: remove needs force */
	int paused;
};

enum cact_kind {
	CACT_START,
	CACT_STOP,
	CACT_RESTART,
	CACT_PAUSE_TOGGLE, /* unpause the paused, pause the others */
	CACT_KILL,
	CACT_REMOVE,
	CACT_RENAME, /* the first target only */
};

struct cactions;

struct cactions *cact_new(struct app *a);
/* Cancels every request still running and any question still open. */
void cact_free(struct cactions *c);

/* Asks (kill, remove, rename) or starts the requests. */
void cact_run(struct cactions *c, enum cact_kind kind,
	      const struct cact_target *targets, size_t n);

/* The same on every container of a compose project (a group header):
 * always asked first, with the names of what it acts on. */
void cact_run_project(struct cactions *c, enum cact_kind kind,
		      const char *project, const struct cact_target *targets,
		      size_t n);
/* Requests still running, for tests and the status line. */
size_t cact_running(const struct cactions *c);

#endif
