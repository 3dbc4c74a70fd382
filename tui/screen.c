#include "tui/screen.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static volatile sig_atomic_t active;

int screen_init(char *err, unsigned errlen)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen,
			 "the console needs a terminal "
			 "(try a headless command: berth --help)");
		return -1;
	}
	if (!newterm(NULL, stdout, stdin)) {
		snprintf(err, errlen, "cannot use terminal type '%s'",
			 getenv("TERM") ? getenv("TERM") : "(unset)");
		return -1;
	}
	active = 1;
	/* Keys arrive through the loop's poll; get_wch must never block. */
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	leaveok(stdscr, TRUE);
	/* curses would read keys while drawing, to cut a refresh short;
	 * a key it takes then is invisible to the loop's poll. */
	typeahead(-1);
	curs_set(0);
	if (has_colors()) {
		start_color();
		use_default_colors();
	}
	return 0;
}

void screen_end(void)
{
	if (!active)
		return;
	active = 0;
	curs_set(1);
	endwin();
}

void screen_suspend(void)
{
	if (!active)
		return;
	def_prog_mode();
	curs_set(1);
	endwin();
	fflush(stdout);
}

int screen_resume(void)
{
	struct winsize ws;
	int resized = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
		      (ws.ws_row != LINES || ws.ws_col != COLS);

	if (!active)
		return 0;
	reset_prog_mode();
	curs_set(0);
	clearok(stdscr, TRUE);
	refresh();
	return resized;
}

int screen_active(void)
{
	return active;
}

void screen_resize(int rows, int cols)
{
	if (!active)
		return;
	resizeterm(rows, cols);
	clearok(curscr, TRUE);
}

static void on_crash(int sig)
{
	screen_end();
	signal(sig, SIG_DFL);
	raise(sig);
}

void screen_install_crash_handlers(void)
{
	static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL};
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_crash;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

static struct rect rect(int y, int x, int h, int w)
{
	struct rect r = {y, x, h > 0 ? h : 0, w > 0 ? w : 0};

	return r;
}

void screen_layout(int rows, int cols, int want_detail, struct layout *out)
{
	int y = 0, bottom = rows, body;

	memset(out, 0, sizeof(*out));
	out->rows = rows;
	out->cols = cols;
	if (rows <= 0 || cols <= 0)
		return;
	out->top = rect(y, 0, 1, cols);
	y += 1;
	if (rows >= 12) {
		out->keybar = rect(rows - 1, 0, 1, cols);
		bottom--;
	}
	if (rows >= 4) {
		out->status = rect(bottom - 1, 0, 1, cols);
		bottom--;
	}
	body = bottom - y;
	if (want_detail && cols >= 140 && body >= 8) {
		/* Side by side on wide terminals. */
		int lw = cols * 55 / 100;
		out->main = rect(y, 0, body, lw);
		out->detail = rect(y, lw + 1, body, cols - lw - 1);
	} else if (want_detail && rows >= 24 && cols >= 60) {
		int lh = body * 55 / 100;
		out->main = rect(y, 0, lh, cols);
		out->detail = rect(y + lh, 0, body - lh, cols);
	} else {
		out->main = rect(y, 0, body, cols);
	}
}
