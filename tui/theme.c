#include "tui/theme.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define BLACK 0
#define RED 1
#define GREEN 2
#define YELLOW 3
#define BLUE 4
#define MAGENTA 5
#define CYAN 6
#define WHITE 7
#define BRIGHT(c) ((c) + 8)
#define DFL THEME_DEFAULT_COLOUR

#define TH_MAX_LINE 1024
#define TH_MAX_FILE (1024 * 1024)

const struct theme theme_builtin = {
	.s = {
		[TS_NORMAL] = {DFL, DFL, 0},
		[TS_TITLE] = {WHITE, BLUE, THEME_BOLD},
		[TS_HEADER] = {BLACK, GREEN, 0},
		[TS_SELECTED] = {BLACK, CYAN, 0},
		[TS_MARKED] = {YELLOW, DFL, THEME_BOLD},
		[TS_DIM] = {BRIGHT(BLACK), DFL, 0},
		[TS_STATE_RUNNING] = {GREEN, DFL, 0},
		[TS_STATE_PAUSED] = {YELLOW, DFL, 0},
		[TS_STATE_EXITED] = {BRIGHT(BLACK), DFL, 0},
		[TS_STATE_DEAD] = {RED, DFL, THEME_BOLD},
		[TS_STATE_CREATED] = {CYAN, DFL, 0},
		[TS_STATE_RESTARTING] = {MAGENTA, DFL, THEME_BOLD},
		[TS_HEALTH_OK] = {GREEN, DFL, 0},
		[TS_HEALTH_BAD] = {RED, DFL, THEME_BOLD},
		[TS_SEV_CRITICAL] = {WHITE, RED, THEME_BOLD},
		[TS_SEV_HIGH] = {RED, DFL, THEME_BOLD},
		[TS_SEV_MEDIUM] = {YELLOW, DFL, 0},
		[TS_SEV_LOW] = {CYAN, DFL, 0},
		[TS_SEV_INFO] = {BRIGHT(BLACK), DFL, 0},
		[TS_STDERR] = {RED, DFL, 0},
		[TS_MATCH] = {BLACK, YELLOW, 0},
		[TS_ALERT] = {WHITE, RED, THEME_BOLD},
		[TS_STATUS_OK] = {GREEN, DFL, 0},
		[TS_STATUS_ERR] = {RED, DFL, THEME_BOLD},
		[TS_KEYBAR_KEY] = {DFL, DFL, THEME_BOLD},
		[TS_KEYBAR_LABEL] = {BLACK, CYAN, 0},
		[TS_BORDER] = {BLUE, DFL, 0},
		[TS_GROUP] = {MAGENTA, DFL, THEME_BOLD},
		[TS_SPARK] = {CYAN, DFL, 0},
	}};

/* What each slot falls back to when colour goes (NO_COLOR): the same
 * distinctions made with attributes alone. */
static const unsigned th_mono[TS_COUNT] = {
	[TS_TITLE] = THEME_REVERSE | THEME_BOLD,
	[TS_HEADER] = THEME_BOLD | THEME_UNDERLINE,
	[TS_SELECTED] = THEME_REVERSE,
	[TS_MARKED] = THEME_BOLD,
	[TS_DIM] = THEME_DIM,
	[TS_STATE_RUNNING] = THEME_BOLD,
	[TS_STATE_EXITED] = THEME_DIM,
	[TS_STATE_DEAD] = THEME_BOLD | THEME_UNDERLINE,
	[TS_STATE_RESTARTING] = THEME_BOLD,
	[TS_HEALTH_BAD] = THEME_BOLD,
	[TS_SEV_CRITICAL] = THEME_REVERSE | THEME_BOLD,
	[TS_SEV_HIGH] = THEME_BOLD,
	[TS_SEV_MEDIUM] = THEME_UNDERLINE,
	[TS_SEV_INFO] = THEME_DIM,
	[TS_STDERR] = THEME_BOLD,
	[TS_MATCH] = THEME_REVERSE,
	[TS_ALERT] = THEME_REVERSE | THEME_BOLD,
	[TS_STATUS_ERR] = THEME_BOLD,
	[TS_KEYBAR_KEY] = THEME_BOLD,
	[TS_KEYBAR_LABEL] = THEME_REVERSE,
	[TS_BORDER] = THEME_DIM,
	[TS_GROUP] = THEME_BOLD,
};

