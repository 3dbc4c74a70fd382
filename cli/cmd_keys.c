/* `berth keys`: every key binding, from the same tables the console and
 * its help overlay use (the man page and the tests read it too). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/global_opts.h"
#include "posture/rules.h"
#include "views/console_docs.h"

int cli_cmd_keys(const struct cli_opts *o, int argc, char **argv)
{
	(void)o;
	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: berth keys\n");
		return 2;
	}
	return console_keys_list(stdout) == 0 ? 0 : 1;
}

static void roff(const char *s)
{
	console_roff(stdout, s);
}

/* Scopes in the order a reader meets them: what runs, what it runs
 * from, then the engine and its host. */
static const struct {
	enum posture_scope scope;
	const char *title;
} rule_groups[] = {
	{POSTURE_SCOPE_CONTAINER, "Container rules"},
	{POSTURE_SCOPE_IMAGE, "Image rules"},
	{POSTURE_SCOPE_SERVICE, "Swarm service rules"},
	{POSTURE_SCOPE_ENGINE, "Engine rules"},
	{POSTURE_SCOPE_HOST, "Host rules (berth audit \\-\\-host\\-checks)"},
};
#define N_GROUPS (sizeof(rule_groups) / sizeof(rule_groups[0]))

/* A rule judging several kinds of object (4.1 on a container and on an
 * image) is listed once, in its first group, naming the others. */
static void print_rule(const struct posture_rule *r, size_t group)
{
	size_t g;

	fputs(".TP\n.B ", stdout);
	roff(r->id);
	printf("\n\\fI%s\\fR: ", posture_severity_name(r->severity));
	roff(r->title);
	fputs(".\n", stdout);
	roff(r->why);
	fputs("\n.br\nFix: ", stdout);
	roff(r->fix);
	putchar('\n');
	for (g = group + 1; g < N_GROUPS; g++)
		if (r->scopes & POSTURE_IN(rule_groups[g].scope))
			printf(".br\nAlso judges each %s.\n",
			       posture_scope_name(rule_groups[g].scope));
}

static size_t first_group(const struct posture_rule *r)
{
	size_t g;

	for (g = 0; g < N_GROUPS; g++)
		if (r->scopes & POSTURE_IN(rule_groups[g].scope))
			return g;
	return N_GROUPS;
}

/* The posture rules, from the table the pane and `berth audit` run. */
static void print_rules(void)
{
	size_t g, i;

	puts(".SH POSTURE RULES");
	puts("Every rule \\fBberth audit\\fR and the posture pane apply, "
	     "with its id (the CIS Docker Benchmark 1.6.0 number where one "
	     "exists, else \\fBberth.*\\fR), its default severity (a "
	     "finding may be rated lower or higher, see \\fBDIFFERENCES "
	     "FROM DOCKER\\-BENCH\\-SECURITY\\fR), why it matters and "
	     "the fix.");
	for (g = 0; g < N_GROUPS; g++) {
		printf(".SS %s\n", rule_groups[g].title);
		for (i = 0; i < posture_rules_n; i++)
			if (first_group(&posture_rules[i]) == g)
				print_rule(&posture_rules[i], g);
	}
}

/* `berth man-tables [options]`: the man page's generated sections (the
 * global options; or configuration, keys and posture rules), from the
 * same tables the program runs on. */
int cli_cmd_man_tables(const struct cli_opts *o, int argc, char **argv)
{
	(void)o;
	if (argc > 1 && strcmp(argv[1], "options") == 0) {
		global_opts_man(stdout);
		return 0;
	}
	if (console_man_sections(stdout) != 0)
		return 1;
	print_rules();
	return 0;
}
