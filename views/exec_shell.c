#include "views/exec_shell.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/sanitize.h"
#include "tui/screen.h"
#include "views/exec_session.h"

static void suspend(const char *banner, const char *name)
{
	char *safe = term_sanitize_dup(name);

	screen_suspend();
	printf("berth: %s %s\n", banner, safe ? safe : "");
	fflush(stdout);
	free(safe);
}

static void resume(struct app *a)
{
	/* The loop's own SIGWINCH handler was out of the way while the
	 * shell ran: hand it a resize that happened meanwhile. */
	if (screen_resume())
		raise(SIGWINCH);
	app_dirty(a);
}

static void report(struct app *a, const char *what, const char *name,
		   api_code rc, const struct api_error *err,
		   const struct exec_session_result *res)
{
	if (rc != API_OK)
		app_error(a, "%s: %s", what, err->msg);
	else if (res->end == RELAY_DETACHED)
		app_status(a, "detached from %s", name);
	else if (res->end == RELAY_ERROR)
		app_error(a, "%s in %s: the connection failed", what, name);
	else if (res->has_exit_code)
		app_status(a, "%s%s%s in %s ended (exit %ld)", what,
			   res->shell[0] ? " " : "", res->shell, name,
			   res->exit_code);
	else
		app_status(a, "%s in %s ended", what, name);
}

void exec_shell_open(struct app *a, const char *id, const char *name)
{
	struct exec_session_opts so = {
		.container = id, .label = name, .tty = 1};
	struct exec_session_result res;
	struct api_error err;
	api_code rc;

	if (app_refuse_if_read_only(a, "shell"))
		return;
	so.shells = app_options(a)->shell;
	api_error_clear(&err);
	suspend("shell in", name);
	rc = exec_session_run(app_client(a), &so, &res, &err);
	resume(a);
	report(a, "shell", name, rc, &err, &res);
}

void exec_shell_attach(struct app *a, const char *id, const char *name)
{
	struct exec_session_opts so = {
		.container = id, .label = name, .tty = 1};
	struct exec_session_result res;
	struct api_error err;
	api_code rc;

	if (app_refuse_if_read_only(a, "attach"))
		return;
	api_error_clear(&err);
	suspend("attached to", name);
	printf("berth: detach with ctrl-p ctrl-q\n");
	fflush(stdout);
	rc = attach_session_run(app_client(a), &so, &res, &err);
	resume(a);
	report(a, "attach", name, rc, &err, &res);
}
