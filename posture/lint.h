#ifndef BERTH_POSTURE_LINT_H
#define BERTH_POSTURE_LINT_H

#include <stddef.h>
#include <stdint.h>

#include "api/error.h"
#include "posture/finding.h"

/*
 * berth lint: a Dockerfile judged before it is built, by the image rules
 * of berth audit (posture/lint_image.h makes the record they read), so a
 * rule says the same of a Dockerfile as of the image it builds.  The
 * evidence names Dockerfile lines: "line 7: a download piped into a
 * shell: curl ... | sh".  Rules that need the built image (its files,
 * its age) are not judged.
 */

struct posture_policy;

/* Appends the findings for the Dockerfile text (len bytes), named name,
 * to out.  API_E_PARSE "LINE: why" for text that is no Dockerfile,
 * API_E_TOO_LARGE, API_E_NOMEM. */
api_code posture_lint(const char *text, size_t len, const char *name,
		      const struct posture_policy *policy, int64_t now,
		      struct posture_findings *out, struct api_error *err);

/* The Dockerfile lines an evidence text names, in order, at most max;
 * returns how many. */
size_t posture_lint_lines(const char *evidence, size_t *lines, size_t max);

#endif