static const char *const th_slot_names[TS_COUNT] = {
	[TS_NORMAL] = "normal",
	[TS_TITLE] = "title",
	[TS_HEADER] = "header",
	[TS_SELECTED] = "selected",
	[TS_MARKED] = "marked",
	[TS_DIM] = "dim",
	[TS_STATE_RUNNING] = "state-running",
	[TS_STATE_PAUSED] = "state-paused",
	[TS_STATE_EXITED] = "state-exited",
	[TS_STATE_DEAD] = "state-dead",
	[TS_STATE_CREATED] = "state-created",
	[TS_STATE_RESTARTING] = "state-restarting",
	[TS_HEALTH_OK] = "health-ok",
	[TS_HEALTH_BAD] = "health-bad",
	[TS_SEV_CRITICAL] = "sev-critical",
	[TS_SEV_HIGH] = "sev-high",
	[TS_SEV_MEDIUM] = "sev-medium",
	[TS_SEV_LOW] = "sev-low",
	[TS_SEV_INFO] = "sev-info",
	[TS_STDERR] = "stderr",
	[TS_MATCH] = "match",
	[TS_ALERT] = "alert",
	[TS_STATUS_OK] = "status-ok",
	[TS_STATUS_ERR] = "status-err",
	[TS_KEYBAR_KEY] = "keybar-key",
	[TS_KEYBAR_LABEL] = "keybar-label",
	[TS_BORDER] = "border",
	[TS_GROUP] = "group",
	[TS_SPARK] = "spark",
};

static const char *const th_colour_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	unsigned bit;
} th_attr_names[] = {
	{"bold", THEME_BOLD},		{"dim", THEME_DIM},
	{"underline", THEME_UNDERLINE}, {"underscore", THEME_UNDERLINE},
	{"reverse", THEME_REVERSE},	{"blink", THEME_BLINK},
	{"italics", THEME_ITALICS},	{"italic", THEME_ITALICS},
};

const char *theme_slot_name(enum theme_slot slot)
{
	return (unsigned)slot < TS_COUNT ? th_slot_names[slot] : NULL;
}

int theme_slot_find(const char *name)
{
	int i;

	for (i = 0; i < TS_COUNT; i++)
		if (strcasecmp(name, th_slot_names[i]) == 0)
			return i;
	return -1;
}

/* A colour word, or -2 when it is none. */
static int th_colour(const char *w)
{
	const char *digits = NULL;
	char *end;
	long n;
	int i;

	if (strcasecmp(w, "default") == 0)
		return DFL;
	for (i = 0; i < 8; i++) {
		if (strcasecmp(w, th_colour_names[i]) == 0)
			return i;
		if (strncasecmp(w, "bright", 6) == 0 &&
		    strcasecmp(w + 6, th_colour_names[i]) == 0)
			return i + 8;
	}
	if (strncasecmp(w, "colour", 6) == 0)
		digits = w + 6;
	else if (strncasecmp(w, "color", 5) == 0)
		digits = w + 5;
	if (digits == NULL || digits[0] < '0' || digits[0] > '9')
		return -2;
	errno = 0;
	n = strtol(digits, &end, 10);
	if (*end != '\0' || errno != 0 || n > 255)
		return -2;
	return (int)n;
}

static int th_attr(const char *w, unsigned *bits)
{
	size_t i;

	for (i = 0; i < sizeof(th_attr_names) / sizeof(th_attr_names[0]); i++)
		if (strcasecmp(w, th_attr_names[i].name) == 0) {
			*bits = th_attr_names[i].bit;
			return 0;
		}
	return -1;
}

static char *th_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/* One comma-separated word of a style, already trimmed. */
static int th_style_word(char *w, struct theme_style *st, char *err,
			 size_t errlen)
{
	unsigned bit;
	int c;

	if (strncasecmp(w, "fg=", 3) == 0 || strncasecmp(w, "bg=", 3) == 0) {
		c = th_colour(th_trim(w + 3));
		if (c == -2) {
			snprintf(err, errlen, "unknown colour '%s'",
				 th_trim(w + 3));
			return -1;
		}
		if (w[0] == 'f' || w[0] == 'F')
			st->fg = (short)c;
		else
			st->bg = (short)c;
	} else if (strcasecmp(w, "none") == 0) {
		st->attrs = 0;
	} else if (th_attr(w, &bit) == 0) {
		st->attrs |= bit;
	} else if (strncasecmp(w, "no", 2) == 0 && th_attr(w + 2, &bit) == 0) {
		st->attrs &= ~bit;
	} else {
		snprintf(err, errlen, "unknown attribute '%s'", w);
		return -1;
	}
	return 0;
}

int theme_style_parse(const char *text, struct theme_style *st, char *err,
		      size_t errlen)
{
	char buf[TH_MAX_LINE], *p, *comma, *w;
	size_t len = strlen(text);

	if (len >= sizeof(buf)) {
		snprintf(err, errlen, "style too long");
		return -1;
	}
	memcpy(buf, text, len + 1);
	if (*th_trim(buf) == '\0') {
		snprintf(err, errlen, "empty style");
		return -1;
	}
	for (p = buf; p != NULL; p = comma ? comma + 1 : NULL) {
		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		w = th_trim(p);
		if (*w == '\0') {
			snprintf(err, errlen, "empty word in style");
			return -1;
		}
		if (th_style_word(w, st, err, errlen) < 0)
			return -1;
	}
	return 0;
}

