#ifndef BERTH_MODEL_CONTENTS_READER_H
#define BERTH_MODEL_CONTENTS_READER_H

#include <stddef.h>

#include "api/client.h"
#include "api/error.h"
#include "posture/image_contents.h"

/*
 * Reads image exports beside the console's loop: an export is a long
 * stream through libarchive, which pulls its bytes, so it runs on a
 * thread of its own with a client of its own (made from the console's
 * client options, TLS files and all).  One image at a time; the loop
 * waits on fd and takes each result.  Stopping cancels the read within
 * one wait of the export (a fraction of a second) and joins.
 */

struct contents_reader;

/* opts' strings are copied.  -1 when out of memory or no thread. */
int creader_new(const struct api_client_opts *opts,
		struct contents_reader **out);
/* Readable when a result waits for creader_take. */
int creader_fd(const struct contents_reader *r);
/* Starts reading image id; -1 while a read is under way. */
int creader_submit(struct contents_reader *r, const char *id);
int creader_busy(const struct contents_reader *r);
/* Takes the finished read: 1 with id, rc, *ic (on API_OK, the
 * caller's) and why (on failure) filled, 0 when none is finished. */
int creader_take(struct contents_reader *r, char *id, size_t idlen,
		 api_code *rc, struct posture_image_contents *ic, char *why,
		 size_t whylen);
/* Cancels, joins and frees (NULL: nothing). */
void creader_free(struct contents_reader *r);

#endif
