#include "api/recreate_spec.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "api/client.h"
#include "api/json.h"

int api_volume_name_is_anonymous(const char *name)
{
	size_t i;

	if (!name || strlen(name) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!strchr("0123456789abcdef", name[i]))
			return 0;
	return 1;
}

static const char *str_at(const cJSON *obj, const char *key)
{
	const cJSON *v = jm_get(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static char *dup_str(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Network modes that own no endpoint of their own. */
static int mode_has_no_networks(const char *mode)
{
	return mode &&
	       (strcmp(mode, "host") == 0 || strcmp(mode, "none") == 0 ||
		strncmp(mode, "container:", 10) == 0);
}

/* The container's Config as is, minus what the engine generated or what
 * the network mode forbids, pointing at the image asked for. */
static cJSON *config_body(const cJSON *root, const char *short_id,
			  const char *image)
{
	const cJSON *cfg = jm_get(root, "Config");
	const char *mode = str_at(jm_get(root, "HostConfig"), "NetworkMode");
	cJSON *body = cJSON_IsObject(cfg) ? cJSON_Duplicate(cfg, 1)
					  : cJSON_CreateObject();
	const char *host;

	if (!body)
		return NULL;
	host = str_at(body, "Hostname");
	if (host && (strcmp(host, short_id) == 0 ||
		     (mode && (strcmp(mode, "host") == 0 ||
			       strncmp(mode, "container:", 10) == 0)))) {
		cJSON_DeleteItemFromObject(body, "Hostname");
		cJSON_DeleteItemFromObject(body, "Domainname");
	}
	if (image) {
		cJSON_DeleteItemFromObject(body, "Image");
		if (!cJSON_AddStringToObject(body, "Image", image)) {
			cJSON_Delete(body);
			return NULL;
		}
	}
	return body;
}

/* Is dest already mounted by a bind ("src:dest[:opts]") or a Mounts
 * entry?  A Mounts volume entry with no source is the anonymous one
 * itself: it gets the old volume's name instead. */
static int dest_taken(cJSON *hc, const char *dest, const char *name)
{
	const cJSON *it;
	cJSON *m;

	cJSON_ArrayForEach (it, jm_get(hc, "Binds")) {
		const char *b = cJSON_IsString(it) ? it->valuestring : "";
		const char *c = strchr(b, ':');
		size_t n = strlen(dest);

		if (c && strncmp(c + 1, dest, n) == 0 &&
		    (c[1 + n] == '\0' || c[1 + n] == ':'))
			return 1;
	}
	cJSON_ArrayForEach (m, cJSON_GetObjectItemCaseSensitive(hc, "Mounts")) {
		const char *t = str_at(m, "Target");
		const char *src = str_at(m, "Source");

		if (!t || strcmp(t, dest) != 0)
			continue;
		if ((!src || !*src) && str_at(m, "Type") &&
		    strcmp(str_at(m, "Type"), "volume") == 0) {
			cJSON_DeleteItemFromObject(m, "Source");
			if (!cJSON_AddStringToObject(m, "Source", name))
				return -1;
		}
		return 1;
	}
	return 0;
}

/* Anonymous volumes would come back empty: mount the same ones by name. */
static int carry_anonymous(const cJSON *root, cJSON *hc)
{
	const cJSON *mp;
	int n = 0;

	cJSON_ArrayForEach (mp, jm_get(root, "Mounts")) {
		const char *type = str_at(mp, "Type");
		const char *name = str_at(mp, "Name");
		const char *dest = str_at(mp, "Destination");
		cJSON *mounts, *m;
		int taken;

		if (!type || strcmp(type, "volume") != 0 || !dest ||
		    !api_volume_name_is_anonymous(name))
			continue;
		taken = dest_taken(hc, dest, name);
		if (taken < 0)
			return -1;
		n++;
		if (taken)
			continue;
		mounts = cJSON_GetObjectItemCaseSensitive(hc, "Mounts");
		if (!cJSON_IsArray(mounts)) {
			cJSON_DeleteItemFromObject(hc, "Mounts");
			mounts = cJSON_AddArrayToObject(hc, "Mounts");
		}
		m = cJSON_CreateObject();
		if (!mounts || !m || !cJSON_AddItemToArray(mounts, m)) {
			cJSON_Delete(m);
			return -1;
		}
		if (!cJSON_AddStringToObject(m, "Type", "volume") ||
		    !cJSON_AddStringToObject(m, "Source", name) ||
		    !cJSON_AddStringToObject(m, "Target", dest) ||
		    !cJSON_AddBoolToObject(m, "ReadOnly",
					   !cJSON_IsTrue(jm_get(mp, "RW"))))
			return -1;
	}
	return n;
}

static int copy_item(cJSON *dst, const cJSON *src, const char *key, int type)
{
	const cJSON *v = jm_get(src, key);
	cJSON *d;

	if (!v || !(v->type & type))
		return 0;
	d = cJSON_Duplicate(v, 1);
	if (!d || !cJSON_AddItemToObject(dst, key, d)) {
		cJSON_Delete(d);
		return -1;
	}
	return 0;
}

/* What the user set on the endpoint; the addresses and ids the engine
 * handed out, and the short-id alias it adds itself, stay behind. */
static cJSON *endpoint_body(const cJSON *ep, const char *short_id, int v144)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *aliases;
	const cJSON *a;
	int bad = !o;

	bad = bad || copy_item(o, ep, "IPAMConfig", cJSON_Object) < 0;
	bad = bad || copy_item(o, ep, "Links", cJSON_Array) < 0;
	bad = bad || copy_item(o, ep, "DriverOpts", cJSON_Object) < 0;
	if (v144)
		bad = bad || copy_item(o, ep, "MacAddress", cJSON_String) < 0;
	aliases = bad ? NULL : cJSON_AddArrayToObject(o, "Aliases");
	bad = bad || !aliases;
	cJSON_ArrayForEach (a, jm_get(ep, "Aliases")) {
		cJSON *s;

		if (bad || !cJSON_IsString(a) ||
		    strcmp(a->valuestring, short_id) == 0)
			continue;
		s = cJSON_CreateString(a->valuestring);
		bad = !s || !cJSON_AddItemToArray(aliases, s);
		if (!s)
			break;
	}
	if (bad) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static const cJSON *primary_network(const cJSON *nets, const char *mode)
{
	const cJSON *n;

	if (mode && strcmp(mode, "default") == 0)
		mode = "bridge";
	cJSON_ArrayForEach (n, nets)
		if (mode && n->string && strcmp(n->string, mode) == 0)
			return n;
	return cJSON_IsObject(nets) ? nets->child : NULL;
}

static int add_extra(struct recreate_spec *s, const char *name, cJSON *ep)
{
	struct recreate_net *nn =
		realloc(s->nets, (s->n_nets + 1) * sizeof(*nn));

	if (!nn)
		return -1;
	s->nets = nn;
	nn[s->n_nets].network = strdup(name);
	nn[s->n_nets].endpoint = cJSON_PrintUnformatted(ep);
	s->n_nets++;
	return nn[s->n_nets - 1].network && nn[s->n_nets - 1].endpoint ? 0 : -1;
}

static int networking_body(const cJSON *root, cJSON *body, const char *sid,
			   int v144, struct recreate_spec *s)
{
	const char *mode = str_at(jm_get(root, "HostConfig"), "NetworkMode");
	const cJSON *nets = jm_path(root, "NetworkSettings.Networks");
	const cJSON *prim, *n;
	cJSON *eps, *nc;

	if (mode_has_no_networks(mode) || !cJSON_IsObject(nets))
		return 0;
	prim = primary_network(nets, mode);
	nc = cJSON_AddObjectToObject(body, "NetworkingConfig");
	eps = nc ? cJSON_AddObjectToObject(nc, "EndpointsConfig") : NULL;
	if (!eps)
		return -1;
	cJSON_ArrayForEach (n, nets) {
		cJSON *ep;
		int rc = 0;

		if (!n->string || !cJSON_IsObject(n))
			continue;
		ep = endpoint_body(n, sid, v144);
		if (!ep)
			return -1;
		if (n == prim || v144) {
			if (!cJSON_AddItemToObject(eps, n->string, ep)) {
				cJSON_Delete(ep);
				return -1;
			}
			continue;
		}
		rc = add_extra(s, n->string, ep);
		cJSON_Delete(ep);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int fill_meta(const cJSON *root, const char *image,
		     struct recreate_spec *s)
{
	const char *name = str_at(root, "Name");
	const cJSON *st = jm_get(jm_get(root, "Config"), "StopTimeout");

	s->id = dup_str(str_at(root, "Id"));
	s->name = dup_str(name && *name == '/' ? name + 1 : name);
	s->image = dup_str(image ? image
				 : str_at(jm_get(root, "Config"), "Image"));
	s->running = cJSON_IsTrue(jm_path(root, "State.Running")) ||
		     cJSON_IsTrue(jm_path(root, "State.Paused"));
	s->stop_timeout = cJSON_IsNumber(st) && st->valuedouble >= 0 &&
					  st->valuedouble < 1e6
				  ? (int)st->valuedouble
				  : -1;
	return s->id && s->name && s->image && strlen(s->id) >= 12 && *s->name;
}

api_code api_recreate_spec_build(const char *inspect_json, size_t len,
				 const char *image, const char *api_version,
				 struct recreate_spec *out,
				 struct api_error *err)
{
	cJSON *root = NULL, *body = NULL, *hc;
	char sid[13];
	int v144 = api_version && api_version_cmp(api_version, "1.44") >= 0;
	int bad;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(inspect_json, len, "container inspect", cJSON_Object,
			   &root, err);
	if (rc != API_OK)
		return rc;
	if (!fill_meta(root, image, out)) {
		/* Missing fields and failed copies read alike to the user. */
		rc = api_error_set(err, API_E_PARSE, 0,
				   "inspect lacks Id, Name or image");
		goto fail;
	}
	memcpy(sid, out->id, 12);
	sid[12] = '\0';
	body = config_body(root, sid, out->image);
	hc = cJSON_IsObject(jm_get(root, "HostConfig"))
		     ? cJSON_Duplicate(jm_get(root, "HostConfig"), 1)
		     : cJSON_CreateObject();
	bad = !body || !hc || !cJSON_AddItemToObject(body, "HostConfig", hc);
	if (bad)
		cJSON_Delete(hc);
	/* The old container's id file still exists: create would refuse. */
	if (!bad)
		cJSON_DeleteItemFromObject(hc, "ContainerIDFile");
	if (!bad)
		out->n_anon = carry_anonymous(root, hc);
	bad = bad || out->n_anon < 0 ||
	      networking_body(root, body, sid, v144, out) < 0;
	out->body = bad ? NULL : cJSON_PrintUnformatted(body);
	if (!out->body) {
		rc = api_nomem(err);
		goto fail;
	}
	cJSON_Delete(body);
	cJSON_Delete(root);
	return API_OK;
fail:
	cJSON_Delete(body);
	cJSON_Delete(root);
	api_recreate_spec_free(out);
	return rc;
}

void api_recreate_spec_free(struct recreate_spec *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n_nets; i++) {
		free(s->nets[i].network);
		free(s->nets[i].endpoint);
	}
	free(s->nets);
	free(s->id);
	free(s->name);
	free(s->image);
	free(s->body);
	memset(s, 0, sizeof(*s));
}
