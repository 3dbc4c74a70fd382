#ifndef BERTH_MODEL_POSTURE_BATCH_H
#define BERTH_MODEL_POSTURE_BATCH_H

#include <stddef.h>

#include "api/client.h"
#include "model/contents_store.h"
#include "model/posture_scan.h"
#include "posture/finding.h"

/*
 * The posture scan run once to its end, without a terminal: what
 * `berth audit` and `berth posture --format` print.  The same scan and
 * model as the posture pane (model/posture_scan.h), with its bounded
 * parallel inspections; the images' contents are read in turn between
 * the scan's turns, as the console reads them in the background.  Any
 * failure is said through the hook, and the run counts as failed: a
 * report that silently lacks a fact would be a wrong verdict.
 */

struct posture_batch {
	struct api_client *c;
	struct pscan s;
	struct contents_store contents;
	int use_contents;
	int failed;
	/* --container: names or id prefixes (>= 4 characters) */
	const char *const *names;
	size_t n_names;
	char *matched; /* per name: some container matched it */
	void (*say)(void *ud, const char *text);
	void *ud;
};

struct posture_batch_opts {
	const struct posture_policy *policy; /* may be NULL: the defaults */
	const char *cache_dir;	  /* contents cached here (NULL: none) */
	int contents;		  /* read each image's export */
	const char *const *names; /* NULL: every container */
	size_t n_names;
	int drift; /* read running containers' changes (berth.drift) */
	void (*say)(void *ud, const char *text); /* a failure, for people */
	void *ud;
};

/* -1 when out of memory (b is then freed). */
int pbatch_init(struct posture_batch *b, struct api_client *c,
		const struct posture_batch_opts *o);
/* The scan to its end.  0, or -1 when anything failed (said). */
int pbatch_run(struct posture_batch *b);
/* Every finding: the engine's (with its host's unless with_host is
 * 0), the containers', then each image's once. */
api_code pbatch_findings(struct posture_batch *b, int with_host,
			 struct posture_findings *all);
/* The first name no container matched, or NULL. */
const char *pbatch_unmatched(const struct posture_batch *b);
void pbatch_free(struct posture_batch *b);

#endif
