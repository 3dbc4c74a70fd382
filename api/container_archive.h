#ifndef BERTH_API_CONTAINER_ARCHIVE_H
#define BERTH_API_CONTAINER_ARCHIVE_H

#include <stdint.h>
#include <sys/types.h>

#include "api/client.h"
#include "api/error.h"

/*
 * /containers/{id}/archive: a path in a container's file system, what
 * docker cp reads and writes.  HEAD stats it (the answer's
 * X-Docker-Container-Path-Stat header: base64 of JSON), GET sends it as
 * a tar, PUT extracts a tar into a directory.  Works on stopped
 * containers and images without a shell.
 */
struct api_path_stat {
	char *name;
	int64_t size;
	uint32_t mode; /* Go's os.FileMode: permission bits and type bits */
	char *link_target;
};

/* Go's os.FileMode type bits, as the engine sends them. */
#define API_MODE_DIR (1u << 31)
#define API_MODE_SYMLINK (1u << 27)

char *api_container_archive_path(const char *id, const char *path);
/* The header's value (base64 JSON) into st. */
api_code api_path_stat_parse(const char *b64, size_t len,
			     struct api_path_stat *st, struct api_error *err);
void api_path_stat_free(struct api_path_stat *st);

/* Blocking.  A path that is not there: API_E_HTTP with status 404. */
api_code api_container_stat_path(struct api_client *c, const char *id,
				 const char *path, struct api_path_stat *st,
				 struct api_error *err);
/* The path as a tar, written to fd as it comes. */
api_code api_container_archive_get(struct api_client *c, const char *id,
				   const char *path, int fd,
				   struct api_error *err);
/* size bytes of tar read from fd, extracted into the directory dir. */
api_code api_container_archive_put(struct api_client *c, const char *id,
				   const char *dir, int fd, off_t size,
				   struct api_error *err);

#endif
