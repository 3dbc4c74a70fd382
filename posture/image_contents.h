#ifndef BERTH_POSTURE_IMAGE_CONTENTS_H
#define BERTH_POSTURE_IMAGE_CONTENTS_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/image_export.h"
#include "posture/image_files.h"

/* Reads the image's export (blocking on c) into *out (zeroed first).
 * On failure *out holds nothing to free. */
api_code posture_image_contents_read(struct api_client *c, const char *image,
				     struct posture_image_contents *out,
				     const volatile int *cancel,
				     struct api_error *err);
void posture_image_contents_free(struct posture_image_contents *ic);
/* dive's efficiency and wasted bytes into ic (posture/layer_stats.c),
 * from the layers' entries and who hides them; -1 when out of memory. */
int pic_dive_figures(struct posture_image_contents *ic);
/* Drops every layer's file list, keeping the facts judged from it. */
void posture_image_contents_slim(struct posture_image_contents *ic);

/* The collecting half, for tests and other sources of a walk: a
 * visitor that fills *ic, then pic_collect_finish orders the layers by
 * manifest.json's Layers (export order when there is none), marks what
 * upper layers hide and derives the final file system's facts.  Free
 * the collector after finish either way. */
struct pic_collect;
struct pic_collect *pic_collect_new(struct posture_image_contents *ic);
void pic_collect_visitor(struct pic_collect *k, struct api_export_visitor *v);
api_code pic_collect_finish(struct pic_collect *k, struct api_error *err);
void pic_collect_free(struct pic_collect *k);

#endif
