#ifndef BERTH_POSTURE_FINDING_H
#define BERTH_POSTURE_FINDING_H

#include <stddef.h>

#include "api/error.h"
#include "posture/severity.h"

/*
 * A finding: one rule that failed for one object (a container, an image
 * or the engine).  Title, why and fix live in the rule (posture/rule.h);
 * the finding holds what differs per object: the severity (a read-only
 * sensitive mount is lower than a read-write one), the evidence and the
 * object's name.
 */

struct posture_rule;

/* An accepted risk that matched the finding (posture/accept.h). */
struct posture_acceptance {
	char *reason;	/* NULL: no acceptance matched */
	char *where;	/* "FILE:LINE" or "label berth.accept" */
	char until[11]; /* "YYYY-MM-DD" or "" */
	int expired;	/* it matched but its day has passed: it counts */
};

struct posture_finding {
	const struct posture_rule *rule; /* static: from posture_rules[] */
	enum posture_severity severity;
	enum posture_scope scope;
	char *object;	 /* container name, image reference, "engine" */
	char *object_id; /* container or image id; NULL for the engine */
	char *evidence;	 /* "HostConfig.Privileged=true" */
	/* the fix this evidence calls for, when it is not the rule's own
	 * (a privileged container's 5.22: drop --privileged); static */
	const char *fix;
	struct posture_acceptance accept;
};

/* Accepted and not expired: listed, but out of the counts, the score,
 * the worst severity and --fail-on. */
int posture_finding_accepted(const struct posture_finding *f);
/* Sets f's acceptance (copies the strings); -1 when out of memory. */
int posture_finding_accept(struct posture_finding *f, const char *reason,
			   const char *where, const char *until, int expired);

/* The fix to show: the finding's own, else its rule's. */
const char *posture_finding_fix(const struct posture_finding *f);

/* nomem is sticky: a failed append sets it, the list stays valid. */
struct posture_findings {
	struct posture_finding *items;
	size_t n;
	size_t cap;
	int nomem;
};

/* Copies the strings; on allocation failure sets f->nomem. */
void posture_findings_add(struct posture_findings *f,
			  const struct posture_rule *r,
			  enum posture_severity sev, enum posture_scope scope,
			  const char *object, const char *object_id,
			  const char *evidence);
/* Appends a copy of every finding of src (its own fix included). */
void posture_findings_copy(struct posture_findings *dst,
			   const struct posture_findings *src);
/* Moves every finding of src to the end of dst; src is left empty. */
api_code posture_findings_move(struct posture_findings *dst,
			       struct posture_findings *src);
/* Worst first (accepted ones after the rest), then by object name,
 * then in the rule table's order. */
void posture_findings_sort(struct posture_findings *f);
/* The finding with rule id for object (any object when NULL), or NULL. */
const struct posture_finding *
posture_findings_get(const struct posture_findings *f, const char *id,
		     const char *object);
/* Counts by severity, and the worst severity present (-1: none), of the
 * findings that are not accepted. */
void posture_findings_counts(const struct posture_findings *f,
			     size_t counts[POSTURE_SEV_COUNT]);
int posture_findings_worst(const struct posture_findings *f);
/* How many are accepted (expired ones not counted). */
size_t posture_findings_accepted(const struct posture_findings *f);
void posture_findings_free(struct posture_findings *f);

#endif
