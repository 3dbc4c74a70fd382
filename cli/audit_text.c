#include "cli/audit_text.h"

#include <string.h>

#include "cli/cli.h"
#include "posture/rules.h"
#include "posture/score.h"

static const char *sev_color(enum posture_severity s)
{
	switch (s) {
	case POSTURE_SEV_CRITICAL:
		return "\033[1;31m";
	case POSTURE_SEV_HIGH:
		return "\033[31m";
	case POSTURE_SEV_MEDIUM:
		return "\033[33m";
	case POSTURE_SEV_LOW:
		return "\033[36m";
	default:
		return "\033[2m";
	}
}

void audit_text_finding(FILE *out, const struct posture_finding *f, int color)
{
	char sev[16];
	size_t i;

	snprintf(sev, sizeof(sev), "%s",
		 posture_finding_accepted(f)
			 ? "accepted"
			 : posture_severity_name(f->severity));
	for (i = 0; sev[i]; i++)
		if (sev[i] >= 'a' && sev[i] <= 'z')
			sev[i] = (char)(sev[i] - 'a' + 'A');
	fputs("  ", out);
	if (color)
		fputs(posture_finding_accepted(f) ? "\033[2m"
						  : sev_color(f->severity),
		      out);
	fprintf(out, "%-8s", sev);
	if (color)
		fputs("\033[0m", out);
	fprintf(out, " %-17s ", f->rule->id);
	cli_put(out, f->rule->title, 0);
	fputs("\n           evidence: ", out);
	cli_put(out, f->evidence, 0);
	fputs("\n           why: ", out);
	cli_put(out, f->rule->why, 0);
	fputs("\n           fix: ", out);
	cli_put(out, posture_finding_fix(f), 0);
	if (f->accept.reason) {
		fputs(f->accept.expired ? "\n           acceptance ran out: "
					: "\n           accepted: ",
		      out);
		cli_put(out, f->accept.reason, 0);
		fputs(" (", out);
		cli_put(out, f->accept.where, 0);
		if (f->accept.until[0])
			fprintf(out, ", until %s", f->accept.until);
		fputc(')', out);
	}
	fputc('\n', out);
}

static int same_object(const struct posture_finding *a,
		       const struct posture_finding *b)
{
	return a->scope == b->scope && strcmp(a->object ? a->object : "",
					      b->object ? b->object : "") == 0;
}

void audit_text(FILE *out, const struct audit_report *r, int color)
{
	const struct posture_findings *f = r->findings;
	size_t counts[POSTURE_SEV_COUNT], i, j, k;
	int s;

	posture_findings_counts(f, counts);
	fputs("engine ", out);
	cli_put(out, r->host, 0);
	fputs(" (", out);
	cli_put(out, r->engine_version ? r->engine_version : "?", 0);
	fprintf(out, ")  score %d/100 ", posture_score(f));
	for (s = POSTURE_SEV_COUNT - 1; s >= 0; s--)
		fprintf(out, " %s %zu",
			posture_severity_name((enum posture_severity)s),
			counts[s]);
	fprintf(out, " accepted %zu\n", posture_findings_accepted(f));
	/* Sorted worst first, so an object's first finding is its worst and
	 * the objects come out worst first too. */
	for (i = 0; i < f->n; i++) {
		for (k = 0; k < i && !same_object(&f->items[k], &f->items[i]);
		     k++)
			;
		if (k < i)
			continue;
		fprintf(out, "\n%s ", posture_scope_name(f->items[i].scope));
		cli_put(out, f->items[i].object, 0);
		fputc('\n', out);
		for (j = i; j < f->n; j++)
			if (same_object(&f->items[j], &f->items[i]))
				audit_text_finding(out, &f->items[j], color);
	}
	if (f->n == 0)
		fputs("no findings\n", out);
}
