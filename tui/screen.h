#ifndef BERTH_TUI_SCREEN_H
#define BERTH_TUI_SCREEN_H

/*
 * All terminal setup and teardown in one place.  The terminal is
 * restored on normal exit, on every fatal path (screen_end is idempotent
 * and async-signal tolerant enough for a crash handler) and on signals.
 */

struct rect {
	int y, x, h, w;
};

/* The regions of the console at a given size.  Below 80x24 the detail
 * pane goes; at 40x10 the list still gets every row that is left. */
struct layout {
	int rows, cols;
	struct rect top;    /* engine, versions, counts, connection */
	struct rect main;   /* the list */
	struct rect detail; /* h == 0 when there is no room */
	struct rect status; /* messages, progress, alerts */
	struct rect keybar; /* h == 0 below 12 rows */
};

/* Starts curses on the terminal; returns -1 with a message when there is
 * no usable terminal. */
int screen_init(char *err, unsigned errlen);
void screen_end(void);
int screen_active(void);
/* Hands the terminal back as it was before curses (for a shell or an
 * attach that owns it meanwhile), and takes it again, redrawing all.
 * screen_resume returns 1 when the terminal's size changed meanwhile. */
void screen_suspend(void);
int screen_resume(void);
/* Follows a new terminal size. */
void screen_resize(int rows, int cols);
/* SIGSEGV/SIGBUS/SIGFPE/SIGABRT: restore the terminal, then die as the
 * signal would have killed us (so core dumps still happen). */
void screen_install_crash_handlers(void);

void screen_layout(int rows, int cols, int want_detail, struct layout *out);

#endif
