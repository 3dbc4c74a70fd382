/* berth completions bash|zsh|fish: the shell's completion script, made
 * from the command table (cli/commands.c: names, usages, what operands
 * are) and the global options table, so a command or option added there
 * completes with nothing written by hand.  Names the engine knows come
 * from `berth ps --names` when the shell asks. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/global_opts.h"
#include "views/console.h"

/* One option of a command's usage, and what its value is. */
struct uopt {
	char name[32];
	char values[96]; /* "text json sarif"; "" for none */
	char kind;	 /* 'c', 'i', 'f', 'd' (a directory), '-' (free), 0 */
};

#define UOPTS_MAX 32

/* What a usage's value word stands for. */
static void value_of(const char *w, struct uopt *u)
{
	size_t i, n = strlen(w);

	if (strchr(w, '|')) {
		snprintf(u->values, sizeof(u->values), "%s", w);
		for (i = 0; u->values[i]; i++)
			if (u->values[i] == '|')
				u->values[i] = ' ';
		return;
	}
	u->kind = strcmp(w, "NAME") == 0    ? 'c'
		  : strcmp(w, "IMAGE") == 0 ? 'i'
		  : strcmp(w, "FILE") == 0  ? 'f'
		  : strcmp(w, "DIR") == 0   ? 'd'
		  : n			    ? '-'
					    : 0;
}

/* The options in a usage ("audit [--format text|json] [--fail-on S]"). */
static size_t usage_opts(const char *usage, struct uopt *out)
{
	char words[64][64], w[64];
	size_t nw = 0, n = 0, i, k, len;
	const char *p = usage;
	int closed;

	while (*p && nw < sizeof(words) / sizeof(words[0])) {
		while (*p == ' ')
			p++;
		for (len = 0; p[len] && p[len] != ' '; len++)
			;
		if (len && len < sizeof(words[0])) {
			memcpy(words[nw], p, len);
			words[nw++][len] = '\0';
		}
		p += len;
	}
	for (i = 1; i < nw && n < UOPTS_MAX; i++) {
		for (k = 0; words[i][k] == '['; k++)
			;
		snprintf(w, sizeof(w), "%s", words[i] + k);
		len = strlen(w);
		closed = len && w[len - 1] == ']';
		while (len && w[len - 1] == ']')
			w[--len] = '\0';
		if (w[0] != '-' || len < 2 || strcmp(w, "--") == 0)
			continue;
		memset(&out[n], 0, sizeof(out[n]));
		snprintf(out[n].name, sizeof(out[n].name), "%s", w);
		if (!closed && i + 1 < nw && words[i + 1][0] != '[' &&
		    words[i + 1][0] != '-' && words[i + 1][0] != '|') {
			snprintf(w, sizeof(w), "%s", words[++i]);
			len = strlen(w);
			while (len && w[len - 1] == ']')
				w[--len] = '\0';
			value_of(w, &out[n]);
		}
		n++;
	}
	return n;
}

/* --- bash (zsh runs the same through bashcompinit) --------------------- */

static void bash_global_values(FILE *o)
{
	size_t i;

	for (i = 0; i < global_opts_n; i++) {
		const struct global_opt *g = &global_opts[i];

		if (!g->arg)
			continue;
		fprintf(o, "\t*:--%s", g->name);
		if (g->id < 128)
			fprintf(o, "|*:-%c", (char)g->id);
		fprintf(o, ") kind=%s ;;\n",
			strcmp(g->name, "theme") == 0 ? "t"
			: strcmp(g->arg, "FILE") == 0 ? "f"
						      : "-");
	}
}

static void bash_command_values(FILE *o)
{
	const struct cli_command *c;
	struct uopt u[UOPTS_MAX];
	size_t i, k, n;

	for (i = 0; (c = cli_command_at(i)) != NULL; i++) {
		n = usage_opts(c->usage, u);
		for (k = 0; k < n; k++) {
			if (u[k].values[0])
				fprintf(o, "\t%s:%s) words=\"%s\" ;;\n",
					c->name, u[k].name, u[k].values);
			else if (u[k].kind)
				fprintf(o, "\t%s:%s) kind=%c ;;\n", c->name,
					u[k].name, u[k].kind);
		}
	}
}

