#ifndef BERTH_POSTURE_RULES_H
#define BERTH_POSTURE_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "api/error.h"
#include "posture/finding.h"
#include "posture/rule.h"
#include "posture/rule_table.h"

/* Everything here is pure: it judges models the caller fetched, by the
 * rule table (posture/rule_table.h). */

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
struct posture_policy;

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
	/* Its images and the image ids of every container (CIS 6.1);
	 * both or neither. */
	const struct api_image_list *images;
	const struct api_strv *images_used;
	/* The config file's policy: accepted risks, trusted registries,
	 * image age (NULL: the defaults), and the time until days and
	 * image ages are judged at (0: now). */
	const struct posture_policy *policy;
	int64_t now;
};

struct posture_subject {
	enum posture_scope scope;
	const struct posture_engine *engine; /* required */
	/* the member of the scope: */
	const struct api_container_inspect *container;
	const struct api_image_inspect *image;
	const struct api_image_history *history;       /* may be NULL */
	const struct posture_image_contents *contents; /* may be NULL */
	const char *image_name; /* how findings name the image; NULL: id */
	const struct api_service *service;
	/* a running container's processes, when read (5.7 and the one
	 * application rule judge them, nothing else) */
	const struct api_top *top;
	/* what a running container changed against its image, when read
	 * (berth.drift judges it) */
	const struct api_changes *changes;
	/* the labels of a container's image (Config.Labels), when known:
	 * a berth.accept label the container only inherited from its image
	 * accepts nothing, and without them no label accepts anything */
	const struct api_kvlist *image_labels;
	/* POSTURE_SCOPE_ENGINE and _HOST judge s->engine itself. */
};

/* Appends the findings of every rule of the subject's scope to out
 * (which may already hold findings).  API_E_INVALID without an engine or
 * without the scope's object; API_E_NOMEM when an allocation failed. */
api_code posture_judge(const struct posture_subject *s,
		       struct posture_findings *out);

#endif
