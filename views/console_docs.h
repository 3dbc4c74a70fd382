#ifndef BERTH_VIEWS_CONSOLE_DOCS_H
#define BERTH_VIEWS_CONSOLE_DOCS_H

#include <stdio.h>

/*
 * The console's own tables (configuration options, theme slots, key
 * bindings) written out for people: in --help, by `berth keys` and in
 * the man page, from the very tables the console runs on.
 */

/* The configuration options, for --help. */
void console_help_config(FILE *out);
/* Every binding: "CONTEXT KEY ACTION HELP" per line.  -1: no memory. */
int console_keys_list(FILE *out);
/* The man page's CONFIGURATION (with the theme slots) and KEYS
 * sections.  -1: no memory. */
int console_man_sections(FILE *out);
/* s as roff text: no request at a line's start, backslashes and dashes
 * escaped. */
void console_roff(FILE *out, const char *s);

#endif