static void bash_lists(FILE *o)
{
	const struct cli_command *c;
	struct uopt u[UOPTS_MAX];
	size_t i, k, n;

	fputs("\t\tcase $cur in\n\t\t-*)\n\t\t\tcase $cmd in\n", o);
	for (i = 0; (c = cli_command_at(i)) != NULL; i++) {
		if ((n = usage_opts(c->usage, u)) == 0)
			continue;
		fprintf(o, "\t\t\t%s) words=\"", c->name);
		for (k = 0; k < n; k++)
			fprintf(o, "%s%s", k ? " " : "", u[k].name);
		fputs("\" ;;\n", o);
	}
	fputs("\t\t\tesac ;;\n\t\t*)\n\t\t\tcase $cmd in\n", o);
	for (i = 0; (c = cli_command_at(i)) != NULL; i++)
		if (c->args[0] == 's')
			fprintf(o, "\t\t\t%s) words=\"bash zsh fish\" ;;\n",
				c->name);
		else if (c->args[0])
			fprintf(o, "\t\t\t%s) kind=%s ;;\n", c->name, c->args);
	fputs("\t\t\tesac ;;\n\t\tesac\n", o);
}

static void bash(FILE *o)
{
	const struct cli_command *c;
	size_t i, k;

	fputs("# bash completion for berth, made by `berth completions bash`\n"
	      "# from berth's own command and option tables.\n"
	      "_berth_words() {\n"
	      "\tcase $1 in\n"
	      "\tc) berth ps -a --names 2>/dev/null ;;\n"
	      "\ti) berth ps --image-names 2>/dev/null ;;\n"
	      "\tt) berth completions --themes 2>/dev/null ;;\n"
	      "\tesac\n"
	      "}\n"
	      "_berth() {\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} "
	      "prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\tlocal i cmd= words= kind=\n"
	      "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	      "\t\tcase ${COMP_WORDS[i]} in\n\t\t",
	      o);
	for (i = 0, k = 0; i < global_opts_n; i++) {
		if (!global_opts[i].arg)
			continue;
		fprintf(o, "%s--%s", k++ ? "|" : "", global_opts[i].name);
		if (global_opts[i].id < 128)
			fprintf(o, "|-%c", (char)global_opts[i].id);
	}
	fputs(") ((i++)) ;;\n"
	      "\t\t-*) ;;\n"
	      "\t\t*) cmd=${COMP_WORDS[i]}; break ;;\n"
	      "\t\tesac\n"
	      "\tdone\n"
	      "\tcase $cmd:$prev in\n",
	      o);
	bash_global_values(o);
	bash_command_values(o);
	fputs("\tesac\n"
	      "\tif [ -z \"$words$kind\" ] && [ -z \"$cmd\" ]; then\n"
	      "\t\tcase $cur in\n\t\t-*) words=\"",
	      o);
	for (i = 0; i < global_opts_n; i++)
		fprintf(o, "%s--%s", i ? " " : "", global_opts[i].name);
	fputs("\" ;;\n\t\t*) words=\"", o);
	for (i = 0; (c = cli_command_at(i)) != NULL; i++)
		fprintf(o, "%s%s", i ? " " : "", c->name);
	fputs("\" ;;\n\t\tesac\n"
	      "\telif [ -z \"$words$kind\" ]; then\n",
	      o);
	bash_lists(o);
	/* one reply a line (names may hold spaces); no mapfile: zsh runs
	 * this too */
	fputs("\tfi\n"
	      "\tlocal IFS=$'\\n'\n"
	      "\tcase $kind in\n"
	      "\tf) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
	      "\td) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
	      "\t-) COMPREPLY=(); return ;;\n"
	      "\tc | i | t) words=$(_berth_words \"$kind\") ;;\n"
	      "\t*) words=${words// /$'\\n'} ;;\n"
	      "\tesac\n"
	      "\tCOMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
	      "}\n"
	      "complete -F _berth berth\n",
	      o);
}

