#ifndef BERTH_OPS_REBUILD_LINT_H
#define BERTH_OPS_REBUILD_LINT_H

#include "ops/rebuild_ctx.h"

struct posture_policy;

/* The Dockerfile a rebuild would build from, judged as berth lint
 * judges it, in one line for its confirmation: "Dockerfile: no
 * findings", "Dockerfile: 3 findings: HIGH 4.10 line 11, MEDIUM 4.1
 * line 12, LOW 4.6", or why it was not judged.  Free it; NULL when out
 * of memory. */
char *rebuild_lint_summary(const struct rebuild_ctx *x,
			   const struct posture_policy *policy);

#endif
