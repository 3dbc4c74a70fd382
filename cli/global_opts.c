#include "cli/global_opts.h"

#include <string.h>

#include "views/console_docs.h"

const struct global_opt global_opts[] = {
	{"host", GOPT_HOST, "ADDR",
	 "engine address: unix:///path, tcp://host:port or\n"
	 "ssh://[user@]host[:port] (default: $DOCKER_HOST, else\n"
	 "the Docker context, else unix:///var/run/docker.sock);\n"
	 "give it several times to watch several engines",
	 "The engine: \\fBunix:///\\fIpath\\fR, \\fBtcp://\\fIhost\\fB:\\fIport"
	 "\\fR or\n\\fBssh://\\fR[\\fIuser\\fB@\\fR]\\fIhost\\fR[\\fB:\\fIport"
	 "\\fR].\nDefault: \\fB$DOCKER_HOST\\fR, else the Docker context (see "
	 "\\fBCONTEXTS\\fR),\nelse \\fBunix:///var/run/docker.sock\\fR.\n"
	 "A plain \\fBtcp://\\fR (no TLS) to an address other than loopback "
	 "is refused\nunless \\fB\\-\\-allow\\-insecure\\-tcp\\fR is given; "
	 "the "
	 "console then shows a\n\\fBNO TLS\\fR badge and \\fBberth audit\\fR "
	 "finding \\fBberth.engine.tls\\fR.\n.IP\nGive \\fB\\-H\\fR several "
	 "times (up to 8) to watch several engines at once:\nthe console "
	 "switches between them and has a fleet view with one row\nper "
	 "engine."},
	{"all-contexts", GOPT_ALL_CONTEXTS, NULL,
	 "watch every Docker context's engine at once",
	 "Watch the engine of every Docker context at once, as with several\n"
	 "\\fB\\-H\\fR."},
	{"context", GOPT_CONTEXT, "NAME",
	 "use the Docker context NAME (default: $DOCKER_CONTEXT,\n"
	 "else currentContext in ~/.docker/config.json)",
	 "Use the Docker context \\fINAME\\fR; cannot be combined with "
	 "\\fB\\-H\\fR."},
	{"tls", GOPT_TLS, NULL, "use TLS (implied by $DOCKER_TLS_VERIFY)",
	 "Use TLS (implied by \\fB$DOCKER_TLS_VERIFY\\fR)."},
	{"tlsverify", GOPT_TLSVERIFY, NULL,
	 "use TLS and verify the engine (the default with TLS)",
	 "Use TLS and verify the engine's certificate (the default whenever "
	 "TLS is on)."},
	{"tlscacert", GOPT_TLSCACERT, "FILE",
	 "CA certificate (default $DOCKER_CERT_PATH/ca.pem)",
	 "The CA that signed the engine's certificate; default "
	 "\\fBca.pem\\fR in\n\\fB$DOCKER_CERT_PATH\\fR (else "
	 "\\fI~/.docker\\fR)."},
	{"tlscert", GOPT_TLSCERT, "FILE",
	 "client certificate (default $DOCKER_CERT_PATH/cert.pem)",
	 "berth's client certificate; default \\fBcert.pem\\fR beside it."},
	{"tlskey", GOPT_TLSKEY, "FILE",
	 "client key (default $DOCKER_CERT_PATH/key.pem)",
	 "The client certificate's key; default \\fBkey.pem\\fR beside it.\n"
	 "Update, rebuild and export run on the console's own connection, so "
	 "all\nof this (and a context's own TLS material) applies to them "
	 "too."},
	{"allow-insecure-tcp", GOPT_INSECURE_TCP, NULL,
	 "allow plain tcp:// (no TLS) to a non-loopback host",
	 "Allow a plain \\fBtcp://\\fR engine address that is not on "
	 "loopback."},
	{"read-only", GOPT_READ_ONLY, NULL,
	 "refuse every action that changes the engine",
	 "Refuse every action that would change the engine; no such request "
	 "is sent."},
	{"no-color", GOPT_NO_COLOR, NULL, "no colours (as NO_COLOR=1)",
	 "No colours anywhere: the console's theme, the programs' own colours "
	 "in logs and the headless reports, as when \\fBNO_COLOR\\fR is "
	 "set."},
	{"theme", GOPT_THEME, "NAME", "colour theme",
	 "A colour theme: \\fBdefault\\fR, \\fBlight\\fR, "
	 "\\fBhigh\\-contrast\\fR,\n\\fBmono\\fR, or a path to a theme file."},
	{"config", GOPT_CONFIG, "FILE", "configuration file",
	 "The configuration file to read instead of the default one."},
	{"eol-file", GOPT_EOL_FILE, "FILE",
	 "end-of-life table over the shipped one",
	 "An end\\-of\\-life table of base OS releases whose lines replace or "
	 "extend the shipped \\fIeol.tsv\\fR (\\fBberth.image.eol\\fR), over "
	 "the "
	 "config's \\fBeol_file\\fR."},
	{"help", GOPT_HELP, NULL, "this help",
	 "Options, commands and configuration options."},
	{"version", GOPT_VERSION, NULL, "berth's version", "berth's version."},
};
const size_t global_opts_n = sizeof(global_opts) / sizeof(global_opts[0]);