static void zsh(FILE *o)
{
	fputs("#compdef berth\n"
	      "# zsh completion for berth: the bash one, through bashcompinit\n"
	      "autoload -U +X bashcompinit && bashcompinit\n",
	      o);
	bash(o);
}

/* --- fish -------------------------------------------------------------- */

/* A description in single quotes: the first line, quotes escaped. */
static void fish_desc(FILE *o, const char *s)
{
	fputs(" -d '", o);
	for (; *s && *s != '\n'; s++) {
		if (*s == '\'' || *s == '\\')
			fputc('\\', o);
		fputc(*s, o);
	}
	fputc('\'', o);
}

static const char *fish_source(char kind)
{
	return kind == 'c'   ? "(berth ps -a --names 2>/dev/null)"
	       : kind == 'i' ? "(berth ps --image-names 2>/dev/null)"
	       : kind == 't' ? "(berth completions --themes 2>/dev/null)"
			     : NULL;
}

static void fish_opt(FILE *o, const char *cmd, const struct uopt *u)
{
	const char *src = fish_source(u->kind);

	fprintf(o, "complete -c berth -n '__fish_seen_subcommand_from %s'",
		cmd);
	if (u->name[1] == '-')
		fprintf(o, " -l %s", u->name + 2);
	else
		fprintf(o, " -s %s", u->name + 1);
	if (u->values[0])
		fprintf(o, " -x -a '%s'", u->values);
	else if (src)
		fprintf(o, " -x -a '%s'", src);
	else if (u->kind == 'f' || u->kind == 'd')
		fputs(" -r -F", o);
	else if (u->kind)
		fputs(" -x", o);
	fputc('\n', o);
}

static void fish(FILE *o)
{
	const struct cli_command *c;
	struct uopt u[UOPTS_MAX];
	size_t i, k, n;

	fputs("# fish completion for berth, made by `berth completions fish`\n"
	      "# from berth's own command and option tables.\n"
	      "complete -c berth -f\n",
	      o);
	for (i = 0; i < global_opts_n; i++) {
		const struct global_opt *g = &global_opts[i];

		fprintf(o, "complete -c berth -n '__fish_use_subcommand' -l %s",
			g->name);
		if (g->id < 128)
			fprintf(o, " -s %c", (char)g->id);
		if (g->arg && strcmp(g->name, "theme") == 0)
			fprintf(o, " -x -a '%s'", fish_source('t'));
		else if (g->arg && strcmp(g->arg, "FILE") == 0)
			fputs(" -r -F", o);
		else if (g->arg)
			fputs(" -x", o);
		fish_desc(o, g->help);
		fputc('\n', o);
	}
	for (i = 0; (c = cli_command_at(i)) != NULL; i++) {
		fprintf(o, "complete -c berth -n '__fish_use_subcommand' -a %s",
			c->name);
		fish_desc(o, c->help);
		fputc('\n', o);
		n = usage_opts(c->usage, u);
		for (k = 0; k < n; k++)
			fish_opt(o, c->name, &u[k]);
		if (c->args[0] == 's')
			fprintf(o,
				"complete -c berth -n "
				"'__fish_seen_subcommand_from %s' -a 'bash zsh "
				"fish'\n",
				c->name);
		else if (c->args[0] == 'f')
			fprintf(o,
				"complete -c berth -n "
				"'__fish_seen_subcommand_from %s' -F\n",
				c->name);
		else if (c->args[0])
			fprintf(o,
				"complete -c berth -n "
				"'__fish_seen_subcommand_from %s' -a '%s'\n",
				c->name, fish_source(c->args[0]));
	}
}

int cli_cmd_completions(const struct cli_opts *o, int argc, char **argv)
{
	(void)o;
	if (argc == 2 && strcmp(argv[1], "bash") == 0)
		bash(stdout);
	else if (argc == 2 && strcmp(argv[1], "zsh") == 0)
		zsh(stdout);
	else if (argc == 2 && strcmp(argv[1], "fish") == 0)
		fish(stdout);
	else if (argc == 2 && strcmp(argv[1], "--themes") == 0)
		console_theme_names(stdout);
	else {
		fprintf(stderr, "usage: berth completions bash|zsh|fish\n");
		return 2;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
