#include "tui/options.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define OP_MAX_LINE 4096
#define OP_MAX_FILE (1024 * 1024)
#define KIB 1024L
#define MIB (1024L * 1024)
#define GIB (1024L * 1024 * 1024)

static const char *const op_time_values[] = {"relative", "absolute", NULL};
static const char *const op_sort_values[] = {"name", "state", "created",
					     "cpu",  "mem",   NULL};

static int op_check_shell(const char *v, char *err, size_t errlen)
{
	const char *p = v;

	for (;;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		if (n == 0) {
			snprintf(err, errlen, "shell: empty entry in '%s'", v);
			return -1;
		}
		if (colon == NULL)
			return 0;
		p = colon + 1;
	}
}

/* The containers pane's columns, as the config names them; views/
 * containers_table.c draws each by the same name. */
static const char *const op_column_names[] = {
	"name", "image", "state", "health", "uptime", "ports",
	"cpu",	"mem",	 "net",	  "block",  "pids",   "risk",
};

static int op_check_columns(const char *v, char *err, size_t errlen)
{
	const char *p = v;
	size_t i, n;
	int has_name = 0;

	for (;;) {
		const char *comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		for (i = 0;
		     i < sizeof(op_column_names) / sizeof(op_column_names[0]);
		     i++)
			if (strlen(op_column_names[i]) == n &&
			    strncmp(op_column_names[i], p, n) == 0)
				break;
		if (i == sizeof(op_column_names) / sizeof(op_column_names[0])) {
			snprintf(err, errlen,
				 "columns: unknown column '%.*s' (name, image, "
				 "state, health, uptime, ports, cpu, mem, net, "
				 "block, pids, risk)",
				 (int)n, p);
			return -1;
		}
		has_name |= i == 0;
		if (!comma)
			break;
		p = comma + 1;
	}
	if (!has_name) {
		snprintf(err, errlen, "columns: name must be one of them");
		return -1;
	}
	return 0;
}

static int op_check_host(const char *v, char *err, size_t errlen)
{
	static const char *const schemes[] = {"unix://", "tcp://", "http://",
					      "https://"};
	size_t i;

	if (v[0] == '\0')
		return 0;
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncmp(v, schemes[i], strlen(schemes[i])) == 0 &&
		    v[strlen(schemes[i])] != '\0')
			return 0;
	snprintf(err, errlen,
		 "host: '%s' is not unix://PATH or tcp://HOST:PORT", v);
	return -1;
}

static int op_check_theme(const char *v, char *err, size_t errlen)
{
	if (v[0] != '\0')
		return 0;
	snprintf(err, errlen, "theme: a name is needed");
	return -1;
}

#define OFF(f) offsetof(struct options, f)

