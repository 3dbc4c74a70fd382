/* The logs pane: one container's logs (or a compose project's,
 * interleaved by time) followed live into a bounded ring. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/log_multi.h"
#include "tui/theme.h"
#include "views/logs.h"
#include "views/registry.h"

static void *create(struct app *a)
{
	struct logs_pane *p = calloc(1, sizeof(*p));
	const struct options *o = app_options(a);

	if (!p)
		return NULL;
	p->a = a;
	p->tail = o->log_tail;
	p->follow = 1;
	p->colours = o->log_colours && !theme_no_color_requested();
	p->fields = o->log_fields;
	p->fold = p->filter.fold = o->log_fold;
	p->cur = p->mark = p->bottom = SB_NONE;
	sb_init(&p->sb, (size_t)o->log_max_lines, (size_t)o->log_max_bytes);
	return p;
}

static void destroy(void *data)
{
	struct logs_pane *p = data;
	size_t i;

	if (!p)
		return;
	logs_save_cancel(p);
	logs_src_close(p);
	for (i = 0; i < p->nsrc; i++) {
		free(p->src[i].id);
		free(p->src[i].name);
	}
	sb_pattern_free(&p->search);
	sb_pattern_free(&p->filter);
	sb_free(&p->sb);
	free(p);
}

static void show(void *data, const char *arg)
{
	struct logs_pane *p = data;

	p->visible = 1;
	if (arg && *arg && strcmp(arg, p->arg) != 0)
		logs_src_open(p, arg);
	else
		logs_src_resume(p);
}

/* Away from the pane the streams stop; coming back resumes them from
 * the last line held. */
static void hide(void *data)
{
	struct logs_pane *p = data;

	p->visible = 0;
	logs_src_close(p);
}

static void draw(void *data, WINDOW *w, const struct rect *main,
		 const struct rect *detail)
{
	(void)detail;
	logs_draw(data, w, main);
}

static void view_scroll(struct logs_pane *p, int n)
{
	uint64_t q;

	if (n < 0 && p->follow)
		p->follow = 0;
	for (; n < 0; n++)
		if ((q = sb_next(&p->sb, &p->filter, p->top, -1)) != SB_NONE)
			p->top = q;
	for (; n > 0 && !p->follow; n--) {
		if (p->at_end) {
			p->follow = 1; /* back at the bottom: follow again */
			break;
		}
		if ((q = sb_next(&p->sb, &p->filter, p->top, 1)) == SB_NONE)
			break;
		p->top = q;
		/* the last line reached: the view catches up */
		if (sb_next(&p->sb, &p->filter, q, 1) == SB_NONE)
			p->at_end = 1;
	}
}

static int set_pattern(struct logs_pane *p, struct sb_pattern *pat, char *keep,
		       const char *text)
{
	char err[128] = "";

	snprintf(keep, 256, "%s", text ? text : "");
	if (sb_pattern_set(pat, keep, p->regex, err, sizeof(err)) != 0) {
		app_error(p->a, "bad pattern: %s", err);
		return -1;
	}
	return 0;
}

static void goto_match(struct logs_pane *p, int dir)
{
	uint64_t q;

	if (!p->search.active) {
		app_status(p->a, "no search: press / first");
		return;
	}
	q = sb_next(&p->sb, &p->search, p->cur, dir);
	if (q == SB_NONE) {
		app_status(p->a, "no %s match for %s",
			   dir > 0 ? "later" : "earlier", p->search_text);
		return;
	}
	logs_fold_reveal(p, q);
	logs_show_line(p, q);
}

void logs_show_line(struct logs_pane *p, uint64_t q)
{
	p->cur = q;
	p->follow = 0;
	p->top = q;
	view_scroll(p, -(p->rows / 2));
	p->follow = 0;
	app_dirty(p->a);
}

static void search_done(struct app *a, const char *text, void *ud)
{
	struct logs_pane *p = ud;

	(void)a;
	if (!text || set_pattern(p, &p->search, p->search_text, text) != 0)
		return;
	p->cur = SB_NONE;
	if (p->search.active)
		goto_match(p, -1); /* the newest match first */
}

static void jump_time_done(struct app *a, const char *text, void *ud)
{
	(void)a;
	if (text && *text)
		logs_jump_time(ud, text);
}

/* The filter's text (by field when it is key=value terms), with the
 * hidden containers kept across it. */
static void apply_filter(struct logs_pane *p, const char *text)
{
	set_pattern(p, &p->filter, p->filter_text, text);
	logs_fields_filter(p, p->filter_text);
	p->filter.hidden_src = p->hidden;
	p->filter.fold = p->fold;
}

/* h hides the current line's container; o shows only it, or, with some
 * hidden, every one again. */
