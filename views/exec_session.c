#include "views/exec_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/container_inspect.h"
#include "api/exec.h"

/* Long enough for the engine to report a missing binary, short enough
 * not to be noticed before a prompt. */
#define SHELL_HOLD_MS 400
#define SHELL_MAX 16
#define LABEL(o) ((o)->label ? (o)->label : (o)->container)

struct resize_ctx {
	struct api_client *c;
	const char *id;
	int exec; /* else a container */
};

static void on_resize(int rows, int cols, void *ud)
{
	struct resize_ctx *r = ud;
	struct api_error err;

	/* A failed resize leaves the old size: not worth ending for. */
	if (r->exec)
		api_exec_resize(r->c, r->id, rows, cols, &err);
	else
		api_container_resize(r->c, r->id, rows, cols, &err);
}

static api_code not_running(const char *container, api_code rc,
			    struct api_error *err)
{
	if (rc == API_E_HTTP && err->http_status == 409 &&
	    strstr(err->msg, "is not running"))
		return api_error_set(err, rc, 409, "%s is not running",
				     container);
	if (rc == API_E_HTTP && err->http_status == 404)
		return api_error_set(err, rc, 404, "no container %s",
				     container);
	return rc;
}

/* The exit code, once the engine has it: the stream may close just
 * before the exec is marked done. */
static void settle(struct api_client *c, const char *exec_id,
		   struct api_exec_inspect *x)
{
	struct api_error err;
	int i;

	for (i = 0; i < 20; i++) {
		if (api_exec_inspect(c, exec_id, x, &err) != API_OK ||
		    !x->running)
			return;
		api_exec_inspect_free(x);
		nanosleep(&(struct timespec){0, 50000000L}, NULL);
	}
}

/* While a shell or attach owns the terminal, the client's multi keeps
 * moving: every engine's events stream, the jobs running on it and the
 * requests in flight (the console's timers wait for its loop).  curl's
 * poll wakes on the relay's fds and the engines' sockets alike; a poll
 * of the relay's fds alone then says exactly which of them are ready. */
static int serve_wait(void *ctx, struct pollfd *fds, nfds_t n, int timeout_ms)
{
	struct curl_waitfd w[4];
	unsigned k = 0;
	nfds_t i;

	for (i = 0; i < n && k < 4; i++)
		if (fds[i].fd >= 0)
			w[k++] = (struct curl_waitfd){
				.fd = fds[i].fd, .events = CURL_WAIT_POLLIN};
	/* The transfers' own timeouts need curl called now and then. */
	if (timeout_ms < 0 || timeout_ms > 1000)
		timeout_ms = 1000;
	if (api_client_wait(ctx, w, k, timeout_ms) != API_OK)
		return poll(fds, n, timeout_ms);
	return poll(fds, n, 0);
}

static void serve(void *ctx)
{
	api_client_process(ctx);
}

/* One command: 1 when it never started (try the next shell). */
static api_code run_one(struct api_client *c, const struct exec_session_opts *o,
			const char *const *cmd, int tty, int hold,
			struct exec_session_result *res, int *missing,
			struct api_error *err)
{
	struct api_exec_config cfg = {.cmd = cmd,
				      .tty = tty,
				      .attach_stdin = 1,
				      .attach_stdout = 1,
				      .attach_stderr = 1};
	struct api_exec_inspect x = {0};
	struct resize_ctx rz = {c, NULL, 1};
	struct relay_opts ro = {0};
	struct relay_result rr;
	char *id = NULL;
	api_code rc;

