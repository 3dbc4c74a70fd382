#include "views/relay.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "api/logframes.h"

#define IO_BUF 32768
#define READS_PER_WAKE 64

int relay_parse_keys(const char *spec, struct relay_keys *out, char *err,
		     size_t errlen)
{
	const char *p = spec ? spec : "";

	memset(out, 0, sizeof(*out));
	while (*p) {
		size_t n = strcspn(p, ",");
		unsigned char ch;
		if (n == 1) {
			ch = (unsigned char)p[0];
		} else if (n == 6 && strncmp(p, "ctrl-", 5) == 0 &&
			   ((p[5] >= 'a' && p[5] <= 'z') ||
			    (p[5] >= '@' && p[5] <= '_'))) {
			ch = (unsigned char)(p[5] & 0x1f);
		} else {
			snprintf(err, errlen,
				 "detach keys: '%.*s' is not a key (use a "
				 "character or ctrl-X)",
				 (int)(n > 40 ? 40 : n), p);
			return -1;
		}
		if (out->n == RELAY_KEYS_MAX) {
			snprintf(err, errlen, "detach keys: more than %d keys",
				 RELAY_KEYS_MAX);
			return -1;
		}
		out->seq[out->n++] = ch;
		p += n;
		if (*p == ',' && *++p == '\0') {
			snprintf(err, errlen, "detach keys: trailing comma");
			return -1;
		}
	}
	return 0;
}

int relay_detach_scan(const struct relay_keys *k, size_t *matched,
		      const unsigned char *in, size_t n, unsigned char *out,
		      size_t *out_n)
{
	size_t i;

	*out_n = 0;
	for (i = 0; i < n; i++) {
		if (k && k->n && in[i] == k->seq[*matched]) {
			if (++*matched == k->n)
				return 1;
			continue;
		}
		if (*matched) {
			/* Not the sequence after all: what was held goes
			 * out, and this byte may start it afresh. */
			memcpy(out + *out_n, k->seq, *matched);
			*out_n += *matched;
			*matched = 0;
			if (in[i] == k->seq[0]) {
				if (++*matched == k->n)
					return 1;
				continue;
			}
		}
		out[(*out_n)++] = in[i];
	}
	return 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && (errno == EINTR || errno == EAGAIN)) {
			struct pollfd pf = {.fd = fd, .events = POLLOUT};
			poll(&pf, 1, 100);
			continue;
		}
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

struct out_ctx {
	const struct relay_opts *o;
	int failed;
};

static int on_frame(int stream, const char *data, size_t len, void *ud)
{
	struct out_ctx *c = ud;
	int fd = stream == LOG_STDERR ? c->o->err_fd : c->o->out_fd;

	if (write_all(fd, data, len) != 0)
		c->failed = 1;
	return 0;
}

static int deliver(struct logframes *lf, const char *data, size_t len)
{
	struct out_ctx *c = lf->ud;

	return logframes_feed(lf, data, len) == LOGFRAMES_ERROR || c->failed
		       ? -1
		       : 0;
}

void relay_flush_held(const struct relay_opts *o, struct relay_result *res)
{
	struct out_ctx c = {o, 0};
	struct logframes lf;

	logframes_init(&lf, o->tty, on_frame, &c);
	deliver(&lf, res->held, res->held_len);
	res->held_len = 0;
}

/* SIGWINCH only writes here; the relay's poll sees it. */
static int winch_pipe[2] = {-1, -1};

static void on_winch(int sig)
{
	int saved = errno;
	char b = (char)sig;

	if (write(winch_pipe[1], &b, 1) < 0) {
		/* full: a resize is already pending */
	}
	errno = saved;
}

