#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/swarm_service.h"
#include "cli/audit_text.h"
#include "cli/cli.h"
#include "model/posture_batch.h"
#include "posture/contents_cache.h"
#include "posture/hostfacts_collect.h"
#include "posture/report.h"
#include "posture/rules.h"
#include "views/console.h"

/*
 * berth audit: every container's, image's and the engine's findings,
 * headless: the posture pane's own scan (model/posture_batch.h), so the
 * verdicts are the pane's, with its bounded parallel inspections; a
 * swarm manager's services on top.  Exit status: 0, or 1 when a finding at or
 * above --fail-on exists or a request failed, 2 on a usage error, 3 when the
 * engine cannot be reached.
 */

#define USAGE                                                                  \
	"usage: berth audit [--format text|json|sarif] [--fail-on SEVERITY]\n" \
	"                   [--container NAME ...] [-H HOST]\n"                \
	"                   [--host-checks | --no-host-checks]\n"              \
	"                   [--no-contents] [--drift]\n"

struct audit_args {
	enum audit_format fmt;
	int fail_on; /* a severity, or -1: never */
	const char **names;
	size_t n_names;
	const char *host;
	int host_checks; /* -1: when the engine is local */
	int no_contents; /* images judged without reading their files */
	int drift;	 /* running containers' changes read (berth.drift) */
};

/* What a run found, freed in one place. */
struct audit_run {
	struct api_client *c;
	struct posture_batch b;
	struct posture_findings f;
	struct posture_policy policy; /* the config's judging policy */
};

static int judge(struct audit_run *r, struct posture_subject *s)
{
	s->engine = &r->b.s.ef.e;
	return posture_judge(s, &r->f) == API_OK ? 0 : 1;
}

static int usage_error(const char *why)
{
	if (why)
		fprintf(stderr, "berth: audit: %s\n", why);
	fputs(USAGE, stderr);
	return 2;
}

