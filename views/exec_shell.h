#ifndef BERTH_VIEWS_EXEC_SHELL_H
#define BERTH_VIEWS_EXEC_SHELL_H

#include "views/app.h"

/*
 * The console's door to tui/exec_session.c: curses steps aside, the
 * terminal belongs to the shell (or the attached process) until it ends,
 * then the console comes back as it was, with the outcome in the status
 * line.  Refused in read-only mode.
 */

/* A shell from the `shell` option's list in the container (id, shown as
 * name). */
void exec_shell_open(struct app *a, const char *id, const char *name);

/* Attach to the container's main process; ctrl-p ctrl-q detaches. */
void exec_shell_attach(struct app *a, const char *id, const char *name);

#endif
