#include "tui/loop.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "tui/keyname.h"

#define MAX_TIMERS 32
#define MIN_FRAME_MS 16
#define MAX_FDS 8
#define MAX_KEYS_PER_WAKE 256

struct timer {
	int id;
	uint64_t due;
	long repeat_ms;
	loop_timer_fn fn;
	void *ud;
};

struct watch {
	int id;
	int fd;
	loop_fd_fn fn;
	void *ud;
};

struct loop {
	struct loop_wait wait;
	struct loop_hooks hooks;
	struct timer timers[MAX_TIMERS];
	int next_timer_id;
	struct watch watches[MAX_FDS];
	int next_watch_id;
	int dirty;	/* draw as soon as a frame may be drawn */
	int live_dirty; /* only live numbers moved: draw within frame_ms */
	int quit;
	int idle_wakes; /* stdin readable but no key: a closed terminal */
	uint64_t last_draw;
	unsigned long draws;
};

/* The self-pipe: signal handlers only write the signal number here. */
static int sig_pipe[2] = {-1, -1};

static void on_signal(int sig)
{
	unsigned char b = (unsigned char)sig;
	int saved = errno;

	if (sig_pipe[1] >= 0 && write(sig_pipe[1], &b, 1) < 0) {
		/* full pipe: the loop already has wakeups to read */
	}
	errno = saved;
}

static int install_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH};
	struct sigaction sa;
	size_t i;

	if (sig_pipe[0] < 0) {
		if (pipe(sig_pipe) != 0)
			return -1;
		for (i = 0; i < 2; i++) {
			fcntl(sig_pipe[i], F_SETFL,
			      fcntl(sig_pipe[i], F_GETFL) | O_NONBLOCK);
			fcntl(sig_pipe[i], F_SETFD, FD_CLOEXEC);
		}
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], &sa, NULL) != 0)
			return -1;
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

uint64_t loop_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

int loop_new(const struct loop_wait *wait, const struct loop_hooks *hooks,
	     struct loop **out)
{
	struct loop *l = calloc(1, sizeof(*l));

	*out = NULL;
	if (!l)
		return -1;
	l->wait = *wait;
	l->hooks = *hooks;
	if (l->hooks.frame_ms <= 0)
		l->hooks.frame_ms = 33;
	l->dirty = 1;
	if (install_signals() != 0) {
		free(l);
		return -1;
	}
	*out = l;
	return 0;
}

void loop_free(struct loop *l)
{
	free(l);
}

void loop_quit(struct loop *l)
{
	l->quit = 1;
}

void loop_dirty(struct loop *l)
{
	l->dirty = 1;
}

void loop_dirty_live(struct loop *l)
{
	l->live_dirty = 1;
}

unsigned long loop_draw_count(const struct loop *l)
{
	return l->draws;
}

int loop_timer_add(struct loop *l, long delay_ms, long repeat_ms,
		   loop_timer_fn fn, void *ud)
{
	size_t i;

	for (i = 0; i < MAX_TIMERS; i++) {
		struct timer *t = &l->timers[i];
		if (t->id)
			continue;
		if (++l->next_timer_id <= 0)
			l->next_timer_id = 1;
		t->id = l->next_timer_id;
		t->due =
			loop_now_ms() + (uint64_t)(delay_ms > 0 ? delay_ms : 0);
		t->repeat_ms = repeat_ms;
		t->fn = fn;
		t->ud = ud;
		return t->id;
	}
	return -1;
}

void loop_timer_cancel(struct loop *l, int id)
{
	size_t i;

	for (i = 0; id > 0 && i < MAX_TIMERS; i++)
		if (l->timers[i].id == id)
			l->timers[i].id = 0;
}

int loop_fd_add(struct loop *l, int fd, loop_fd_fn fn, void *ud)
{
	size_t i;

	for (i = 0; i < MAX_FDS; i++) {
		struct watch *w = &l->watches[i];
		if (w->id)
			continue;
		if (++l->next_watch_id <= 0)
			l->next_watch_id = 1;
		w->id = l->next_watch_id;
		w->fd = fd;
		w->fn = fn;
		w->ud = ud;
		return w->id;
	}
	return -1;
}

void loop_fd_remove(struct loop *l, int id)
{
	size_t i;

	for (i = 0; id > 0 && i < MAX_FDS; i++)
		if (l->watches[i].id == id)
			l->watches[i].id = 0;
}

static void run_timers(struct loop *l, uint64_t now)
{
	size_t i;

	for (i = 0; i < MAX_TIMERS; i++) {
		struct timer *t = &l->timers[i];
		loop_timer_fn fn;
		void *ud;
		if (!t->id || t->due > now)
			continue;
		fn = t->fn;
		ud = t->ud;
		if (t->repeat_ms > 0)
			t->due = now + (uint64_t)t->repeat_ms;
		else
			t->id = 0;
		fn(ud);
	}
}

/* How long poll may sleep: until the next timer, or the next allowed
 * frame when a draw is pending. */
/* A key or a changed row is drawn at the next frame (MIN_FRAME_MS); a
 * stats sample or a log line only within frame_ms, so a flood of them
 * costs a bounded number of redraws. */
