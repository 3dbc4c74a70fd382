#include "api/client_io.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#define READY_MAX 128
#define EXTRA_MAX 32

struct client_io {
	CURLM *multi;
	int epfd;      /* the sockets of prompt transfers */
	int lazy_epfd; /* those of lazy ones */
	client_io_lazy_fn is_lazy;
	long lazy_ms;
	int64_t lazy_due; /* lazy sockets are not looked at before this */
	int refs;
	int64_t due_ms; /* curl's timer, -1: none */
	int n_ready;
	struct epoll_event ready[READY_MAX];
	struct client_io *next;
};

/* Per thread, as the clients are: a worker's multi never meets the
 * console's. */
static _Thread_local struct client_io *ios;

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* What curl_multi_assign holds for a socket: the set it is in. */
static char in_prompt, in_lazy;

static int on_socket(CURL *e, curl_socket_t s, int what, void *userp,
		     void *socketp)
{
	struct client_io *io = userp;
	struct epoll_event ev = {0};
	int lazy = io->is_lazy && io->is_lazy(e);
	int fd = lazy ? io->lazy_epfd : io->epfd;
	char *set = lazy ? &in_lazy : &in_prompt;

	if (what == CURL_POLL_REMOVE) {
		/* Already closed is fine: epoll dropped it then. */
		epoll_ctl(socketp == &in_lazy ? io->lazy_epfd : io->epfd,
			  EPOLL_CTL_DEL, s, NULL);
		return 0;
	}
	ev.data.fd = s;
	ev.events = (what & CURL_POLL_IN ? EPOLLIN : 0u) |
		    (what & CURL_POLL_OUT ? EPOLLOUT : 0u);
	/* A connection a lazy transfer leaves to a prompt one (or back)
	 * changes sets. */
	if (socketp && socketp != set)
		epoll_ctl(socketp == &in_lazy ? io->lazy_epfd : io->epfd,
			  EPOLL_CTL_DEL, s, NULL);
	/* A socket curl has not named before may reuse a number epoll
	 * still holds (closed and opened again between two turns). */
	if (socketp != set || epoll_ctl(fd, EPOLL_CTL_MOD, s, &ev) != 0) {
		if (epoll_ctl(fd, EPOLL_CTL_ADD, s, &ev) != 0 &&
		    errno == EEXIST)
			epoll_ctl(fd, EPOLL_CTL_MOD, s, &ev);
		curl_multi_assign(io->multi, s, set);
	}
	return 0;
}

static int on_timer(CURLM *m, long timeout_ms, void *userp)
{
	struct client_io *io = userp;

	(void)m;
	io->due_ms = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	return 0;
}

struct client_io *client_io_get(CURLM *m, client_io_lazy_fn is_lazy)
{
	struct client_io *io;

	for (io = ios; io; io = io->next)
		if (io->multi == m) {
			io->refs++;
			return io;
		}
	io = calloc(1, sizeof(*io));
	if (!io)
		return NULL;
	io->epfd = epoll_create1(EPOLL_CLOEXEC);
	io->lazy_epfd = epoll_create1(EPOLL_CLOEXEC);
	if (io->epfd < 0 || io->lazy_epfd < 0) {
		if (io->epfd >= 0)
			close(io->epfd);
		if (io->lazy_epfd >= 0)
			close(io->lazy_epfd);
		free(io);
		return NULL;
	}
	io->is_lazy = is_lazy;
	io->multi = m;
	io->refs = 1;
	io->due_ms = -1;
	curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, on_socket);
	curl_multi_setopt(m, CURLMOPT_SOCKETDATA, io);
	curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, on_timer);
	curl_multi_setopt(m, CURLMOPT_TIMERDATA, io);
	io->next = ios;
	ios = io;
	return io;
}

void client_io_put(struct client_io *io)
{
	struct client_io **p;

	if (!io || --io->refs > 0)
		return;
	for (p = &ios; *p; p = &(*p)->next)
		if (*p == io) {
			*p = io->next;
			break;
		}
	/* The multi may outlive its clients (the console cleans it up
	 * last): it must not call back into freed memory. */
	curl_multi_setopt(io->multi, CURLMOPT_SOCKETFUNCTION, NULL);
	curl_multi_setopt(io->multi, CURLMOPT_SOCKETDATA, NULL);
	curl_multi_setopt(io->multi, CURLMOPT_TIMERFUNCTION, NULL);
	curl_multi_setopt(io->multi, CURLMOPT_TIMERDATA, NULL);
	close(io->epfd);
	close(io->lazy_epfd);
	free(io);
}

void client_io_set_lazy_ms(struct client_io *io, long ms)
{
	io->lazy_ms = ms > 0 ? ms : 0;
}

/* The poll's timeout: the caller's, curl's timer, and (while the lazy
 * sockets are left out) the end of the lazy window. */
