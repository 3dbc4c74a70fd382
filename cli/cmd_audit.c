#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/container_inspect.h"
#include "api/containers.h"
#include "api/images.h"
#include "api/networks.h"
#include "api/swarm_service.h"
#include "api/system.h"
#include "cli/audit_text.h"
#include "posture/report.h"
#include "cli/cli.h"
#include "posture/hostfacts_collect.h"
#include "posture/rules.h"

/*
 * berth audit: every container's, image's and the engine's findings,
 * headless.  Exit status: 0, or 1 when a finding at or above --fail-on
 * exists or a request failed, 2 on a usage error, 3 when the engine
 * cannot be reached.
 */

#define USAGE                                                                  \
	"usage: berth audit [--format text|json|sarif] [--fail-on SEVERITY]\n" \
	"                   [--container NAME ...] [-H HOST]\n"                \
	"                   [--host-checks | --no-host-checks]\n"

struct audit_args {
	enum audit_format fmt;
	int fail_on; /* a severity, or -1: never */
	const char **names;
	size_t n_names;
	const char *host;
	int host_checks; /* -1: when the engine is local */
};

/* What a run fetched, freed in one place. */
struct audit_run {
	struct api_client *c;
	struct posture_findings f;
	struct api_info info;
	struct api_version ver;
	char **images; /* image ids already judged */
	size_t n_images;
	/* the local daemon's facts, when collected: a container without
	 * its own no-new-privileges inherits the daemon's (5.26) */
	struct hostfacts host;
	int have_host;
};

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
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum posture_severity sev;
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
			if (strcmp(optarg, "none") == 0)
				a->fail_on = -1;
			else if (posture_severity_parse(optarg, &sev) == 0)
				a->fail_on = (int)sev;
			else
				return usage_error("--fail-on: critical, high, "
						   "medium, low, info or none");
			break;
		case 'c':
			a->names[a->n_names++] = optarg;
			break;
		case 'H':
			a->host = optarg;
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

static int audit_image(struct audit_run *r, const char *id, const char *ref)
{
	struct api_image_inspect img = {0};
	struct api_image_history h = {0};
	struct api_error err;
	api_code code;
	int rc = 0;

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
	else if (posture_check_image(&img, code == API_OK ? &h : NULL,
				     img.repo_tags.n ? img.repo_tags.v[0] : ref,
				     &r->f) != API_OK)
		rc = 1;
	api_image_history_free(&h);
	api_image_inspect_free(&img);
	return rc;
}

static int audit_container(struct audit_run *r, const char *id)
{
	struct api_container_inspect ci = {0};
	struct api_error err;
	api_code code;
	int rc = 0;

	code = api_container_inspect(r->c, id, &ci, &err);
	if (code == API_E_HTTP && err.http_status == 404)
		return 0;
	if (code != API_OK)
		return fail("container", &err);
	if (posture_check_container_on(&ci, api_client_host(r->c),
				       r->have_host ? &r->host : NULL,
				       &r->f) != API_OK)
		rc = 1;
	else
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
	struct api_network br = {0};
	struct api_error err;
	api_code code;
	const char *def;
	int have_br;

	if (api_info(r->c, &r->info, &err) != API_OK)
		return fail("info", &err);
	if (api_version(r->c, &r->ver, &err) != API_OK)
		return fail("version", &err);
	/* No default bridge (dockerd --bridge=none) is no finding. */
	code = api_network_inspect(r->c, "bridge", &br, &err);
	if (code != API_OK && !(code == API_E_HTTP && err.http_status == 404)) {
		api_network_free(&br);
		return fail("network bridge", &err);
	}
	def = api_kv_get(&br.options,
			 "com.docker.network.bridge.default_bridge");
	have_br = code == API_OK && def && strcmp(def, "true") == 0;
	code = posture_check_engine(&r->info, &r->ver, have_br ? &br : NULL,
				    api_client_host(r->c),
				    api_client_is_tls(r->c), &r->f);
	api_network_free(&br);
	return code == API_OK ? 0 : 1;
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

	if (a->n_names || !r->info.swarm.control_available)
		return 0;
	if (api_services_list(r->c, &l, &err) != API_OK)
		return fail("services", &err);
	for (i = 0; rc == 0 && i < l.n; i++)
		if (posture_check_service(&l.items[i], &r->f) != API_OK)
			rc = 1;
	api_service_list_free(&l);
	return rc;
}

/* The engine's own host: only meaningful when berth runs on it, so on
 * by default for a unix socket; asked for on a remote engine it says
 * why it cannot judge. */
static int audit_host(struct audit_run *r, const struct audit_args *a)
{
	const char *host = api_client_host(r->c);
	int local = host && strncmp(host, "unix://", 7) == 0;
	api_code code;

	if (a->host_checks == 0 || (a->host_checks < 0 && !local))
		return 0;
	code = hostfacts_collect(host, r->info.docker_root_dir, r->ver.version,
				 r->ver.api_version, &r->host);
	if (code == API_OK) {
		r->have_host = 1;
		code = posture_check_host(&r->host, &r->f);
	}
	if (code != API_OK)
		fputs("berth: audit: out of memory\n", stderr);
	return code == API_OK ? 0 : 1;
}

static int report(struct audit_run *r, const struct audit_args *a)
{
	struct audit_report rep = {0};
	char *text = NULL;

	posture_findings_sort(&r->f);
	rep.host = api_client_host(r->c);
	rep.engine_name = r->info.name;
	rep.engine_version = r->ver.version;
	rep.api_version = r->ver.api_version;
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
	posture_findings_free(&r.f);
	hostfacts_free(&r.host);
	api_info_free(&r.info);
	api_version_free(&r.ver);
	api_client_free(r.c);
	free(a.names);
	return rc;
}
