/* The events stream: any bytes, cut anywhere, parsed line by line. */
#include <stddef.h>
#include <stdint.h>

#include "api/events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void touch(const struct api_event *ev, void *ud)
{
	size_t *n = ud;

	/* Read what a consumer reads, so bad pointers show. */
	*n += api_str(ev->action_base)[0] + api_str(ev->action_detail)[0] +
	      api_str(ev->name)[0] + api_str(ev->actor_id)[0] +
	      (size_t)ev->exit_code + ev->attributes.n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	struct api_events_stream st;
	struct api_event ev;
	struct api_error err;
	size_t n = 0, cut = size ? data[0] % size : 0;

	if (api_event_parse(p, size, &ev, &err) == API_OK)
		api_event_free(&ev);
	api_events_stream_init(&st, touch, NULL, &n);
	api_events_stream_feed(&st, p, cut);
	api_events_stream_feed(&st, p + cut, size - cut);
	api_events_stream_finish(&st);
	api_events_stream_done(&st);
	return 0;
}
