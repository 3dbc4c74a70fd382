/* Saving the logs pane: the ring as held, or the whole log fetched anew
 * from the engine and written as it streams in (never held whole). */
#include <errno.h>
#include <string.h>

#include "views/logs.h"

#define SAVE_MAX_LINE (1024u * 1024u)

static void said(struct logs_pane *p, const char *what)
{
	app_status(p->a, "%s: %llu lines, %llu bytes written to %s", what,
		   (unsigned long long)p->save.lines,
		   (unsigned long long)p->save.bytes, p->save.path);
}

static int put(struct logs_save *s, const char *d, size_t n)
{
	if (n && fwrite(d, 1, n, s->fp) != n) {
		s->failed = errno ? errno : EIO;
		return -1;
	}
	s->bytes += n;
	return 0;
}

void logs_save_buffer(struct logs_pane *p, const char *path)
{
	struct logs_save *s = &p->save;
	const struct sb_line *l;
	struct logs_span sp;
	uint64_t q;

	logs_save_cancel(p);
	if (logs_span_of(p, 1, &sp) != 0) {
		app_status(p->a, "save: no line to write");
		return;
	}
	snprintf(s->path, sizeof(s->path), "%s", path);
	if (!(s->fp = fopen(path, "w"))) {
		app_error(p->a, "save: %s: %s", path, strerror(errno));
		logs_span_done(p, &sp);
		return;
	}
	s->lines = s->bytes = 0;
	s->failed = 0;
	for (q = sp.a; q != SB_NONE && q <= sp.b && !s->failed;
	     q = sb_next(&p->sb, &p->filter, q, 1)) {
		l = sb_get(&p->sb, q);
		if (l->flags & SB_MARKER)
			continue;
		if (p->show_ts && l->ts_len &&
		    (put(s, sb_line_ts(l), l->ts_len) || put(s, " ", 1)))
			break;
		if (put(s, sb_line_text(l), l->len) || put(s, "\n", 1))
			break;
		s->lines++;
	}
	if (fclose(s->fp) != 0 && !s->failed)
		s->failed = errno;
	s->fp = NULL;
	if (s->failed)
		app_error(p->a, "save: %s: %s", path, strerror(s->failed));
	else
		said(p, sp.what);
	logs_span_done(p, &sp);
}

void logs_save_cancel(struct logs_pane *p)
{
	struct logs_save *s = &p->save;

	if (s->stream) {
		api_logs_stop(s->stream);
		loglines_done(&s->ll);
	}
	s->stream = NULL;
	if (s->fp)
		fclose(s->fp);
	s->fp = NULL;
}

static int on_line(const struct logline *ln, void *ud)
{
	struct logs_pane *p = ud;
	struct logs_save *s = &p->save;

	if (put(s, ln->text, ln->len) || (!ln->partial && put(s, "\n", 1)))
		return 1;
	s->lines++;
	return 0;
}

static int on_chunk(int stream, const char *data, size_t len, void *ud)
{
	struct logs_pane *p = ud;

	return loglines_chunk(stream, data, len, &p->save.ll) != 0;
}

static void next_source(struct logs_pane *p);

static void on_end(api_code code, const struct api_error *err, void *ud)
{
	struct logs_pane *p = ud;
	struct logs_save *s = &p->save;

	s->stream = NULL;
	loglines_finish(&s->ll);
	loglines_done(&s->ll);
	if (code != API_OK || s->failed) {
		app_error(p->a, "save: %s",
			  s->failed ? strerror(s->failed) : err->msg);
		fclose(s->fp);
		s->fp = NULL;
		return;
	}
	next_source(p);
}

static void next_source(struct logs_pane *p)
{
	struct logs_save *s = &p->save;
	struct api_logs_opts o = API_LOGS_OPTS_INIT;
	struct api_error err;
	struct logs_src *src;

	if (s->next_src >= p->nsrc) {
		if (fclose(s->fp) != 0)
			app_error(p->a, "save: %s", strerror(errno));
		else
			said(p, "full log saved");
		s->fp = NULL;
		app_dirty(p->a);
		return;
	}
	src = &p->src[s->next_src++];
	o.timestamps = p->show_ts;
	/* timestamps stay in the text: the file reads like docker logs -t */
	loglines_init(&s->ll, SAVE_MAX_LINE, 0, on_line, p);
	if (api_logs_start(app_client(p->a), src->id, &o, src->tty, on_chunk,
			   on_end, p, &s->stream, &err) != API_OK) {
		loglines_done(&s->ll);
		s->stream = NULL;
		app_error(p->a, "save: %s", err.msg);
		fclose(s->fp);
		s->fp = NULL;
	}
}

void logs_save_full(struct logs_pane *p, const char *path)
{
	struct logs_save *s = &p->save;

	logs_save_cancel(p);
	snprintf(s->path, sizeof(s->path), "%s", path);
	if (!(s->fp = fopen(path, "w"))) {
		app_error(p->a, "save: %s: %s", path, strerror(errno));
		return;
	}
	s->lines = s->bytes = 0;
	s->failed = 0;
	s->next_src = 0;
	app_status(p->a, "fetching the full log into %s...", path);
	next_source(p);
}
