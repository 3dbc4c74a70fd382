#ifndef BERTH_POSTURE_ENGINE_FACTS_H
#define BERTH_POSTURE_ENGINE_FACTS_H

#include "api/client.h"
#include "api/containers.h"
#include "api/images.h"
#include "api/networks.h"
#include "api/system.h"
#include "posture/hostfacts.h"
#include "posture/rules.h"

/*
 * What posture_judge is handed about an engine (struct posture_engine),
 * owned: its /info, /version and default bridge, and, when the engine
 * is on this host, the host's facts.  The console fills the first three
 * from its own asynchronous requests; the headless commands fetch them
 * in one blocking call.  Both then finish the same way, so the pane and
 * berth audit judge from the same facts.
 */
struct posture_engine_facts {
	struct api_info info;
	struct api_version ver;
	struct api_network bridge;
	struct hostfacts host;
	struct api_image_list images; /* GET /images/json */
	struct api_strv used;	      /* ImageID of every container */
	int have_info, have_ver, have_bridge, have_host, have_images, have_used;
	struct posture_engine e; /* points into the above once finished */
};

/* Fills e from what is there: the bridge counts only when it is the
 * default one; the host's facts are collected when host names a unix
 * socket.  API_E_NOMEM only. */
api_code posture_engine_facts_finish(struct posture_engine_facts *f,
				     const char *host, int tls);

/* The image ids l's containers run, as f->used (have_used set).
 * API_E_NOMEM. */
api_code posture_engine_facts_set_used(struct posture_engine_facts *f,
				       const struct api_container_list *l);

/* Blocking: /info, /version, the network "bridge" (404: none), the
 * images and the containers, then finish.  On failure err says which request
 * failed. */
api_code posture_engine_facts_fetch(struct api_client *c,
				    struct posture_engine_facts *f,
				    struct api_error *err);

/* Blocking: the image of a container that carries a berth.accept label
 * (posture/accept.h), whose labels the judge needs; *fetched says
 * whether img was filled (free it then).  A container without the label
 * costs no request.  404 (the image went) is no error. */
api_code posture_container_image_fetch(struct api_client *c,
				       const struct api_container_inspect *ci,
				       struct api_image_inspect *img,
				       int *fetched, struct api_error *err);

/* Safe on a zeroed struct and twice. */
void posture_engine_facts_free(struct posture_engine_facts *f);

#endif
