#ifndef BERTH_POSTURE_RULES_H
#define BERTH_POSTURE_RULES_H

#include <stddef.h>

#include "api/error.h"
#include "posture/finding.h"
#include "posture/rule.h"

/*
 * The rule table: one row per rule, so the posture pane, `berth audit`
 * (and its SARIF rules[]) and the man page all come from the same place.
 * Everything here is pure: it judges models the caller fetched.
 */

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
/* A swarm service's task template (object: its name), judged before
 * and however often its containers are replaced. */
api_code posture_check_service(const struct api_service *s,
			       struct posture_findings *out);

#endif
