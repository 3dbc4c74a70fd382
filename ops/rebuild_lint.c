#include "ops/rebuild_lint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "posture/lint.h"
#include "posture/rule.h"
#include "posture/severity.h"

/* A byte over posture_lint's limit, so it can say the file is too big. */
#define READ_MAX (4u * 1024u * 1024u + 1u)
/* Findings named in the line; the rest are counted. */
#define SHOWN 4

static char *read_file(const char *path, size_t *len, int *e)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	*e = 0;
	if (!f) {
		*e = errno;
		return NULL;
	}
	buf = malloc(READ_MAX);
	*len = buf ? fread(buf, 1, READ_MAX, f) : 0;
	*e = !buf ? ENOMEM : ferror(f) ? EIO : 0;
	fclose(f);
	if (*e) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void summarize(const struct posture_findings *f, const char *file,
		      char *out, size_t n)
{
	size_t i, k, lines[1];
	int len;

	if (f->n == 0) {
		snprintf(out, n, "%s: no findings", file);
		return;
	}
	len = snprintf(out, n, "%s: %zu finding%s:", file, f->n,
		       f->n == 1 ? "" : "s");
	for (i = 0; i < f->n && i < SHOWN && len > 0 && (size_t)len < n; i++) {
		k = posture_lint_lines(f->items[i].evidence, lines, 1);
		len += snprintf(out + len, n - (size_t)len, "%s %s %s",
				i ? "," : "",
				posture_severity_name(f->items[i].severity),
				f->items[i].rule->id);
		if (k && (size_t)len < n)
			len += snprintf(out + len, n - (size_t)len, " line %zu",
					lines[0]);
	}
	if (f->n > SHOWN && len > 0 && (size_t)len < n)
		snprintf(out + len, n - (size_t)len,
			 ", and %zu more (berth lint)", f->n - SHOWN);
}

char *rebuild_lint_summary(const struct rebuild_ctx *x,
			   const struct posture_policy *policy)
{
	const char *file = x->dockerfile ? x->dockerfile : "Dockerfile";
	struct posture_findings f = {0};
	struct api_error err = {0};
	char *path, *text = NULL, out[512];
	size_t len = 0;
	int e = 0;

	path = malloc(strlen(x->context_dir) + strlen(file) + 2);
	if (!path)
		return NULL;
	/* compose may give the Dockerfile as an absolute path */
	if (file[0] == '/')
		strcpy(path, file);
	else
		sprintf(path, "%s/%s", x->context_dir, file);
	text = read_file(path, &len, &e);
	if (!text)
		snprintf(out, sizeof(out), "%s: not judged: %s", file,
			 strerror(e));
	else if (posture_lint(text, len, file, policy, (int64_t)time(NULL), &f,
			      &err) != API_OK)
		snprintf(out, sizeof(out), "%s: not judged: %s", file, err.msg);
	else {
		posture_findings_sort(&f);
		summarize(&f, file, out, sizeof(out));
	}
	posture_findings_free(&f);
	free(text);
	free(path);
	return strdup(out);
}
