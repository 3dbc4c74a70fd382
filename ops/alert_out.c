#include "ops/alert_out.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum item_kind { ITEM_EXEC, ITEM_HOOK };

struct item {
	enum item_kind kind;
	char *json;
	int tries;	/* POSTs made */
	int64_t due_ms; /* not before */
	pid_t pid;	/* a command running: its process group */
	int64_t started_ms;
	CURL *easy; /* a POST under way */
	struct curl_slist *headers;
};

struct alert_out {
	char *exec_cmd;
	char *url;
	void (*say)(void *ud, const char *text);
	void *ud;
	CURLM *multi;
	struct item *items[ALERT_OUT_QUEUE];
	unsigned n;
	unsigned long dropped;
};

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void say(struct alert_out *a, const char *fmt, const char *what, long n)
{
	char text[512];

	if (!a->say)
		return;
	snprintf(text, sizeof(text), fmt, what, n);
	a->say(a->ud, text);
}

int alert_out_new(const struct alert_out_opts *o, struct alert_out **out)
{
	struct alert_out *a = calloc(1, sizeof(*a));

	*out = NULL;
	if (!a)
		return -1;
	a->say = o->say;
	a->ud = o->ud;
	if ((o->exec_cmd && !(a->exec_cmd = strdup(o->exec_cmd))) ||
	    (o->webhook_url && !(a->url = strdup(o->webhook_url))) ||
	    (a->url && !(a->multi = curl_multi_init()))) {
		alert_out_free(a);
		return -1;
	}
	*out = a;
	return 0;
}

static void item_free(struct alert_out *a, struct item *it)
{
	if (it->easy) {
		curl_multi_remove_handle(a->multi, it->easy);
		curl_easy_cleanup(it->easy);
	}
	curl_slist_free_all(it->headers);
	free(it->json);
	free(it);
}

static void remove_item(struct alert_out *a, unsigned i)
{
	item_free(a, a->items[i]);
	memmove(&a->items[i], &a->items[i + 1],
		(a->n - i - 1) * sizeof(a->items[0]));
	a->n--;
}

/* The oldest delivery that is only waiting makes room. */
static int make_room(struct alert_out *a)
{
	unsigned i;

	for (i = 0; i < a->n; i++)
		if (!a->items[i]->pid && !a->items[i]->easy) {
			remove_item(a, i);
			a->dropped++;
			say(a, "alert %s: the queue is full, %ld dropped",
			    "delivery", (long)a->dropped);
			return 0;
		}
	return -1;
}

static void queue(struct alert_out *a, enum item_kind kind, const char *json)
{
	struct item *it;

	if (a->n == ALERT_OUT_QUEUE && make_room(a) != 0)
		return;
	it = calloc(1, sizeof(*it));
	if (!it || !(it->json = strdup(json))) {
		free(it);
		return;
	}
	it->kind = kind;
	a->items[a->n++] = it;
}

void alert_out_send(struct alert_out *a, const char *json)
{
	if (a->exec_cmd)
		queue(a, ITEM_EXEC, json);
	if (a->url)
		queue(a, ITEM_HOOK, json);
}

/* The child writes the alert into a pipe to the command and hands on
 * its status, so the watcher never blocks on a pipe that is full. */
