#include "ops/watch_logs.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/logframes.h"
#include "api/logs.h"

struct followed {
	struct watch_logs *owner;
	char *id, *name;
	struct api_logs_stream *stream;
	struct loglines ll;
	int64_t last_alert; /* seconds; 0: none yet */
	unsigned long suppressed;
};

struct watch_logs {
	struct api_client *c;
	regex_t re;
	int every_s;
	watch_log_fn fn;
	void *ud;
	struct followed *f[WATCH_LOGS_MAX];
	size_t n;
	char line[WATCH_LOG_LINE_MAX + 1];
};

int watch_logs_new(struct api_client *c, const char *pattern, int every_s,
		   watch_log_fn fn, void *ud, struct watch_logs **out,
		   char *err, size_t errlen)
{
	struct watch_logs *w = calloc(1, sizeof(*w));
	int rc;

	*out = NULL;
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rc = regcomp(&w->re, pattern, REG_EXTENDED | REG_NOSUB);
	if (rc != 0) {
		char why[128];
		regerror(rc, &w->re, why, sizeof(why));
		snprintf(err, errlen, "--log-pattern: %s", why);
		free(w);
		return -1;
	}
	w->c = c;
	w->every_s = every_s;
	w->fn = fn;
	w->ud = ud;
	*out = w;
	return 0;
}

static void followed_free(struct followed *f)
{
	if (f->stream)
		api_logs_stop(f->stream);
	loglines_done(&f->ll);
	free(f->id);
	free(f->name);
	free(f);
}

static void forget(struct watch_logs *w, struct followed *f)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->f[i] == f) {
			w->f[i] = w->f[--w->n];
			break;
		}
	followed_free(f);
}

static int on_line(const struct logline *l, void *ud)
{
	struct followed *f = ud;
	struct watch_logs *w = f->owner;
	size_t len = l->len < WATCH_LOG_LINE_MAX ? l->len : WATCH_LOG_LINE_MAX;
	int64_t now = (int64_t)time(NULL);

	/* regexec wants a C string: the line, cut, without its NULs */
	memcpy(w->line, l->text, len);
	w->line[len] = '\0';
	if (regexec(&w->re, w->line, 0, NULL, 0) != 0)
		return 0;
	if (f->last_alert && now - f->last_alert < w->every_s) {
		f->suppressed++;
		return 0;
	}
	f->last_alert = now;
	w->fn(&(struct watch_log_match){f->id, f->name, l->text, len,
					f->suppressed},
	      w->ud);
	f->suppressed = 0;
	return 0;
}

static int on_chunk(int stream, const char *data, size_t len, void *ud)
{
	struct followed *f = ud;

	return loglines_chunk(stream, data, len, &f->ll);
}

static void on_end(api_code code, const struct api_error *err, void *ud)
{
	struct followed *f = ud;

	(void)code;
	(void)err;
	/* the stream frees itself after this call */
	f->stream = NULL;
	loglines_finish(&f->ll);
	forget(f->owner, f);
}

void watch_logs_follow(struct watch_logs *w, const char *id, const char *name,
		       int tty, int64_t since)
{
	struct api_logs_opts lo = API_LOGS_OPTS_INIT;
	struct api_error err;
	struct followed *f;
	size_t i;

	for (i = 0; i < w->n; i++)
		if (strcmp(w->f[i]->id, id) == 0)
			return;
	if (w->n == WATCH_LOGS_MAX)
		return;
	f = calloc(1, sizeof(*f));
	if (!f)
		return;
	f->owner = w;
	f->id = strdup(id);
	f->name = strdup(name ? name : id);
	loglines_init(&f->ll, WATCH_LOG_LINE_MAX, 0, on_line, f);
	lo.follow = 1;
	/* what it said before the watch began is no news of it */
	lo.since = since > 0 ? since : (int64_t)time(NULL);
	if (!f->id || !f->name ||
	    api_logs_start(w->c, f->id, &lo, tty, on_chunk, on_end, f,
			   &f->stream, &err) != API_OK) {
		f->stream = NULL;
		followed_free(f);
		return;
	}
	w->f[w->n++] = f;
}

size_t watch_logs_followed(const struct watch_logs *w)
{
	return w ? w->n : 0;
}

void watch_logs_drop_all(struct watch_logs *w)
{
	while (w && w->n)
		followed_free(w->f[--w->n]);
}

void watch_logs_free(struct watch_logs *w)
{
	if (!w)
		return;
	watch_logs_drop_all(w);
	regfree(&w->re);
	free(w);
}
