#ifndef BERTH_CLI_GLOBAL_OPTS_H
#define BERTH_CLI_GLOBAL_OPTS_H

#include <getopt.h>
#include <stdio.h>

/*
 * berth's global options, declared once: the table drives getopt_long,
 * --help and the man page's OPTIONS section (berth man-tables options),
 * so none of them can say what the others do not.
 */

enum global_opt_id {
	GOPT_HOST = 'H',
	GOPT_HELP = 'h',
	GOPT_VERSION = 'v',
	GOPT_ALL_CONTEXTS = 256,
	GOPT_CONTEXT,
	GOPT_TLS,
	GOPT_TLSVERIFY,
	GOPT_TLSCACERT,
	GOPT_TLSCERT,
	GOPT_TLSKEY,
	GOPT_INSECURE_TCP,
	GOPT_READ_ONLY,
	GOPT_NO_COLOR,
	GOPT_THEME,
	GOPT_CONFIG,
	GOPT_EOL_FILE,
};

struct global_opt {
	const char *name;      /* the long option */
	enum global_opt_id id; /* a letter: also the short option */
	const char *arg;       /* the argument's name; NULL: takes none */
	const char *help;      /* --help, lines after the first indented */
	const char *man;       /* the man page's paragraph (roff) */
};

#define GLOBAL_OPTS_MAX 32

extern const struct global_opt global_opts[];
extern const size_t global_opts_n;

/* getopt_long's table (GLOBAL_OPTS_MAX + 1 entries: the options, then
 * one all zero)
 * and its short string ("+H:hv": stops at the command). */
void global_opts_getopt(struct option *longs, char *shorts, size_t n_shorts);
/* The "Options:" block of --help. */
void global_opts_help(FILE *out);
/* The man page's OPTIONS section. */
void global_opts_man(FILE *out);

#endif
