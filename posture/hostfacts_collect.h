#ifndef BERTH_POSTURE_HOSTFACTS_COLLECT_H
#define BERTH_POSTURE_HOSTFACTS_COLLECT_H

#include "api/error.h"
#include "posture/hostfacts.h"

/*
 * Collects the host facts (posture/hostfacts.h) for the engine at
 * engine_host by reading local files and /proc only: nothing is changed
 * and nothing blocks for long (the console calls it on its loop).  A
 * non-unix engine_host only marks the facts remote.  data_root,
 * engine_version and api_version come from the engine's /info and
 * /version (any may be NULL).  Unreadable files are recorded as
 * HF_DENIED; the only error is API_E_NOMEM (h then holds what was
 * collected; free it either way).
 */
api_code hostfacts_collect(const char *engine_host, const char *data_root,
			   const char *engine_version, const char *api_version,
			   struct hostfacts *h);

#endif
