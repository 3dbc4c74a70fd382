#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/container_inspect.h"
#include "api/container_top.h"
#include "api/containers.h"
#include "api/images.h"
#include "api/networks.h"
#include "api/swarm_service.h"
#include "api/system.h"
#include "cli/audit_text.h"
#include "posture/report.h"
#include "cli/cli.h"
#include "posture/contents_cache.h"
#include "posture/engine_facts.h"
#include "posture/hostfacts_collect.h"
#include "posture/rules.h"
#include "views/console.h"

/*
 * berth audit: every container's, image's and the engine's findings,
 * headless.  Exit status: 0, or 1 when a finding at or above --fail-on
 * exists or a request failed, 2 on a usage error, 3 when the engine
 * cannot be reached.
 */

#define USAGE                                                                  \
	"usage: berth audit [--format text|json|sarif] [--fail-on SEVERITY]\n" \
	"                   [--container NAME ...] [-H HOST]\n"                \
	"                   [--host-checks | --no-host-checks]\n"              \
	"                   [--no-contents]\n"

struct audit_args {
	enum audit_format fmt;
	int fail_on; /* a severity, or -1: never */
	const char **names;
	size_t n_names;
	const char *host;
	int host_checks; /* -1: when the engine is local */
	int no_contents; /* images judged without reading their files */
};

/* What a run fetched, freed in one place. */
struct audit_run {
	struct api_client *c;
	struct posture_findings f;
	/* what every subject is judged with, as in the posture pane */
	struct posture_engine_facts ef;
	char **images; /* image ids already judged */
	size_t n_images;
	struct posture_policy policy; /* the config's judging policy */
	int contents;		      /* read each image's export (cached) */
	char *cache_dir;	      /* where the contents are kept, or NULL */
};