/* One line, NUL-terminated and without its newline. */
static int th_line(char *line, struct theme *t, unsigned char *seen, char *msg,
		   size_t msglen)
{
	char *s, *eq, *name;
	int slot;

	/* No style word holds a '#', so one always starts a comment. */
	s = strchr(line, '#');
	if (s != NULL)
		*s = '\0';
	s = th_trim(line);
	if (*s == '\0')
		return 0;
	eq = strchr(s, '=');
	if (eq == NULL) {
		snprintf(msg, msglen, "expected 'slot = style'");
		return -1;
	}
	*eq = '\0';
	name = th_trim(s);
	if (*name == '\0') {
		snprintf(msg, msglen, "missing slot name before '='");
		return -1;
	}
	if (strpbrk(name, " \t") != NULL) {
		snprintf(msg, msglen, "expected 'slot = style'");
		return -1;
	}
	slot = theme_slot_find(name);
	if (slot < 0) {
		snprintf(msg, msglen, "unknown slot '%s'", name);
		return -1;
	}
	if (seen[slot]) {
		snprintf(msg, msglen, "slot '%s' given twice", name);
		return -1;
	}
	seen[slot] = 1;
	/* A line states the whole style: nothing leaks from the default. */
	t->s[slot] = (struct theme_style){DFL, DFL, 0};
	return theme_style_parse(eq + 1, &t->s[slot], msg, msglen);
}

int theme_parse_buffer(const char *text, size_t len, const char *filename,
		       struct theme *out, unsigned char seen[TS_COUNT],
		       char *err, size_t errlen)
{
	unsigned char seen_local[TS_COUNT] = {0};
	char line[TH_MAX_LINE], msg[256];
	size_t pos = 0, lineno = 0, n;
	const char *nl;

	*out = theme_builtin;
	while (pos < len) {
		nl = memchr(text + pos, '\n', len - pos);
		n = nl ? (size_t)(nl - (text + pos)) : len - pos;
		lineno++;
		if (n > 0 && text[pos + n - 1] == '\r')
			n--;
		if (n >= sizeof(line))
			snprintf(msg, sizeof(msg), "line too long");
		else if (memchr(text + pos, '\0', n) != NULL)
			snprintf(msg, sizeof(msg), "NUL byte in line");
		else
			msg[0] = '\0';
		if (msg[0] == '\0') {
			memcpy(line, text + pos, n);
			line[n] = '\0';
			if (th_line(line, out, seen_local, msg, sizeof(msg)) ==
			    0)
				msg[0] = '\0';
		}
		if (msg[0] != '\0') {
			snprintf(err, errlen, "%s:%zu: %s", filename, lineno,
				 msg);
			*out = theme_builtin;
			return -1;
		}
		pos += (nl ? (size_t)(nl - (text + pos)) + 1 : len - pos);
	}
	if (seen)
		memcpy(seen, seen_local, sizeof(seen_local));
	return 0;
}

int theme_load_file(const char *path, struct theme *out, char *err,
		    size_t errlen)
{
	FILE *f;
	char *text;
	size_t len;
	int rc;

	*out = theme_builtin;
	f = fopen(path, "rb");
	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	text = malloc(TH_MAX_FILE + 1);
	if (text == NULL) {
		fclose(f);
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	len = fread(text, 1, TH_MAX_FILE + 1, f);
	rc = ferror(f) ? -1 : 0;
	fclose(f);
	if (rc < 0 || len > TH_MAX_FILE) {
		snprintf(err, errlen, "%s: %s", path,
			 rc < 0 ? "read error" : "file too large");
		free(text);
		return -1;
	}
	rc = theme_parse_buffer(text, len, path, out, NULL, err, errlen);
	free(text);
	return rc;
}

static int th_try(char *out, size_t outlen, const char *dir, const char *sub,
		  const char *name)
{
	int n = snprintf(out, outlen, "%s%s/%s.theme", dir, sub, name);

	if (n < 0 || (size_t)n >= outlen)
		return -1;
	return access(out, R_OK) == 0 ? 0 : -1;
}

int theme_find(const char *name, const char *const *dirs, char *out,
	       size_t outlen)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	size_t i;
	int n;

	if (name == NULL || name[0] == '\0' || outlen == 0)
		return -1;
	if (strchr(name, '/') != NULL) {
		n = snprintf(out, outlen, "%s", name);
		if (n < 0 || (size_t)n >= outlen)
			return -1;
		return access(out, R_OK) == 0 ? 0 : -1;
	}
	/* The spec says a relative XDG_CONFIG_HOME is to be ignored. */
	if (xdg != NULL && xdg[0] == '/') {
		if (th_try(out, outlen, xdg, "/berth/themes", name) == 0)
			return 0;
	} else if (home != NULL && home[0] != '\0') {
		if (th_try(out, outlen, home, "/.config/berth/themes", name) ==
		    0)
			return 0;
	}
	for (i = 0; dirs != NULL && dirs[i] != NULL; i++)
		if (th_try(out, outlen, dirs[i], "", name) == 0)
			return 0;
	out[0] = '\0';
	return -1;
}

