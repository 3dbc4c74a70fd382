#ifndef BERTH_POSTURE_ACCEPT_H
#define BERTH_POSTURE_ACCEPT_H

#include <stddef.h>
#include <stdint.h>

#include "api/container_inspect.h"
#include "api/error.h"
#include "api/json.h"

struct posture_findings;

/*
 * Accepted risks.  CIS allows several things "only if needed" (the host
 * network, privileged ports, devices); a person who needs one says so
 * once, with a reason, and the finding stays listed but leaves the
 * score, the counts and --fail-on.  Two sources:
 *
 *   config file:  accept RULE SUBJECT "reason" [until YYYY-MM-DD]
 *   container:    --label berth.accept=5.10,5.14
 *                 --label berth.accept.reason="..."
 *                 --label berth.accept.until=YYYY-MM-DD   (optional)
 *
 * RULE and SUBJECT are shell globs (fnmatch) over the rule id and the
 * finding's object (container name, image reference, "engine", "host").
 * An acceptance holds through its until day (UTC); after it the finding
 * counts again and says the acceptance ran out.  Only the container's
 * own labels accept: a label its image carries is the image author's
 * word, not the operator's, and is ignored.
 */

#define POSTURE_ACCEPT_LABEL "berth.accept"
#define POSTURE_ACCEPT_REASON_LABEL "berth.accept.reason"
#define POSTURE_ACCEPT_UNTIL_LABEL "berth.accept.until"

struct posture_accept {
	char *rule;	/* glob over rule ids */
	char *subject;	/* glob over object names */
	char *reason;	/* never empty */
	char until[11]; /* "YYYY-MM-DD", or "" for no end */
	char *where;	/* "FILE:LINE" */
};

struct posture_accepts {
	struct posture_accept *items;
	size_t n, cap;
};

/* One config line's words after "accept" (quotes removed): RULE SUBJECT
 * REASON [until DATE].  where labels it ("FILE:LINE").  Returns 0, or
 * -1 with a message in msg (a rule that matches no rule, an empty
 * reason, a date that is not one, out of memory). */
int posture_accepts_add(struct posture_accepts *a, char *const *words, int n,
			const char *where, char *msg, size_t msglen);
/* A deep copy into *dst (uninitialised); -1 when out of memory. */
int posture_accepts_copy(struct posture_accepts *dst,
			 const struct posture_accepts *src);
void posture_accepts_free(struct posture_accepts *a);

/* 1 when s is a real calendar day written YYYY-MM-DD. */
int posture_accept_date_ok(const char *s);

/* 1 when the container carries a berth.accept label: judging it then
 * needs its image's labels (struct posture_subject's image_labels). */
int posture_accept_labelled(const struct api_container_inspect *ci);

/* Copies only the berth.accept* labels of from into *to (zeroed
 * first): what a model keeps of an image's labels.  API_E_NOMEM. */
api_code posture_accept_labels_copy(const struct api_kvlist *from,
				    struct api_kvlist *to);

/* What decides one subject's acceptances. */
struct posture_accept_ctx {
	const struct posture_accepts *config; /* may be NULL */
	const struct api_kvlist *labels;      /* the container's, or NULL */
	/* its image's labels: the same key and value there means the
	 * container inherited it; NULL (not known) honours no label */
	const struct api_kvlist *image_labels;
	int64_t now; /* seconds since the epoch; 0: time(NULL) */
};

/* Marks the findings f->items[from..] that an acceptance matches.
 * API_E_NOMEM when a copy of a reason could not be made (the finding is
 * then left unaccepted: it counts). */
api_code posture_accept_apply(const struct posture_accept_ctx *c,
			      struct posture_findings *f, size_t from);

#endif