static uint64_t next_frame(const struct loop *l)
{
	return l->last_draw +
	       (uint64_t)(l->dirty ? MIN_FRAME_MS : l->hooks.frame_ms);
}

static int wait_ms(const struct loop *l, uint64_t now)
{
	uint64_t until = now + 1000;
	size_t i;

	for (i = 0; i < MAX_TIMERS; i++)
		if (l->timers[i].id && l->timers[i].due < until)
			until = l->timers[i].due;
	if (l->dirty || l->live_dirty) {
		uint64_t frame = next_frame(l);
		if (frame < until)
			until = frame;
	}
	return until > now ? (int)(until - now) : 0;
}

static void handle_resize(struct loop *l)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0)
		return;
	if (l->hooks.on_resize)
		l->hooks.on_resize(ws.ws_row, ws.ws_col, l->hooks.ud);
	l->dirty = 1;
}

static void drain_signals(struct loop *l)
{
	unsigned char b[64];
	ssize_t n, i;

	while ((n = read(sig_pipe[0], b, sizeof(b))) > 0) {
		for (i = 0; i < n; i++) {
			if (b[i] == SIGWINCH)
				handle_resize(l);
			else if (l->hooks.on_quit_signal)
				l->hooks.on_quit_signal(b[i], l->hooks.ud);
			else
				l->quit = 1;
		}
	}
}

/* readable: poll said so.  Called every turn anyway: curses may hold
 * keys it read early (an Esc sequence, a resize), which poll cannot see. */
static void read_keys(struct loop *l, int readable)
{
	wint_t wch;
	int rc, n = 0, got = 0;

	/* Bounded, so a paste of megabytes cannot starve the engine. */
	while (n++ < MAX_KEYS_PER_WAKE && !l->quit) {
		rc = get_wch(&wch);
		if (rc == ERR)
			break;
		got = 1;
		/* resizeterm() queues KEY_RESIZE itself; the resize was
		 * already handled from SIGWINCH, and handling it again
		 * would queue another, forever. */
		if (rc == KEY_CODE_YES && wch == KEY_RESIZE)
			continue;
		if (l->hooks.on_key)
			l->hooks.on_key(keyname_from_wch(rc, (unsigned)wch),
					l->hooks.ud);
	}
	/* A hung-up terminal polls readable forever and yields nothing. */
	if (got || !readable)
		l->idle_wakes = 0;
	else
		l->idle_wakes++;
	if (l->idle_wakes > 200)
		l->quit = 1;
}

/* After the fixed two (signals, keyboard), one slot per watched fd. */
static unsigned add_watches(struct loop *l, struct loop_waitfd *fds,
			    unsigned nfds, int *ids)
{
	size_t i;

	for (i = 0; i < MAX_FDS; i++) {
		if (!l->watches[i].id)
			continue;
		ids[nfds] = l->watches[i].id;
		fds[nfds].fd = l->watches[i].fd;
		fds[nfds].events = LOOP_POLLIN;
		fds[nfds++].revents = 0;
	}
	return nfds;
}

static void run_watches(struct loop *l, struct loop_waitfd *fds, unsigned first,
			unsigned nfds, const int *ids)
{
	unsigned k;
	size_t i;

	for (k = first; k < nfds; k++) {
		if (!fds[k].revents)
			continue;
		/* The slot may have been removed by an earlier callback. */
		for (i = 0; i < MAX_FDS; i++)
			if (l->watches[i].id == ids[k]) {
				l->watches[i].fn(fds[k].fd, l->watches[i].ud);
				break;
			}
	}
}

int loop_run(struct loop *l)
{
	struct loop_waitfd fds[2 + MAX_FDS];
	int ids[2 + MAX_FDS];
	unsigned nfds, fixed;
	int failures = 0;

	while (!l->quit) {
		uint64_t now = loop_now_ms();
		nfds = 0;
		fds[nfds].fd = sig_pipe[0];
		fds[nfds].events = LOOP_POLLIN;
		fds[nfds++].revents = 0;
		if (l->hooks.input_fd >= 0) {
			fds[nfds].fd = l->hooks.input_fd;
			fds[nfds].events = LOOP_POLLIN;
			fds[nfds++].revents = 0;
		}
		fixed = nfds;
		nfds = add_watches(l, fds, nfds, ids);
		if (l->wait.wait(l->wait.ctx, fds, nfds, wait_ms(l, now)) !=
		    0) {
			/* EINTR and friends: a few in a row are normal. */
			if (++failures > 1000)
				return -1;
		} else {
			failures = 0;
		}
		if (fds[0].revents)
			drain_signals(l);
		if (fixed > 1)
			read_keys(l, fds[1].revents != 0);
		run_watches(l, fds, fixed, nfds, ids);
		if (l->wait.process)
			l->wait.process(l->wait.ctx);
		now = loop_now_ms();
		run_timers(l, now);
		if ((l->dirty || l->live_dirty) && !l->quit &&
		    now >= next_frame(l)) {
			l->dirty = 0;
			l->live_dirty = 0;
			l->last_draw = now;
			l->draws++;
			if (l->hooks.draw)
				l->hooks.draw(l->hooks.ud);
		}
	}
	return 0;
}