static void resize_now(const struct relay_opts *o)
{
	struct winsize ws;
	int fd = isatty(o->out_fd) ? o->out_fd : o->in_fd;

	if (o->on_resize && fd >= 0 && ioctl(fd, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_row > 0 && ws.ws_col > 0)
		o->on_resize(ws.ws_row, ws.ws_col, o->ud);
}

static long mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct relay {
	const struct relay_opts *o;
	struct relay_result *res;
	struct logframes lf;
	struct out_ctx out;
	size_t matched;
	int holding;
	long hold_until;
	int in_open;
	int done;
	char buf[IO_BUF];
};

static void end_hold(struct relay *r)
{
	r->holding = 0;
	if (deliver(&r->lf, r->res->held, r->res->held_len) != 0) {
		r->done = 1;
		r->res->end = RELAY_ERROR;
	}
	r->res->held_len = 0;
}

/* Stream bytes: held while probing, else to the terminal. */
static void from_engine(struct relay *r, size_t n)
{
	struct relay_result *res = r->res;

	if (r->holding) {
		size_t room = sizeof(res->held) - res->held_len;
		size_t k = n < room ? n : room;
		memcpy(res->held + res->held_len, r->buf, k);
		res->held_len += k;
		if (k == n)
			return;
		/* More than a failed start ever says: it runs. */
		end_hold(r);
		if (!r->done && deliver(&r->lf, r->buf + k, n - k) != 0) {
			r->done = 1;
			res->end = RELAY_ERROR;
		}
		return;
	}
	if (deliver(&r->lf, r->buf, n) != 0) {
		r->done = 1;
		res->end = RELAY_ERROR;
	}
}

static void read_engine(struct relay *r)
{
	int i;

	for (i = 0; i < READS_PER_WAKE && !r->done; i++) {
		ssize_t n = api_hijack_recv(r->o->h, r->buf, sizeof(r->buf));
		if (n == -1)
			return;
		if (n <= 0) {
			r->done = 1;
			r->res->end = n == 0 ? RELAY_CLOSED : RELAY_ERROR;
			r->res->held_end = r->holding;
			return;
		}
		from_engine(r, (size_t)n);
	}
}

static void read_input(struct relay *r)
{
	unsigned char in[4096], out[4096 + RELAY_KEYS_MAX];
	size_t out_n = 0;
	ssize_t n = read(r->o->in_fd, in, sizeof(in));
	int detached;

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		/* stdin is done: so is the process's, but its output
		 * still comes. */
		r->in_open = 0;
		api_hijack_close_write(r->o->h);
		return;
	}
	detached = relay_detach_scan(r->o->detach, &r->matched, in, (size_t)n,
				     out, &out_n);
	if (out_n && api_hijack_send(r->o->h, out, out_n) != 0) {
		r->done = 1;
		r->res->end = RELAY_ERROR;
	} else if (detached) {
		r->done = 1;
		r->res->end = RELAY_DETACHED;
	}
}

static void drain_winch(struct relay *r)
{
	char b[32];
	int got = 0;

	while (read(winch_pipe[0], b, sizeof(b)) > 0)
		got = 1;
	if (got)
		resize_now(r->o);
}

static void relay_poll(struct relay *r)
{
	struct pollfd p[3];
	int timeout = -1, rc;

	p[0] = (struct pollfd){.fd = winch_pipe[0], .events = POLLIN};
	p[1] = (struct pollfd){.fd = api_hijack_fd(r->o->h), .events = POLLIN};
	p[2] = (struct pollfd){.fd = r->in_open && !r->holding ? r->o->in_fd
							       : -1,
			       .events = POLLIN};
	if (r->holding) {
		long left = r->hold_until - mono_ms();
		timeout = left > 0 ? (int)left : 0;
	}
	if (api_hijack_pending(r->o->h))
		timeout = 0;
	rc = r->o->wait ? r->o->wait->wait(r->o->wait->ctx, p, 3, timeout)
			: poll(p, 3, timeout);
	if (r->o->wait)
		r->o->wait->serve(r->o->wait->ctx);
	if (rc < 0 && errno != EINTR) {
		r->done = 1;
		r->res->end = RELAY_ERROR;
		return;
	}
	drain_winch(r);
	if (rc > 0 && p[1].revents)
		read_engine(r);
	else if (api_hijack_pending(r->o->h))
		read_engine(r);
	if (!r->done && rc > 0 && p[2].fd >= 0 && p[2].revents)
		read_input(r);
	if (r->holding && !r->done && mono_ms() >= r->hold_until)
		end_hold(r);
}

static int winch_setup(struct sigaction *old)
{
	struct sigaction sa;
	int i;

	if (winch_pipe[0] < 0) {
		if (pipe(winch_pipe) != 0)
			return -1;
		for (i = 0; i < 2; i++) {
			fcntl(winch_pipe[i], F_SETFL,
			      fcntl(winch_pipe[i], F_GETFL) | O_NONBLOCK);
			fcntl(winch_pipe[i], F_SETFD, FD_CLOEXEC);
		}
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_winch;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	return sigaction(SIGWINCH, &sa, old);
}

/* Like cfmakeraw, which is not in C11's view of termios. */
static void make_raw(struct termios *t)
{
	t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR |
				  IGNCR | ICRNL | IXON);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

void relay_run(const struct relay_opts *o, struct relay_result *res)
{
	static struct relay r; /* 32 KB of buffer: not on the stack */
	struct sigaction old_winch;
	struct termios saved, raw;
	int raw_on = 0, winch_on;

	memset(res, 0, sizeof(*res));
	memset(&r, 0, sizeof(r));
	r.o = o;
	r.res = res;
	r.out.o = o;
	r.in_open = o->in_fd >= 0;
	r.holding = o->hold_ms > 0;
	r.hold_until = mono_ms() + o->hold_ms;
	logframes_init(&r.lf, o->tty, on_frame, &r.out);
	if (o->in_fd >= 0 && isatty(o->in_fd) &&
	    tcgetattr(o->in_fd, &saved) == 0) {
		raw = saved;
		make_raw(&raw);
		raw_on = tcsetattr(o->in_fd, TCSADRAIN, &raw) == 0;
	}
	winch_on = winch_setup(&old_winch) == 0;
	resize_now(o);
	while (!r.done)
		relay_poll(&r);
	if (winch_on)
		sigaction(SIGWINCH, &old_winch, NULL);
	if (raw_on)
		tcsetattr(o->in_fd, TCSADRAIN, &saved);
}
