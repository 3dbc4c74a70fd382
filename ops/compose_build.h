#ifndef BERTH_OPS_COMPOSE_BUILD_H
#define BERTH_OPS_COMPOSE_BUILD_H

#include <stddef.h>

#include "api/error.h"
#include "api/json.h"

/*
 * The build: section of one service in a Compose file: the string form is
 * the context; the map form gives context (default "."), dockerfile, args
 * (a map, or a list of "K=V") and target.  Variables are not interpolated.
 */
struct compose_build {
	char *context;	  /* as written; NULL when not given */
	char *dockerfile; /* NULL when not given */
	char *target;
	struct api_kvlist args;
	int found; /* the service has a build section */
};

/* Reads the YAML text; later calls on the same out override field by
 * field, as a later -f file does.  API_E_PARSE for broken YAML. */
api_code compose_build_parse(const char *yaml, size_t len, const char *service,
			     struct compose_build *out, struct api_error *err);
void compose_build_free(struct compose_build *b);

#endif
