#include "posture/score.h"

/*
 * score = 100 - sum over severities of min(count * weight, cap), floored
 * at 0, with
 *
 *   severity   weight  cap
 *   critical     25     75
 *   high         10     40
 *   medium        4     20
 *   low           1     10
 *   info          0      0
 *
 * The caps keep many small findings (every container without a CPU
 * limit) from outweighing one critical, and one critical alone costs a
 * quarter: a privileged container or a docker.sock mount can never score
 * above 75.
 */
static const int weight[POSTURE_SEV_COUNT] = {0, 1, 4, 10, 25};
static const int cap[POSTURE_SEV_COUNT] = {0, 10, 20, 40, 75};

int posture_score(const struct posture_findings *f)
{
	size_t counts[POSTURE_SEV_COUNT];
	long score = 100, cost;
	int s;

	posture_findings_counts(f, counts);
	for (s = 0; s < POSTURE_SEV_COUNT; s++) {
		cost = counts[s] > (size_t)cap[s] ? cap[s]
						  : (long)counts[s] * weight[s];
		if (cost > cap[s])
			cost = cap[s];
		score -= cost;
	}
	return score < 0 ? 0 : (int)score;
}
