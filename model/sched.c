#include "model/sched.h"

int sched_timer_add(const struct sched *s, long delay_ms, long repeat_ms,
		    sched_fn fn, void *ud)
{
	return s->timer_add(s->ctx, delay_ms, repeat_ms, fn, ud);
}

void sched_timer_cancel(const struct sched *s, int id)
{
	if (id > 0)
		s->timer_cancel(s->ctx, id);
}

uint64_t sched_now_ms(const struct sched *s)
{
	return s->now_ms(s->ctx);
}

void sched_changed(const struct sched *s)
{
	if (s->changed)
		s->changed(s->ctx);
}
