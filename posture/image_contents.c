#include "posture/image_contents.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "posture/image_merge.h"

/* The files whose bodies say what the image is. */
#define OS_ETC "etc/os-release"
#define OS_USR "usr/lib/os-release"
#define DPKG_STATUS "var/lib/dpkg/status"
#define DPKG_STATUS_D "var/lib/dpkg/status.d/"
#define APK_DB "lib/apk/db/installed"
#define OS_MAX (64 * 1024)
#define DB_MAX (32 * 1024 * 1024)

/* One status.d file: distroless images keep a stanza per package. */
struct pic_stanza_file {
	size_t file; /* index into the layer's files, or (size_t)-1 */
	struct pkgdb_list pkgs;
};

/* What one layer holds of the files above; a file index of (size_t)-1
 * is one the index had no room for (it counts as visible). */
struct pic_facts {
	char *os_text[2]; /* etc, usr/lib */
	size_t os_len[2], os_file[2];
	int os_link; /* etc/os-release is a symlink */
	int has_db[2];
	size_t db_file[2]; /* dpkg, apk */
	struct pkgdb_list db[2];
	struct pic_stanza_file *sd;
	size_t n_sd;
};

/* A JSON file of the export: the manifest, image configs. */
struct pic_meta {
	char *name;
	cJSON *json;
};

struct pic_collect {
	struct posture_image_contents *ic;
	struct pic_facts *facts; /* one per layer */
	struct pic_meta *meta;
	size_t n_meta;
	size_t total; /* entries indexed */
	int nomem;
};

enum { WANT_NONE, WANT_OS_ETC, WANT_OS_USR, WANT_DPKG, WANT_APK, WANT_SD };

static int want_of(const char *path)
{
	if (strcmp(path, OS_ETC) == 0)
		return WANT_OS_ETC;
	if (strcmp(path, OS_USR) == 0)
		return WANT_OS_USR;
	if (strcmp(path, DPKG_STATUS) == 0)
		return WANT_DPKG;
	if (strcmp(path, APK_DB) == 0)
		return WANT_APK;
	if (strncmp(path, DPKG_STATUS_D, strlen(DPKG_STATUS_D)) == 0 &&
	    path[strlen(DPKG_STATUS_D)] &&
	    !strchr(path + strlen(DPKG_STATUS_D), '/'))
		return WANT_SD;
	return WANT_NONE;
}

static struct pic_layer *top(struct pic_collect *k)
{
	return k->ic->n_layers ? &k->ic->layers[k->ic->n_layers - 1] : NULL;
}

static struct pic_facts *top_facts(struct pic_collect *k)
{
	return k->ic->n_layers ? &k->facts[k->ic->n_layers - 1] : NULL;
}

static int on_layer(void *ud, const char *key)
{
	struct pic_collect *k = ud;
	struct posture_image_contents *ic = k->ic;
	struct pic_layer *nl;
	struct pic_facts *nf;
	size_t n = ic->n_layers + 1;

	nl = realloc(ic->layers, n * sizeof(*nl));
	if (!nl)
		goto nomem;
	ic->layers = nl;
	nf = realloc(k->facts, n * sizeof(*nf));
	if (!nf)
		goto nomem;
	k->facts = nf;
	memset(&nl[n - 1], 0, sizeof(*nl));
	memset(&nf[n - 1], 0, sizeof(*nf));
	nf[n - 1].os_file[0] = nf[n - 1].os_file[1] = (size_t)-1;
	nf[n - 1].db_file[0] = nf[n - 1].db_file[1] = (size_t)-1;
	nl[n - 1].key = strdup(key);
	ic->n_layers = n;
	if (!nl[n - 1].key)
		goto nomem;
	return 0;
nomem:
	k->nomem = 1;
	return 1;
}

/* The file an entry makes: a whiteout names what it removes. */
static unsigned char entry_type(const struct api_tar_entry *e, char **path)
{
	const char *base = strrchr(e->path, '/');
	size_t dir = base ? (size_t)(base - e->path) : 0;

	base = base ? base + 1 : e->path;
	if (strcmp(base, ".wh..wh..opq") == 0) {
		*path = strndup(e->path, dir);
		return PIC_OPAQUE;
	}
	if (strncmp(base, ".wh.", 4) == 0) {
		size_t n = strlen(base + 4);
		*path = malloc(dir + n + 2);
		if (*path) {
			memcpy(*path, e->path, dir);
			if (dir)
				(*path)[dir++] = '/';
			memcpy(*path + dir, base + 4, n + 1);
		}
		return PIC_WHITEOUT;
	}
	*path = strdup(e->path);
	switch (e->type) {
	case API_TAR_FILE:
		return PIC_FILE;
	case API_TAR_DIR:
		return PIC_DIR;
	case API_TAR_SYMLINK:
		return PIC_SYMLINK;
	case API_TAR_HARDLINK:
		return PIC_HARDLINK;
	default:
		return PIC_OTHER;
	}
}

