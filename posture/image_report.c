#include "posture/image_report.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/containers.h"
#include "api/reference.h"
#include "posture/checks.h"
#include "posture/eol.h"
#include "posture/report.h"

static void add_str(cJSON *o, const char *k, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

static cJSON *strv(const struct api_strv *v)
{
	cJSON *a = cJSON_CreateArray();
	size_t i;

	for (i = 0; a && i < v->n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(v->v[i]));
	return a;
}

const char *image_report_origin(const struct image_report *r)
{
	const struct api_strv *d = &r->img->repo_digests;
	struct api_ref ref;
	const char *o;
	int any = 0;
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (api_ref_parse(d->v[i], &ref) != 0)
			continue;
		any = 1;
		o = posture_ref_origin(r->policy, &ref);
		if (strcmp(o, "official") == 0 || strcmp(o, "trusted") == 0)
			return o;
	}
	return any ? "untrusted" : "local";
}

static void add_refs(cJSON *arr, const struct api_strv *v, const char *kind,
		     const struct posture_policy *p)
{
	struct api_ref ref;
	size_t i;

	for (i = 0; i < v->n; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddItemToArray(arr, o);
		add_str(o, "reference", v->v[i]);
		add_str(o, "kind", kind);
		if (api_ref_parse(v->v[i], &ref) != 0) {
			add_str(o, "origin", NULL);
			continue;
		}
		add_str(o, "registry", ref.registry);
		add_str(o, "repository", ref.path);
		add_str(o, "tag", ref.tag[0] ? ref.tag : NULL);
		add_str(o, "digest", ref.digest[0] ? ref.digest : NULL);
		add_str(o, "origin", posture_ref_origin(p, &ref));
	}
}

static cJSON *provenance(const struct image_report *r)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *refs = cJSON_AddArrayToObject(o, "references");

	add_str(o, "origin", image_report_origin(r));
	add_refs(refs, &r->img->repo_tags, "tag", r->policy);
	add_refs(refs, &r->img->repo_digests, "digest", r->policy);
	return o;
}

static cJSON *config(const struct api_image_config *c)
{
	cJSON *o = cJSON_CreateObject(), *env, *labels;
	size_t i;

	add_str(o, "user", c->user ? c->user : "");
	cJSON_AddItemToObject(o, "entrypoint", strv(&c->entrypoint));
	cJSON_AddItemToObject(o, "cmd", strv(&c->cmd));
	add_str(o, "working_dir", c->working_dir);
	env = cJSON_AddArrayToObject(o, "env");
	for (i = 0; i < c->env.n; i++) {
		const char *eq = strchr(c->env.v[i], '=');
		size_t n =
			eq ? (size_t)(eq - c->env.v[i]) : strlen(c->env.v[i]);
		char *name = strndup(c->env.v[i], n);

		if (name)
			cJSON_AddItemToArray(env, cJSON_CreateString(name));
		free(name);
	}
	cJSON_AddItemToObject(o, "exposed_ports", strv(&c->exposed_ports));
	cJSON_AddItemToObject(o, "volumes", strv(&c->volumes));
	if (c->has_healthcheck)
		cJSON_AddItemToObject(o, "healthcheck",
				      strv(&c->healthcheck.test));
	else
		cJSON_AddNullToObject(o, "healthcheck");
	labels = cJSON_AddObjectToObject(o, "labels");
	for (i = 0; i < c->labels.n; i++)
		add_str(labels, c->labels.items[i].key,
			c->labels.items[i].value);
	add_str(o, "stop_signal", c->stop_signal);
	return o;
}

static cJSON *base_os(const struct image_report *r)
{
	const struct posture_image_contents *ic = r->contents;
	const struct eol_entry *e;
	cJSON *o;
	char day[24];
	int64_t now = r->now ? r->now : (int64_t)time(NULL);

	if (!ic || !ic->have_os)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	add_str(o, "id", ic->os.id);
	add_str(o, "version_id", ic->os.version_id);
	add_str(o, "codename", ic->os.codename);
	add_str(o, "pretty_name", ic->os.pretty);
	e = r->policy ? eol_find(&r->policy->eol, &ic->os) : NULL;
	add_str(o, "eol", e ? e->eol : NULL);
	add_str(o, "eol_source", e ? e->source : NULL);
	if (e) {
		snprintf(day, sizeof(day), "%sT00:00:00Z", e->eol);
		cJSON_AddBoolToObject(o, "supported",
				      now < api_time_parse(day) + 86400);
	} else {
		cJSON_AddNullToObject(o, "supported");
	}
	return o;
}

static cJSON *packages(const struct posture_image_contents *ic)
{
	cJSON *o = cJSON_CreateObject(), *items;
	size_t i;

	add_str(o, "database", ic->pkg_db);
	cJSON_AddNumberToObject(o, "count", (double)ic->pkgs.n);
	items = cJSON_AddArrayToObject(o, "items");
	for (i = 0; i < ic->pkgs.n; i++) {
		cJSON *p = cJSON_CreateObject();

		cJSON_AddItemToArray(items, p);
		add_str(p, "name", ic->pkgs.items[i].name);
		add_str(p, "version", ic->pkgs.items[i].version);
	}
	return o;
}