int theme_no_color_requested(void)
{
	const char *v = getenv("NO_COLOR");

	return v != NULL && v[0] != '\0';
}

void theme_apply_no_color(struct theme *t)
{
	int i;

	for (i = 0; i < TS_COUNT; i++) {
		struct theme_style *st = &t->s[i];
		if (st->fg != DFL || st->bg != DFL)
			st->attrs |= th_mono[i];
		st->fg = DFL;
		st->bg = DFL;
	}
}

/* xterm's first sixteen colours, to find the nearest for the rest. */
static const unsigned char th_rgb16[16][3] = {
	{0, 0, 0},	 {205, 0, 0},	{0, 205, 0},   {205, 205, 0},
	{0, 0, 238},	 {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
	{127, 127, 127}, {255, 0, 0},	{0, 255, 0},   {255, 255, 0},
	{92, 92, 255},	 {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
};

static int th_to16(int c)
{
	static const int level[6] = {0, 95, 135, 175, 215, 255};
	int rgb[3], best = 0, i, k;
	long d, bestd = -1;

	if (c < 16)
		return c;
	if (c >= 232) {
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
	} else {
		rgb[0] = level[(c - 16) / 36];
		rgb[1] = level[((c - 16) / 6) % 6];
		rgb[2] = level[(c - 16) % 6];
	}
	for (i = 0; i < 16; i++) {
		d = 0;
		for (k = 0; k < 3; k++)
			d += (long)(rgb[k] - th_rgb16[i][k]) *
			     (rgb[k] - th_rgb16[i][k]);
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = i;
		}
	}
	return best;
}

int theme_clamp_colour(int colour, int ncolours, int *bold)
{
	*bold = 0;
	if (colour < 0 || colour > 255 || ncolours < 8)
		return DFL;
	if (colour < ncolours && (ncolours >= 256 || colour < 16))
		return colour;
	colour = th_to16(colour);
	if (ncolours >= 16 || colour < 8)
		return colour;
	*bold = 1;
	return colour - 8;
}

static attr_t th_attrs[TS_COUNT];
static int th_dfl_ok;
static unsigned th_generation;

static attr_t th_curses_attrs(unsigned a)
{
	attr_t r = A_NORMAL;

	if (a & THEME_BOLD)
		r |= A_BOLD;
	if (a & THEME_DIM)
		r |= A_DIM;
	if (a & THEME_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_REVERSE)
		r |= A_REVERSE;
	if (a & THEME_BLINK)
		r |= A_BLINK;
#ifdef A_ITALIC
	if (a & THEME_ITALICS)
		r |= A_ITALIC;
#endif
	return r;
}

void theme_init_curses(const struct theme *t)
{
	int colours = 0, dfl_ok = 0, i, fg, bg, bold, unused;

	/* stdscr is NULL until initscr(): unit tests get attributes. */
	if (stdscr != NULL && has_colors()) {
		colours = COLORS;
		dfl_ok = use_default_colors() == OK;
	}
	th_dfl_ok = dfl_ok;
	th_generation++;
	for (i = 0; i < TS_COUNT; i++) {
		const struct theme_style *st = &t->s[i];
		th_attrs[i] = th_curses_attrs(st->attrs);
		if (colours < 8 || (st->fg == DFL && st->bg == DFL) ||
		    i + 1 >= COLOR_PAIRS)
			continue;
		fg = theme_clamp_colour(st->fg, colours, &bold);
		bg = theme_clamp_colour(st->bg, colours, &unused);
		if (!dfl_ok && fg == DFL)
			fg = WHITE;
		if (!dfl_ok && bg == DFL)
			bg = BLACK;
		if (init_pair((short)(i + 1), (short)fg, (short)bg) == ERR)
			continue;
		th_attrs[i] |= COLOR_PAIR(i + 1);
		if (bold)
			th_attrs[i] |= A_BOLD;
	}
}

int theme_default_colours(void)
{
	return th_dfl_ok;
}

unsigned theme_curses_generation(void)
{
	return th_generation;
}

attr_t theme_attr(enum theme_slot slot)
{
	return (unsigned)slot < TS_COUNT ? th_attrs[slot] : A_NORMAL;
}
