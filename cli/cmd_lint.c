/* berth lint [Dockerfile]: the image rules of berth audit applied to a
 * Dockerfile before it is built.  Exit status as berth audit's: 0, or 1
 * when a finding at or above --fail-on exists or the file cannot be
 * read or parsed, 2 on a usage error.  No engine is needed. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/audit_text.h"
#include "cli/cli.h"
#include "posture/lint.h"
#include "posture/policy.h"
#include "posture/report.h"
#include "views/console.h"

#define USAGE                                                                  \
	"usage: berth lint [--format text|json] [--fail-on SEVERITY] "         \
	"[DOCKERFILE|-]\n"

/* A byte over the parser's own limit, so it can say the file is too
 * large rather than judge its first 4 MB. */
#define LINT_READ_MAX (4u * 1024u * 1024u + 1u)

struct lint_args {
	int json;
	int fail_on;
	const char *path;
};

static int usage_error(const char *why)
{
	if (why)
		fprintf(stderr, "berth: lint: %s\n", why);
	fputs(USAGE, stderr);
	return 2;
}

static int parse_args(int argc, char **argv, struct lint_args *a)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"fail-on", required_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "f:F:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "text") != 0 &&
			    strcmp(optarg, "json") != 0)
				return usage_error("--format: text or json");
			a->json = strcmp(optarg, "json") == 0;
			break;
		case 'F':
			if (cli_fail_on_parse(optarg, &a->fail_on) != 0)
				return usage_error("--fail-on: critical, high, "
						   "medium, low, info or none");
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return usage_error(NULL);
		}
	}
	if (optind + 1 < argc)
		return usage_error("one Dockerfile at a time");
	if (optind < argc)
		a->path = argv[optind];
	return -1;
}

/* The whole file (at most LINT_READ_MAX bytes), or NULL with errno. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf;
	int e;

	if (!f)
		return NULL;
	buf = malloc(LINT_READ_MAX);
	*len = buf ? fread(buf, 1, LINT_READ_MAX, f) : 0;
	e = !buf ? ENOMEM : ferror(f) ? EIO : 0;
	if (f != stdin)
		fclose(f);
	if (e) {
		free(buf);
		errno = e;
		return NULL;
	}
	return buf;
}

static int print_json(const char *path, const struct posture_findings *f)
{
	cJSON *root = cJSON_CreateObject(), *items, *it;
	size_t i = 0, lines[32], n, k;
	char *text = NULL;
	int rc = 1;

	if (!root || !cJSON_AddStringToObject(root, "dockerfile", path) ||
	    audit_findings_add(root, f) != 0)
		goto out;
	items = cJSON_GetObjectItemCaseSensitive(root, "findings");
	cJSON_ArrayForEach (it, items) {
		cJSON *arr = cJSON_AddArrayToObject(it, "lines");

		if (!arr)
			goto out;
		n = posture_lint_lines(f->items[i++].evidence, lines, 32);
		for (k = 0; k < n; k++)
			cJSON_AddItemToArray(
				arr, cJSON_CreateNumber((double)lines[k]));
	}
	text = cJSON_Print(root);
	if (text) {
		puts(text);
		rc = 0;
	}
out:
	if (rc)
		fputs("berth: lint: out of memory\n", stderr);
	free(text);
	cJSON_Delete(root);
	return rc;
}

static void print_text(const char *path, const struct posture_findings *f)
{
	int color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	size_t i;

	cli_put(stdout, path, 0);
	if (f->n == 0) {
		fputs(": no findings\n", stdout);
		return;
	}
	printf(": %zu finding%s\n", f->n, f->n == 1 ? "" : "s");
	for (i = 0; i < f->n; i++)
		audit_text_finding(stdout, &f->items[i], color);
}

int cli_cmd_lint(const struct cli_opts *o, int argc, char **argv)
{
	struct lint_args a = {.fail_on = -1, .path = "Dockerfile"};
	struct posture_policy policy;
	struct posture_findings f = {0};
	struct api_error err = {0};
	size_t len = 0;
	char *text;
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	if (console_config_policy(o->config_path, o->eol_file, &policy) != 0)
		return 2;
	text = slurp(a.path, &len);
	if (!text) {
		fprintf(stderr, "berth: lint: %s: %s\n", a.path,
			strerror(errno));
		posture_policy_free(&policy);
		return 1;
	}
	if (posture_lint(text, len, a.path, &policy, (int64_t)time(NULL), &f,
			 &err) != API_OK) {
		fputs("berth: lint: ", stderr);
		cli_put(stderr, a.path, 0);
		/* "Dockerfile:3: not an instruction", as compilers say it */
		fputs(err.msg[0] >= '0' && err.msg[0] <= '9' ? ":" : ": ",
		      stderr);
		cli_put(stderr, err.msg, 0);
		fputc('\n', stderr);
		rc = 1;
	} else {
		posture_findings_sort(&f);
		rc = a.json ? print_json(a.path, &f)
			    : (print_text(a.path, &f), 0);
		if (rc == 0 && a.fail_on >= 0 &&
		    posture_findings_worst(&f) >= a.fail_on)
			rc = 1;
	}
	free(text);
	posture_findings_free(&f);
	posture_policy_free(&policy);
	return rc;
}
