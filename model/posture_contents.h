#ifndef BERTH_MODEL_POSTURE_CONTENTS_H
#define BERTH_MODEL_POSTURE_CONTENTS_H

#include "api/client.h"
#include "model/contents_reader.h"
#include "model/contents_store.h"
#include "model/posture_scan.h"

/*
 * The console's image contents for its posture scan: what the disk
 * cache holds is there at once; the rest is read in the background,
 * one image at a time, and each image is judged again when its
 * contents come in.  The loop watches pcontents_fd and calls
 * pcontents_ready when it is readable.
 */

struct pcontents {
	struct contents_store store;
	struct contents_reader *reader; /* NULL: reads nothing */
	struct pscan *scan;
};

/* opts make the reader's own client; cache_dir may be NULL.  -1 when
 * out of memory (no reader is no error: only the cache is used). */
int pcontents_init(struct pcontents *p, const struct api_client_opts *opts,
		   const char *cache_dir, struct pscan *scan);
void pcontents_free(struct pcontents *p);

/* The pscan hook's answer; a wanted image is queued for reading. */
const struct posture_image_contents *pcontents_get(struct pcontents *p,
						   const char *id);
/* Someone wants the image's files (the layers pane): read them if
 * they are not known, even after a failure. */
void pcontents_request(struct pcontents *p, const char *id);
/* enum cs_state of the image, -1 when never asked for; why as
 * cts_state's. */
int pcontents_state(struct pcontents *p, const char *id, const char **why);
/* The cache directory, or NULL. */
const char *pcontents_cache_dir(const struct pcontents *p);
/* -1 without a reader. */
int pcontents_fd(const struct pcontents *p);
/* Takes a finished read into the store and the scan, starts the next. */
void pcontents_ready(struct pcontents *p);

#endif
