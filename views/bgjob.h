#ifndef BERTH_VIEWS_BGJOB_H
#define BERTH_VIEWS_BGJOB_H

#include "views/app.h"

/*
 * Runs a berth subcommand in a child process (`/proc/self/exe <argv...>`
 * with the console's engine host, so -H/DOCKER_HOST and TLS carry over)
 * and shows its progress in the status line while the user keeps working.
 * The child is expected to print `--progress=machine` lines on stderr:
 *   step: <text>
 *   layer: <id> <current> <total> <status words...>
 *   done: <text>        (a per-object summary)
 *   fail: <text>
 * Anything else is shown as is.  When the child exits, a summary built
 * from its exit status stays in the status line (an alert on failure).
 */

struct bgjob;

/* Called once when the child has exited (status as from waitpid's
 * WEXITSTATUS, or -1 if it was killed or could not run). */
typedef void (*bgjob_done_fn)(struct app *a, int status, void *ud);

/* label: shown before each progress line ("update web-1").  argv: the
 * subcommand and its arguments, NULL-terminated, without the program
 * name ({"update", "--yes", "--progress=machine", "web-1", NULL}).
 * Returns the job (owned by the app: it frees itself after on_done), or
 * NULL after showing why in the status line. */
struct bgjob *bgjob_start(struct app *a, const char *label,
			  const char *const *argv, bgjob_done_fn on_done,
			  void *ud);

/* Number of jobs still running (the console may warn on quit). */
int bgjob_running(void);

/* Kills and reaps every running child (on console exit). */
void bgjob_kill_all(void);

/* Pure: turns one machine progress line into status text, with layer
 * progress summed over the layers seen so far.  Exposed for unit tests. */
struct bgjob_progress {
	char ids[32][16]; /* layer ids seen */
	unsigned long long cur[32], total[32];
	int done[32];
	int n;
};
void bgjob_progress_line(struct bgjob_progress *p, const char *line, char *out,
			 size_t outlen);

#endif