static const struct option_def op_rows[] = {
	{"theme", OPT_STRING, OFF(theme), 0, "default", 0, 0, NULL, "NAME",
	 "Colour theme: NAME.theme from ~/.config/berth/themes or the "
	 "shipped themes (default, light, high-contrast, mono). NO_COLOR "
	 "in the environment drops the colours of any theme.",
	 op_check_theme},
	{"read_only", OPT_BOOL, OFF(read_only), 0, NULL, 0, 0, NULL, NULL,
	 "Refuse every action that would change the engine.", NULL},
	{"mouse", OPT_BOOL, OFF(mouse), 0, NULL, 0, 0, NULL, NULL,
	 "Take mouse input from the start (toggled at run time too).", NULL},
	{"log_tail", OPT_INT, OFF(log_tail), 1000, NULL, 0, 1000000, NULL, "N",
	 "Log lines fetched when a log view opens.", NULL},
	{"log_max_lines", OPT_INT, OFF(log_max_lines), 100000, NULL, 100,
	 10000000, NULL, "N", "Lines a log view keeps; the oldest go first.",
	 NULL},
	{"log_max_bytes", OPT_BYTES, OFF(log_max_bytes), 16 * MIB, NULL,
	 64 * KIB, GIB, NULL, "SIZE",
	 "Bytes a log view keeps; K, M and G suffixes allowed.", NULL},
	{"log_colours", OPT_BOOL, OFF(log_colours), 1, NULL, 0, 0, NULL, NULL,
	 "Show the colours and bold or underlined text that programs write "
	 "into their logs (c toggles it); other escape sequences are always "
	 "removed.  Off when NO_COLOR is set.",
	 NULL},
	{"log_fields", OPT_BOOL, OFF(log_fields), 1, NULL, 0, 0, NULL, NULL,
	 "Show JSON and logfmt log lines as time, level, message and the "
	 "other fields (J toggles the raw line).",
	 NULL},
	{"log_fold", OPT_BOOL, OFF(log_fold), 1, NULL, 0, 0, NULL, NULL,
	 "Fold the lines that continue a log entry (stack traces: indented "
	 "lines, Caused by:, Python tracebacks) under its first line; z "
	 "opens one, Z shows every line.",
	 NULL},
	{"drift", OPT_BOOL, OFF(drift), 0, NULL, 0, 0, NULL, NULL,
	 "Read each running container's changes against its image when "
	 "judging it (berth.drift: changed programs or /etc).  One more "
	 "request per container, and on the vfs storage driver the engine "
	 "compares the whole tree; berth audit --drift does it once.",
	 NULL},
	{"stats", OPT_BOOL, OFF(stats), 1, NULL, 0, 0, NULL, NULL,
	 "Live CPU and memory figures for the visible rows.", NULL},
	{"refresh_ms", OPT_INT, OFF(refresh_ms), 500, NULL, 16, 10000, NULL,
	 "MS",
	 "Shortest time between two redraws for live numbers and log lines, "
	 "in milliseconds (keys and changed rows are drawn at once).",
	 NULL},
	{"shell", OPT_STRING, OFF(shell), 0, "/bin/bash:/bin/sh", 0, 0, NULL,
	 "LIST", "Shells tried in order by exec, separated by colons.",
	 op_check_shell},
	{"columns", OPT_STRING, OFF(columns), 0,
	 "name,image,state,health,uptime,ports,cpu,mem,risk", 0, 0, NULL,
	 "LIST",
	 "The containers pane's columns, in order, separated by commas: "
	 "name, image, state, health, uptime, ports, cpu, mem, net (bytes a "
	 "second received / sent), block (read / written a second), pids, "
	 "risk.  Narrow terminals drop some.",
	 op_check_columns},
	{"confirm_destructive", OPT_BOOL, OFF(confirm_destructive), 1, NULL, 0,
	 0, NULL, NULL, "Ask before stop, kill, remove and prune.", NULL},
	{"host", OPT_STRING, OFF(host), 0, "", 0, 0, NULL, "ADDRESS",
	 "Engine address, unix:///PATH or tcp://HOST:PORT; empty means "
	 "DOCKER_HOST, else the local socket.",
	 op_check_host},
	{"time_format", OPT_ENUM, OFF(time_format), OPT_TIME_RELATIVE, NULL, 0,
	 0, op_time_values, NULL,
	 "Times as relative (3 hours ago) or absolute (2024-05-01 12:00).",
	 NULL},
	{"sort", OPT_ENUM, OFF(sort), OPT_SORT_NAME, NULL, 0, 0, op_sort_values,
	 NULL, "Initial sort of the container list.", NULL},
	{"trusted_registries", OPT_STRING, OFF(trusted_registries), 0, "", 0, 0,
	 NULL, "LIST",
	 "Registries whose images are trusted beside Docker Hub's official "
	 "ones (berth.image.unofficial), separated by commas: shell globs "
	 "over the registry (\"registry.corp.example\", \"127.0.0.1:*\") or "
	 "over registry/path (\"ghcr.io/acme/*\").",
	 NULL},
	{"image_max_age", OPT_INT, OFF(image_max_age), 90, NULL, 1, 36500, NULL,
	 "DAYS",
	 "An image built longer ago than this is reported "
	 "(berth.image.age): its packages have not been updated since.",
	 NULL},
	{"eol_file", OPT_STRING, OFF(eol_file), 0, "", 0, 0, NULL, "FILE",
	 "An end-of-life table of base OS releases (the format of the shipped "
	 "eol.tsv) whose lines replace or extend the shipped ones "
	 "(berth.image.eol); --eol-file says the same for one run.",
	 NULL},
};