static int judge(struct audit_run *r, struct posture_subject *s)
{
	r->ef.e.policy = &r->policy;
	s->engine = &r->ef.e;
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

static int unreachable(api_code code)
{
	return code == API_E_CONNECT || code == API_E_TIMEOUT ||
	       code == API_E_TRANSPORT;
}

static int fail(const char *what, const struct api_error *err)
{
	cli_fail(what, err);
	return unreachable(err->code) ? 3 : 1;
}

static int seen_image(struct audit_run *r, const char *id)
{
	char **p;
	size_t i;

	for (i = 0; i < r->n_images; i++)
		if (strcmp(r->images[i], id) == 0)
			return 1;
	p = realloc(r->images, (r->n_images + 1) * sizeof(*p));
	if (!p)
		return 0;
	r->images = p;
	p[r->n_images] = strdup(id);
	if (p[r->n_images])
		r->n_images++;
	return 0;
}

/* The image's files, from the cache or its export; a failure is said
 * and the image judged without them. */
static int read_contents(struct audit_run *r, const char *id,
			 struct posture_image_contents *ic, int *have)
{
	struct api_error err;
	api_code code;

	*have = 0;
	if (!r->contents)
		return 0;
	code = contents_cache_get(r->c, r->cache_dir, id, ic, NULL, &err);
	if (code == API_E_HTTP && err.http_status == 404)
		return 0; /* removed meanwhile */
	if (code != API_OK)
		return fail("image contents", &err);
	*have = 1;
	return 0;
}

static int audit_image(struct audit_run *r, const char *id, const char *ref)
{
	struct api_image_inspect img = {0};
	struct api_image_history h = {0};
	struct posture_image_contents ic = {0};
	struct api_error err;
	api_code code;
	int rc = 0, have_ic = 0;

	if (!id || !*id || seen_image(r, id))
		return 0;
	code = api_image_inspect(r->c, id, &img, &err);
	if (code == API_E_HTTP && err.http_status == 404)
		return 0; /* removed meanwhile */
	if (code != API_OK)
		return fail("image", &err);
	code = api_image_history(r->c, id, &h, &err);
	if (code != API_OK && !(code == API_E_HTTP && err.http_status == 404))
		rc = fail("image history", &err);
	else
		rc = read_contents(r, id, &ic, &have_ic);
	if (rc == 0)
		rc = judge(r, &(struct posture_subject){
				      .scope = POSTURE_SCOPE_IMAGE,
				      .image = &img,
				      .history = code == API_OK ? &h : NULL,
				      .contents = have_ic ? &ic : NULL,
				      .image_name = img.repo_tags.n
							    ? img.repo_tags.v[0]
							    : ref});
	if (have_ic)
		posture_image_contents_free(&ic);
	api_image_history_free(&h);
	api_image_inspect_free(&img);
	return rc;
}

static int audit_container(struct audit_run *r, const char *id)
{
	struct api_container_inspect ci = {0};
	struct api_image_inspect img = {0};
	struct api_top top = {0};
	struct api_error err;
	api_code code;
	int rc = 0, have_top, have_img = 0;

	code = api_container_inspect(r->c, id, &ci, &err);
	if (code == API_E_HTTP && err.http_status == 404)
		return 0;
	if (code != API_OK)
		return fail("container", &err);
	/* a running container's processes, as the posture pane reads them;
	 * stopped meanwhile (409): judged without */
	have_top = ci.state.running &&
		   api_container_top(r->c, ci.id, NULL, &top, &err) == API_OK;
	code = posture_container_image_fetch(r->c, &ci, &img, &have_img, &err);
	if (code != API_OK)
		rc = fail("image", &err);
	else
		rc = judge(r,
			   &(struct posture_subject){
				   .scope = POSTURE_SCOPE_CONTAINER,
				   .container = &ci,
				   .top = have_top ? &top : NULL,
				   .image_labels = have_img ? &img.config.labels
							    : NULL});
	if (have_img)
		api_image_inspect_free(&img);
	api_top_free(&top);
	if (rc == 0)
		rc = audit_image(r, ci.image, ci.config.image);
	api_container_inspect_free(&ci);
	return rc;
}

static int wanted(const struct audit_args *a,
		  const struct api_container_summary *s, char *matched)
{
	size_t i, n;
	int hit = 0;

	if (!a->n_names)
		return 1;
	for (i = 0; i < a->n_names; i++) {
		n = strlen(a->names[i]);
		if ((s->name && strcmp(s->name, a->names[i]) == 0) ||
		    (s->id && n >= 4 && strncmp(s->id, a->names[i], n) == 0)) {
			matched[i] = 1;
			hit = 1;
		}
	}
	return hit;
}

static int audit_containers(struct audit_run *r, const struct audit_args *a)
{
	struct api_containers_list_opts lo = {.all = 1};
	struct api_container_list list = {0};
	struct api_error err;
	char *matched = calloc(a->n_names + 1, 1);
	size_t i;
	int rc = 0;

	if (!matched)
		return 1;
	if (api_containers_list(r->c, &lo, &list, &err) != API_OK)
		rc = fail("containers", &err);
	for (i = 0; rc == 0 && i < list.n; i++)
		if (wanted(a, &list.items[i], matched))
			rc = audit_container(r, list.items[i].id);
	/* the images no container runs, unless the audit is narrowed */
	for (i = 0; rc == 0 && !a->n_names && i < r->ef.images.n; i++)
		if (!api_strv_has(&r->ef.used, r->ef.images.items[i].id))
			rc = audit_image(r, r->ef.images.items[i].id, NULL);
	for (i = 0; rc == 0 && i < a->n_names; i++)
		if (!matched[i]) {
			fputs("berth: audit: no such container: ", stderr);
			cli_put(stderr, a->names[i], 0);
			fputc('\n', stderr);
			rc = 2;
		}
	free(matched);
	api_container_list_free(&list);
	return rc;
}

static int audit_engine(struct audit_run *r)
{
	struct api_error err = {0};

	if (posture_engine_facts_fetch(r->c, &r->ef, &err) != API_OK)
		return fail("engine", &err);
	return judge(r,
		     &(struct posture_subject){.scope = POSTURE_SCOPE_ENGINE});
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

	if (a->n_names || !r->ef.info.swarm.control_available)
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

/* The engine's own host: only meaningful when berth runs on it, so on
 * by default for a unix socket; asked for on a remote engine it says
 * why it cannot judge. */
static int audit_host(struct audit_run *r, const struct audit_args *a)
{
	const char *host = api_client_host(r->c);
	struct posture_engine remote;
	struct hostfacts h = {0};
	int rc;

	if (a->host_checks == 0 || (a->host_checks < 0 && !r->ef.have_host))
		return 0;
	if (r->ef.have_host)
		return judge(r, &(struct posture_subject){
					.scope = POSTURE_SCOPE_HOST});
	/* A remote engine's host cannot be read from here: the facts only
	 * say so, and the host rules say why. */
	if (hostfacts_collect(host, NULL, NULL, NULL, &h) != API_OK) {
		hostfacts_free(&h);
		fputs("berth: audit: out of memory\n", stderr);
		return 1;
	}
	remote = r->ef.e;
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
	rep.engine_name = r->ef.info.name;
	rep.engine_version = r->ef.ver.version;
	rep.api_version = r->ef.ver.api_version;
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
	size_t i;
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
	r.contents = !a.no_contents;
	r.cache_dir = r.contents ? contents_cache_dir() : NULL;
	r.c = cli_connect(&co);
	rc = r.c ? 0 : 3;
	if (rc == 0)
		rc = audit_engine(&r);
	if (rc == 0)
		rc = audit_host(&r, &a);
	if (rc == 0)
		rc = audit_containers(&r, &a);
	if (rc == 0)
		rc = audit_services(&r, &a);
	if (rc == 0)
		rc = report(&r, &a);
	if (rc == 0 && a.fail_on >= 0 &&
	    posture_findings_worst(&r.f) >= a.fail_on)
		rc = 1;
	for (i = 0; i < r.n_images; i++)
		free(r.images[i]);
	free(r.images);
	free(r.cache_dir);
	posture_findings_free(&r.f);
	posture_policy_free(&r.policy);
	posture_engine_facts_free(&r.ef);
	api_client_free(r.c);
	free(a.names);
	return rc;
}
