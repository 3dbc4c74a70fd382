#ifndef BERTH_VIEWS_RELAY_H
#define BERTH_VIEWS_RELAY_H

#include <poll.h>
#include <stddef.h>

#include "api/client_hijack.h"

/*
 * The terminal side of an exec or attach: the user's terminal in raw mode
 * (when it is one), stdin and the hijacked socket polled together, bytes
 * copied both ways, SIGWINCH turned into a resize of the remote TTY.  It
 * ends when the stream closes, on the detach keys, or on an error, and
 * always leaves the terminal as it found it.
 */

#define RELAY_KEYS_MAX 16

struct relay_keys {
	unsigned char seq[RELAY_KEYS_MAX];
	size_t n;
};

/* Docker's notation: "ctrl-p,ctrl-q", "ctrl-a,d", "" for none.  Returns 0,
 * or -1 with a message naming the bad part in err. */
int relay_parse_keys(const char *spec, struct relay_keys *out, char *err,
		     size_t errlen);

/* Feeds typed bytes through the detach matcher: what is to be sent goes
 * to out (room for n + RELAY_KEYS_MAX bytes), a prefix of the sequence is
 * held back in *matched until it is known.  Returns 1 on the full
 * sequence (the bytes before it are in out). */
int relay_detach_scan(const struct relay_keys *k, size_t *matched,
		      const unsigned char *in, size_t n, unsigned char *out,
		      size_t *out_n);

typedef void (*relay_resize_fn)(int rows, int cols, void *ud);

/* What else runs while the relay owns the terminal: wait stands in for
 * poll(2) on the relay's fds (filling revents as poll does, at most
 * timeout_ms, -1 for no bound of the relay's own) while also waiting on
 * the caller's other work, which serve then moves on. */
struct relay_wait {
	int (*wait)(void *ctx, struct pollfd *fds, nfds_t n, int timeout_ms);
	void (*serve)(void *ctx);
	void *ctx;
};

struct relay_opts {
	struct api_hijack *h;
	int tty;	    /* raw stream; else frames demultiplexed */
	int in_fd;	    /* -1: send nothing */
	int out_fd, err_fd; /* where stdout and stderr go */
	const struct relay_keys *detach; /* NULL or n == 0: none */
	relay_resize_fn on_resize;	 /* now and on every SIGWINCH */
	const struct relay_wait *wait;	 /* NULL: poll(2), nothing else */
	void *ud;
	/* > 0: output is held back and stdin left unread for up to this
	 * long, so a command that never started can be told from one that
	 * did before its output reaches the terminal. */
	int hold_ms;
};

enum relay_end {
	RELAY_CLOSED,	/* the stream ended */
	RELAY_DETACHED, /* the user typed the detach keys */
	RELAY_ERROR,	/* the socket or the terminal failed */
};

struct relay_result {
	enum relay_end end;
	int held_end; /* the stream ended while output was held */
	char held[4096];
	size_t held_len; /* what was held and not written */
};

void relay_run(const struct relay_opts *o, struct relay_result *res);

/* Writes held output the caller decided to show. */
void relay_flush_held(const struct relay_opts *o, struct relay_result *res);

#endif
