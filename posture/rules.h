#ifndef BERTH_POSTURE_RULES_H
#define BERTH_POSTURE_RULES_H

#include <stddef.h>

#include "api/container_inspect.h"
#include "api/error.h"
#include "api/images.h"
#include "api/networks.h"
#include "api/system.h"
#include "posture/finding.h"

/*
 * The rule table: one row per rule, so the posture pane, `berth audit`
 * (and its SARIF rules[]) and the man page all come from the same place.
 * Everything here is pure: it judges models the caller fetched.
 */

/* What a check looks at.  Only the members of the rule's scope are set;
 * object and object_id name what the findings are about. */
struct hostfacts;
struct api_service;
struct posture_ctx {
	enum posture_scope scope; /* what is judged: the findings' scope */
	const char *object;
	const char *object_id;
	/* container scope */
	const struct api_container_inspect *container;
	const char *engine_socket; /* the engine's unix socket path, or NULL */
	/* image scope */
	const struct api_image_inspect *image;
	const struct api_image_history *history; /* may be NULL */
	/* engine scope; any of them may be NULL (not fetched) */
	const struct api_info *info;
	const struct api_version *version;
	const struct api_network *bridge; /* the default bridge, if any */
	const char *engine_host;	  /* "unix:///...", "tcp://h:2375" */
	int engine_tls;
	/* host scope; for containers, the daemon's defaults (may be NULL) */
	const struct hostfacts *host;
	/* service scope */
	const struct api_service *service;
};

struct posture_rule;
typedef void (*posture_check_fn)(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out);

/* One CIS id is one rule, even when it judges both a container and the
 * image it comes from (4.1, 4.6): the check looks at x->scope. */
#define POSTURE_IN(scope) (1u << (scope))

struct posture_rule {
	const char *id;			/* CIS id ("5.5") or "berth.*" */
	enum posture_severity severity; /* the default; a finding may differ */
	unsigned scopes; /* POSTURE_IN(scope) bits: where the rule applies */
	const char *title;
	const char *why; /* one line */
	const char *fix; /* the docker run flag or daemon option */
	posture_check_fn check;
};

extern const struct posture_rule posture_rules[];
extern const size_t posture_rules_n;

const struct posture_rule *posture_rule_find(const char *id);
/* The first scope the rule applies to: where a listing shows it once. */
enum posture_scope posture_rule_scope(const struct posture_rule *r);

/* Each appends the findings of every rule of its scope to out (which
 * may already hold findings); API_E_NOMEM when an allocation failed. */
api_code posture_check_container(const struct api_container_inspect *ci,
				 const char *engine_host,
				 struct posture_findings *out);
/* The same, knowing the daemon's defaults from its host's facts (NULL:
 * unknown): dockerd --no-new-privileges covers every container that does
 * not opt out, with nothing in its SecurityOpt to show it. */
api_code posture_check_container_on(const struct api_container_inspect *ci,
				    const char *engine_host,
				    const struct hostfacts *host,
				    struct posture_findings *out);
/* name: how the findings name the image (a reference); NULL: its id. */
api_code posture_check_image(const struct api_image_inspect *img,
			     const struct api_image_history *hist,
			     const char *name, struct posture_findings *out);
api_code posture_check_engine(const struct api_info *info,
			      const struct api_version *ver,
			      const struct api_network *bridge,
			      const char *engine_host, int engine_tls,
			      struct posture_findings *out);
/* The host rules (posture/check_host*.c) over facts collected on the
 * engine's own host (cli/hostfacts_collect.h). */
api_code posture_check_host(const struct hostfacts *h,
			    struct posture_findings *out);

#endif
