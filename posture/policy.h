#ifndef BERTH_POSTURE_POLICY_H
#define BERTH_POSTURE_POLICY_H

#include <stddef.h>

#include "api/json.h"
#include "api/reference.h"
#include "posture/accept.h"
#include "posture/eol.h"

/*
 * What the person running berth decided about judging, read from the
 * config file: the risks accepted, the registries trusted beside Docker
 * Hub's official images, and how old an image may grow.  Every screen
 * and command judges with the same policy (posture_engine's).
 */

#define POSTURE_IMAGE_MAX_AGE_DAYS 90

struct posture_policy {
	struct posture_accepts accepts;
	/* globs over a reference's registry ("127.0.0.1:5000",
	 * "*.corp.example") or its registry/path ("ghcr.io/acme/app*") */
	struct api_strv trusted;
	long image_max_age_days; /* berth.image.age; 0: the default */
	/* base OS releases' end of life (berth.image.eol); n == 0: none
	 * was found, the rule judges nothing */
	struct eol_table eol;
};

/* The defaults: nothing accepted, nothing trusted beyond the official
 * images, 90 days. */
void posture_policy_init(struct posture_policy *p);
void posture_policy_free(struct posture_policy *p);

/* Replaces the trusted list with the entries of a comma- or
 * blank-separated list.  0, or -1 when out of memory. */
int posture_policy_set_trusted(struct posture_policy *p, const char *list);

/* 1 when the reference comes from a trusted registry or path (policy
 * may be NULL: nothing is). */
int posture_policy_trusts(const struct posture_policy *p,
			  const struct api_ref *r);

/* The age limit in days, the default when p is NULL or says 0. */
long posture_policy_max_age(const struct posture_policy *p);

#endif
