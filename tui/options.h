#ifndef BERTH_TUI_OPTIONS_H
#define BERTH_TUI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tui/keymap.h"

/*
 * The console's settings.  One typed table (options.c) drives the
 * config file, validation, `berth --help` and the man page.  The config
 * file ($XDG_CONFIG_HOME/berth/config) holds lines of
 *
 *     # comment
 *     name = value              value may be "quoted" or 'quoted'
 *     bind CONTEXT KEY ACTION   e.g. bind containers S container.start
 *     key ACTION = KEY          e.g. key container.stop = C-s
 *     accept RULE SUBJECT "reason" [until DATE]   (an options_command)
 * A '#' after a blank starts a comment, so the key # is written "#".
 */

enum opt_time_format { OPT_TIME_RELATIVE, OPT_TIME_ABSOLUTE };

enum opt_sort {
	OPT_SORT_NAME,
	OPT_SORT_STATE,
	OPT_SORT_CREATED,
	OPT_SORT_CPU,
	OPT_SORT_MEM
};

struct options {
	char *theme;
	bool read_only;
	bool mouse;
	long log_tail;
	long log_max_lines;
	long log_max_bytes;
	bool log_colours;
	bool log_fields;
	bool log_fold;
	bool drift;
	bool stats;
	long refresh_ms;
	char *shell;   /* colon-separated, tried in order */
	char *columns; /* the containers pane's, comma-separated */
	bool confirm_destructive;
	char *host;	 /* "" means $DOCKER_HOST or the local socket */
	int time_format; /* enum opt_time_format */
	int sort;	 /* enum opt_sort */
	/* the posture's policy (posture/policy.h) */
	char *trusted_registries;
	long image_max_age; /* days */
	char *eol_file;	    /* merged over the shipped table */
	struct keymap keys;
};

enum opt_type { OPT_BOOL, OPT_INT, OPT_BYTES, OPT_STRING, OPT_ENUM };

struct option_def {
	const char *name;
	enum opt_type type;
	size_t offset;	     /* of the field in struct options */
	long def_num;	     /* BOOL, INT, BYTES, ENUM (an index into values) */
	const char *def_str; /* STRING */
	long min, max;	     /* INT, BYTES */
	const char *const *values; /* ENUM, NULL-terminated */
	const char *arg;	   /* what --help shows for the value */
	const char *help;
	/* STRING: extra validation, -1 with a message; NULL accepts all */
	int (*check)(const char *value, char *err, size_t errlen);
};

/* The table, n rows. */
const struct option_def *options_table(size_t *n);
const struct option_def *options_find(const char *name);

/* Defaults (the keymap included).  Returns 0, or -1 when out of memory
 * (then *o holds nothing to free). */
int options_init(struct options *o);

/* Frees the strings; safe on a zeroed struct and twice. */
void options_free(struct options *o);

/* A deep copy into *dst (uninitialised); -1 when out of memory. */
int options_copy(struct options *dst, const struct options *src);

/* Sets one option from its text form ("yes", "16M", "absolute"), as the
 * config file or a command-line `-o name=value` would.  Returns 0, or
 * -1 with a message naming the option or value in err. */
int options_set(struct options *o, const char *name, const char *value,
		char *err, size_t errlen);

/* A config command whose meaning lives below the terminal (the posture's
 * `accept`): its words, quotes removed, go to apply with where the line
 * is ("FILE:LINE").  apply returns 0, or -1 with a message. */
#define OPTIONS_CMD_MAX_WORDS 8
struct options_command {
	const char *name;
	int (*apply)(void *ctx, char *const *words, int n, const char *where,
		     char *msg, size_t msglen);
	void *ctx;
};

/* Applies a config file's text over *o; filename only labels errors
 * ("FILE:LINE: message").  All or nothing for *o: on an error it is left
 * as it was and -1 is returned (what cmds[] collected is the caller's
 * to drop).  cmds (n_cmds of them, may be NULL) are the commands beside
 * the console's own. */
int options_parse_buffer(struct options *o, const char *text, size_t len,
			 const char *filename, char *err, size_t errlen);
int options_parse_buffer_with(struct options *o, const char *text, size_t len,
			      const char *filename,
			      const struct options_command *cmds, size_t n_cmds,
			      char *err, size_t errlen);

/* The same for a file. */
int options_load_file(const char *path, struct options *o, char *err,
		      size_t errlen);
int options_load_file_with(const char *path, struct options *o,
			   const struct options_command *cmds, size_t n_cmds,
			   char *err, size_t errlen);

/* $XDG_CONFIG_HOME/berth/config, else ~/.config/berth/config; NULL when
 * neither can be told.  Free it. */
char *options_default_path(void);

/* The options, their values and defaults, for --help (plain text) and
 * for the man page generator (roff, one .TP per option). */
void options_print_help(FILE *f);
void options_print_man(FILE *f);
/* s as roff text: no request at a line's start, - as \-, a backslash
 * as \e. */
void options_roff(FILE *f, const char *s);

#endif