static int64_t on_entry(void *ud, const struct api_tar_entry *e)
{
	struct pic_collect *k = ud;
	struct pic_layer *l = top(k);
	struct pic_facts *f = top_facts(k);
	struct pic_file *pf;
	size_t idx = (size_t)-1;
	char *path = NULL;
	unsigned char t;
	int w;

	if (!l || e->path[0] == '\0')
		return 0;
	if (k->total >= PIC_MAX_FILES) {
		k->ic->truncated = 1;
	} else {
		if (l->n == l->cap) {
			size_t nc = l->cap ? l->cap * 2 : 256;
			pf = realloc(l->files, nc * sizeof(*pf));
			if (!pf)
				goto nomem;
			l->files = pf;
			l->cap = nc;
		}
		t = entry_type(e, &path);
		if (!path)
			goto nomem;
		pf = &l->files[l->n];
		pf->path = path;
		pf->size = e->type == API_TAR_FILE ? e->size : 0;
		pf->mode = e->mode;
		pf->type = t;
		pf->hidden = 0;
		idx = l->n++;
		k->total++;
		l->size += pf->size;
	}
	w = want_of(e->path);
	if (w == WANT_OS_ETC && e->type == API_TAR_SYMLINK)
		f->os_link = 1;
	if (e->type != API_TAR_FILE || w == WANT_NONE)
		return 0;
	if (w == WANT_OS_ETC || w == WANT_OS_USR)
		f->os_file[w - WANT_OS_ETC] = idx;
	else if (w == WANT_DPKG || w == WANT_APK)
		f->db_file[w - WANT_DPKG] = idx;
	if (w == WANT_SD) {
		struct pic_stanza_file *sd =
			realloc(f->sd, (f->n_sd + 1) * sizeof(*sd));
		if (!sd)
			goto nomem;
		f->sd = sd;
		memset(&sd[f->n_sd], 0, sizeof(*sd));
		sd[f->n_sd++].file = idx;
	}
	return w == WANT_OS_ETC || w == WANT_OS_USR ? OS_MAX : DB_MAX;
nomem:
	k->nomem = 1;
	return -1;
}

static int on_body(void *ud, const struct api_tar_entry *e, const char *data,
		   size_t len)
{
	struct pic_collect *k = ud;
	struct pic_facts *f = top_facts(k);
	int w = want_of(e->path), i;

	if (!f)
		return 0;
	switch (w) {
	case WANT_OS_ETC:
	case WANT_OS_USR:
		i = w - WANT_OS_ETC;
		free(f->os_text[i]);
		f->os_text[i] = malloc(len + 1);
		if (!f->os_text[i])
			goto nomem;
		memcpy(f->os_text[i], data, len);
		f->os_text[i][len] = '\0';
		f->os_len[i] = len;
		return 0;
	case WANT_DPKG:
	case WANT_APK:
		i = w - WANT_DPKG;
		pkgdb_list_free(&f->db[i]);
		f->has_db[i] = 1;
		if (i == 0)
			pkgdb_dpkg_status(data, len, &f->db[i]);
		else
			pkgdb_apk_installed(data, len, &f->db[i]);
		if (f->db[i].nomem)
			goto nomem;
		return 0;
	case WANT_SD:
		if (f->n_sd)
			pkgdb_dpkg_status(data, len, &f->sd[f->n_sd - 1].pkgs);
		return 0;
	}
	return 0;
nomem:
	k->nomem = 1;
	return 1;
}

static int on_meta(void *ud, const char *name, const char *data, size_t len)
{
	struct pic_collect *k = ud;
	struct pic_meta *m;
	cJSON *j;

	if (k->n_meta >= 64)
		return 0; /* an export holds a manifest and a few configs */
	j = cJSON_ParseWithLength(data, len);
	if (!j)
		return 0; /* not JSON: nothing this reads */
	m = realloc(k->meta, (k->n_meta + 1) * sizeof(*m));
	if (m) {
		k->meta = m;
		m[k->n_meta].name = strdup(name);
		m[k->n_meta].json = j;
		if (m[k->n_meta].name) {
			k->n_meta++;
			return 0;
		}
	}
	cJSON_Delete(j);
	k->nomem = 1;
	return 1;
}

static const cJSON *meta_get(const struct pic_collect *k, const char *name)
{
	size_t i;

	for (i = 0; name && i < k->n_meta; i++)
		if (strcmp(k->meta[i].name, name) == 0)
			return k->meta[i].json;
	return NULL;
}

