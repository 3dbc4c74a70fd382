#ifndef BERTH_API_RECREATE_SPEC_H
#define BERTH_API_RECREATE_SPEC_H

#include <stddef.h>

#include "api/error.h"

/*
 * What a lossless recreate needs, built from the old container's RAW
 * inspect JSON: the POST /containers/create body (Config, HostConfig
 * verbatim, the primary network's endpoint) and the other networks to
 * connect before start (the engine takes only one at create before 1.44).
 */

struct recreate_net {
	char *network;	/* name as in NetworkSettings.Networks */
	char *endpoint; /* EndpointSettings JSON for /networks/{id}/connect */
};

struct recreate_spec {
	char *id;    /* the old container's */
	char *name;  /* without the leading '/' */
	char *image; /* the reference the new one is created from */
	char *body;  /* the create body, NUL-terminated JSON */
	struct recreate_net *nets;
	size_t n_nets;
	int running;	  /* State.Running or Paused */
	int stop_timeout; /* Config.StopTimeout, -1 when unset */
	int n_anon;	  /* anonymous volumes carried over */
};

/* image: NULL keeps Config.Image.  api_version: the one requests use
 * ("1.41"); from 1.44 every network goes into the create body. */
api_code api_recreate_spec_build(const char *inspect_json, size_t len,
				 const char *image, const char *api_version,
				 struct recreate_spec *out,
				 struct api_error *err);
void api_recreate_spec_free(struct recreate_spec *s);

/* 1 for a 64-hex name, as the engine gives anonymous volumes. */
int api_volume_name_is_anonymous(const char *name);

#endif
