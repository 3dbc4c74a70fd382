#include "views/childout.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tui/loop.h"

struct childout {
	struct app *a;
	pid_t pid;
	int fd[2], watch[2]; /* stdout, stderr; -1 once closed */
	struct childout_buf out;
	struct childout_lastline err;
	childout_done_fn on_done;
	void *ud;
	struct childout *next;
};

static struct childout *children;

int childout_buf_add(struct childout_buf *b, const char *d, size_t n)
{
	size_t room = b->max > b->len ? b->max - b->len : 0, cap;
	char *p;

	if (n > room) {
		b->truncated = 1;
		n = room;
	}
	if (!b->data || n) {
		/* Doubling keeps a big output to a few copies. */
		for (cap = 4096; cap < b->len + n + 1; cap *= 2)
			;
		if (cap > b->max + 1)
			cap = b->max + 1;
		p = realloc(b->data, cap);
		if (!p)
			return -1;
		b->data = p;
	}
	memcpy(b->data + b->len, d, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

void childout_buf_free(struct childout_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->truncated = 0;
}

static void line_end(struct childout_lastline *l)
{
	if (l->n) {
		memcpy(l->last, l->cur, l->n);
		l->last[l->n] = '\0';
	}
	l->n = 0;
}

void childout_lastline_feed(struct childout_lastline *l, const char *d,
			    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (d[i] == '\n')
			line_end(l);
		else if (d[i] != '\r' && l->n < sizeof(l->cur) - 1)
			l->cur[l->n++] = d[i];
	}
}

const char *childout_lastline_end(struct childout_lastline *l)
{
	line_end(l);
	return l->last;
}

static void unlink_child(struct childout *c)
{
	struct childout **pp;

	for (pp = &children; *pp && *pp != c; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = c->next;
}

static void close_pipes(struct childout *c)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (c->watch[i] > 0)
			loop_fd_remove(app_loop(c->a), c->watch[i]);
		if (c->fd[i] >= 0)
			close(c->fd[i]);
		c->watch[i] = c->fd[i] = -1;
	}
}

static int reap(pid_t pid)
{
	int st = 0;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void finish(struct childout *c)
{
	struct childout_result r;

	unlink_child(c);
	close_pipes(c);
	memset(&r, 0, sizeof(r));
	/* Both pipes closed: the child is exiting, the wait is short. */
	r.status = reap(c->pid);
	r.out = c->out.data ? c->out.data : "";
	r.len = c->out.len;
	r.truncated = c->out.truncated;
	r.err = childout_lastline_end(&c->err);
	if (c->on_done)
		c->on_done(c->a, &r, c->ud);
	app_dirty(c->a);
	childout_buf_free(&c->out);
	free(c);
}

static void on_readable(struct childout *c, int i)
{
	char buf[8192];
	ssize_t n = read(c->fd[i], buf, sizeof(buf));

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		loop_fd_remove(app_loop(c->a), c->watch[i]);
		close(c->fd[i]);
		c->watch[i] = c->fd[i] = -1;
		if (c->fd[0] < 0 && c->fd[1] < 0)
			finish(c);
		return;
	}
	if (i == 1)
		childout_lastline_feed(&c->err, buf, (size_t)n);
	else if (childout_buf_add(&c->out, buf, (size_t)n) < 0)
		c->out.truncated = 1; /* said as cut short, not lost silently */
}

static void on_stdout(int fd, void *ud)
{
	(void)fd;
	on_readable(ud, 0);
}

static void on_stderr(int fd, void *ud)
{
	(void)fd;
	on_readable(ud, 1);
}

/* In the child: nothing from the terminal, both outputs into pipes. */
static void exec_child(const int out[2], const int err[2], const char *host,
		       int tls, const char *const *argv)
{
	const char *args[64];
	int n = 0, null = open("/dev/null", O_RDONLY);

	if (null >= 0)
		dup2(null, STDIN_FILENO);
	dup2(out[1], STDOUT_FILENO);
	dup2(err[1], STDERR_FILENO);
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

static int open_pipes(int out[2], int err[2])
{
	if (pipe2(out, O_CLOEXEC) < 0)
		return -1;
	if (pipe2(err, O_CLOEXEC) < 0) {
		close(out[0]);
		close(out[1]);
		return -1;
	}
	return 0;
}

static int watch(struct childout *c)
{
	int i;

	for (i = 0; i < 2; i++) {
		fcntl(c->fd[i], F_SETFL, fcntl(c->fd[i], F_GETFL) | O_NONBLOCK);
		c->watch[i] = loop_fd_add(app_loop(c->a), c->fd[i],
					  i ? on_stderr : on_stdout, c);
		if (c->watch[i] < 0)
			return -1;
	}
	return 0;
}

struct childout *childout_start(struct app *a, const char *const *argv,
				size_t max_out, childout_done_fn on_done,
				void *ud)
{
	struct api_client *cl = app_client(a);
	struct childout *c = calloc(1, sizeof(*c));
	int out[2], err[2];

	if (!c || open_pipes(out, err) < 0) {
		free(c);
		app_error(a, "%s: cannot start: %s", argv[0], strerror(errno));
		return NULL;
	}
	c->pid = fork();
	if (c->pid == 0)
		exec_child(out, err, api_client_host(cl), api_client_is_tls(cl),
			   argv);
	close(out[1]);
	close(err[1]);
	c->a = a;
	c->fd[0] = out[0];
	c->fd[1] = err[0];
	c->watch[0] = c->watch[1] = -1;
	c->out.max = max_out;
	c->on_done = on_done;
	c->ud = ud;
	if (c->pid < 0 || watch(c) < 0) {
		app_error(a, "%s: cannot start: %s", argv[0],
			  c->pid < 0 ? strerror(errno) : "too many jobs");
		close_pipes(c);
		if (c->pid > 0) {
			kill(c->pid, SIGTERM);
			reap(c->pid);
		}
		free(c);
		return NULL;
	}
	c->next = children;
	children = c;
	return c;
}

void childout_cancel(struct childout *c)
{
	if (!c)
		return;
	unlink_child(c);
	close_pipes(c);
	kill(c->pid, SIGTERM);
	reap(c->pid);
	childout_buf_free(&c->out);
	free(c);
}

int childout_running(void)
{
	const struct childout *c;
	int n = 0;

	for (c = children; c; c = c->next)
		n++;
	return n;
}

void childout_kill_all(void)
{
	while (children)
		childout_cancel(children);
}
