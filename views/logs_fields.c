/* Structured lines in the logs pane: JSON and logfmt lines shown as
 * time, level, message, then the other fields; and the filter by field.
 * Every key and value is the container's text and is sanitized here
 * before it is drawn. */
#include <string.h>

#include "model/log_fields.h"
#include "model/log_level.h"
#include "tui/sanitize.h"
#include "tui/theme.h"
#include "views/logs.h"

/* One parse at a time: the pane draws and filters on the UI thread. */
static struct log_fields parsed;

struct out {
	char *b;
	size_t len, cap;
	struct sgr_run *runs;
	size_t n_runs, max_runs;
	int colour;
};

static void style(struct out *o, int fg, int bold)
{
	struct sgr_run *r;

	if (!o->colour || o->n_runs >= o->max_runs)
		return;
	r = &o->runs[o->n_runs++];
	r->at = (uint32_t)o->len;
	r->st = sgr_plain;
	r->st.fg = (int16_t)fg;
	r->st.bold = (uint8_t)bold;
}

/* Sanitized bytes; stops (leaving room for a NUL) when full. */
static void put(struct out *o, const char *s, size_t n)
{
	if (o->len + 3 * n + 1 > o->cap)
		n = o->len + 1 < o->cap ? (o->cap - o->len - 1) / 3 : 0;
	o->len += term_sanitize(s, n, o->b + o->len, o->cap - o->len);
}

static void lit(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static const struct {
	enum log_level l;
	const char *word;
	int fg, bold;
} shown_levels[] = {
	{LOG_LEVEL_ERROR, "ERROR", 1, 1},
	{LOG_LEVEL_WARN, "WARN ", 3, 0},
	{LOG_LEVEL_INFO, "INFO ", 2, 0},
	{LOG_LEVEL_DEBUG, "DEBUG", 4, 0},
};

static void level(struct out *o, const struct log_field *x)
{
	enum log_level l = log_level_word(x->val, x->val_len);
	size_t i;

	for (i = 0; i < sizeof(shown_levels) / sizeof(shown_levels[0]); i++)
		if (shown_levels[i].l == l) {
			style(o, shown_levels[i].fg, shown_levels[i].bold);
			lit(o, shown_levels[i].word);
			style(o, SGR_DEFAULT, 0);
			lit(o, " ");
			return;
		}
	/* a level berth does not know: as written */
	put(o, x->val, x->val_len);
	lit(o, " ");
}

static void field(struct out *o, const struct log_field *x)
{
	int quote = x->quoted && (x->val_len == 0 ||
				  memchr(x->val, ' ', x->val_len) != NULL);

	if (o->len)
		lit(o, " ");
	style(o, 6, 0);
	put(o, x->key, x->key_len);
	lit(o, "=");
	style(o, SGR_DEFAULT, 0);
	if (quote)
		lit(o, "\"");
	put(o, x->val, x->val_len);
	if (quote)
		lit(o, "\"");
}

size_t logs_fields_render(const char *text, size_t n, char *buf, size_t cap,
			  struct sgr_run *runs, size_t max_runs, size_t *n_runs)
{
	struct out o = {
		buf, 0, cap, runs, 0, max_runs, !theme_no_color_requested()};
	const struct log_fields *f = &parsed;
	size_t i;
	char more[32];

	*n_runs = 0;
	if (cap < 64 || log_fields_parse(text, n, &parsed) == LOG_FIELDS_NONE)
		return 0;
	if (f->time >= 0) {
		put(&o, f->f[f->time].val, f->f[f->time].val_len);
		lit(&o, " ");
	}
	if (f->level >= 0)
		level(&o, &f->f[f->level]);
	if (f->msg >= 0)
		put(&o, f->f[f->msg].val, f->f[f->msg].val_len);
	for (i = 0; i < f->n; i++)
		if ((int)i != f->time && (int)i != f->level && (int)i != f->msg)
			field(&o, &f->f[i]);
	if (f->dropped) {
		snprintf(more, sizeof(more), " +%zu more", f->dropped);
		lit(&o, more);
	}
	o.b[o.len] = '\0';
	*n_runs = o.n_runs;
	return o.len;
}

static int field_pred(void *ud, const char *text, size_t n)
{
	const struct logs_pane *p = ud;

	log_fields_parse(text, n, &parsed);
	return log_filter_match(&p->field_filter, &parsed);
}

int logs_fields_filter(struct logs_pane *p, const char *text)
{
	if (p->regex || !log_filter_parse(text, &p->field_filter))
		return 0;
	sb_pattern_set_pred(&p->filter, field_pred, p);
	return 1;
}
