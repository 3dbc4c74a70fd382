/* `berth posture --format text|json`: the posture pane's own scan and
 * model (model/posture_scan.h), run once to its end and printed, like
 * top -b -n 1; without --format, the console on the posture pane.  Its
 * findings are the pane's, so anyone can hold them against berth
 * audit's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/audit_text.h"
#include "cli/cli.h"
#include "model/contents_store.h"
#include "model/posture_scan.h"
#include "posture/contents_cache.h"
#include "posture/report.h"
#include "views/console.h"

struct run {
	int failed;
	struct contents_store contents;
};

static const struct posture_image_contents *on_contents(void *ud,
							const char *id)
{
	struct run *r = ud;

	return cts_get(&r->contents, id);
}

/* The scan to its end, and every image's contents it asked for read in
 * turn (outside the scan's callbacks: the export drives the client). */
static void settle(struct api_client *c, struct pscan *s,
		   struct contents_store *cs)
{
	struct posture_image_contents ic;
	struct api_error err;
	const char *next;
	char id[160];
	api_code rc;

	for (;;) {
		while (pscan_busy(s)) {
			api_client_wait(c, NULL, 0, 1000);
			api_client_process(c);
		}
		next = cts_next_wanted(cs);
		if (!next)
			return;
		snprintf(id, sizeof(id), "%s", next);
		rc = posture_image_contents_read(c, id, &ic, NULL, &err);
		cts_done(cs, id, rc, &ic, rc == API_OK ? NULL : err.msg);
		pscan_image_again(s, id);
	}
}

static void on_status(void *ud, int error, const char *text)
{
	struct run *r = ud;

	if (!error)
		return;
	r->failed = 1;
	fputs("berth: ", stderr);
	cli_put(stderr, text, 0);
	fputc('\n', stderr);
}

/* The engine's (and its host's) findings, every container's and every
 * image's (each once: those the containers run and the others), as one
 * list for the report writers. */
static api_code collect(struct posture_model *m, struct posture_findings *all)
{
	size_t k;

	posture_findings_copy(all, &m->engine);
	for (k = 0; k < m->n; k++)
		posture_findings_copy(all, &m->items[k].f);
	for (k = 0; k < m->images.n; k++)
		if (m->images.items[k].judged)
			posture_findings_copy(all, &m->images.items[k].f);
	return all->nomem ? API_E_NOMEM : API_OK;
}

static int print(struct api_client *c, struct pscan *s, enum audit_format fmt)
{
	struct posture_findings all = {0};
	struct audit_report rep = {0};
	char *text;
	int rc = 0;

	if (collect(&s->m, &all) != API_OK) {
		posture_findings_free(&all);
		fputs("berth: posture: out of memory\n", stderr);
		return 1;
	}
	posture_findings_sort(&all);
	rep.host = api_client_host(c);
	rep.engine_name = s->ef.have_info ? s->ef.info.name : NULL;
	rep.engine_version = s->ef.have_ver ? s->ef.ver.version : NULL;
	rep.api_version = s->ef.have_ver ? s->ef.ver.api_version : NULL;
	rep.generated = time(NULL);
	rep.findings = &all;
	if (fmt == AUDIT_TEXT) {
		audit_text(stdout, &rep,
			   isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
	} else {
		text = audit_json(&rep);
		if (text)
			puts(text);
		else
			rc = 1;
		free(text);
	}
	posture_findings_free(&all);
	return rc;
}

static int usage(void)
{
	fputs("usage: berth posture [NAME] | berth posture --format "
	      "text|json\n",
	      stderr);
	return 2;
}

int cli_cmd_posture(const struct cli_opts *o, int argc, char **argv)
{
	enum audit_format fmt;
	struct posture_policy policy;
	struct run r = {0};
	struct pscan s;
	struct api_client *c;
	char *cache;
	int rc;

	if (argc < 2 || strncmp(argv[1], "--format", 8) != 0)
		return cli_cmd_pane(o, argc, argv);
	if (argc == 3 && strcmp(argv[1], "--format") == 0)
		rc = audit_format_parse(argv[2], &fmt);
	else if (argc == 2 && strncmp(argv[1], "--format=", 9) == 0)
		rc = audit_format_parse(argv[1] + 9, &fmt);
	else
		return usage();
	if (rc != 0 || fmt == AUDIT_SARIF)
		return usage();
	if (console_config_policy(o->config_path, o->eol_file, &policy) != 0)
		return 2;
	c = cli_connect(o);
	if (!c) {
		posture_policy_free(&policy);
		return 3;
	}
	cache = contents_cache_dir();
	if (cts_init(&r.contents, cache) != 0) {
		free(cache);
		api_client_free(c);
		posture_policy_free(&policy);
		return 1;
	}
	free(cache);
	pscan_init(&s, c,
		   &(struct pscan_hooks){NULL, on_status, &r, on_contents},
		   &policy);
	pscan_all(&s);
	settle(c, &s, &r.contents);
	rc = r.failed ? 1 : print(c, &s, fmt);
	pscan_free(&s);
	cts_free(&r.contents);
	api_client_free(c);
	posture_policy_free(&policy);
	return rc;
}
