#ifndef BERTH_VIEWS_LOGS_H
#define BERTH_VIEWS_LOGS_H

/*
 * The logs pane's insides, shared by logs.c (drawing, keys) and
 * logs_src.c (the containers followed, their streams, saving).
 */
#include <stdint.h>
#include <stdio.h>

#include "api/events.h"
#include "api/logs.h"
#include "model/log_fields.h"
#include "tui/scrollback.h"
#include "tui/sgr.h"
#include "views/app.h"

#define LOGS_MAX_SRC 32

enum logs_join { LOGS_JOIN_NONE, LOGS_JOIN_GROUP, LOGS_JOIN_RUNNING };

struct logs_pane;

/* One container whose logs are followed. */
struct logs_src {
	struct logs_pane *p;
	unsigned idx;
	char *id;
	char *name;
	int tty;
	int running; /* when last inspected */
	int64_t exit_code;
	struct api_request *inspect;
	struct api_logs_stream *stream;
	struct loglines ll;
	int64_t last_tsn;  /* the newest line's time: re-attach from there */
	int64_t skip_tsn;  /* lines up to this time are already held */
	int want_reattach; /* started again while the old stream ran */
	int pending_exit;  /* died while its stream was still open */
	int exit_marked;   /* the marker for this run is in the ring */
	int64_t die_code;
	int fold_state; /* enum log_fold_state after its last line */
	int has_line;	/* a line of it is in the ring to continue */
	/* its last start and the end of the run before (from the inspect;
	 * 0: never).  The engine records StartedAt after the process has
	 * begun writing, so the run's first line is the first one after the
	 * previous finish, not the first at or after StartedAt. */
	int64_t started_tsn;
	int64_t finished_tsn;
	/* its log driver (from the inspect): how the engine reads it back,
	 * and where it sends the output, said once in the ring */
	int read_mode; /* enum log_driver_read */
	char where[200];
	int driver_noted;
	/* A swarm service ("service:ID"): no inspect, always framed; its
	 * stream is a plain request demultiplexed in logs_src.c. */
	int service;
	struct api_request *svc_req;
	struct logframes svc_lf;
};

/* A save in progress: the full log fetched fresh, source by source. */
struct logs_save {
	FILE *fp;
	char path[512];
	struct api_logs_stream *stream;
	struct loglines ll;
	size_t next_src;
	uint64_t lines, bytes;
	int failed;
};

struct logs_pane {
	struct app *a;
	char arg[1024];
	/* who joins while the pane is open: new containers of the project
	 * followed, or every container that starts */
	int join; /* enum logs_join */
	char join_project[256];
	uint64_t hidden; /* sources whose lines are not shown, by index */
	struct logs_src src[LOGS_MAX_SRC];
	size_t nsrc;
	struct scrollback sb;
	long tail;
	int64_t since;	     /* UNIX seconds, 0: none */
	char since_text[64]; /* as typed */
	int show_ts, wrap, follow, regex;
	int colours; /* the programs' own SGR colours, or plain */
	int fields;  /* JSON and logfmt lines as fields, or raw */
	int fold;    /* continuation lines under their entry's first */
	struct log_filter field_filter; /* when the filter is by field */
	int visible;	 /* streams run only while the pane is shown */
	uint64_t top;	 /* first line shown while paused */
	int at_end;	 /* the last drawn line was the newest */
	uint64_t cur;	 /* the current search match, SB_NONE: none */
	uint64_t bottom; /* the last line drawn */
	uint64_t mark;	 /* one end of a range to copy; SB_NONE: none */
	int rows;	 /* main region height at the last draw */
	struct sb_pattern search, filter;
	char search_text[256], filter_text[256];
	struct logs_save save;
};

/* Follows the containers arg names ("ID or name", "group:PROJECT",
 * "ids:ID,ID,..." for marked ones, "running:" for every running one,
 * "service:ID or name" for a swarm service's tasks),
 * dropping what was followed before. */
void logs_src_open(struct logs_pane *p, const char *arg);
/* Stops every stream and request; the ring stays. */
void logs_src_close(struct logs_pane *p);
/* Re-attaches every source with the pane's tail and since (ring cleared). */
void logs_src_reattach(struct logs_pane *p);
/* Re-attaches the sources whose stream ended, from their last line. */
void logs_src_resume(struct logs_pane *p);
void logs_src_event(struct logs_pane *p, const struct api_event *ev);

/* Writes the ring as shown (timestamps when on) to path. */
void logs_save_buffer(struct logs_pane *p, const char *path);
/* Fetches the whole log anew into path, asynchronously. */
void logs_save_full(struct logs_pane *p, const char *path);
void logs_save_cancel(struct logs_pane *p);

void logs_draw(struct logs_pane *p, WINDOW *w, const struct rect *r);

/* logs.c: line q in the middle of the pane, paused there */
void logs_show_line(struct logs_pane *p, uint64_t q);

/* logs_jump.c: to the next (dir 1) or previous (-1) line whose level is
 * error or worse; to the first line at or after a time typed as HH:MM,
 * HH:MM:SS or YYYY-MM-DD HH:MM[:SS] (UTC, as the engine's timestamps);
 * to the first line of the container's last start. */
void logs_jump_level(struct logs_pane *p, int dir);
void logs_jump_time(struct logs_pane *p, const char *text);
void logs_jump_start(struct logs_pane *p);

/* logs_fields.c: a JSON or logfmt line as time, level, message and the
 * other fields, sanitized into buf with its colours in runs; 0 when the
 * line is plain text.  A filter text made of key=value terms (not in
 * regex mode) becomes a filter by field on p->filter: returns 1. */
size_t logs_fields_render(const char *text, size_t n, char *buf, size_t cap,
			  struct sgr_run *runs, size_t max_runs,
			  size_t *n_runs);
int logs_fields_filter(struct logs_pane *p, const char *text);

/* logs_copy.c: to the terminal's clipboard (OSC 52) the current line
 * (the search match or jump target, else the newest on the screen) or,
 * with a mark, the lines between it and the current one; every line
 * the filter shows; the mark set at the current line. */
uint64_t logs_current(const struct logs_pane *p);
/* What y, Y and s take, a..b through the filter: the marked range; else
 * (whole) every line the filter shows, or the current line with its
 * folded entry.  Folding is off until logs_span_done (which also drops
 * the mark); -1 when there is nothing. */
struct logs_span {
	uint64_t a, b;
	const char *what;
	int fold;
};
int logs_span_of(struct logs_pane *p, int whole, struct logs_span *sp);
void logs_span_done(struct logs_pane *p, const struct logs_span *sp);

/* logs_fold.c: an entry's first line (from any of its lines), how many
 * lines continue it, one shown when a search lands in it, z and Z. */
uint64_t logs_fold_head(const struct logs_pane *p, uint64_t q);
size_t logs_fold_count(const struct logs_pane *p, uint64_t head);
uint64_t logs_fold_last(const struct logs_pane *p, uint64_t head);
void logs_fold_reveal(struct logs_pane *p, uint64_t q);
void logs_fold_toggle(struct logs_pane *p);
void logs_fold_all(struct logs_pane *p);
void logs_copy(struct logs_pane *p);
void logs_copy_view(struct logs_pane *p);
void logs_mark(struct logs_pane *p);

#endif