static void sources(struct logs_pane *p, enum action act)
{
	const struct sb_line *l = sb_get(&p->sb, logs_current(p));
	uint64_t all = p->nsrc >= 64 ? ~0ull : (1ull << p->nsrc) - 1, bit;

	if (p->nsrc < 2) {
		app_status(p->a, "one container: nothing to hide");
		return;
	}
	if (act == ACT_LOGS_ONLY_SOURCE && p->hidden) {
		p->hidden = 0;
		app_status(p->a, "every container shown");
	} else if (!l || l->src >= p->nsrc || l->src >= 64) {
		app_status(p->a, "no line: no container to pick");
		return;
	} else if (act == ACT_LOGS_ONLY_SOURCE) {
		p->hidden = all & ~(1ull << l->src);
		app_status(p->a, "only %s (o: every one)", p->src[l->src].name);
	} else {
		bit = 1ull << l->src;
		if ((p->hidden | bit) == all) {
			app_status(p->a, "%s is the last one shown",
				   p->src[l->src].name);
			return;
		}
		p->hidden |= bit;
		app_status(p->a, "%s hidden (o: every one)",
			   p->src[l->src].name);
	}
	p->filter.hidden_src = p->hidden;
	p->cur = SB_NONE;
	p->mark = SB_NONE;
}

static void filter_change(struct app *a, const char *text, void *ud)
{
	struct logs_pane *p = ud;

	(void)a;
	apply_filter(p, text ? text : "");
	app_dirty(p->a);
}

static void tail_done(struct app *a, const char *text, void *ud)
{
	struct logs_pane *p = ud;
	char *end;
	long n;

	if (!text)
		return;
	n = strtol(text, &end, 10);
	if (end == text || *end || n < 0 || n > 1000000) {
		app_error(a, "tail: a number of lines, 0 to 1000000");
		return;
	}
	p->tail = n;
	logs_src_reattach(p);
}

static void since_done(struct app *a, const char *text, void *ud)
{
	struct logs_pane *p = ud;
	int64_t t;

	if (!text)
		return;
	t = log_since_parse(text, (int64_t)time(NULL));
	if (t < 0) {
		app_error(a, "since: 10m, 2h, 1d or an RFC 3339 time");
		return;
	}
	p->since = t;
	snprintf(p->since_text, sizeof(p->since_text), "%s", text);
	logs_src_reattach(p);
}

static void save_answer(struct app *a, int yes, int checked, void *ud)
{
	struct logs_pane *p = ud;
	char path[512];

	(void)a;
	if (!yes)
		return;
	snprintf(path, sizeof(path), "%s", p->save.path);
	if (checked)
		logs_save_full(p, path);
	else
		logs_save_buffer(p, path);
}

static void save_path_done(struct app *a, const char *text, void *ud)
{
	struct logs_pane *p = ud;

	if (!text || !*text)
		return;
	snprintf(p->save.path, sizeof(p->save.path), "%s", text);
	app_confirm(a, "Save logs",
		    p->mark != SB_NONE ? "Write the marked lines to the file?"
		    : p->filter.active || p->hidden
			    ? "Write the lines the filter shows to the file?"
			    : "Write the lines held to the file?",
		    "save", "fetch the full log from the engine instead",
		    save_answer, p);
}