	*missing = 0;
	rc = api_exec_create(c, o->container, &cfg, &id, err);
	if (rc != API_OK)
		return not_running(LABEL(o), rc, err);
	rz.id = id;
	rc = api_exec_start(c, id, tty, &ro.h, err);
	if (rc != API_OK) {
		free(id);
		return not_running(LABEL(o), rc, err);
	}
	ro.tty = tty;
	ro.in_fd = STDIN_FILENO;
	ro.out_fd = STDOUT_FILENO;
	ro.err_fd = STDERR_FILENO;
	ro.on_resize = tty ? on_resize : NULL;
	ro.ud = &rz;
	ro.hold_ms = hold ? SHELL_HOLD_MS : 0;
	ro.wait = &(struct relay_wait){serve_wait, serve, c};
	relay_run(&ro, &rr);
	api_hijack_free(ro.h);
	settle(c, id, &x);
	if (rr.held_end && api_exec_not_started(&x))
		*missing = 1;
	else if (rr.held_len)
		relay_flush_held(&ro, &rr);
	res->end = rr.end;
	res->has_exit_code = x.has_exit_code;
	res->exit_code = (long)x.exit_code;
	if (!hold && api_exec_not_started(&x))
		rc = api_error_set(err, API_E_INVALID, 0,
				   "%s: cannot run it in %s", cmd[0], LABEL(o));
	api_exec_inspect_free(&x);
	free(id);
	return rc;
}

static int want_tty(int tty)
{
	if (tty >= 0)
		return tty;
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

api_code exec_session_run(struct api_client *c,
			  const struct exec_session_opts *o,
			  struct exec_session_result *res,
			  struct api_error *err)
{
	const char *list =
		o->shells && *o->shells ? o->shells : "/bin/bash:/bin/sh";
	int tty = want_tty(o->tty), missing = 0;
	char tried[400] = "";
	api_code rc = API_OK;
	size_t n_tried = 0;

	memset(res, 0, sizeof(*res));
	if (o->cmd && o->cmd[0])
		return run_one(c, o, o->cmd, tty, 0, res, &missing, err);
	while (*list && n_tried < SHELL_MAX) {
		size_t n = strcspn(list, ":");
		const char *cmd[2] = {res->shell, NULL};
		size_t used = strlen(tried);
		snprintf(res->shell, sizeof(res->shell), "%.*s", (int)n, list);
		list += n + (list[n] == ':');
		if (!res->shell[0])
			continue;
		snprintf(tried + used, sizeof(tried) - used, "%s%s",
			 used ? ", " : "", res->shell);
		n_tried++;
		rc = run_one(c, o, cmd, tty, 1, res, &missing, err);
		if (rc != API_OK || !missing)
			return rc;
	}
	res->shell[0] = '\0';
	return api_error_set(err, API_E_INVALID, 0, "no shell in %s: tried %s",
			     LABEL(o), tried[0] ? tried : "none");
}

api_code attach_session_run(struct api_client *c,
			    const struct exec_session_opts *o,
			    struct exec_session_result *res,
			    struct api_error *err)
{
	const char *keys = o->detach_keys ? o->detach_keys : "ctrl-p,ctrl-q";
	struct api_container_inspect ci = {0};
	struct resize_ctx rz = {c, NULL, 0};
	struct relay_opts ro = {0};
	struct relay_keys dk;
	struct relay_result rr;
	char msg[160];
	api_code rc;

	memset(res, 0, sizeof(*res));
	if (relay_parse_keys(keys, &dk, msg, sizeof(msg)) != 0)
		return api_error_set(err, API_E_INVALID, 0, "%s", msg);
	rc = api_container_inspect(c, o->container, &ci, err);
	if (rc != API_OK)
		return not_running(LABEL(o), rc, err);
	if (!ci.state.running) {
		api_container_inspect_free(&ci);
		return api_error_set(err, API_E_INVALID, 409,
				     "%s is not running", LABEL(o));
	}
	ro.tty = ci.config.tty;
	rz.id = ci.id ? ci.id : o->container;
	rc = api_container_attach(c, rz.id, keys, &ro.h, err);
	if (rc == API_OK) {
		ro.in_fd = STDIN_FILENO;
		ro.out_fd = STDOUT_FILENO;
		ro.err_fd = STDERR_FILENO;
		ro.detach = &dk;
		ro.on_resize = ro.tty ? on_resize : NULL;
		ro.ud = &rz;
		ro.wait = &(struct relay_wait){serve_wait, serve, c};
		relay_run(&ro, &rr);
		api_hijack_free(ro.h);
		res->end = rr.end;
	}
	api_container_inspect_free(&ci);
	return not_running(LABEL(o), rc, err);
}
