/* berth image NAME: one image, everything berth knows of it: where it
 * comes from, how it was built, its base OS and that OS's end of life,
 * its packages, setuid files and layers, and its findings. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/image_ops.h"
#include "api/images.h"
#include "cli/audit_text.h"
#include "cli/cli.h"
#include "model/format.h"
#include "posture/contents_cache.h"
#include "posture/eol.h"
#include "posture/image_report.h"
#include "posture/rules.h"
#include "views/console.h"

#define USAGE                                                                  \
	"usage: berth image [--format text|json] [--files] [--no-contents] "   \
	"NAME\n"

struct image_run {
	struct api_client *c;
	struct api_image_inspect img;
	struct api_image_history h;
	int have_h;
	struct posture_image_contents ic;
	int have_ic;
	char contents_error[512];
	struct posture_policy policy;
	struct posture_findings f;
};

static void put_label(FILE *out, const char *label)
{
	fprintf(out, "%-12s", label);
}

static void put_strv(FILE *out, const struct api_strv *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		fputs(i ? " " : "", out);
		cli_put(out, v->v[i], 0);
	}
	fputc('\n', out);
}

static void text_provenance(FILE *out, const struct image_report *r)
{
	const char *origin = image_report_origin(r);
	size_t i;

	put_label(out, "origin");
	fputs(strcmp(origin, "local") == 0
		      ? "built or loaded here (no registry digest)\n"
	      : strcmp(origin, "untrusted") == 0
		      ? "a registry or namespace not trusted "
			"(berth.image.unofficial)\n"
	      : strcmp(origin, "official") == 0 ? "Docker Hub official image\n"
						: "a trusted registry\n",
	      out);
	for (i = 0; i < r->img->repo_tags.n; i++) {
		put_label(out, i ? "" : "tags");
		cli_put(out, r->img->repo_tags.v[i], 0);
		fputc('\n', out);
	}
	for (i = 0; i < r->img->repo_digests.n; i++) {
		put_label(out, i ? "" : "digests");
		cli_put(out, r->img->repo_digests.v[i], 0);
		fputc('\n', out);
	}
}

static void text_config(FILE *out, const struct api_image_config *c)
{
	put_label(out, "user");
	cli_put(out, c->user && *c->user ? c->user : "(root)", 0);
	fputc('\n', out);
	put_label(out, "entrypoint");
	put_strv(out, &c->entrypoint);
	put_label(out, "cmd");
	put_strv(out, &c->cmd);
	put_label(out, "ports");
	put_strv(out, &c->exposed_ports);
	put_label(out, "healthcheck");
	if (c->has_healthcheck)
		put_strv(out, &c->healthcheck.test);
	else
		fputs("none\n", out);
}

static void text_os(FILE *out, const struct image_report *r)
{
	const struct posture_image_contents *ic = r->contents;
	const struct eol_entry *e;

	put_label(out, "base OS");
	if (!ic) {
		fputs("not read", out);
		if (r->contents_error) {
			fputs(": ", out);
			cli_put(out, r->contents_error, 0);
		}
		fputc('\n', out);
		return;
	}
	if (!ic->have_os) {
		fputs("unknown (no /etc/os-release)\n", out);
		return;
	}
	cli_put(out, ic->os.pretty[0] ? ic->os.pretty : ic->os.id, 0);
	e = eol_find(&r->policy->eol, &ic->os);
	if (e)
		fprintf(out, ", end of life %s\n", e->eol);
	else if (r->policy->eol.n == 0)
		fputs(", end of life unknown (no table: --eol-file)\n", out);
	else
		fputs(", not in the end-of-life table\n", out);
}

static void text_contents(FILE *out, const struct posture_image_contents *ic)
{
	char size[32], hidden[32], by[104];
	size_t i;

	put_label(out, "packages");
	if (ic->pkg_db)
		fprintf(out, "%zu (%s)\n", ic->pkgs.n, ic->pkg_db);
	else
		fputs("no dpkg or apk database\n", out);
	put_label(out, "setuid");
	fprintf(out, "%zu\n", ic->n_setuid);
	for (i = 0; i < ic->n_setuid; i++) {
		fprintf(out, "            %04o /", ic->setuid[i].mode);
		cli_put(out, ic->setuid[i].path, 0);
		fputc('\n', out);
	}
	fmt_size((double)ic->size, size, sizeof(size));
	fmt_size((double)ic->wasted, hidden, sizeof(hidden));
	put_label(out, "files");
	fprintf(out, "%lld, %s; %s hidden by upper layers%s\n",
		(long long)ic->files, size, hidden,
		ic->truncated ? " (index cut short)" : "");
	fmt_size((double)ic->dive_wasted, hidden, sizeof(hidden));
	put_label(out, "efficiency");
	fprintf(out, "%.1f %% (dive's score; its wasted space %s)\n",
		ic->efficiency * 100.0, hidden);
	fprintf(out,
		"layers      %zu  (size, files added ~changed -removed, "
		"created by)\n",
		ic->n_layers);
	for (i = 0; i < ic->n_layers; i++) {
		const struct pic_layer *l = &ic->layers[i];

		fmt_size((double)l->size, size, sizeof(size));
		fprintf(out, "  %2zu %9s  +%zu ~%zu -%zu  ", i, size, l->added,
			l->changed, l->removed);
		snprintf(by, sizeof(by), "%.100s",
			 ic->layers[i].created_by ? ic->layers[i].created_by
						  : "");
		cli_put(out, by, 0);
		fputc('\n', out);
	}
}

static void text_report(FILE *out, const struct image_report *r, int color)
{
	size_t i;

	put_label(out, "image");
	cli_put(out, r->name, 0);
	fputc('\n', out);
	put_label(out, "id");
	cli_put(out, r->img->id, 0);
	fputc('\n', out);
	put_label(out, "created");
	cli_put(out, r->img->created, 0);
	fputc('\n', out);
	text_provenance(out, r);
	text_config(out, &r->img->config);
	text_os(out, r);
	if (r->contents)
		text_contents(out, r->contents);
	fprintf(out, "findings    %zu\n", r->findings->n);
	for (i = 0; i < r->findings->n; i++)
		audit_text_finding(out, &r->findings->items[i], color);
}

static int fetch(struct image_run *x, const char *name, int contents)
{
	struct api_error err;
	api_code code;
	char *dir;

	code = api_image_inspect(x->c, name, &x->img, &err);
	if (code != API_OK) {
		cli_fail("image", &err);
		return code == API_E_HTTP ? 1 : 3;
	}
	x->have_h = api_image_history(x->c, x->img.id, &x->h, &err) == API_OK;
	if (!contents)
		return 0;
	dir = contents_cache_dir();
	code = contents_cache_get(x->c, dir, x->img.id, &x->ic, NULL, &err);
	free(dir);
	x->have_ic = code == API_OK;
	if (!x->have_ic)
		snprintf(x->contents_error, sizeof(x->contents_error), "%s",
			 err.msg);
	return 0;
}

static int parse(int argc, char **argv, int *json, int *contents, int *files,
		 const char **name)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"files", no_argument, NULL, 'F'},
		{"no-contents", no_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		if (ch == 'f' && (strcmp(optarg, "json") == 0 ||
				  strcmp(optarg, "text") == 0))
			*json = strcmp(optarg, "json") == 0;
		else if (ch == 'C')
			*contents = 0;
		else if (ch == 'F')
			*files = 1;
		else if (ch == 'h') {
			fputs(USAGE, stdout);
			return 0;
		} else {
			fputs(USAGE, stderr);
			return 2;
		}
	}
	if (optind + 1 != argc) {
		fputs(USAGE, stderr);
		return 2;
	}
	*name = argv[optind];
	return -1;
}

static void run_free(struct image_run *x)
{
	api_image_inspect_free(&x->img);
	api_image_history_free(&x->h);
	posture_image_contents_free(&x->ic);
	posture_findings_free(&x->f);
	posture_policy_free(&x->policy);
	api_client_free(x->c);
}

int cli_cmd_image(const struct cli_opts *o, int argc, char **argv)
{
	struct image_run x = {0};
	struct posture_engine e = {0};
	struct image_report r = {0};
	const char *name = NULL;
	int json = 0, contents = 1, files = 0, rc;
	char *text;

	rc = parse(argc, argv, &json, &contents, &files, &name);
	if (rc >= 0)
		return rc;
	if (console_config_policy(o->config_path, o->eol_file, &x.policy) != 0)
		return 2;
	x.c = cli_connect(o);
	rc = x.c ? fetch(&x, name, contents) : 3;
	if (rc == 0) {
		e.host = api_client_host(x.c);
		e.policy = &x.policy;
		if (posture_judge(
			    &(struct posture_subject){
				    .scope = POSTURE_SCOPE_IMAGE,
				    .engine = &e,
				    .image = &x.img,
				    .history = x.have_h ? &x.h : NULL,
				    .contents = x.have_ic ? &x.ic : NULL,
				    .image_name = x.img.repo_tags.n
							  ? x.img.repo_tags.v[0]
							  : name},
			    &x.f) != API_OK)
			rc = 1;
		posture_findings_sort(&x.f);
	}
	if (rc == 0) {
		r = (struct image_report){
			.name = name,
			.img = &x.img,
			.history = x.have_h ? &x.h : NULL,
			.contents = x.have_ic ? &x.ic : NULL,
			.contents_error =
				x.contents_error[0] ? x.contents_error : NULL,
			.policy = &x.policy,
			.findings = &x.f,
			.files = files};
		if (json) {
			text = image_report_json(&r);
			if (text)
				puts(text);
			else
				rc = 1;
			free(text);
		} else {
			text_report(stdout, &r, isatty(STDOUT_FILENO));
		}
		if (contents && !x.have_ic)
			rc = 1;
	}
	run_free(&x);
	return rc;
}
