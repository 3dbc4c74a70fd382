#ifndef BERTH_TUI_LOOP_H
#define BERTH_TUI_LOOP_H

#include <stdint.h>

/*
 * The one loop of the console.  One wait (the owner's: the console's
 * waits on the engine's sockets too) covers stdin, a self-pipe for
 * signals, watched descriptors and the next timer deadline, all at once.
 * Callbacks (keys, finished requests, stream data, timers) only change state
 * and call loop_dirty(); the screen is drawn at most once per iteration, only
 * when something changed, and no more often than every frame_ms, so a flood of
 * log lines cannot eat the CPU.
 */

struct loop;

struct loop_hooks {
	void (*on_key)(int key, void *ud); /* keyname.h's int keys */
	void (*on_resize)(int rows, int cols, void *ud);
	void (*draw)(void *ud);			   /* when dirty */
	void (*on_quit_signal)(int sig, void *ud); /* SIGINT/TERM/HUP */
	void *ud;
	int frame_ms; /* minimum time between live redraws; 0: 33 ms */
	int input_fd; /* -1: no keyboard (headless tests) */
};

typedef void (*loop_timer_fn)(void *ud);

/* A descriptor to wait on, in poll(2)'s terms. */
struct loop_waitfd {
	int fd;
	short events; /* LOOP_POLLIN */
	short revents;
};
#define LOOP_POLLIN 0x0001

/* What the loop waits with.  wait blocks until one of fds, or anything
 * of the owner's, is ready or timeout_ms passed, and sets revents: 0, or
 * -1 when it failed (a few failures in a row are normal: EINTR).
 * process then moves the owner's work on (finished requests, stream
 * data), after the loop's own descriptors were served. */
struct loop_wait {
	int (*wait)(void *ctx, struct loop_waitfd *fds, unsigned n,
		    int timeout_ms);
	void (*process)(void *ctx);
	void *ctx;
};

int loop_new(const struct loop_wait *wait, const struct loop_hooks *hooks,
	     struct loop **out);
void loop_free(struct loop *l);

/* Runs until loop_quit(); returns 0, or -1 if waiting failed for good. */
int loop_run(struct loop *l);
void loop_quit(struct loop *l);
/* Something a person is waiting for changed (a key, a row): drawn at the
 * next frame.  loop_dirty_live: only live numbers or log lines moved,
 * drawn within frame_ms. */
void loop_dirty(struct loop *l);
void loop_dirty_live(struct loop *l);

/* Calls fn after delay_ms, then every repeat_ms if it is > 0.  Returns a
 * timer id (> 0) for loop_timer_cancel, or -1 when the table is full. */
int loop_timer_add(struct loop *l, long delay_ms, long repeat_ms,
		   loop_timer_fn fn, void *ud);
void loop_timer_cancel(struct loop *l, int id);

/* Watches fd for reading (a child's output pipe, ...): fn runs when it
 * is readable or closed.  Returns an id > 0, or -1 when full. */
typedef void (*loop_fd_fn)(int fd, void *ud);
int loop_fd_add(struct loop *l, int fd, loop_fd_fn fn, void *ud);
void loop_fd_remove(struct loop *l, int id);

/* Milliseconds on a monotonic clock. */
uint64_t loop_now_ms(void);

/* Draws counted since start, for tests and the benchmark. */
unsigned long loop_draw_count(const struct loop *l);

#endif
