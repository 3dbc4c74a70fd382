/* The options table as text: `berth --help` and the man page are
 * printed from the same rows the config parser reads. */
#include "tui/options.h"

#include <stdio.h>
#include <string.h>

#define KIB 1024L
#define MIB (1024L * 1024)
#define GIB (1024L * 1024 * 1024)

/* "16M" rather than 16777216 when it divides evenly. */
static void op_bytes_text(long n, char *buf, size_t len)
{
	if (n != 0 && n % GIB == 0)
		snprintf(buf, len, "%ldG", n / GIB);
	else if (n != 0 && n % MIB == 0)
		snprintf(buf, len, "%ldM", n / MIB);
	else if (n != 0 && n % KIB == 0)
		snprintf(buf, len, "%ldK", n / KIB);
	else
		snprintf(buf, len, "%ld", n);
}

static void op_default_text(const struct option_def *d, char *buf, size_t len)
{
	switch (d->type) {
	case OPT_BOOL:
		snprintf(buf, len, "%s", d->def_num ? "yes" : "no");
		break;
	case OPT_INT:
		snprintf(buf, len, "%ld", d->def_num);
		break;
	case OPT_BYTES:
		op_bytes_text(d->def_num, buf, len);
		break;
	case OPT_ENUM:
		snprintf(buf, len, "%s", d->values[d->def_num]);
		break;
	case OPT_STRING:
		snprintf(buf, len, "\"%s\"", d->def_str);
		break;
	}
}

/* "yes|no", "relative|absolute", "N (0..1000000)". */
static void op_arg_text(const struct option_def *d, char *buf, size_t len)
{
	size_t i, off = 0;
	int n;

	buf[0] = '\0';
	switch (d->type) {
	case OPT_BOOL:
		snprintf(buf, len, "yes|no");
		break;
	case OPT_ENUM:
		for (i = 0; d->values[i] != NULL && off < len; i++) {
			n = snprintf(buf + off, len - off, "%s%s", i ? "|" : "",
				     d->values[i]);
			off += n < 0 ? 0 : (size_t)n;
		}
		break;
	case OPT_INT:
		snprintf(buf, len, "%s (%ld..%ld)", d->arg, d->min, d->max);
		break;
	case OPT_BYTES: {
		char lo[32], hi[32];
		op_bytes_text(d->min, lo, sizeof(lo));
		op_bytes_text(d->max, hi, sizeof(hi));
		snprintf(buf, len, "%s (%s..%s)", d->arg, lo, hi);
		break;
	}
	case OPT_STRING:
		snprintf(buf, len, "%s", d->arg);
		break;
	}
}

void options_print_help(FILE *f)
{
	char arg[128], def[128];
	size_t i, n;
	const struct option_def *rows = options_table(&n);

	fprintf(f, "Options, set in the config file as `name = value`:\n");
	for (i = 0; i < n; i++) {
		op_arg_text(&rows[i], arg, sizeof(arg));
		op_default_text(&rows[i], def, sizeof(def));
		fprintf(f, "  %s = %s\n      %s (default: %s)\n", rows[i].name,
			arg, rows[i].help, def);
	}
	fprintf(f, "Key bindings: bind CONTEXT KEY ACTION, or "
		   "key ACTION = KEY.\n");
}

void options_roff(FILE *f, const char *s)
{
	/* A line starting with a dot or a quote would be read as a request. */
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", f);
		else if (*s == '\\')
			fputs("\\e", f);
		else
			fputc(*s, f);
	}
}

void options_print_man(FILE *f)
{
	char arg[128], def[128];
	size_t i, n;
	const struct option_def *rows = options_table(&n);

	for (i = 0; i < n; i++) {
		op_arg_text(&rows[i], arg, sizeof(arg));
		op_default_text(&rows[i], def, sizeof(def));
		fputs(".TP\n.B ", f);
		options_roff(f, rows[i].name);
		fputs(" = \\fI", f);
		options_roff(f, arg);
		fputs("\\fR\n", f);
		options_roff(f, rows[i].help);
		fputs(" Default: ", f);
		options_roff(f, def);
		fputs(".\n", f);
	}
}
