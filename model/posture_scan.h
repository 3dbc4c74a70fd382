#ifndef BERTH_MODEL_POSTURE_SCAN_H
#define BERTH_MODEL_POSTURE_SCAN_H

#include <stddef.h>

#include "api/client.h"
#include "api/container_inspect.h"
#include "api/container_top.h"
#include "api/containers.h"
#include "api/events.h"
#include "model/posture_model.h"
#include "posture/engine_facts.h"

/*
 * The posture scan: the requests that fill a posture model.  A full scan
 * lists every container (each then inspected, PSCAN_INFLIGHT at a time)
 * and reads the engine's facts; no container is judged before the facts
 * are in, and those judged before are judged again when they change.
 * The image each container runs is judged once, by the image rules.
 * Container events keep it current.  No terminal and no timer: the pane
 * runs it on the console's loop, `berth posture` on a loop of its own,
 * so both print the same model.
 */

/* Inspections at once: enough to judge a host quickly, few enough not
 * to crowd out the other panes' requests. */
#define PSCAN_INFLIGHT 4

/* The engine's facts: its info, version and default bridge, and its
 * images with the containers that run them (CIS 6.1). */
enum {
	PSCAN_INFO,
	PSCAN_VERSION,
	PSCAN_BRIDGE,
	PSCAN_IMAGES,
	PSCAN_USED,
	PSCAN_ENGINE_REQS
};

/* Images read at once (inspect, then history): each is judged once. */
#define PSCAN_IMG_INFLIGHT 2

struct posture_image_contents;
struct pscan_hooks {
	void (*changed)(void *ud); /* the model changed */
	/* a line for people: error set for a failure */
	void (*status)(void *ud, int error, const char *text);
	void *ud;
	/* What the image's export holds, when known now (NULL: judged
	 * without, the rules of its files say nothing); valid during the
	 * call.  A hook that learns it later calls pscan_image_again.
	 * NULL: never known. */
	const struct posture_image_contents *(*contents)(void *ud,
							 const char *image_id);
	/* Narrows a full scan to the containers it keeps (and the images
	 * they run: the others are judged only when nothing is narrowed).
	 * NULL: every container. */
	int (*keep)(void *ud, const struct api_container_summary *s);
};

struct pscan;

struct pscan_slot {
	struct pscan *owner;
	struct api_request *req;
	int idx;			 /* engine requests: PSCAN_INFO... */
	char id[160];			 /* inspections: the container */
	struct api_container_inspect ci; /* kept while its processes are read */
	struct api_top top;		 /* kept while its changes are read */
	int have_top;
};

struct pscan_img {
	struct pscan *owner;
	struct api_request *req;
	char id[160];
	struct api_image_inspect img; /* kept while its history is read */
	int have_img;
};

struct pscan {
	struct api_client *c;
	struct pscan_hooks h;
	struct posture_model m;
	struct posture_engine_facts ef;
	int facts_ready;
	int scanned; /* a full scan started since the engine came up */
	struct api_request *list_req;
	struct pscan_slot slots[PSCAN_INFLIGHT];
	struct pscan_slot eng[PSCAN_ENGINE_REQS];
	struct pscan_img imgs[PSCAN_IMG_INFLIGHT];
	int eng_ok[PSCAN_ENGINE_REQS];
	int eng_left;
	int used_from_list; /* PSCAN_USED comes with the scan's list */
	size_t scan_total;  /* containers of the last full scan */
	/* read each running container's changes against its image for
	 * berth.drift: one more request each, and on some storage drivers
	 * (vfs) the engine compares the whole tree: off unless asked */
	int drift;
	char error[640]; /* the last failure, "" when none */
};

/* policy: the config file's judging policy (may be NULL: the
 * defaults), which must outlive the scan. */
void pscan_init(struct pscan *s, struct api_client *c,
		const struct pscan_hooks *h,
		const struct posture_policy *policy);
/* The image is judged again (its contents came in). */
void pscan_image_again(struct pscan *s, const char *image_id);
/* Cancels every request and frees the model. */
void pscan_free(struct pscan *s);
/* Lists every container (each then inspected) and reads the engine. */
void pscan_all(struct pscan *s);
/* Starts the inspections due while slots are free. */
void pscan_pump(struct pscan *s);
/* A container event: destroyed ones leave, changed ones are judged
 * again.  Nothing before the first full scan. */
void pscan_event(struct pscan *s, const struct api_event *ev);
/* 1 while requests run or containers wait to be judged. */
int pscan_busy(const struct pscan *s);

#endif