static size_t layer_files(const struct pic_layer *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += l->files[i].type != PIC_DIR &&
		     l->files[i].type != PIC_WHITEOUT &&
		     l->files[i].type != PIC_OPAQUE;
	return n;
}

static const char *type_name(unsigned char t)
{
	static const char *const names[] = {"file",  "dir",   "symlink",
					    "link",  "other", "whiteout",
					    "opaque"};

	return t < sizeof(names) / sizeof(names[0]) ? names[t] : "other";
}

static cJSON *entries(const struct pic_layer *l)
{
	cJSON *arr = cJSON_CreateArray();
	char mode[8];
	size_t i;

	for (i = 0; arr && i < l->n; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddItemToArray(arr, o);
		add_str(o, "path", l->files[i].path);
		add_str(o, "type", type_name(l->files[i].type));
		snprintf(mode, sizeof(mode), "%04o", l->files[i].mode);
		add_str(o, "mode", mode);
		cJSON_AddNumberToObject(o, "size", (double)l->files[i].size);
		cJSON_AddBoolToObject(o, "hidden", l->files[i].hidden);
	}
	return arr;
}

static void add_contents(cJSON *root, const struct posture_image_contents *ic,
			 int files)
{
	cJSON *arr;
	size_t i;
	char mode[8];

	cJSON_AddItemToObject(root, "packages", packages(ic));
	arr = cJSON_AddArrayToObject(root, "setuid");
	for (i = 0; i < ic->n_setuid; i++) {
		cJSON *s = cJSON_CreateObject();

		cJSON_AddItemToArray(arr, s);
		add_str(s, "path", ic->setuid[i].path);
		snprintf(mode, sizeof(mode), "%04o", ic->setuid[i].mode);
		add_str(s, "mode", mode);
		cJSON_AddNumberToObject(s, "layer",
					(double)ic->setuid[i].layer);
	}
	arr = cJSON_AddArrayToObject(root, "layers");
	for (i = 0; i < ic->n_layers; i++) {
		const struct pic_layer *l = &ic->layers[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddItemToArray(arr, o);
		cJSON_AddNumberToObject(o, "index", (double)i);
		add_str(o, "key", l->key);
		add_str(o, "created_by", l->created_by);
		cJSON_AddNumberToObject(o, "size", (double)l->size);
		cJSON_AddNumberToObject(o, "files", (double)layer_files(l));
		cJSON_AddNumberToObject(o, "hidden_bytes",
					(double)l->hidden_bytes);
		cJSON_AddNumberToObject(o, "added", (double)l->added);
		cJSON_AddNumberToObject(o, "changed", (double)l->changed);
		cJSON_AddNumberToObject(o, "removed", (double)l->removed);
		if (files)
			cJSON_AddItemToObject(o, "entries", entries(l));
	}
	cJSON_AddNumberToObject(root, "files", (double)ic->files);
	cJSON_AddNumberToObject(root, "wasted_bytes", (double)ic->wasted);
	cJSON_AddNumberToObject(root, "efficiency", ic->efficiency);
	cJSON_AddNumberToObject(root, "dive_wasted_bytes",
				(double)ic->dive_wasted);
	cJSON_AddBoolToObject(root, "truncated", ic->truncated);
}

char *image_report_json(const struct image_report *r)
{
	cJSON *root = cJSON_CreateObject();
	size_t i;
	int64_t now = r->now ? r->now : (int64_t)time(NULL);
	int64_t created = api_time_parse(r->img->created);
	char *out = NULL;

	add_str(root, "image", r->name);
	add_str(root, "id", r->img->id);
	add_str(root, "created", r->img->created);
	if (created > 0 && now >= created)
		cJSON_AddNumberToObject(root, "age_days",
					(double)((now - created) / 86400));
	else
		cJSON_AddNullToObject(root, "age_days");
	add_str(root, "architecture", r->img->architecture);
	add_str(root, "os", r->img->os);
	cJSON_AddNumberToObject(root, "size", (double)r->img->size);
	cJSON_AddItemToObject(root, "provenance", provenance(r));
	cJSON_AddItemToObject(root, "config", config(&r->img->config));
	cJSON_AddItemToObject(root, "base_os", base_os(r));
	if (r->contents) {
		add_contents(root, r->contents, r->files);
	} else {
		static const char *const absent[] = {"packages",
						     "setuid",
						     "layers",
						     "files",
						     "wasted_bytes",
						     "efficiency",
						     "dive_wasted_bytes",
						     "truncated"};
		for (i = 0; i < sizeof(absent) / sizeof(absent[0]); i++)
			cJSON_AddNullToObject(root, absent[i]);
	}
	add_str(root, "contents_error", r->contents_error);
	if (audit_findings_add(root, r->findings) == 0)
		out = cJSON_Print(root);
	cJSON_Delete(root);
	return out;
}
