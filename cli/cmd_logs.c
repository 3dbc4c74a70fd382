/* berth logs: the console's logs pane, or the logs printed (several
 * containers merged in the engine's time order, each line prefixed with
 * its container's name).  To a pipe the bytes are the containers' own,
 * as docker logs gives them; to a terminal they are sanitized. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "model/log_multi.h"
#include "views/console.h"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

struct printer {
	int timestamps, prefix, tty, colour;
	int width; /* the longest name, for aligned prefixes */
	char *clean;
	size_t clean_cap;
};

static const int prefix_colours[] = {36, 33, 32, 35, 34, 31, 96, 93, 92, 95};

static int put_text(struct printer *pr, FILE *f, const char *s, size_t n)
{
	size_t need = 3 * n + 1;
	char *b;

	if (!pr->tty)
		return fwrite(s, 1, n, f) == n ? 0 : -1;
	if (need > pr->clean_cap) {
		if ((b = realloc(pr->clean, need)) == NULL)
			return -1;
		pr->clean = b;
		pr->clean_cap = need;
	}
	n = console_sanitize(s, n, pr->clean, pr->clean_cap);
	return fwrite(pr->clean, 1, n, f) == n ? 0 : -1;
}

static int print_line(const char *name, unsigned src, const struct logline *l,
		      void *ud)
{
	struct printer *pr = ud;
	FILE *f = l->stream == LOG_STDERR ? stderr : stdout;
	int colour = prefix_colours[src % (sizeof(prefix_colours) /
					   sizeof(prefix_colours[0]))];

	if ((int)strlen(name) > pr->width)
		pr->width = (int)strlen(name);
	if (pr->prefix) {
		if (pr->colour)
			fprintf(f, "\033[%dm", colour);
		if (put_text(pr, f, name, strlen(name)) != 0)
			return 1;
		fprintf(f, "%*s |%s ", pr->width - (int)strlen(name), "",
			pr->colour ? "\033[0m" : "");
	}
	if (pr->timestamps && l->ts_len) {
		if (put_text(pr, f, l->ts, l->ts_len) != 0)
			return 1;
		fputc(' ', f);
	}
	/* the last line without its newline stays so, as docker logs */
	if (put_text(pr, f, l->text, l->len) != 0 ||
	    (!l->partial && fputc('\n', f) == EOF))
		return 1; /* a closed pipe: stop reading */
	if (pr->tty)
		fflush(f);
	return 0;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: berth logs [-f|--follow] [-t|--timestamps] "
		"[--since 10m|RFC3339] [--tail N|all] [--prefix|--no-prefix] "
		"NAME...\n");
	return 2;
}

struct args {
	struct log_multi_opts lo;
	int timestamps, prefix, headless;
	char *names[LOG_MULTI_MAX];
	unsigned n;
};

static int value_opt(struct args *a, const char *opt, const char *v)
{
	char *end;

	a->headless = 1;
	if (strcmp(opt, "--since") == 0) {
		a->lo.since = log_since_parse(v, (int64_t)time(NULL));
		if (a->lo.since < 0) {
			fprintf(stderr, "berth: logs: --since: 10m, 2h, 1d or "
					"an RFC 3339 time\n");
			return -1;
		}
		return 0;
	}
	if (strcmp(v, "all") == 0) {
		a->lo.tail = -1;
		return 0;
	}
	a->lo.tail = strtoll(v, &end, 10);
	if (end == v || *end || a->lo.tail < 0) {
		fprintf(stderr, "berth: logs: --tail: a number or all\n");
		return -1;
	}
	return 0;
}

static int parse(struct args *a, int argc, char **argv)
{
	int i;

	memset(a, 0, sizeof(*a));
	a->lo.tail = -1;
	a->prefix = -1;
	for (i = 1; i < argc; i++) {
		const char *s = argv[i];

		if (strcmp(s, "-f") == 0 || strcmp(s, "--follow") == 0) {
			a->lo.follow = a->headless = 1;
		} else if (strcmp(s, "-t") == 0 ||
			   strcmp(s, "--timestamps") == 0) {
			a->timestamps = a->headless = 1;
		} else if (strcmp(s, "--prefix") == 0 ||
			   strcmp(s, "--no-prefix") == 0) {
			a->prefix = s[2] == 'p';
			a->headless = 1;
		} else if (strcmp(s, "--since") == 0 ||
			   strcmp(s, "--tail") == 0 || strcmp(s, "-n") == 0) {
			if (i + 1 >= argc)
				return usage();
			if (value_opt(a, s[1] == 'n' ? "--tail" : s,
				      argv[++i]) != 0)
				return 2;
		} else if (s[0] == '-' && s[1]) {
			return usage();
		} else if (a->n >= LOG_MULTI_MAX) {
			fprintf(stderr, "berth: logs: at most %d containers\n",
				LOG_MULTI_MAX);
			return 2;
		} else {
			a->names[a->n++] = argv[i];
		}
	}
	return a->n ? 0 : usage();
}

int cli_cmd_logs(const struct cli_opts *o, int argc, char **argv)
{
	struct printer pr = {0};
	struct api_client *c;
	struct api_error err;
	struct args a;
	unsigned i;
	int rc;

	if ((rc = parse(&a, argc, argv)) != 0)
		return rc;
	/* one name on a terminal, nothing else asked: the pane */
	if (!a.headless && a.n == 1 && isatty(STDOUT_FILENO))
		return cli_cmd_pane(o, argc, argv);
	pr.timestamps = a.timestamps;
	pr.prefix = a.prefix >= 0 ? a.prefix : a.n > 1;
	pr.tty = isatty(STDOUT_FILENO);
	pr.colour = pr.tty && !getenv("NO_COLOR");
	for (i = 0; i < a.n; i++)
		if ((int)strlen(a.names[i]) > pr.width)
			pr.width = (int)strlen(a.names[i]);
	if ((c = cli_connect(o)) == NULL)
		return 1;
	if (a.lo.follow) { /* a reader of the pipe sees each line as it comes */
		setvbuf(stdout, NULL, _IOLBF, 0);
		setvbuf(stderr, NULL, _IOLBF, 0);
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	rc = log_multi_run(c, a.names, a.n, &a.lo, print_line, &pr,
			   &stop_requested, &err) == API_OK
		     ? 0
		     : cli_fail("logs", &err);
	fflush(stdout);
	free(pr.clean);
	api_client_free(c);
	return rc;
}
