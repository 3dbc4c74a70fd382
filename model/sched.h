#ifndef BERTH_MODEL_SCHED_H
#define BERTH_MODEL_SCHED_H

#include <stdint.h>

/*
 * What the console's model needs of the loop it runs on: timers, a
 * monotonic clock, and a way to say that what it holds changed.  The
 * model knows no terminal: the console hands it its own loop through
 * these (views/app.c), so the model sits below the terminal layer and a
 * headless program could drive it with another loop.
 */

typedef void (*sched_fn)(void *ud);

struct sched {
	/* fn(ud) after delay_ms, then every repeat_ms if > 0; an id > 0,
	 * or -1 when no timer can be had. */
	int (*timer_add)(void *ctx, long delay_ms, long repeat_ms, sched_fn fn,
			 void *ud);
	void (*timer_cancel)(void *ctx, int id); /* 0 and -1 are no timer */
	uint64_t (*now_ms)(void *ctx);
	void (*changed)(void *ctx); /* something to be shown again */
	void *ctx;
};

int sched_timer_add(const struct sched *s, long delay_ms, long repeat_ms,
		    sched_fn fn, void *ud);
void sched_timer_cancel(const struct sched *s, int id);
uint64_t sched_now_ms(const struct sched *s);
void sched_changed(const struct sched *s);

#endif
