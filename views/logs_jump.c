/* Jumps in the logs pane: to the next line that says it is an error, to
 * a time, to the container's last start.  Lines the filter hides are
 * passed over, as they are on the screen. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model/log_level.h"
#include "tui/scrollback.h"
#include "views/logs.h"

static uint64_t from_here(const struct logs_pane *p)
{
	if (p->cur != SB_NONE && sb_get(&p->sb, p->cur))
		return p->cur;
	/* no line chosen yet: from the top of the screen, or the end when
	 * following */
	return p->follow ? SB_NONE : p->top;
}

void logs_jump_level(struct logs_pane *p, int dir)
{
	uint64_t q = from_here(p);
	const struct sb_line *l;

	while ((q = sb_next(&p->sb, &p->filter, q, dir)) != SB_NONE) {
		l = sb_get(&p->sb, q);
		if (l && !(l->flags & SB_MARKER) &&
		    log_level_of(sb_line_text(l), l->len) == LOG_LEVEL_ERROR)
			break;
	}
	if (q == SB_NONE) {
		app_status(p->a, "no %s error-level line",
			   dir > 0 ? "later" : "earlier");
		return;
	}
	logs_show_line(p, q);
}

/* The first line at or after tsn, or SB_NONE. */
static uint64_t first_at(const struct logs_pane *p, int64_t tsn)
{
	uint64_t q = SB_NONE;
	const struct sb_line *l;

	while ((q = sb_next(&p->sb, &p->filter, q, 1)) != SB_NONE) {
		l = sb_get(&p->sb, q);
		if (l && l->tsn && l->tsn >= tsn)
			return q;
	}
	return SB_NONE;
}

/* The newest line's day (UTC), in seconds: HH:MM alone means that day. */
static int64_t newest_day(const struct logs_pane *p)
{
	uint64_t q = SB_NONE;
	const struct sb_line *l;

	while ((q = sb_next(&p->sb, &p->filter, q, -1)) != SB_NONE) {
		l = sb_get(&p->sb, q);
		if (l && l->tsn)
			return l->tsn / 1000000000 / 86400 * 86400;
	}
	return (int64_t)time(NULL) / 86400 * 86400;
}

/* Seconds since the epoch for the text, or -1. */
static int64_t parse_when(const struct logs_pane *p, const char *t)
{
	int y, mo, d, h, mi, sec = 0, n = 0;
	char rest, stamp[40];

	if (sscanf(t, "%d-%d-%d%*[ T]%d:%d:%d%c", &y, &mo, &d, &h, &mi, &sec,
		   &rest) == 6 ||
	    sscanf(t, "%d-%d-%d%*[ T]%d:%d%n", &y, &mo, &d, &h, &mi, &n) == 5) {
		if ((n && t[n] != '\0') || y < 1970 || y > 9999 || mo < 1 ||
		    mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 ||
		    mi > 59 || sec < 0 || sec > 60)
			return -1;
		/* the engine's own form, read by the reader of its stamps */
		snprintf(stamp, sizeof(stamp), "%04d-%02d-%02dT%02d:%02d:%02dZ",
			 y, mo, d, h, mi, sec);
		return sb_parse_time(stamp, strlen(stamp)) / 1000000000;
	}
	n = 0;
	sec = 0;
	if ((sscanf(t, "%d:%d:%d%n", &h, &mi, &sec, &n) == 3 ||
	     sscanf(t, "%d:%d%n", &h, &mi, &n) == 2) &&
	    t[n] == '\0' && h >= 0 && h < 24 && mi >= 0 && mi < 60 &&
	    sec >= 0 && sec <= 60)
		return newest_day(p) + h * 3600 + mi * 60 + sec;
	return -1;
}

void logs_jump_time(struct logs_pane *p, const char *text)
{
	int64_t when = parse_when(p, text ? text : "");
	uint64_t q;

	if (when < 0) {
		app_error(p->a,
			  "jump to: '%.60s' is not HH:MM[:SS] or "
			  "YYYY-MM-DD HH:MM[:SS]",
			  text ? text : "");
		return;
	}
	q = first_at(p, when * 1000000000);
	if (q == SB_NONE) {
		app_status(p->a, "no line at or after %.60s (UTC)", text);
		return;
	}
	logs_show_line(p, q);
}

void logs_jump_start(struct logs_pane *p)
{
	const struct logs_src *last = NULL;
	int64_t from;
	size_t i;
	uint64_t q;

	/* several containers: the latest start among them */
	for (i = 0; i < p->nsrc; i++)
		if (p->src[i].started_tsn &&
		    (!last || p->src[i].started_tsn > last->started_tsn))
			last = &p->src[i];
	if (!last) {
		app_status(p->a, "never started");
		return;
	}
	/* a first run has no run before it: its first line is the first */
	from = last->finished_tsn && last->finished_tsn < last->started_tsn
		       ? last->finished_tsn + 1
		       : 1;
	q = first_at(p, from);
	if (q == SB_NONE) {
		app_status(p->a, "no line since the last start");
		return;
	}
	logs_show_line(p, q);
}
