#include "posture/hostfacts.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json.h"

static void strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static void file_free(struct hostfacts_file *f)
{
	free(f->path);
	free(f->owner);
	free(f->group);
	memset(f, 0, sizeof(*f));
}

void hostfacts_opts_free(struct hostfacts_opts *o)
{
	size_t i;

	for (i = 0; o->items && i < o->n; i++) {
		free(o->items[i].key);
		free(o->items[i].value);
	}
	free(o->items);
	memset(o, 0, sizeof(*o));
}

void hostfacts_free(struct hostfacts *h)
{
	size_t i;

	free(h->engine_host);
	for (i = 0; i < HF_F_COUNT; i++)
		file_free(&h->files[i]);
	for (i = 0; h->certs && i < h->n_certs; i++)
		file_free(&h->certs[i]);
	free(h->certs);
	strv_free(h->group_members, h->n_group_members);
	/* argv is NULL-terminated: argc entries plus the NULL */
	strv_free(h->argv, h->argc);
	free(h->json_error);
	hostfacts_opts_free(&h->opts);
	free(h->data_root);
	free(h->mount_point);
	free(h->mount_fstype);
	free(h->mount_device);
	free(h->root_device);
	free(h->audit_rules);
	free(h->engine_version);
	free(h->api_version);
	memset(h, 0, sizeof(*h));
}

api_code hostfacts_opt_add(struct hostfacts_opts *o, const char *key,
			   const char *value, enum hostfacts_src src)
{
	struct hostfacts_opt *p;
	size_t cap;

	if (o->n == o->cap) {
		cap = o->cap ? o->cap * 2 : 16;
		p = realloc(o->items, cap * sizeof(*p));
		if (!p)
			return API_E_NOMEM;
		o->items = p;
		o->cap = cap;
	}
	p = &o->items[o->n];
	p->key = strdup(key);
	p->value = strdup(value ? value : "");
	p->src = src;
	if (!p->key || !p->value) {
		free(p->key);
		free(p->value);
		return API_E_NOMEM;
	}
	o->n++;
	return API_OK;
}

const char *hostfacts_opt_get(const struct hostfacts *h, const char *key)
{
	size_t i = h->opts.n;

	while (i-- > 0)
		if (strcmp(h->opts.items[i].key, key) == 0)
			return h->opts.items[i].value;
	return NULL;
}

int hostfacts_opt_bool(const struct hostfacts *h, const char *key, int dflt)
{
	const char *v = hostfacts_opt_get(h, key);

	if (!v)
		return dflt;
	if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
		return 1;
	if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
		return 0;
	return dflt;
}

/* dockerd's boolean flags: they never take the next word as a value. */
static int bool_flag(const char *name)
{
	static const char *const b[] = {
		"debug",
		"experimental",
		"icc",
		"ip-forward",
		"ip-masq",
		"iptables",
		"ip6tables",
		"ipv6",
		"live-restore",
		"no-new-privileges",
		"raw-logs",
		"selinux-enabled",
		"tls",
		"tlsverify",
		"userland-proxy",
		"validate",
		"version",
		"help",
		"init",
		"rootless",
		"cri-containerd",
	};
	size_t i;

	for (i = 0; i < sizeof(b) / sizeof(b[0]); i++)
		if (strcmp(b[i], name) == 0)
			return 1;
	return 0;
}

static const char *short_flag(char c)
{
	switch (c) {
	case 'H':
		return "host";
	case 'l':
		return "log-level";
	case 'G':
		return "group";
	case 'p':
		return "pidfile";
	case 'b':
		return "bridge";
	case 's':
		return "storage-driver";
	case 'g':
		return "data-root";
	case 'D':
		return "debug";
	default:
		return NULL;
	}
}