static int parse_args(int argc, char **argv, struct audit_args *a)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"fail-on", required_argument, NULL, 'F'},
		{"container", required_argument, NULL, 'c'},
		{"host", required_argument, NULL, 'H'},
		{"host-checks", no_argument, NULL, 'K'},
		{"no-host-checks", no_argument, NULL, 'k'},
		{"no-contents", no_argument, NULL, 'C'},
		{"drift", no_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int ch;

	a->names = calloc((size_t)argc + 1, sizeof(*a->names));
	if (!a->names)
		return usage_error("out of memory");
	while ((ch = getopt_long(argc, argv, "f:F:c:H:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (audit_format_parse(optarg, &a->fmt) != 0)
				return usage_error("--format: text, json or "
						   "sarif");
			break;
		case 'F':
			if (cli_fail_on_parse(optarg, &a->fail_on) != 0)
				return usage_error("--fail-on: critical, high, "
						   "medium, low, info or none");
			break;
		case 'c':
			a->names[a->n_names++] = optarg;
			break;
		case 'H':
			a->host = optarg;
			break;
		case 'C':
			a->no_contents = 1;
			break;
		case 'D':
			a->drift = 1;
			break;
		case 'K':
		case 'k':
			a->host_checks = ch == 'K';
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return usage_error(NULL);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument");
	return -1;
}

static int fail(const char *what, const struct api_error *err)
{
	cli_fail(what, err);
	return err->code == API_E_CONNECT || err->code == API_E_TIMEOUT ||
			       err->code == API_E_TRANSPORT
		       ? 3
		       : 1;
}

static void on_say(void *ud, const char *text)
{
	(void)ud;
	fputs("berth: audit: ", stderr);
	cli_put(stderr, text, 0);
	fputc('\n', stderr);
}

/* The engine, its host, every container (or those named) and every
 * image: the posture pane's own scan, run to its end. */
static int audit_scan(struct audit_run *r, const struct audit_args *a)
{
	struct posture_batch_opts bo = {.policy = &r->policy,
					.contents = !a->no_contents,
					.names = a->names,
					.n_names = a->n_names,
					.drift = a->drift,
					.say = on_say};
	char *cache = bo.contents ? contents_cache_dir() : NULL;
	const char *missing;
	int rc;

	bo.cache_dir = cache;
	rc = pbatch_init(&r->b, r->c, &bo);
	free(cache);
	if (rc != 0) {
		fputs("berth: audit: out of memory\n", stderr);
		return 1;
	}
	if (pbatch_run(&r->b) != 0)
		return 1;
	missing = pbatch_unmatched(&r->b);
	if (missing) {
		fputs("berth: audit: no such container: ", stderr);
		cli_put(stderr, missing, 0);
		fputc('\n', stderr);
		return 2;
	}
	if (pbatch_findings(&r->b, a->host_checks != 0, &r->f) != API_OK) {
		fputs("berth: audit: out of memory\n", stderr);
		return 1;
	}
	return 0;
}

/* A swarm manager's services, judged by their task template: the spec
 * every task is made from, however often the tasks are replaced.  Only
 * managers can list them; --container narrows the audit to containers. */
static int audit_services(struct audit_run *r, const struct audit_args *a)
{
	struct api_service_list l = {0};
	struct api_error err;
	size_t i;
	int rc = 0;

	if (a->n_names || !r->b.s.ef.have_info ||
	    !r->b.s.ef.info.swarm.control_available)
		return 0;
	if (api_services_list(r->c, &l, &err) != API_OK)
		return fail("services", &err);
	for (i = 0; rc == 0 && i < l.n; i++)
		rc = judge(r, &(struct posture_subject){
				      .scope = POSTURE_SCOPE_SERVICE,
				      .service = &l.items[i]});
	api_service_list_free(&l);
	return rc;
}

/* The engine's own host is judged by the scan when berth runs on it
 * (a unix socket).  Asked for on a remote engine, its host cannot be
 * read from here: the facts only say so, and the host rules say why. */
static int audit_remote_host(struct audit_run *r, const struct audit_args *a)
{
	struct posture_engine remote;
	struct hostfacts h = {0};
	int rc;

	if (a->host_checks != 1 || r->b.s.ef.have_host)
		return 0;
	if (hostfacts_collect(api_client_host(r->c), NULL, NULL, NULL, &h) !=
	    API_OK) {
		hostfacts_free(&h);
		fputs("berth: audit: out of memory\n", stderr);
		return 1;
	}
	remote = r->b.s.ef.e;
	remote.hostfacts = &h;
	rc = posture_judge(
		     &(struct posture_subject){.scope = POSTURE_SCOPE_HOST,
					       .engine = &remote},
		     &r->f) == API_OK
		     ? 0
		     : 1;
	hostfacts_free(&h);
	return rc;
}

static int report(struct audit_run *r, const struct audit_args *a)
{
	struct audit_report rep = {0};
	char *text = NULL;

	posture_findings_sort(&r->f);
	rep.host = api_client_host(r->c);
	rep.engine_name = r->b.s.ef.have_info ? r->b.s.ef.info.name : NULL;
	rep.engine_version = r->b.s.ef.have_ver ? r->b.s.ef.ver.version : NULL;
	rep.api_version = r->b.s.ef.have_ver ? r->b.s.ef.ver.api_version : NULL;
	rep.generated = time(NULL);
	rep.findings = &r->f;
	if (a->fmt == AUDIT_TEXT) {
		audit_text(stdout, &rep,
			   isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
		return 0;
	}
	text = a->fmt == AUDIT_JSON ? audit_json(&rep) : audit_sarif(&rep);
	if (!text) {
		fputs("berth: audit: out of memory\n", stderr);
		return 1;
	}
	puts(text);
	free(text);
	return 0;
}

int cli_cmd_audit(const struct cli_opts *o, int argc, char **argv)
{
	struct audit_args a = {
		.fmt = AUDIT_TEXT, .fail_on = -1, .host_checks = -1};
	struct audit_run r = {0};
	struct cli_opts co = *o;
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0) {
		free(a.names);
		return rc;
	}
	if (a.host)
		co.client.host = a.host;
	if (console_config_policy(o->config_path, o->eol_file, &r.policy) !=
	    0) {
		free(a.names);
		return 2;
	}
	r.c = cli_connect(&co);
	rc = r.c ? 0 : 3;
	if (rc == 0)
		rc = audit_scan(&r, &a);
	if (rc == 0)
		rc = audit_remote_host(&r, &a);
	if (rc == 0)
		rc = audit_services(&r, &a);
	if (rc == 0)
		rc = report(&r, &a);
	if (rc == 0 && a.fail_on >= 0 &&
	    posture_findings_worst(&r.f) >= a.fail_on)
		rc = 1;
	posture_findings_free(&r.f);
	pbatch_free(&r.b);
	posture_policy_free(&r.policy);
	api_client_free(r.c);
	free(a.names);
	return rc;
}