#define OP_N (sizeof(op_rows) / sizeof(op_rows[0]))

const struct option_def *options_table(size_t *n)
{
	*n = OP_N;
	return op_rows;
}

const struct option_def *options_find(const char *name)
{
	size_t i;

	for (i = 0; i < OP_N; i++)
		if (strcasecmp(name, op_rows[i].name) == 0)
			return &op_rows[i];
	return NULL;
}

static void *op_field(struct options *o, const struct option_def *d)
{
	return (char *)o + d->offset;
}

void options_free(struct options *o)
{
	size_t i;

	for (i = 0; i < OP_N; i++) {
		const struct option_def *d = &op_rows[i];
		if (d->type == OPT_STRING) {
			char **s = op_field(o, d);
			free(*s);
			*s = NULL;
		}
	}
}

int options_init(struct options *o)
{
	size_t i;

	memset(o, 0, sizeof(*o));
	keymap_init(&o->keys);
	for (i = 0; i < OP_N; i++) {
		const struct option_def *d = &op_rows[i];
		void *f = op_field(o, d);
		switch (d->type) {
		case OPT_BOOL:
			*(bool *)f = d->def_num != 0;
			break;
		case OPT_INT:
		case OPT_BYTES:
			*(long *)f = d->def_num;
			break;
		case OPT_ENUM:
			*(int *)f = (int)d->def_num;
			break;
		case OPT_STRING:
			*(char **)f = strdup(d->def_str);
			if (*(char **)f == NULL) {
				options_free(o);
				return -1;
			}
			break;
		}
	}
	return 0;
}

int options_copy(struct options *dst, const struct options *src)
{
	size_t i;

	*dst = *src;
	for (i = 0; i < OP_N; i++) {
		const struct option_def *d = &op_rows[i];
		char **s;
		if (d->type != OPT_STRING)
			continue;
		s = op_field(dst, d);
		if (*s != NULL)
			*s = strdup(*s);
		if (*s == NULL &&
		    *(char *const *)((const char *)src + d->offset) != NULL) {
			/* The rest still point into src: cut them loose. */
			for (; i < OP_N; i++)
				if (op_rows[i].type == OPT_STRING)
					*(char **)op_field(dst, &op_rows[i]) =
						NULL;
			options_free(dst);
			return -1;
		}
	}
	return 0;
}

static int op_bool(const char *v, bool *out)
{
	static const char *const yes[] = {"yes", "true", "on", "1"};
	static const char *const no[] = {"no", "false", "off", "0"};
	size_t i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

/* A decimal number with, for bytes, a K/M/G suffix (an optional B or
 * iB after it).  -1: not a number; -2: too big for a long. */
static int op_number(const char *v, int bytes, long *out)
{
	char *end;
	long n, mult = 1;

	if (!(v[0] >= '0' && v[0] <= '9') &&
	    !(v[0] == '-' && v[1] >= '0' && v[1] <= '9'))
		return -1;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno == ERANGE)
		return -2;
	if (bytes && *end != '\0') {
		switch (*end) {
		case 'k':
		case 'K':
			mult = KIB;
			break;
		case 'm':
		case 'M':
			mult = MIB;
			break;
		case 'g':
		case 'G':
			mult = GIB;
			break;
		default:
			return -1;
		}
		end++;
		if (strcasecmp(end, "b") == 0 || strcasecmp(end, "ib") == 0)
			end += strlen(end);
	}
	if (*end != '\0')
		return -1;
	if (n > LONG_MAX / mult || n < LONG_MIN / mult)
		return -2;
	*out = n * mult;
	return 0;
}

