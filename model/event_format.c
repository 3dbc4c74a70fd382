#include "model/event_format.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/events.h"

static int is(const char *s, const char *want)
{
	return s && strcmp(s, want) == 0;
}

int event_is_alert(const struct api_event *ev)
{
	if (!is(ev->type, "container"))
		return 0;
	if (is(ev->action_base, "die"))
		return ev->exit_code > 0;
	if (is(ev->action_base, "oom"))
		return 1;
	return is(ev->action_base, "health_status") &&
	       is(ev->action_detail, "unhealthy");
}

void event_time(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!n)
		return;
	buf[0] = '\0';
	if (t < 0 || (int64_t)tt != t || !localtime_r(&tt, &tm) ||
	    !strftime(buf, n, "%H:%M:%S", &tm))
		snprintf(buf, n, "--:--:--");
}

/* Appends " key=value" for one attribute the operator cares about. */
static void add_attr(const struct api_event *ev, const char *key, char *buf,
		     size_t n)
{
	const char *v = api_kv_get(&ev->attributes, key);
	size_t used = strlen(buf);

	if (!v || used >= n - 1)
		return;
	snprintf(buf + used, n - used, "%s%s=%s", used ? " " : "", key, v);
}

void event_fields(const struct api_event *ev, struct event_fields *out)
{
	const char *id = ev->actor_id ? ev->actor_id : "";
	int idlen = (int)strnlen(id, 12);

	memset(out, 0, sizeof(*out));
	event_time(ev->time, out->time, sizeof(out->time));
	snprintf(out->type, sizeof(out->type), "%s", api_str(ev->type));
	snprintf(out->action, sizeof(out->action), "%s", api_str(ev->action));
	if (ev->name && ev->name[0])
		snprintf(out->name, sizeof(out->name), "%s", ev->name);
	else
		snprintf(out->name, sizeof(out->name), "%.*s", idlen, id);
	add_attr(ev, "exitCode", out->detail, sizeof(out->detail));
	add_attr(ev, "signal", out->detail, sizeof(out->detail));
	/* An image event names the image already. */
	if (!is(ev->type, "image"))
		add_attr(ev, "image", out->detail, sizeof(out->detail));
	out->alert = event_is_alert(ev);
}

size_t event_format(const struct api_event *ev, char *buf, size_t n)
{
	struct event_fields f;
	int len;

	if (!n)
		return 0;
	event_fields(ev, &f);
	len = snprintf(buf, n, "%s %s %s %s%s%s", f.time, f.type, f.action,
		       f.name, f.detail[0] ? " " : "", f.detail);
	if (len < 0) {
		buf[0] = '\0';
		return 0;
	}
	return (size_t)len < n ? (size_t)len : n - 1;
}
