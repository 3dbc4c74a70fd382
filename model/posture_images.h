#ifndef BERTH_MODEL_POSTURE_IMAGES_H
#define BERTH_MODEL_POSTURE_IMAGES_H

#include <stddef.h>

#include "api/image_ops.h"
#include "api/images.h"
#include "posture/finding.h"
#include "posture/rules.h"

/*
 * The images the posture model's containers run, each judged once by
 * the image rules (its inspect and history), as berth audit judges the
 * image of every container it audits.
 */

struct pm_image {
	char *id;   /* "sha256:..." */
	char *name; /* how the findings name it: a tag, else a reference */
	int want, inflight, judged;
	struct posture_findings f; /* worst first */
	/* its berth.accept* labels, once inspected: a container's own
	 * acceptance labels are told from inherited ones with them */
	struct api_kvlist accept_labels;
};

struct pm_images {
	struct pm_image *items;
	size_t n, cap;
};

void pmi_free(struct pm_images *l);
struct pm_image *pmi_find(struct pm_images *l, const char *id);
/* Due for judging unless judged already; ref names it until its inspect
 * says better.  NULL when out of memory (or no id). */
struct pm_image *pmi_want(struct pm_images *l, const char *id, const char *ref);
struct pm_image *pmi_next_wanted(struct pm_images *l);
size_t pmi_pending(const struct pm_images *l);
/* Replaces the image's findings (h may be NULL). */
api_code pmi_judge(struct pm_images *l, const char *id,
		   const struct api_image_inspect *img,
		   const struct api_image_history *h,
		   const struct posture_image_contents *contents,
		   const struct posture_engine *e);
/* Judged again with the next scan (the engine's facts changed). */
void pmi_want_all(struct pm_images *l);

#endif
