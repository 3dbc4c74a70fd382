#ifndef BERTH_POSTURE_SCORE_H
#define BERTH_POSTURE_SCORE_H

#include "posture/finding.h"

/* 0 (worst) to 100 (nothing found) for the pane's host summary; the
 * formula is in posture/score.c. */
int posture_score(const struct posture_findings *f);

#endif