static int op_set_num(const struct option_def *d, long *f, const char *v,
		      char *err, size_t errlen)
{
	long n;
	int rc = op_number(v, d->type == OPT_BYTES, &n);

	if (rc == -1) {
		snprintf(err, errlen, "%s: '%s' is not a %s", d->name, v,
			 d->type == OPT_BYTES ? "size" : "number");
		return -1;
	}
	if (rc == -2 || n < d->min || n > d->max) {
		snprintf(err, errlen, "%s: %s is out of range (%ld..%ld)",
			 d->name, v, d->min, d->max);
		return -1;
	}
	*f = n;
	return 0;
}

static int op_set_enum(const struct option_def *d, int *f, const char *v,
		       char *err, size_t errlen)
{
	size_t i, off;
	int n;

	for (i = 0; d->values[i] != NULL; i++)
		if (strcasecmp(v, d->values[i]) == 0) {
			*f = (int)i;
			return 0;
		}
	n = snprintf(err, errlen, "%s: '%s' is not one of", d->name, v);
	off = n < 0 ? 0 : (size_t)n;
	for (i = 0; d->values[i] != NULL && off < errlen; i++) {
		n = snprintf(err + off, errlen - off, "%s %s",
			     i == 0 ? "" : ",", d->values[i]);
		off += n < 0 ? 0 : (size_t)n;
	}
	return -1;
}

int options_set(struct options *o, const char *name, const char *value,
		char *err, size_t errlen)
{
	const struct option_def *d = options_find(name);
	void *f;
	char *dup;

	if (d == NULL) {
		snprintf(err, errlen, "unknown option '%s'", name);
		return -1;
	}
	f = op_field(o, d);
	switch (d->type) {
	case OPT_BOOL:
		if (op_bool(value, f) == 0)
			return 0;
		snprintf(err, errlen, "%s: '%s' is not yes or no", d->name,
			 value);
		return -1;
	case OPT_INT:
	case OPT_BYTES:
		return op_set_num(d, f, value, err, errlen);
	case OPT_ENUM:
		return op_set_enum(d, f, value, err, errlen);
	case OPT_STRING:
		break;
	}
	if (d->check != NULL && d->check(value, err, errlen) < 0)
		return -1;
	dup = strdup(value);
	if (dup == NULL) {
		snprintf(err, errlen, "%s: out of memory", d->name);
		return -1;
	}
	free(*(char **)f);
	*(char **)f = dup;
	return 0;
}

