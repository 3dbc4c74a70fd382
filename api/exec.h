#ifndef BERTH_API_EXEC_H
#define BERTH_API_EXEC_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/client_hijack.h"
#include "api/json.h"

/*
 * Exec and attach: POST /containers/{id}/exec creates an exec, POST
 * /exec/{id}/start runs it on a hijacked connection (raw terminal bytes
 * with a TTY, multiplexed frames as in api/logframes.h without), GET
 * /exec/{id}/json says how it ended.  POST /containers/{id}/attach joins
 * the main process the same way.  Resizes go to /exec/{id}/resize and
 * /containers/{id}/resize.
 */

struct api_exec_config {
	const char *const *cmd; /* NULL-terminated, at least one entry */
	const char *const *env; /* "K=V", NULL-terminated; may be NULL */
	const char *user;	/* NULL: the container's */
	const char *working_dir;
	int tty;
	int attach_stdin, attach_stdout, attach_stderr;
};

struct api_exec_inspect {
	char *id;
	char *container_id;
	int running;
	int has_exit_code; /* ExitCode is null while running */
	int64_t exit_code;
	int64_t pid; /* 0: the process never started */
	int tty;
	char *entrypoint;
};

/* The JSON body of an exec create (free it); NULL when out of memory or
 * cfg has no command. */
char *api_exec_create_body(const struct api_exec_config *cfg);
char *api_exec_create_path(const char *container);
/* {"Id": "..."}: *id is the caller's to free. */
api_code api_exec_create_parse(const char *json, size_t len, char **id,
			       struct api_error *err);
api_code api_exec_create(struct api_client *c, const char *container,
			 const struct api_exec_config *cfg, char **id,
			 struct api_error *err);

char *api_exec_start_path(const char *exec_id);
/* Starts the exec attached, on a hijacked connection. */
api_code api_exec_start(struct api_client *c, const char *exec_id, int tty,
			struct api_hijack **out, struct api_error *err);

char *api_exec_resize_path(const char *exec_id, int rows, int cols);
api_code api_exec_resize(struct api_client *c, const char *exec_id, int rows,
			 int cols, struct api_error *err);

char *api_exec_inspect_path(const char *exec_id);
api_code api_exec_inspect_parse(const char *json, size_t len,
				struct api_exec_inspect *out,
				struct api_error *err);
api_code api_exec_inspect(struct api_client *c, const char *exec_id,
			  struct api_exec_inspect *out, struct api_error *err);
void api_exec_inspect_free(struct api_exec_inspect *x);
/* The exec never ran its command: the binary is missing or not
 * executable (the engine says 126/127 and no process was started). */
int api_exec_not_started(const struct api_exec_inspect *x);

/* stream=1, stdin/stdout/stderr=1; detach_keys ("ctrl-p,ctrl-q") may be
 * NULL: the engine then uses its own (ctrl-p,ctrl-q). */
char *api_container_attach_path(const char *container, const char *detach_keys);
api_code api_container_attach(struct api_client *c, const char *container,
			      const char *detach_keys, struct api_hijack **out,
			      struct api_error *err);

char *api_container_resize_path(const char *container, int rows, int cols);
api_code api_container_resize(struct api_client *c, const char *container,
			      int rows, int cols, struct api_error *err);

#endif
