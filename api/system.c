#include "api/system.h"

#include <stdlib.h>
#include <string.h>

api_code api_ping(struct api_client *c, struct api_error *err)
{
	char *body;
	size_t len = 0;
	api_code rc = api_fetch(c, NULL, "/_ping", 1, NULL, &body, &len, err);

	if (rc != API_OK)
		return rc;
	if (len < 2 || memcmp(body, "OK", 2) != 0)
		rc = api_error_set(err, API_E_PARSE, 200,
				   "the engine answered /_ping without OK");
	free(body);
	return rc;
}

/* ---- /version ---- */

char *api_version_path(void)
{
	return strdup("/version");
}

static void version_components(struct json_map *m, const cJSON *root,
			       struct api_version *v)
{
	const cJSON *arr = jm_get(root, "Components"), *it;
	int n = cJSON_IsArray(arr) ? cJSON_GetArraySize(arr) : 0;

	if (n <= 0)
		return;
	v->components = calloc((size_t)n, sizeof(*v->components));
	if (!v->components) {
		m->nomem = 1;
		return;
	}
	cJSON_ArrayForEach (it, arr) {
		struct api_version_component *p =
			&v->components[v->n_components];
		if (!cJSON_IsObject(it))
			continue;
		p->name = jm_str(m, it, "Name");
		p->version = jm_str(m, it, "Version");
		v->n_components++;
	}
}