static int has_short(const struct global_opt *g)
{
	return g->id < 256;
}

void global_opts_getopt(struct option *longs, char *shorts, size_t n_shorts)
{
	size_t i, k = 0;

	if (n_shorts > 0)
		shorts[k++] = '+';
	for (i = 0; i < global_opts_n && i < GLOBAL_OPTS_MAX; i++) {
		const struct global_opt *g = &global_opts[i];

		longs[i] = (struct option){
			g->name, g->arg ? required_argument : no_argument, NULL,
			(int)g->id};
		if (has_short(g) && k + 3 < n_shorts) {
			shorts[k++] = (char)g->id;
			if (g->arg)
				shorts[k++] = ':';
		}
	}
	longs[i] = (struct option){NULL, 0, NULL, 0};
	if (n_shorts > 0)
		shorts[k < n_shorts ? k : n_shorts - 1] = '\0';
}

#define HELP_COL 25

void global_opts_help(FILE *out)
{
	size_t i;

	fputs("Options:\n", out);
	for (i = 0; i < global_opts_n; i++) {
		const struct global_opt *g = &global_opts[i];
		const char *h = g->help;
		int col;

		if (has_short(g))
			col = fprintf(out, "  -%c, --%s", (char)g->id, g->name);
		else
			col = fprintf(out, "      --%s", g->name);
		if (g->arg)
			col += fprintf(out, " %s", g->arg);
		/* A long option overruns its column: the text follows it. */
		fprintf(out, "%*s", col < HELP_COL ? HELP_COL - col : 2, "");
		while (*h) {
			size_t n = strcspn(h, "\n");

			fprintf(out, "%.*s\n", (int)n, h);
			h += n;
			if (*h == '\n' && *++h)
				fprintf(out, "%*s", HELP_COL, "");
		}
	}
}

void global_opts_man(FILE *out)
{
	size_t i;

	fputs(".SH OPTIONS\n", out);
	for (i = 0; i < global_opts_n; i++) {
		const struct global_opt *g = &global_opts[i];

		fputs(".TP\n", out);
		if (has_short(g))
			fprintf(out, ".BR \\-%c \", \" ", (char)g->id);
		else
			fputs(g->arg ? ".BI " : ".B ", out);
		fputs("\\-\\-", out);
		console_roff(out, g->name);
		if (g->arg && has_short(g))
			fprintf(out, " \" \\fI%s\\fR\"", g->arg);
		else if (g->arg)
			fprintf(out, " \" %s\"", g->arg);
		fprintf(out, "\n%s\n", g->man);
	}
}