static int wait_for(const struct client_io *io, int64_t now, int64_t deadline,
		    int lazy_open)
{
	int64_t until = deadline;

	if (io->due_ms >= 0 && (until < 0 || io->due_ms < until))
		until = io->due_ms;
	if (!lazy_open && (until < 0 || io->lazy_due < until))
		until = io->lazy_due;
	if (until < 0)
		return -1;
	return until > now ? (int)(until - now) : 0;
}

static void fill_pollfds(struct pollfd *pf, const struct curl_waitfd *extra,
			 unsigned n_extra)
{
	unsigned i;

	for (i = 0; i < n_extra; i++) {
		pf[i].fd = extra[i].fd;
		pf[i].events =
			(short)((extra[i].events & CURL_WAIT_POLLIN ? POLLIN
								    : 0) |
				(extra[i].events & CURL_WAIT_POLLOUT ? POLLOUT
								     : 0));
		pf[i].revents = 0;
	}
}

static void give_revents(struct curl_waitfd *extra, const struct pollfd *pf,
			 unsigned n_extra)
{
	unsigned i;

	for (i = 0; i < n_extra; i++)
		extra[i].revents =
			(short)((pf[i].revents & (POLLIN | POLLHUP | POLLERR)
					 ? CURL_WAIT_POLLIN
					 : 0) |
				(pf[i].revents & POLLOUT ? CURL_WAIT_POLLOUT
							 : 0));
}

static void take_ready(struct client_io *io, int epfd)
{
	int n;

	/* More than fit are still ready next time: epoll is level
	 * triggered. */
	if (io->n_ready >= READY_MAX)
		return;
	n = epoll_wait(epfd, io->ready + io->n_ready, READY_MAX - io->n_ready,
		       0);
	if (n > 0)
		io->n_ready += n;
}

int client_io_wait(struct client_io *io, struct curl_waitfd *extra,
		   unsigned n_extra, int timeout_ms)
{
	struct pollfd pf[EXTRA_MAX + 2];
	int64_t now = now_ms(),
		deadline = timeout_ms < 0 ? -1 : now + timeout_ms;
	unsigned i, n_pf;
	int n, lazy_open;

	if (n_extra > EXTRA_MAX)
		n_extra = EXTRA_MAX;
	for (;;) {
		lazy_open = io->lazy_ms == 0 || now >= io->lazy_due;
		fill_pollfds(pf, extra, n_extra);
		pf[n_extra].fd = io->epfd;
		pf[n_extra + 1].fd = io->lazy_epfd;
		pf[n_extra].events = pf[n_extra + 1].events = POLLIN;
		pf[n_extra].revents = pf[n_extra + 1].revents = 0;
		n_pf = n_extra + 1 + (lazy_open ? 1u : 0u);
		n = poll(pf, n_pf, wait_for(io, now, deadline, lazy_open));
		/* A signal is news the caller reads from its own pipe. */
		if (n < 0 && errno != EINTR)
			return -1;
		if (n < 0)
			for (i = 0; i < n_pf; i++)
				pf[i].revents = 0;
		now = now_ms();
		/* Only the lazy window ended: look again, with them. */
		if (n == 0 && !lazy_open && now >= io->lazy_due &&
		    (deadline < 0 || now < deadline) &&
		    (io->due_ms < 0 || now < io->due_ms))
			continue;
		break;
	}
	give_revents(extra, pf, n_extra);
	io->n_ready = 0;
	if (pf[n_extra].revents & POLLIN)
		take_ready(io, io->epfd);
	if (lazy_open && (pf[n_extra + 1].revents & POLLIN)) {
		take_ready(io, io->lazy_epfd);
		io->lazy_due = now + io->lazy_ms;
	}
	return 0;
}

static int select_bits(uint32_t ev)
{
	return (ev & (EPOLLIN | EPOLLHUP) ? CURL_CSELECT_IN : 0) |
	       (ev & EPOLLOUT ? CURL_CSELECT_OUT : 0) |
	       (ev & EPOLLERR ? CURL_CSELECT_ERR : 0);
}

void client_io_turn(struct client_io *io)
{
	struct epoll_event ready[READY_MAX];
	int i, n = io->n_ready, running;

	/* Copied first: a callback may wait on this multi itself (a
	 * synchronous call from inside a turn), which refills the list. */
	for (i = 0; i < n; i++)
		ready[i] = io->ready[i];
	io->n_ready = 0;
	for (i = 0; i < n; i++)
		curl_multi_socket_action(io->multi, ready[i].data.fd,
					 select_bits(ready[i].events),
					 &running);
	if (io->due_ms >= 0 && io->due_ms <= now_ms()) {
		io->due_ms = -1;
		curl_multi_socket_action(io->multi, CURL_SOCKET_TIMEOUT, 0,
					 &running);
	}
}