struct pic_collect *pic_collect_new(struct posture_image_contents *ic)
{
	struct pic_collect *k = calloc(1, sizeof(*k));

	if (k)
		k->ic = ic;
	return k;
}

void pic_collect_visitor(struct pic_collect *k, struct api_export_visitor *v)
{
	memset(v, 0, sizeof(*v));
	v->layer = on_layer;
	v->entry = on_entry;
	v->body = on_body;
	v->meta = on_meta;
	v->ud = k;
}

static void facts_free(struct pic_facts *f)
{
	size_t i;

	free(f->os_text[0]);
	free(f->os_text[1]);
	pkgdb_list_free(&f->db[0]);
	pkgdb_list_free(&f->db[1]);
	for (i = 0; i < f->n_sd; i++)
		pkgdb_list_free(&f->sd[i].pkgs);
	free(f->sd);
}

void pic_collect_free(struct pic_collect *k)
{
	size_t i;

	if (!k)
		return;
	for (i = 0; k->facts && i < k->ic->n_layers; i++)
		facts_free(&k->facts[i]);
	free(k->facts);
	for (i = 0; i < k->n_meta; i++) {
		free(k->meta[i].name);
		cJSON_Delete(k->meta[i].json);
	}
	free(k->meta);
	free(k);
}

static void layer_free(struct pic_layer *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->files[i].path);
	free(l->files);
	free(l->key);
	free(l->created_by);
}

/* Puts the layers (and their facts) in manifest.json's order, bottom
 * first; layers the manifest does not name are dropped. */
static api_code order_layers(struct pic_collect *k, struct api_error *err)
{
	struct posture_image_contents *ic = k->ic;
	const cJSON *keys = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetArrayItem(meta_get(k, "manifest.json"), 0), "Layers");
	struct pic_layer *nl;
	struct pic_facts *nf;
	size_t n = 0, i, j, want = (size_t)cJSON_GetArraySize(keys);
	const cJSON *kj;

	if (!cJSON_IsArray(keys) || want == 0) {
		return API_OK; /* no manifest: the export's order */
	}
	nl = calloc(want, sizeof(*nl));
	nf = calloc(want, sizeof(*nf));
	if (!nl || !nf) {
		free(nl);
		free(nf);
		return api_nomem(err);
	}
	cJSON_ArrayForEach (kj, keys) {
		for (j = 0; cJSON_IsString(kj) && j < ic->n_layers; j++)
			if (ic->layers[j].key &&
			    strcmp(ic->layers[j].key, kj->valuestring) == 0)
				break;
		if (!cJSON_IsString(kj) || j == ic->n_layers)
			continue; /* named twice, or not in the export */
		nl[n] = ic->layers[j];
		nf[n++] = k->facts[j];
		ic->layers[j].key = NULL; /* taken */
	}
	for (i = 0; i < ic->n_layers; i++)
		if (ic->layers[i].key) {
			layer_free(&ic->layers[i]);
			facts_free(&k->facts[i]);
		}
	free(ic->layers);
	free(k->facts);
	ic->layers = nl;
	k->facts = nf;
	ic->n_layers = n;
	return API_OK;
}

/* Each layer's history line: the config's history entries that are not
 * empty_layer, bottom first, one per layer. */
static api_code name_layers(struct pic_collect *k, struct api_error *err)
{
	const cJSON *man = cJSON_GetArrayItem(meta_get(k, "manifest.json"), 0);
	const cJSON *cfg = cJSON_GetObjectItemCaseSensitive(man, "Config");
	const cJSON *hist, *h, *by;
	size_t i = 0;

	hist = cJSON_GetObjectItemCaseSensitive(
		meta_get(k, cJSON_GetStringValue(cfg)), "history");
	cJSON_ArrayForEach (h, hist) {
		if (cJSON_IsTrue(
			    cJSON_GetObjectItemCaseSensitive(h, "empty_layer")))
			continue;
		if (i >= k->ic->n_layers)
			break;
		by = cJSON_GetObjectItemCaseSensitive(h, "created_by");
		if (cJSON_IsString(by)) {
			k->ic->layers[i].created_by = strdup(by->valuestring);
			if (!k->ic->layers[i].created_by)
				return api_nomem(err);
		}
		i++;
	}
	return API_OK;
}

static int visible(const struct posture_image_contents *ic, size_t layer,
		   size_t file)
{
	return file == (size_t)-1 || !ic->layers[layer].files[file].hidden;
}

