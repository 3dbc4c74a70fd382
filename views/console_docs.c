#include "views/console_docs.h"

#include "tui/keymap.h"
#include "tui/options.h"
#include "tui/theme.h"

void console_help_config(FILE *out)
{
	options_print_help(out);
}

void console_roff(FILE *out, const char *s)
{
	options_roff(out, s);
}

int console_keys_list(FILE *out)
{
	struct options opts;
	struct keymap_entry e;
	int ctx;

	if (options_init(&opts) != 0)
		return -1;
	for (ctx = 0; ctx < KCTX_COUNT; ctx++) {
		size_t pos = 0;
		while (keymap_next(&opts.keys, (enum key_context)ctx, &pos,
				   &e) == 0)
			fprintf(out, "%-11s %-8s %-22s %s\n",
				keymap_context_name((enum key_context)ctx),
				e.key, e.action, e.help);
	}
	options_free(&opts);
	return 0;
}

static void man_keys(FILE *out, const struct options *opts)
{
	struct keymap_entry e;
	int ctx;

	fputs(".SH KEYS\n", out);
	for (ctx = 0; ctx < KCTX_COUNT; ctx++) {
		size_t pos = 0;
		fputs(".SS ", out);
		console_roff(out, keymap_context_name((enum key_context)ctx));
		fputc('\n', out);
		while (keymap_next(&opts->keys, (enum key_context)ctx, &pos,
				   &e) == 0) {
			fputs(".TP\n.B ", out);
			console_roff(out, e.key);
			fputs("\n", out);
			console_roff(out, e.help);
			fputs(" (\\fI", out);
			console_roff(out, e.action);
			fputs("\\fR)\n", out);
		}
	}
}

int console_man_sections(FILE *out)
{
	struct options opts;
	int ctx;

	if (options_init(&opts) != 0)
		return -1;
	fputs(".SH CONFIGURATION\n"
	      "The file \\fI$XDG_CONFIG_HOME/berth/config\\fR "
	      "(else \\fI~/.config/berth/config\\fR) holds lines "
	      "\\fBname = value\\fR, \\fBbind\\fR \\fIcontext key action\\fR, "
	      "\\fBkey\\fR \\fIaction\\fR \\fB=\\fR \\fIkey\\fR and "
	      "\\fBaccept\\fR \\fIrule subject\\fR \\fB\"\\fR\\fIreason\\fR"
	      "\\fB\"\\fR [\\fBuntil\\fR \\fIYYYY\\-MM\\-DD\\fR] "
	      "(see \\fBACCEPTED RISKS\\fR); \\fB#\\fR starts a comment. "
	      "The console, \\fBaudit\\fR, \\fBposture\\fR and "
	      "\\fBwatch\\fR read it; a malformed line stops each with "
	      "\\fIFILE\\fB:\\fILINE\\fR and exit status 2.\n",
	      out);
	options_print_man(out);
	/* The slots a theme file may name (see THEMES). */
	fputs(".SS Theme colour slots\n", out);
	for (ctx = 0; ctx < TS_COUNT; ctx++) {
		console_roff(out, theme_slot_name((enum theme_slot)ctx));
		fputs(ctx + 1 < TS_COUNT ? ",\n" : ".\n", out);
	}
	man_keys(out, &opts);
	options_free(&opts);
	return 0;
}
