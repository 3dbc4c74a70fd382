/* `berth keys`: every key binding, from the same tables the console and
 * its help overlay use (the man page and the tests read it too). */
#include <stdio.h>

#include "cli/cli.h"
#include "tui/keymap.h"
#include "tui/options.h"

int cli_cmd_keys(const struct cli_opts *o, int argc, char **argv)
{
	struct options opts;
	struct keymap_entry e;
	int ctx;

	(void)o;
	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: berth keys\n");
		return 2;
	}
	if (options_init(&opts) != 0)
		return 1;
	for (ctx = 0; ctx < KCTX_COUNT; ctx++) {
		size_t pos = 0;
		while (keymap_next(&opts.keys, (enum key_context)ctx, &pos,
				   &e) == 0)
			printf("%-11s %-8s %-22s %s\n",
			       keymap_context_name((enum key_context)ctx),
			       e.key, e.action, e.help);
	}
	options_free(&opts);
	return 0;
}

static void roff(const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

/* `berth man-tables`: the man page's generated sections (options and
 * keys), from the same tables the program runs on. */
int cli_cmd_man_tables(const struct cli_opts *o, int argc, char **argv)
{
	struct options opts;
	struct keymap_entry e;
	int ctx;

	(void)o;
	(void)argc;
	(void)argv;
	if (options_init(&opts) != 0)
		return 1;
	puts(".SH CONFIGURATION");
	puts("The file \\fI$XDG_CONFIG_HOME/berth/config\\fR "
	     "(else \\fI~/.config/berth/config\\fR) holds lines "
	     "\\fBname = value\\fR, \\fBbind\\fR \\fIcontext key action\\fR "
	     "and \\fBkey\\fR \\fIaction\\fR \\fB=\\fR \\fIkey\\fR; "
	     "\\fB#\\fR starts a comment.");
	options_print_man(stdout);
	puts(".SH KEYS");
	for (ctx = 0; ctx < KCTX_COUNT; ctx++) {
		size_t pos = 0;
		printf(".SS ");
		roff(keymap_context_name((enum key_context)ctx));
		putchar('\n');
		while (keymap_next(&opts.keys, (enum key_context)ctx, &pos,
				   &e) == 0) {
			fputs(".TP\n.B ", stdout);
			roff(e.key);
			fputs("\n", stdout);
			roff(e.help);
			fputs(" (\\fI", stdout);
			roff(e.action);
			fputs("\\fR)\n", stdout);
		}
	}
	options_free(&opts);
	return 0;
}
