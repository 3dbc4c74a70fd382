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

/*
 * The one entry point of judging: every screen and command (the posture
 * pane, berth audit, berth watch, the fleet view) judges a subject only
 * through posture_judge, and a subject always comes with what is known
 * of its engine, so no caller can judge a container without the engine
 * its verdicts depend on (5.2/5.3 need the engine's SecurityOptions,
 * 5.26 the daemon's own defaults, 5.30 its default bridge).
 */
struct hostfacts;
struct api_service;

/* Gathered once per scan; any member may be NULL (not known). */
struct posture_engine {
	const struct api_info *info;
	const struct api_version *version;
	/* The network with com.docker.network.bridge.default_bridge=true;
	 * NULL when the engine has none (dockerd --bridge=none). */
	const struct api_network *bridge;
	const char *host; /* "unix:///...", "tcp://h:2376" */
	int tls;
	/* The engine's own host, read when it is this one. */
	const struct hostfacts *hostfacts;
};

struct posture_subject {
	enum posture_scope scope;
	const struct posture_engine *engine; /* required */
	/* the member of the scope: */
	const struct api_container_inspect *container;
	const struct api_image_inspect *image;
	const struct api_image_history *history; /* may be NULL */
	const char *image_name; /* how findings name the image; NULL: id */
	const struct api_service *service;
	/* a running container's processes, when read (5.7 and the one
	 * application rule judge them, nothing else) */
	const struct api_top *top;
	/* POSTURE_SCOPE_ENGINE and _HOST judge s->engine itself. */
};

/* Appends the findings of every rule of the subject's scope to out
 * (which may already hold findings).  API_E_INVALID without an engine or
 * without the scope's object; API_E_NOMEM when an allocation failed. */
api_code posture_judge(const struct posture_subject *s,
		       struct posture_findings *out);

#endif
