#ifndef BERTH_MODEL_POSTURE_MODEL_H
#define BERTH_MODEL_POSTURE_MODEL_H

#include <stddef.h>

#include "api/container_inspect.h"
#include "api/error.h"
#include "api/networks.h"
#include "api/system.h"
#include "model/posture_images.h"
#include "posture/finding.h"
#include "posture/rules.h"

/*
 * The posture pane's data, without curses or requests: the findings of
 * each container (keyed by id, judged from its inspect), the engine's,
 * the counts and score of the host summary, and the badge the pane shows
 * for each concern.  The pane decides what to inspect and when; this
 * only remembers which containers are due (want) and running (inflight).
 */

enum pm_concern {
	PM_CAPS,
	PM_MOUNTS,
	PM_PORTS,
	PM_LIMITS,
	PM_PRIV,
	PM_NS,
	PM_USER,
	PM_CONFINE,
	PM_PROCS, /* what runs in it: sshd, a supervisor, changed programs */
	PM_CONCERNS
};

#define PM_BADGE_MAX 16

struct pm_badge {
	int severity;		 /* the worst finding's; -1: none */
	int n;			 /* findings of this concern */
	char text[PM_BADGE_MAX]; /* "PRIV", "SOCK", "NOMEM+2"; "" if none */
};

struct pm_container {
	char *id;
	char *name;
	char *image_id; /* the image it runs: its findings in images */
	int judged;	/* inspected at least once */
	int want;	/* an inspection is due */
	int inflight;	/* one is running */
	int again;	/* an event came while it ran: inspect once more */
	/* it carries berth.accept labels and was judged before its image's
	 * labels were known: judged again once they are */
	int await_image;
	struct posture_findings f; /* worst first */
	struct pm_badge badges[PM_CONCERNS];
	size_t counts[POSTURE_SEV_COUNT];
	int worst; /* -1: nothing found (or not judged yet) */
	/* at its last inspection: running or paused (it holds memory),
	 * and its HostConfig.Memory (0: unbounded), for the host line */
	int live;
	int64_t mem_limit;
};

struct posture_model {
	struct pm_container *items; /* after pm_update: worst first */
	size_t n, cap;
	struct posture_findings engine; /* worst first */
	int engine_judged;
	struct pm_images images; /* the containers' images, judged once */
	size_t counts[POSTURE_SEV_COUNT]; /* over every container */
	int score;			  /* containers and engine */
};

/* "CAPS", "MOUNTS", ... as the pane's column titles. */
const char *pm_concern_name(enum pm_concern c);
/* The concern a rule belongs to, or -1 (healthchecks: WORST only). */
int pm_concern_of(const char *rule_id);
/* The short word a badge shows for a rule ("PRIV"), "" if none. */
const char *pm_badge_word(const char *rule_id);
/* The badge of each concern from a container's findings. */
void pm_badges(const struct posture_findings *f,
	       struct pm_badge out[PM_CONCERNS]);

void pm_init(struct posture_model *m);
/* Safe on a zeroed model and twice. */
void pm_free(struct posture_model *m);

struct pm_container *pm_find(struct posture_model *m, const char *id);
/* Marks id due for inspection, adding it (unjudged) when unknown; name
 * may be NULL.  NULL when out of memory. */
struct pm_container *pm_want(struct posture_model *m, const char *id,
			     const char *name);
/* The image's labels are known now: the containers of it that wait for
 * them (await_image) are due again.  Returns how many. */
size_t pm_image_known(struct posture_model *m, const char *image_id);
/* Replaces the findings of ci's container (added when unknown), judged
 * with what is known of its engine (posture_judge) and of its processes
 * (top, NULL when not read). */
/* top and changes: a running container's processes and what it changed
 * against its image, each NULL when not read. */
api_code pm_judge(struct posture_model *m,
		  const struct api_container_inspect *ci,
		  const struct api_top *top, const struct api_changes *changes,
		  const struct posture_engine *e);
/* pm_judge of an inspect body. */
api_code pm_judge_json(struct posture_model *m, const char *json, size_t len,
		       const struct posture_engine *e, struct api_error *err);
void pm_drop(struct posture_model *m, const char *id);
/* Drops every container whose id is not among ids (after a full list). */
void pm_keep_only(struct posture_model *m, const char *const *ids, size_t n);
/* The engine's findings, and its host's when e has the host's facts. */
api_code pm_judge_engine(struct posture_model *m,
			 const struct posture_engine *e);
/* Counts, score and order (worst first, then by name); call after a
 * change. */
void pm_update(struct posture_model *m);
/* The findings of the image e runs, NULL when not judged (yet). */
const struct posture_findings *pm_image_findings(struct posture_model *m,
						 const struct pm_container *e);
/* A container due for inspection and not running one, or NULL. */
struct pm_container *pm_next_wanted(struct posture_model *m);
/* Containers due or running. */
size_t pm_pending(const struct posture_model *m);

#endif
