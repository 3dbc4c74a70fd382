#include "views/bgjob.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tui/loop.h"

struct bgjob {
	struct app *a;
	char label[128];
	pid_t pid;
	int fd, watch;
	char line[1024];
	size_t len;
	char last[600]; /* the last done:/fail: text, for the summary */
	int failed_lines;
	struct bgjob_progress prog;
	bgjob_done_fn on_done;
	void *ud;
	struct bgjob *next;
};

static struct bgjob *jobs;

static void layer_line(struct bgjob_progress *p, const char *rest, char *out,
		       size_t outlen)
{
	char id[16];
	unsigned long long cur = 0, total = 0, sc = 0, st = 0;
	int n = 0, i, done = 0, ndone = 0;

	if (sscanf(rest, "%15s %llu %llu %n", id, &cur, &total, &n) < 3) {
		snprintf(out, outlen, "pulling");
		return;
	}
	done = strstr(rest + n, "complete") || strstr(rest + n, "exists");
	for (i = 0; i < p->n && strcmp(p->ids[i], id) != 0; i++)
		;
	if (i == p->n && p->n < 32)
		snprintf(p->ids[p->n++], sizeof(p->ids[0]), "%s", id);
	if (i < p->n) {
		if (total)
			p->cur[i] = cur, p->total[i] = total;
		p->done[i] |= done;
	}
	for (i = 0; i < p->n; i++) {
		ndone += p->done[i];
		sc += p->done[i] ? p->total[i] : p->cur[i];
		st += p->total[i];
	}
	if (st)
		snprintf(out, outlen, "pulling %d/%d layers %llu%%", ndone,
			 p->n, sc * 100 / st);
	else
		snprintf(out, outlen, "pulling %d/%d layers", ndone, p->n);
}

void bgjob_progress_line(struct bgjob_progress *p, const char *line, char *out,
			 size_t outlen)
{
	if (strncmp(line, "layer: ", 7) == 0)
		layer_line(p, line + 7, out, outlen);
	else if (strncmp(line, "step: ", 6) == 0 ||
		 strncmp(line, "done: ", 6) == 0)
		snprintf(out, outlen, "%s", line + 6);
	else if (strncmp(line, "fail: ", 6) == 0)
		snprintf(out, outlen, "FAILED %s", line + 6);
	else
		snprintf(out, outlen, "%s", line);
}

static void on_line(struct bgjob *j)
{
	char text[600];

	bgjob_progress_line(&j->prog, j->line, text, sizeof(text));
	if (strncmp(j->line, "done: ", 6) == 0 ||
	    strncmp(j->line, "fail: ", 6) == 0) {
		j->failed_lines += j->line[0] == 'f';
		snprintf(j->last, sizeof(j->last), "%s", text);
	}
	app_status(j->a, "%s: %s", j->label, text);
}

static void finish(struct bgjob *j)
{
	struct bgjob **pp;
	int st = 0, status = -1;

	loop_fd_remove(app_loop(j->a), j->watch);
	close(j->fd);
	/* The child closed its stderr: it is exiting, the wait is short. */
	while (waitpid(j->pid, &st, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(st))
		status = WEXITSTATUS(st);
	if (status == 0)
		app_status(j->a, "%s: %s", j->label,
			   *j->last ? j->last : "done");
	else
		app_alert(j->a, "%s failed: %s", j->label,
			  *j->last ? j->last : "see berth update");
	for (pp = &jobs; *pp && *pp != j; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = j->next;
	if (j->on_done)
		j->on_done(j->a, status, j->ud);
	app_dirty(j->a);
	free(j);
}

static void on_readable(int fd, void *ud)
{
	struct bgjob *j = ud;
	char buf[512];
	ssize_t n = read(fd, buf, sizeof(buf));
	ssize_t i;

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		finish(j);
		return;
	}
	for (i = 0; i < n; i++) {
		if (buf[i] != '\n') {
			if (j->len < sizeof(j->line) - 1)
				j->line[j->len++] = buf[i];
			continue;
		}
		j->line[j->len] = '\0';
		j->len = 0;
		on_line(j);
	}
}

/* In the child: stderr into the pipe, nothing from the terminal. */
static void exec_child(int wfd, const char *host, int tls,
		       const char *const *argv)
{
	const char *args[64];
	int n = 0, null = open("/dev/null", O_RDWR);

	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
	}
	dup2(wfd, STDERR_FILENO);
	args[n++] = "berth";
	if (host && *host) {
		args[n++] = "-H";
		args[n++] = host;
	}
	if (tls)
		args[n++] = "--tls";
	while (*argv && n < 63)
		args[n++] = *argv++;
	args[n] = NULL;
	execv("/proc/self/exe", (char *const *)args);
	_exit(127);
}

struct bgjob *bgjob_start(struct app *a, const char *label,
			  const char *const *argv, bgjob_done_fn on_done,
			  void *ud)
{
	struct api_client *c = app_client(a);
	struct bgjob *j = calloc(1, sizeof(*j));
	int p[2];

	if (!j || pipe2(p, O_CLOEXEC) < 0) {
		free(j);
		app_error(a, "%s: cannot start: %s", label, strerror(errno));
		return NULL;
	}
	j->pid = fork();
	if (j->pid == 0) {
		close(p[0]);
		exec_child(p[1], api_client_host(c), api_client_is_tls(c),
			   argv);
	}
	close(p[1]);
	if (j->pid < 0) {
		close(p[0]);
		free(j);
		app_error(a, "%s: cannot start: %s", label, strerror(errno));
		return NULL;
	}
	fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	j->a = a;
	j->fd = p[0];
	j->on_done = on_done;
	j->ud = ud;
	snprintf(j->label, sizeof(j->label), "%s", label);
	j->watch = loop_fd_add(app_loop(a), j->fd, on_readable, j);
	if (j->watch < 0) {
		kill(j->pid, SIGTERM);
		waitpid(j->pid, NULL, 0);
		close(j->fd);
		free(j);
		app_error(a, "%s: too many background jobs", label);
		return NULL;
	}
	j->next = jobs;
	jobs = j;
	app_status(a, "%s: started", label);
	return j;
}

int bgjob_running(void)
{
	const struct bgjob *j;
	int n = 0;

	for (j = jobs; j; j = j->next)
		n++;
	return n;
}

void bgjob_kill_all(void)
{
	while (jobs) {
		struct bgjob *j = jobs;

		jobs = j->next;
		kill(j->pid, SIGTERM);
		waitpid(j->pid, NULL, 0);
		loop_fd_remove(app_loop(j->a), j->watch);
		close(j->fd);
		free(j);
	}
}