static void exec_child(const char *cmd, const char *json)
{
	int fd[2];
	pid_t pid;
	int st = 0;
	size_t len = strlen(json), off = 0;

	setpgid(0, 0);
	/* the watcher's handlers are not the command's */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	if (pipe(fd) != 0)
		_exit(126);
	pid = fork();
	if (pid < 0)
		_exit(126);
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		dup2(fd[0], 0);
		/* the watcher's standard output is its report: keep it */
		dup2(2, 1);
		close(fd[0]);
		close(fd[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	while (off < len) {
		ssize_t w = write(fd[1], json + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (write(fd[1], "\n", 1) < 0) {
		/* the command read nothing more: its status says the rest */
	}
	close(fd[1]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
	}
	_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

static void exec_start(struct alert_out *a, struct item *it)
{
	pid_t pid = fork();

	if (pid < 0) {
		say(a, "alert %s: cannot fork (%ld)", "command", errno);
		return; /* tried again on the next turn */
	}
	if (pid == 0)
		exec_child(a->exec_cmd, it->json);
	setpgid(pid, pid);
	it->pid = pid;
	it->started_ms = now_ms();
}

/* 1 when the command ended (said when it failed). */
static int exec_reap(struct alert_out *a, struct item *it)
{
	int st;
	pid_t r = waitpid(it->pid, &st, WNOHANG);

	if (r == 0) {
		if (now_ms() - it->started_ms < ALERT_OUT_EXEC_S * 1000L)
			return 0;
		kill(-it->pid, SIGKILL);
		say(a, "alert %s: killed after %ld s", "command",
		    ALERT_OUT_EXEC_S);
		r = waitpid(it->pid, &st, 0);
	}
	if (r == it->pid && WIFEXITED(st) && WEXITSTATUS(st) != 0)
		say(a, "alert %s: exited with %ld", "command", WEXITSTATUS(st));
	return 1;
}

static size_t discard(char *p, size_t size, size_t n, void *ud)
{
	(void)p;
	(void)ud;
	return size * n;
}

static void hook_start(struct alert_out *a, struct item *it)
{
	CURL *e = curl_easy_init();
	int ok = e != NULL;

	it->headers = curl_slist_append(NULL, "Content-Type: application/json");
	ok &= it->headers != NULL;
	ok = ok && curl_easy_setopt(e, CURLOPT_URL, a->url) == CURLE_OK &&
	     curl_easy_setopt(e, CURLOPT_HTTPHEADER, it->headers) == CURLE_OK &&
	     curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, it->json) ==
		     CURLE_OK &&
	     curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard) == CURLE_OK &&
	     curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L) == CURLE_OK &&
	     curl_easy_setopt(e, CURLOPT_TIMEOUT, (long)ALERT_OUT_POST_S) ==
		     CURLE_OK &&
	     curl_easy_setopt(e, CURLOPT_PRIVATE, it) == CURLE_OK &&
	     curl_multi_add_handle(a->multi, e) == CURLM_OK;
	if (!ok) {
		if (e)
			curl_easy_cleanup(e);
		curl_slist_free_all(it->headers);
		it->headers = NULL;
		it->due_ms = now_ms() + 1000;
		return;
	}
	it->easy = e;
	it->tries++;
}

/* A POST that ended: 1 when the item is done with (delivered or given
 * up), 0 when it is to be tried again. */
static int hook_done(struct alert_out *a, struct item *it, CURLcode res)
{
	long status = 0;

	curl_easy_getinfo(it->easy, CURLINFO_RESPONSE_CODE, &status);
	curl_multi_remove_handle(a->multi, it->easy);
	curl_easy_cleanup(it->easy);
	it->easy = NULL;
	curl_slist_free_all(it->headers);
	it->headers = NULL;
	if (res == CURLE_OK && status >= 200 && status < 300)
		return 1;
	if (it->tries >= ALERT_OUT_TRIES) {
		if (res != CURLE_OK)
			say(a,
			    "alert webhook: given up after 5 tries: %s (%ld)",
			    curl_easy_strerror(res), (long)res);
		else
			say(a, "alert webhook: given up after 5 tries: %s %ld",
			    "HTTP", status);
		return 1;
	}
	it->due_ms = now_ms() + (1000L << (it->tries - 1));
	return 0;
}

static void hooks_finished(struct alert_out *a)
{
	CURLMsg *m;
	int left;

	while ((m = curl_multi_info_read(a->multi, &left))) {
		struct item *it = NULL;
		unsigned i;
		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &it);
		if (!it || !hook_done(a, it, m->data.result))
			continue;
		for (i = 0; i < a->n; i++)
			if (a->items[i] == it) {
				remove_item(a, i);
				break;
			}
	}
}

void alert_out_turn(struct alert_out *a)
{
	unsigned i, running_exec = 0, running_hook = 0;
	int still;
	int64_t now = now_ms();

	if (a->multi) {
		curl_multi_perform(a->multi, &still);
		hooks_finished(a);
	}
	for (i = 0; i < a->n;) {
		struct item *it = a->items[i];
		if (it->pid && exec_reap(a, it)) {
			remove_item(a, i);
			continue;
		}
		running_exec += it->pid != 0;
		running_hook += it->easy != NULL;
		i++;
	}
	for (i = 0; i < a->n; i++) {
		struct item *it = a->items[i];
		if (it->pid || it->easy || it->due_ms > now)
			continue;
		if (it->kind == ITEM_EXEC && running_exec < ALERT_OUT_RUNNING) {
			exec_start(a, it);
			running_exec += it->pid != 0;
		} else if (it->kind == ITEM_HOOK &&
			   running_hook < ALERT_OUT_RUNNING) {
			hook_start(a, it);
			running_hook += it->easy != NULL;
		}
	}
	if (a->multi && running_hook)
		curl_multi_perform(a->multi, &still);
}

static void lower(int *timeout_ms, int64_t ms)
{
	if (ms < 0)
		ms = 0;
	if (*timeout_ms < 0 || ms < *timeout_ms)
		*timeout_ms = (int)ms;
}

unsigned alert_out_waitfds(struct alert_out *a, struct curl_waitfd *fds,
			   unsigned max, int *timeout_ms)
{
	fd_set r, w, x;
	int maxfd = -1, fd;
	long curl_ms = -1;
	unsigned i, n = 0;
	int64_t now = now_ms();

	/* Called after a turn: what is due and not started waits for a
	 * running one to end, which the polling below or curl says. */
	for (i = 0; i < a->n; i++) {
		const struct item *it = a->items[i];
		if (it->pid) /* reaped by polling: no descriptor says it */
			lower(timeout_ms, 100);
		else if (!it->easy && it->due_ms > now)
			lower(timeout_ms, it->due_ms - now);
	}
	if (!a->multi)
		return 0;
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_ZERO(&x);
	if (curl_multi_fdset(a->multi, &r, &w, &x, &maxfd) == CURLM_OK)
		for (fd = 0; fd <= maxfd && fd < FD_SETSIZE && n < max; fd++) {
			short ev = (short)((FD_ISSET(fd, &r) ? CURL_WAIT_POLLIN
							     : 0) |
					   (FD_ISSET(fd, &w) ? CURL_WAIT_POLLOUT
							     : 0));
			if (!ev)
				continue;
			fds[n].fd = fd;
			fds[n].events = ev;
			fds[n].revents = 0;
			n++;
		}
	if (curl_multi_timeout(a->multi, &curl_ms) == CURLM_OK && curl_ms >= 0)
		lower(timeout_ms, curl_ms);
	/* curl may hold a connection it names no descriptor for yet */
	if (maxfd < 0 && curl_ms < 0)
		for (i = 0; i < a->n; i++)
			if (a->items[i]->easy)
				lower(timeout_ms, 50);
	return n;
}

unsigned alert_out_pending(const struct alert_out *a)
{
	return a ? a->n : 0;
}

void alert_out_free(struct alert_out *a)
{
	if (!a)
		return;
	while (a->n)
		remove_item(a, a->n - 1);
	if (a->multi)
		curl_multi_cleanup(a->multi);
	free(a->exec_cmd);
	free(a->url);
	free(a);
}