api_code api_version_parse(const char *json, size_t len,
			   struct api_version *out, struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	const cJSON *exp;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "the engine version", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	out->version = jm_str(&m, root, "Version");
	out->api_version = jm_str(&m, root, "ApiVersion");
	out->min_api_version = jm_str(&m, root, "MinAPIVersion");
	out->git_commit = jm_str(&m, root, "GitCommit");
	out->go_version = jm_str(&m, root, "GoVersion");
	out->os = jm_str(&m, root, "Os");
	out->arch = jm_str(&m, root, "Arch");
	out->kernel_version = jm_str(&m, root, "KernelVersion");
	out->build_time = jm_str(&m, root, "BuildTime");
	/* A bool per the spec, yet engines have sent the string "true". */
	exp = jm_get(root, "Experimental");
	out->experimental =
		cJSON_IsTrue(exp) ||
		(cJSON_IsString(exp) && strcmp(exp->valuestring, "true") == 0);
	out->platform_name = jm_str(&m, jm_get(root, "Platform"), "Name");
	version_components(&m, root, out);
	cJSON_Delete(root);
	if (m.nomem) {
		api_version_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_version(struct api_client *c, struct api_version *out,
		     struct api_error *err)
{
	char *body;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_version_path(), &body, &len, err);
	if (rc != API_OK)
		return rc;
	rc = api_version_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_version_free(struct api_version *v)
{
	size_t i;

	if (!v)
		return;
	free(v->version);
	free(v->api_version);
	free(v->min_api_version);
	free(v->git_commit);
	free(v->go_version);
	free(v->os);
	free(v->arch);
	free(v->kernel_version);
	free(v->build_time);
	free(v->platform_name);
	for (i = 0; i < v->n_components; i++) {
		free(v->components[i].name);
		free(v->components[i].version);
	}
	free(v->components);
	memset(v, 0, sizeof(*v));
}

/* ---- /info ---- */

char *api_info_path(void)
{
	return strdup("/info");
}

/* DriverStatus is [["Backing Filesystem","extfs"], ...]. */
static struct api_kvlist pairs(struct json_map *m, const cJSON *arr)
{
	struct api_kvlist l = {0};
	const cJSON *it;
	int n = cJSON_IsArray(arr) ? cJSON_GetArraySize(arr) : 0;

	if (n <= 0)
		return l;
	l.items = calloc((size_t)n, sizeof(*l.items));
	if (!l.items) {
		m->nomem = 1;
		return l;
	}
	cJSON_ArrayForEach (it, arr) {
		const char *k = cJSON_GetStringValue(cJSON_GetArrayItem(it, 0));
		const char *v = cJSON_GetStringValue(cJSON_GetArrayItem(it, 1));
		if (!cJSON_IsArray(it) || !k || !v)
			continue;
		l.items[l.n].key = strdup(k);
		l.items[l.n].value = strdup(v);
		if (!l.items[l.n].key || !l.items[l.n].value) {
			free(l.items[l.n].key);
			free(l.items[l.n].value);
			m->nomem = 1;
			break;
		}
		l.n++;
	}
	return l;
}

static void security_flag(struct json_map *m, struct api_info_security *s,
			  const char *name, size_t nlen, const char *profile,
			  size_t plen)
{
#define IS(w) (nlen == strlen(w) && memcmp(name, w, nlen) == 0)
	if (IS("seccomp")) {
		s->seccomp = 1;
		if (profile && !s->seccomp_profile) {
			s->seccomp_profile = strndup(profile, plen);
			if (!s->seccomp_profile)
				m->nomem = 1;
		}
	} else if (IS("apparmor")) {
		s->apparmor = 1;
	} else if (IS("selinux")) {
		s->selinux = 1;
	} else if (IS("userns")) {
		s->userns = 1;
	} else if (IS("rootless")) {
		s->rootless = 1;
	} else if (IS("cgroupns")) {
		s->cgroupns = 1;
	}
#undef IS
}

/* "name=seccomp,profile=default" since API 1.26; a bare "seccomp" before. */
static void security_parse(struct json_map *m, const struct api_strv *opts,
			   struct api_info_security *s)
{
	size_t i;

	for (i = 0; i < opts->n; i++) {
		const char *p = opts->v[i], *name = NULL, *profile = NULL;
		size_t nlen = 0, plen = 0;
		int first = 1;
		while (*p) {
			size_t n = strcspn(p, ",");
			if (n > 5 && memcmp(p, "name=", 5) == 0) {
				name = p + 5;
				nlen = n - 5;
			} else if (n >= 8 && memcmp(p, "profile=", 8) == 0) {
				profile = p + 8;
				plen = n - 8;
			} else if (first && !memchr(p, '=', n)) {
				name = p;
				nlen = n;
			}
			first = 0;
			p += n;
			if (*p == ',')
				p++;
		}
		if (name)
			security_flag(m, s, name, nlen, profile, plen);
	}
}

static void swarm_parse(struct json_map *m, const cJSON *sw,
			struct api_info_swarm *s)
{
	s->node_id = jm_str(m, sw, "NodeID");
	s->local_node_state = jm_str(m, sw, "LocalNodeState");
	s->control_available = jm_bool(sw, "ControlAvailable");
	s->nodes = jm_i64(sw, "Nodes");
	s->managers = jm_i64(sw, "Managers");
	s->cluster_id = jm_str(m, jm_get(sw, "Cluster"), "ID");
}

static void registry_parse(struct json_map *m, const cJSON *rc,
			   struct api_info_registry *r)
{
	const cJSON *idx = jm_get(rc, "IndexConfigs"), *it;
	int n;

	if (!cJSON_IsObject(idx))
		idx = NULL;
	n = idx ? cJSON_GetArraySize(idx) : 0;

	r->insecure_cidrs = jm_strv(m, rc, "InsecureRegistryCIDRs");
	r->mirrors = jm_strv(m, rc, "Mirrors");
	r->insecure_indexes.v = calloc((size_t)n + 1, sizeof(char *));
	if (!r->insecure_indexes.v) {
		m->nomem = 1;
		return;
	}
	cJSON_ArrayForEach (it, idx) {
		const char *name = cJSON_GetStringValue(jm_get(it, "Name"));
		/* Only an explicit false: a missing flag proves nothing. */
		if (!cJSON_IsFalse(jm_get(it, "Secure")))
			continue;
		if (!name)
			name = it->string;
		if (!name)
			continue;
		r->insecure_indexes.v[r->insecure_indexes.n] = strdup(name);
		if (!r->insecure_indexes.v[r->insecure_indexes.n]) {
			m->nomem = 1;
			return;
		}
		r->insecure_indexes.n++;
	}
}

static void plugins_parse(struct json_map *m, const cJSON *pl,
			  struct api_info_plugins *p)
{
	p->volume = jm_strv(m, pl, "Volume");
	p->network = jm_strv(m, pl, "Network");
	p->authorization = jm_strv(m, pl, "Authorization");
	p->log = jm_strv(m, pl, "Log");
}

static void info_map(struct json_map *m, const cJSON *root, struct api_info *o)
{
	o->id = jm_str(m, root, "ID");
	o->name = jm_str(m, root, "Name");
	o->server_version = jm_str(m, root, "ServerVersion");
	o->containers = jm_i64(root, "Containers");
	o->running = jm_i64(root, "ContainersRunning");
	o->paused = jm_i64(root, "ContainersPaused");
	o->stopped = jm_i64(root, "ContainersStopped");
	o->images = jm_i64(root, "Images");
	o->driver = jm_str(m, root, "Driver");
	o->driver_status = pairs(m, jm_get(root, "DriverStatus"));
	o->docker_root_dir = jm_str(m, root, "DockerRootDir");
	o->logging_driver = jm_str(m, root, "LoggingDriver");
	o->cgroup_driver = jm_str(m, root, "CgroupDriver");
	o->cgroup_version = jm_str(m, root, "CgroupVersion");
	o->kernel_version = jm_str(m, root, "KernelVersion");
	o->operating_system = jm_str(m, root, "OperatingSystem");
	o->os_type = jm_str(m, root, "OSType");
	o->architecture = jm_str(m, root, "Architecture");
	o->ncpu = jm_i64(root, "NCPU");
	o->mem_total = jm_i64(root, "MemTotal");
	o->debug = jm_bool(root, "Debug");
	o->experimental = jm_bool(root, "ExperimentalBuild");
	o->live_restore_enabled = jm_bool(root, "LiveRestoreEnabled");
	o->security_options = jm_strv(m, root, "SecurityOptions");
	security_parse(m, &o->security_options, &o->security);
	swarm_parse(m, jm_get(root, "Swarm"), &o->swarm);
	registry_parse(m, jm_get(root, "RegistryConfig"), &o->registry);
	o->default_runtime = jm_str(m, root, "DefaultRuntime");
	o->runtimes = jm_keys(m, root, "Runtimes");
	o->init_binary = jm_str(m, root, "InitBinary");
	o->warnings = jm_strv(m, root, "Warnings");
	o->http_proxy = jm_str(m, root, "HttpProxy");
	o->https_proxy = jm_str(m, root, "HttpsProxy");
	o->no_proxy = jm_str(m, root, "NoProxy");
	plugins_parse(m, jm_get(root, "Plugins"), &o->plugins);
}

api_code api_info_parse(const char *json, size_t len, struct api_info *out,
			struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "the engine info", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	info_map(&m, root, out);
	cJSON_Delete(root);
	if (m.nomem) {
		api_info_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_info(struct api_client *c, struct api_info *out,
		  struct api_error *err)
{
	char *body;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_info_path(), &body, &len, err);
	if (rc != API_OK)
		return rc;
	rc = api_info_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_info_free(struct api_info *i)
{
	if (!i)
		return;
	char **strs[] = {&i->id,
			 &i->name,
			 &i->server_version,
			 &i->driver,
			 &i->docker_root_dir,
			 &i->logging_driver,
			 &i->cgroup_driver,
			 &i->cgroup_version,
			 &i->kernel_version,
			 &i->operating_system,
			 &i->os_type,
			 &i->architecture,
			 &i->security.seccomp_profile,
			 &i->swarm.node_id,
			 &i->swarm.local_node_state,
			 &i->swarm.cluster_id,
			 &i->default_runtime,
			 &i->init_binary,
			 &i->http_proxy,
			 &i->https_proxy,
			 &i->no_proxy};
	struct api_strv *vs[] = {&i->security_options,
				 &i->registry.insecure_cidrs,
				 &i->registry.insecure_indexes,
				 &i->registry.mirrors,
				 &i->runtimes,
				 &i->warnings,
				 &i->plugins.volume,
				 &i->plugins.network,
				 &i->plugins.authorization,
				 &i->plugins.log};

	for (size_t k = 0; k < sizeof(strs) / sizeof(strs[0]); k++)
		free(*strs[k]);
	for (size_t k = 0; k < sizeof(vs) / sizeof(vs[0]); k++)
		api_strv_free(vs[k]);
	api_kvlist_free(&i->driver_status);
	memset(i, 0, sizeof(*i));
}