/* The OS: the top /etc/os-release, or the /usr/lib one it links to. */
static void find_os(struct pic_collect *k)
{
	struct posture_image_contents *ic = k->ic;
	size_t i = ic->n_layers;
	int want = 0; /* 0: etc first, 1: only usr/lib */

	while (i-- > 0) {
		struct pic_facts *f = &k->facts[i];

		if (want == 0 && f->os_link)
			want = 1;
		if (want == 0 && f->os_text[0] && visible(ic, i, f->os_file[0]))
			break;
		if (f->os_text[1] && visible(ic, i, f->os_file[1])) {
			want = 1;
			break;
		}
	}
	if (i < ic->n_layers &&
	    pkgdb_os_release(k->facts[i].os_text[want],
			     k->facts[i].os_len[want], &ic->os) == 0)
		ic->have_os = 1;
}

static int copy_pkgs(struct pkgdb_list *to, const struct pkgdb_list *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		if (pkgdb_add(to, from->items[i].name,
			      strlen(from->items[i].name),
			      from->items[i].version,
			      strlen(from->items[i].version)) != 0)
			return -1;
	return 0;
}

/* The packages: the top dpkg status or apk database, and every visible
 * status.d file. */
static api_code find_pkgs(struct pic_collect *k, struct api_error *err)
{
	static const char *const names[2] = {"dpkg", "apk"};
	struct posture_image_contents *ic = k->ic;
	size_t i = ic->n_layers, j;
	int d, found = 0;

	while (!found && i-- > 0)
		for (d = 0; d < 2 && !found; d++)
			if (k->facts[i].has_db[d] &&
			    visible(ic, i, k->facts[i].db_file[d])) {
				if (copy_pkgs(&ic->pkgs, &k->facts[i].db[d]))
					return api_nomem(err);
				ic->pkg_db = names[d];
				found = 1;
			}
	for (i = 0; i < ic->n_layers; i++)
		for (j = 0; j < k->facts[i].n_sd; j++)
			if (visible(ic, i, k->facts[i].sd[j].file)) {
				if (copy_pkgs(&ic->pkgs,
					      &k->facts[i].sd[j].pkgs))
					return api_nomem(err);
				if (!ic->pkg_db)
					ic->pkg_db = names[0];
			}
	pkgdb_sort(&ic->pkgs);
	return API_OK;
}

api_code pic_collect_finish(struct pic_collect *k, struct api_error *err)
{
	api_code rc;

	if (k->nomem)
		return api_nomem(err);
	rc = order_layers(k, err);
	if (rc == API_OK)
		rc = name_layers(k, err);
	if (rc == API_OK)
		rc = pic_apply_whiteouts(k->ic, err);
	if (rc == API_OK)
		find_os(k);
	if (rc == API_OK)
		rc = find_pkgs(k, err);
	if (rc == API_OK)
		rc = pic_final_files(k->ic, err);
	if (rc == API_OK && pic_dive_figures(k->ic) != 0)
		rc = api_nomem(err);
	return rc;
}

api_code posture_image_contents_read(struct api_client *c, const char *image,
				     struct posture_image_contents *out,
				     const volatile int *cancel,
				     struct api_error *err)
{
	struct pic_collect *k;
	struct api_export_visitor v;
	api_code rc;

	memset(out, 0, sizeof(*out));
	k = pic_collect_new(out);
	if (!k)
		return api_nomem(err);
	pic_collect_visitor(k, &v);
	v.cancel = cancel;
	rc = api_image_export_walk(c, image, &v, err);
	if (rc == API_E_CANCELLED && k->nomem)
		rc = api_nomem(err);
	if (rc == API_OK)
		rc = pic_collect_finish(k, err);
	pic_collect_free(k);
	if (rc == API_OK)
		out->id = strdup(image);
	if (rc == API_OK && !out->id)
		rc = api_nomem(err);
	if (rc != API_OK)
		posture_image_contents_free(out);
	return rc;
}

void posture_image_contents_slim(struct posture_image_contents *ic)
{
	size_t i, j;

	for (i = 0; i < ic->n_layers; i++) {
		struct pic_layer *l = &ic->layers[i];

		for (j = 0; j < l->n; j++)
			free(l->files[j].path);
		free(l->files);
		l->files = NULL;
		l->n = l->cap = 0;
	}
}

void posture_image_contents_free(struct posture_image_contents *ic)
{
	size_t i;

	for (i = 0; i < ic->n_layers; i++)
		layer_free(&ic->layers[i]);
	free(ic->layers);
	for (i = 0; i < ic->n_setuid; i++)
		free(ic->setuid[i].path);
	free(ic->setuid);
	pkgdb_list_free(&ic->pkgs);
	free(ic->id);
	memset(ic, 0, sizeof(*ic));
}