static char *op_skip(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Reads one word at *p into itself (in place): "double quoted" with \"
 * and \\, 'single quoted', or bare up to a blank.  Returns 1 with the
 * word in *w, 0 at the end of the line or a comment, -1 on an open
 * quote. */
static int op_word(char **p, char **w)
{
	char *s = op_skip(*p), *o, q;

	if (*s == '\0' || *s == '#')
		return 0;
	*w = o = s;
	if (*s == '"' || *s == '\'') {
		q = *s++;
		while (*s != q) {
			if (*s == '\0')
				return -1;
			if (q == '"' && *s == '\\' &&
			    (s[1] == '"' || s[1] == '\\'))
				s++;
			*o++ = *s++;
		}
		s++;
		if (*s != '\0' && *s != ' ' && *s != '\t')
			return -1;
	} else {
		while (*s != '\0' && *s != ' ' && *s != '\t')
			*o++ = *s++;
	}
	if (*s != '\0')
		s++;
	*o = '\0';
	*p = s;
	return 1;
}

/* Up to max words from p into w; *n gets how many.  -1 on an open
 * quote, -2 when more than max are there. */
static int op_words_upto(char *p, char **w, int max, int *n)
{
	char *extra;
	int rc;

	for (*n = 0; *n < max; (*n)++) {
		rc = op_word(&p, &w[*n]);
		if (rc <= 0)
			return rc;
	}
	rc = op_word(&p, &extra);
	return rc < 0 ? -1 : rc > 0 ? -2 : 0;
}

/* Exactly n words from p, else an error message in msg. */
static int op_words(char *p, char **w, int n, const char *usage, char *msg,
		    size_t msglen)
{
	int got, rc = op_words_upto(p, w, n, &got);

	if (rc == 0 && got == n)
		return 0;
	snprintf(msg, msglen, "%s", rc == -1 ? "unclosed quote" : usage);
	return -1;
}

/* A value: one quoted word, or the rest of the line less a comment
 * that follows a blank. */
static int op_value(char *p, char **v, char *msg, size_t msglen)
{
	char *e;

	p = op_skip(p);
	if (*p == '"' || *p == '\'')
		return op_words(p, v, 1, "text after the quoted value", msg,
				msglen);
	for (e = p; *e != '\0'; e++)
		if (*e == '#' && (e == p || e[-1] == ' ' || e[-1] == '\t')) {
			*e = '\0';
			break;
		}
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	*v = p;
	return 0;
}

static int op_is_cmd(const char *s, const char *cmd)
{
	size_t n = strlen(cmd);

	return strncmp(s, cmd, n) == 0 && (s[n] == ' ' || s[n] == '\t');
}

/* What one config line is read with. */
struct op_reader {
	const struct options_command *cmds;
	size_t n_cmds;
	const char *where; /* "FILE:LINE" */
};

static int op_command(const struct options_command *c, char *args,
		      const char *where, char *msg, size_t msglen)
{
	char *w[OPTIONS_CMD_MAX_WORDS];
	int n, rc = op_words_upto(args, w, OPTIONS_CMD_MAX_WORDS, &n);

	if (rc < 0) {
		snprintf(msg, msglen, "%s",
			 rc == -1 ? "unclosed quote" : "too many words");
		return -1;
	}
	return c->apply(c->ctx, w, n, where, msg, msglen);
}

static int op_line(struct options *o, char *line, const struct op_reader *r,
		   char *msg, size_t msglen)
{
	char *s = op_skip(line), *eq, *w[3], *name, *e;
	size_t i;

	if (*s == '\0' || *s == '#')
		return 0;
	for (i = 0; i < r->n_cmds; i++)
		if (op_is_cmd(s, r->cmds[i].name))
			return op_command(&r->cmds[i],
					  s + strlen(r->cmds[i].name), r->where,
					  msg, msglen);
	if (op_is_cmd(s, "bind")) {
		if (op_words(s + 4, w, 3, "expected 'bind CONTEXT KEY ACTION'",
			     msg, msglen) < 0)
			return -1;
		return keymap_bind(&o->keys, w[0], w[1], w[2], msg, msglen);
	}
	eq = strchr(s, '=');
	if (eq == NULL) {
		snprintf(msg, msglen, "expected 'name = value'");
		return -1;
	}
	*eq = '\0';
	if (op_is_cmd(s, "key")) {
		if (op_words(s + 3, w, 1, "expected 'key ACTION = KEY'", msg,
			     msglen) < 0 ||
		    op_words(eq + 1, w + 1, 1, "expected 'key ACTION = KEY'",
			     msg, msglen) < 0)
			return -1;
		return keymap_set_key(&o->keys, w[0], w[1], msg, msglen);
	}
	for (e = eq; e > s && (e[-1] == ' ' || e[-1] == '\t');)
		*--e = '\0';
	name = s;
	if (*name == '\0') {
		snprintf(msg, msglen, "missing option name before '='");
		return -1;
	}
	if (options_find(name) == NULL) {
		snprintf(msg, msglen, "unknown option '%.200s'", name);
		return -1;
	}
	if (op_value(eq + 1, &w[0], msg, msglen) < 0)
		return -1;
	return options_set(o, name, w[0], msg, msglen);
}

static int op_apply(struct options *o, const char *text, size_t len,
		    const char *filename, const struct options_command *cmds,
		    size_t n_cmds, char *err, size_t errlen)
{
	char line[OP_MAX_LINE], msg[512], where[300];
	struct op_reader r = {cmds, n_cmds, where};
	size_t pos = 0, lineno = 0, n;
	const char *nl;
	int rc;

	while (pos < len) {
		nl = memchr(text + pos, '\n', len - pos);
		n = nl ? (size_t)(nl - (text + pos)) : len - pos;
		lineno++;
		rc = 0;
		if (n >= sizeof(line)) {
			snprintf(msg, sizeof(msg), "line too long");
			rc = -1;
		} else if (memchr(text + pos, '\0', n) != NULL) {
			snprintf(msg, sizeof(msg), "NUL byte in line");
			rc = -1;
		} else {
			memcpy(line, text + pos, n);
			line[n] = '\0';
			if (n > 0 && line[n - 1] == '\r')
				line[n - 1] = '\0';
			snprintf(where, sizeof(where), "%.280s:%zu", filename,
				 lineno);
			rc = op_line(o, line, &r, msg, sizeof(msg));
		}
		if (rc < 0) {
			snprintf(err, errlen, "%s:%zu: %s", filename, lineno,
				 msg);
			return -1;
		}
		pos += n + (nl ? 1 : 0);
	}
	return 0;
}

int options_parse_buffer(struct options *o, const char *text, size_t len,
			 const char *filename, char *err, size_t errlen)
{
	return options_parse_buffer_with(o, text, len, filename, NULL, 0, err,
					 errlen);
}

int options_parse_buffer_with(struct options *o, const char *text, size_t len,
			      const char *filename,
			      const struct options_command *cmds, size_t n_cmds,
			      char *err, size_t errlen)
{
	struct options tmp;

	if (options_copy(&tmp, o) < 0) {
		snprintf(err, errlen, "%s: out of memory", filename);
		return -1;
	}
	if (op_apply(&tmp, text, len, filename, cmds, n_cmds, err, errlen) <
	    0) {
		options_free(&tmp);
		return -1;
	}
	options_free(o);
	*o = tmp;
	return 0;
}

int options_load_file(const char *path, struct options *o, char *err,
		      size_t errlen)
{
	return options_load_file_with(path, o, NULL, 0, err, errlen);
}

int options_load_file_with(const char *path, struct options *o,
			   const struct options_command *cmds, size_t n_cmds,
			   char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *text;
	size_t len;
	int rc;

	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	text = malloc(OP_MAX_FILE + 1);
	if (text == NULL) {
		fclose(f);
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	len = fread(text, 1, OP_MAX_FILE + 1, f);
	rc = ferror(f) ? -1 : 0;
	fclose(f);
	if (rc < 0 || len > OP_MAX_FILE) {
		snprintf(err, errlen, "%s: %s", path,
			 rc < 0 ? "read error" : "file too large");
		free(text);
		return -1;
	}
	rc = options_parse_buffer_with(o, text, len, path, cmds, n_cmds, err,
				       errlen);
	free(text);
	return rc;
}

char *options_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	const char *base, *sub;
	size_t n;
	char *p;

	if (xdg != NULL && xdg[0] == '/') {
		base = xdg;
		sub = "/berth/config";
	} else if (home != NULL && home[0] != '\0') {
		base = home;
		sub = "/.config/berth/config";
	} else {
		return NULL;
	}
	n = strlen(base) + strlen(sub) + 1;
	p = malloc(n);
	if (p != NULL)
		snprintf(p, n, "%s%s", base, sub);
	return p;
}
