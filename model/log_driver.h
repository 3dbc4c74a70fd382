#ifndef BERTH_MODEL_LOG_DRIVER_H
#define BERTH_MODEL_LOG_DRIVER_H

#include <stddef.h>

#include "api/json.h"

/*
 * Where a container's log driver sends its output, said in words, for
 * the logs pane: json-file, local and journald are read back by the
 * engine; any other driver (syslog, fluentd, gelf, ...) only through the
 * engine's local copy (dual logging, Docker 20.10 on), which its
 * cache-disabled option turns off; none keeps nothing.
 */

enum log_driver_read {
	LOG_READ_NATIVE, /* the engine reads its own files */
	LOG_READ_CACHE,	 /* only its local copy, if it keeps one */
	LOG_READ_NEVER,	 /* none: nothing is kept */
};

enum log_driver_read log_driver_read(const char *type);

/* "syslog, to udp://127.0.0.1:514" (the address from the driver's
 * options, else where it goes by default). */
void log_driver_where(const char *type, const struct api_kvlist *opts,
		      char *out, size_t outlen);

#endif
