#ifndef BERTH_POSTURE_RULE_H
#define BERTH_POSTURE_RULE_H

#include "api/container_changes.h"
#include "api/container_inspect.h"
#include "api/images.h"
#include "api/networks.h"
#include "api/system.h"
#include "posture/severity.h"

struct posture_findings;
struct api_top;
struct posture_policy;
struct posture_image_contents;

/*
 * What one rule is, and what its check is handed: the type the rule
 * table (posture/rules.h) is made of and the checks are written against,
 * so the table can point at the checks without the checks knowing it.
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
	/* what its export holds (posture/image_contents.h); NULL when not
	 * read: the rules of its files judge nothing then */
	const struct posture_image_contents *contents;
	/* engine scope; any of them may be NULL (not fetched) */
	const struct api_info *info;
	const struct api_version *version;
	const struct api_network *bridge; /* the default bridge, if any */
	const char *engine_host;	  /* "unix:///...", "tcp://h:2375" */
	int engine_tls;
	/* the engine's images and the image ids its containers run, both
	 * or neither (CIS 6.1) */
	const struct api_image_list *images;
	const struct api_strv *images_used;
	int64_t now;			     /* 0: time(NULL) */
	const struct posture_policy *policy; /* NULL: the defaults */
	/* host scope; for containers, the daemon's defaults (may be NULL) */
	const struct hostfacts *host;
	/* service scope */
	const struct api_service *service;
	/* container scope, running: its processes (GET .../top), NULL when
	 * not read; the rules that need them judge nothing then */
	const struct api_top *top;
	/* container scope, running: what it changed against its image (GET
	 * .../changes), NULL when not read (berth.drift judges nothing) */
	const struct api_changes *changes;
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

#endif
