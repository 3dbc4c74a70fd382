#ifndef BERTH_MODEL_JOBS_H
#define BERTH_MODEL_JOBS_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"

/*
 * The console's job runner: update and rebuild (ops/update.h,
 * ops/rebuild.h) run on the engine's own client, inside the console's
 * loop, with the connection exactly as the console has it (TLS files,
 * contexts, ssh and all).  Their typed progress becomes one status line
 * per job; the summary stays there when a job ends, an alert when it
 * failed.  Several jobs may run at once, on several engines.
 */

struct jobs_hooks {
	/* A line for the status bar; alert: a failure a person must see. */
	void (*status)(void *ud, int alert, const char *text);
	void *ud;
};

struct jobs;

struct jobs *jobs_new(const struct jobs_hooks *h);
/* Stops what still runs (console exit) and frees. */
void jobs_free(struct jobs *js);
size_t jobs_running(const struct jobs *js);

/* label: shown before each progress line ("update web-1").  0 started;
 * -1 after saying why through the status hook. */
int jobs_update(struct jobs *js, struct api_client *c, const char *label,
		int check, const char *const *names, size_t n);
int jobs_rebuild(struct jobs *js, struct api_client *c, const char *label,
		 const char *name);

/* Pure, for tests: a pull's layers summed into "pulling 2/3 layers 45%". */
#define JOBS_LAYERS_MAX 32
struct jobs_layers {
	char ids[JOBS_LAYERS_MAX][16];
	int64_t cur[JOBS_LAYERS_MAX], total[JOBS_LAYERS_MAX];
	int done[JOBS_LAYERS_MAX];
	int n;
};
void jobs_layers_add(struct jobs_layers *p, const char *id, int64_t cur,
		     int64_t total, const char *status, char *out,
		     size_t outlen);

#endif