static unsigned prompts(struct logs_pane *p, enum action act)
{
	char init[300];

	switch (act) {
	case ACT_VIEW_SEARCH:
		app_prompt(p->a, "search:", p->search_text, NULL, search_done,
			   p);
		break;
	case ACT_LIST_FILTER:
		app_prompt(p->a, "filter:", p->filter_text, filter_change,
			   filter_change, p);
		break;
	case ACT_LOGS_TAIL:
		snprintf(init, sizeof(init), "%ld", p->tail);
		app_prompt(p->a, "tail lines:", init, NULL, tail_done, p);
		break;
	case ACT_LOGS_SINCE:
		app_prompt(p->a, "since (10m, 2h, RFC 3339; empty: none):",
			   p->since_text, NULL, since_done, p);
		break;
	case ACT_LOGS_NEXT_ERROR:
	case ACT_LOGS_PREV_ERROR:
		logs_jump_level(p, act == ACT_LOGS_NEXT_ERROR ? 1 : -1);
		break;
	case ACT_LOGS_JUMP_TIME:
		app_prompt(p->a,
			   "jump to (UTC, HH:MM or YYYY-MM-DD HH:MM):", "",
			   NULL, jump_time_done, p);
		break;
	case ACT_LOGS_JUMP_START:
		logs_jump_start(p);
		break;
	case ACT_LOGS_COPY:
		logs_copy(p);
		break;
	case ACT_LOGS_COPY_VIEW:
		logs_copy_view(p);
		break;
	case ACT_LOGS_MARK:
		logs_mark(p);
		break;
	case ACT_LOGS_FOLD:
		logs_fold_toggle(p);
		break;
	case ACT_LOGS_FOLD_ALL:
		logs_fold_all(p);
		break;
	case ACT_LOGS_HIDE_SOURCE:
	case ACT_LOGS_ONLY_SOURCE:
		sources(p, act);
		break;
	case ACT_LOGS_SAVE:
		snprintf(init, sizeof(init), "%.280s.log",
			 p->nsrc ? p->src[0].name : "logs");
		app_prompt(p->a, "save to:", init, NULL, save_path_done, p);
		break;
	default:
		return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED | VIEW_REDRAW;
}

static unsigned toggles(struct logs_pane *p, enum action act)
{
	switch (act) {
	case ACT_LOGS_WRAP:
		p->wrap = !p->wrap;
		break;
	case ACT_LOGS_TIMESTAMPS:
		p->show_ts = !p->show_ts;
		break;
	case ACT_LOGS_COLOURS:
		p->colours = !p->colours;
		app_status(p->a, "the programs' colours: %s",
			   p->colours ? "shown" : "off");
		break;
	case ACT_LOGS_FIELDS:
		p->fields = !p->fields;
		app_status(p->a, "JSON and logfmt lines: %s",
			   p->fields ? "as fields" : "raw");
		break;
	case ACT_LOGS_FOLLOW:
		p->follow = !p->follow;
		break;
	case ACT_LOGS_REGEX:
		p->regex = !p->regex;
		set_pattern(p, &p->search, p->search_text, p->search_text);
		apply_filter(p, p->filter_text);
		app_status(p->a, "patterns: %s",
			   p->regex ? "POSIX regex" : "plain text");
		break;
	case ACT_VIEW_CLOSE:
		/* Esc drops the mark, the filter, then the search, then
		 * leaves */
		if (p->mark != SB_NONE)
			p->mark = SB_NONE;
		else if (p->filter.active)
			filter_change(p->a, "", p);
		else if (p->search.active)
			set_pattern(p, &p->search, p->search_text, "");
		else
			return VIEW_UNHANDLED;
		break;
	default:
		return prompts(p, act);
	}
	return VIEW_HANDLED | VIEW_REDRAW;
}

/* With a mark: the keys that move move the range's other end, and the
 * view follows it.  1 when act was one of them. */
static int move_end(struct logs_pane *p, enum action act, int page)
{
	int n = act == ACT_LIST_UP	    ? -1
		: act == ACT_LIST_DOWN	    ? 1
		: act == ACT_LIST_PAGE_UP   ? -page
		: act == ACT_LIST_PAGE_DOWN ? page
					    : 0;
	uint64_t q = p->cur, next;

	if (!n || q == SB_NONE)
		return 0;
	for (; n; n += n < 0 ? 1 : -1) {
		if ((next = sb_next(&p->sb, &p->filter, q, n < 0 ? -1 : 1)) ==
		    SB_NONE)
			break;
		q = next;
	}
	p->cur = q;
	if (q < p->top || q > p->bottom)
		logs_show_line(p, q);
	return 1;
}

static unsigned action(void *data, enum action act)
{
	struct logs_pane *p = data;
	int page = p->rows > 2 ? p->rows - 1 : 1;

	if (p->mark != SB_NONE && move_end(p, act, page))
		return VIEW_HANDLED | VIEW_REDRAW;
	switch (act) {
	case ACT_LIST_UP:
		view_scroll(p, -1);
		break;
	case ACT_LIST_DOWN:
		view_scroll(p, 1);
		break;
	case ACT_LIST_PAGE_UP:
		view_scroll(p, -page);
		break;
	case ACT_LIST_PAGE_DOWN:
		view_scroll(p, page);
		break;
	case ACT_LIST_TOP:
		p->follow = 0;
		p->top = sb_next(&p->sb, &p->filter, SB_NONE, 1);
		break;
	case ACT_LIST_BOTTOM:
		p->follow = 1;
		break;
	case ACT_VIEW_SEARCH_NEXT:
	case ACT_VIEW_SEARCH_PREV:
		goto_match(p, act == ACT_VIEW_SEARCH_NEXT ? 1 : -1);
		break;
	default:
		return toggles(p, act);
	}
	return VIEW_HANDLED | VIEW_REDRAW;
}

static void engine_event(void *data, const struct api_event *ev)
{
	logs_src_event(data, ev);
}

static void engine_up(void *data)
{
	struct logs_pane *p = data;

	if (p->visible)
		logs_src_resume(p);
}

const struct view_ops view_logs = {
	.name = "logs",
	.title = "Logs",
	.keyctx = KCTX_LOGS,
	.wants_detail = 0,
	.create = create,
	.destroy = destroy,
	.show = show,
	.hide = hide,
	.draw = draw,
	.action = action,
	.engine_event = engine_event,
	.engine_up = engine_up,
};
