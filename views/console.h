#ifndef BERTH_VIEWS_CONSOLE_H
#define BERTH_VIEWS_CONSOLE_H

#include <stdio.h>

#include "api/client.h"
#include "posture/policy.h"

/*
 * What the command line asks of the console, in plain types: cli/ knows
 * no terminal layer (no options, themes or keymaps of tui/), it hands
 * over what argv said and gets an exit status back.
 */

#define CONSOLE_MAX_HOSTS 8

struct console_args {
	struct api_client_opts client;
	const char *config_path; /* NULL: the default file, which may be
				  * absent */
	const char *theme;	 /* NULL: the config's, else the built-in */
	const char *eol_file;	 /* --eol-file, or NULL */
	int read_only;
	const char *hosts[CONSOLE_MAX_HOSTS]; /* several engines at once */
	int n_hosts;
	const char *pane, *pane_arg; /* "containers", NULL */
	int exit_after_ms;	     /* > 0: quit by itself (tests) */
};

/* Loads the config and the theme, runs the console; the exit status
 * (2 for a bad config or theme, said on stderr). */
int console_main(const struct console_args *a);

/* The config's shell list ("/bin/bash:/bin/sh"), NULL if it names none;
 * a bad config is said on stderr.  Free it. */
char *console_config_shells(const char *config_path);

/* The config's judging policy into *out (free it with
 * posture_policy_free), eol_file's lines (NULL: none) over the config's
 * and the shipped end-of-life table; -1 for a bad config or table, said
 * on stderr. */
int console_config_policy(const char *config_path, const char *eol_file,
			  struct posture_policy *out);

/* Outside text made safe for a terminal, as the console draws it: no
 * escape or control sequence survives.  Free it; NULL on no memory. */
char *console_sanitize_dup(const char *s);

/* Where the shipped themes are looked for, NULL-terminated (the two
 * buffers hold the paths found from the binary's own place). */
void console_theme_dirs(char exe_share[1024], char exe_src[1024],
			const char *dirs[4]);

/* console_info.c: every theme --theme takes, a name a line, sorted
 * ("default", the user's own, the shipped ones); the versions of the
 * libraries berth runs with, a line each. */
void console_theme_names(FILE *out);
void console_lib_versions(FILE *out);
/* The same for bytes that may hold NULs, into out (3 * len + 1 bytes
 * always hold it); returns the length written. */
size_t console_sanitize(const char *in, size_t len, char *out, size_t outlen);

#endif