/* One flag at argv[i]; returns how many words it used. */
static size_t argv_flag(struct hostfacts_opts *o, char *const *argv,
			size_t argc, size_t i, api_code *rc)
{
	const char *a = argv[i], *eq, *name, *val = NULL;
	char key[128];
	size_t klen, used = 1;

	if (a[1] == '-') {
		name = a + 2;
		eq = strchr(name, '=');
		klen = eq ? (size_t)(eq - name) : strlen(name);
		if (eq)
			val = eq + 1;
	} else {
		name = short_flag(a[1]);
		if (!name)
			return 1;
		klen = strlen(name);
		if (a[2])
			val = a[2] == '=' ? a + 3 : a + 2;
	}
	if (klen == 0 || klen >= sizeof(key))
		return 1;
	memcpy(key, name, klen);
	key[klen] = '\0';
	if (strcmp(key, "graph") == 0)
		snprintf(key, sizeof(key), "data-root");
	if (!val && bool_flag(key))
		val = "true";
	else if (!val && i + 1 < argc) {
		val = argv[i + 1];
		used = 2;
	}
	*rc = hostfacts_opt_add(o, key, val, HF_SRC_ARGV);
	return used;
}

api_code hostfacts_parse_argv(struct hostfacts_opts *o, char *const *argv,
			      size_t argc)
{
	api_code rc = API_OK;
	size_t i = 1;

	while (argv && i < argc && rc == API_OK) {
		if (!argv[i] || argv[i][0] != '-' || !argv[i][1])
			i++;
		else
			i += argv_flag(o, argv, argc, i, &rc);
	}
	return rc;
}

/* daemon.json's plural list keys, under the flag's singular name. */
static const char *json_key(const char *k)
{
	if (strcmp(k, "hosts") == 0)
		return "host";
	if (strcmp(k, "insecure-registries") == 0)
		return "insecure-registry";
	if (strcmp(k, "authorization-plugins") == 0)
		return "authorization-plugin";
	if (strcmp(k, "default-ulimits") == 0)
		return "default-ulimit";
	if (strcmp(k, "graph") == 0)
		return "data-root";
	return k;
}

static api_code json_value(struct hostfacts_opts *o, const char *key,
			   const cJSON *v)
{
	char num[64];

	if (cJSON_IsString(v))
		return hostfacts_opt_add(o, key, v->valuestring, HF_SRC_JSON);
	if (cJSON_IsBool(v))
		return hostfacts_opt_add(o, key,
					 cJSON_IsTrue(v) ? "true" : "false",
					 HF_SRC_JSON);
	if (cJSON_IsNumber(v)) {
		snprintf(num, sizeof(num), "%.17g", v->valuedouble);
		return hostfacts_opt_add(o, key, num, HF_SRC_JSON);
	}
	return API_OK;
}

static api_code json_member(struct hostfacts_opts *o, const cJSON *m)
{
	const char *key = json_key(m->string);
	const cJSON *e;
	api_code rc = API_OK;

	if (cJSON_IsArray(m)) {
		cJSON_ArrayForEach (e, m) {
			if (rc == API_OK && cJSON_IsString(e))
				rc = json_value(o, key, e);
		}
	} else if (cJSON_IsObject(m)) {
		/* default-ulimits, log-opts...: the names set */
		cJSON_ArrayForEach (e, m) {
			if (rc == API_OK && e->string)
				rc = hostfacts_opt_add(o, key, e->string,
						       HF_SRC_JSON);
		}
	} else {
		rc = json_value(o, key, m);
	}
	return rc;
}

api_code hostfacts_parse_daemon_json(struct hostfacts_opts *o, const char *text,
				     size_t len, struct api_error *err)
{
	cJSON *root = NULL;
	const cJSON *m;
	api_code rc;

	rc = json_parse_as(text, len, "daemon.json", cJSON_Object, &root, err);
	if (rc != API_OK)
		return rc;
	cJSON_ArrayForEach (m, root) {
		if (rc == API_OK && m->string)
			rc = json_member(o, m);
	}
	cJSON_Delete(root);
	if (rc == API_E_NOMEM)
		api_nomem(err);
	return rc;
}
