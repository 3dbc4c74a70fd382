#ifndef BERTH_VIEWS_EXEC_SESSION_H
#define BERTH_VIEWS_EXEC_SESSION_H

#include "api/client.h"
#include "views/relay.h"

/*
 * An interactive exec or attach on the current terminal, without curses:
 * the console suspends itself around it (views/exec_shell.c), `berth
 * shell` and `berth attach` call it directly.
 */

struct exec_session_opts {
	const char *container;	 /* id or name */
	const char *label;	 /* for messages; NULL: container */
	const char *shells;	 /* "/bin/bash:/bin/sh": tried in order */
	const char *const *cmd;	 /* NULL-terminated; NULL: a shell */
	int tty;		 /* -1: when stdin and stdout are terminals */
	const char *detach_keys; /* attach: "ctrl-p,ctrl-q" when NULL */
};

struct exec_session_result {
	enum relay_end end;
	int has_exit_code;
	long exit_code;
	char shell[128]; /* the shell that ran */
};

/* Runs the command, or the first shell of the list that exists.  On
 * failure err says why, in words for the status line ("web-1 is not
 * running", "no shell in web-1: tried /bin/bash, /bin/sh"). */
api_code exec_session_run(struct api_client *c,
			  const struct exec_session_opts *o,
			  struct exec_session_result *res,
			  struct api_error *err);

/* Joins the container's main process until it ends or the user types the
 * detach keys. */
api_code attach_session_run(struct api_client *c,
			    const struct exec_session_opts *o,
			    struct exec_session_result *res,
			    struct api_error *err);

#endif
