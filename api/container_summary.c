/* A container's list entry built from its inspect, and the engine's own
 * wording of a state.  The list endpoint reads a replica that the engine
 * updates after it logs some events (die, pause), so a store that must
 * agree with the engine after an event confirms from inspect, which reads
 * the container itself under its lock, and needs the list's shape. */
#include "api/containers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int64_t api_time_parse(const char *s)
{
	struct tm tm;
	const char *end;

	if (!s)
		return 0;
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	/* "0001-01-01T00:00:00Z" is Go's zero time: never. */
	if (!end || tm.tm_year < 70)
		return 0;
	return (int64_t)timegm(&tm);
}

/* go-units' HumanDuration, which the engine's Status text uses. */
static void human_duration(int64_t s, char *buf, size_t n)
{
	int64_t m = s / 60, h = (s + 1800) / 3600;

	if (s < 1)
		snprintf(buf, n, "Less than a second");
	else if (s == 1)
		snprintf(buf, n, "1 second");
	else if (s < 60)
		snprintf(buf, n, "%lld seconds", (long long)s);
	else if (m == 1)
		snprintf(buf, n, "About a minute");
	else if (m < 60)
		snprintf(buf, n, "%lld minutes", (long long)m);
	else if (h == 1)
		snprintf(buf, n, "About an hour");
	else if (h < 48)
		snprintf(buf, n, "%lld hours", (long long)h);
	else if (h < 24 * 7 * 2)
		snprintf(buf, n, "%lld days", (long long)(h / 24));
	else if (h < 24 * 30 * 2)
		snprintf(buf, n, "%lld weeks", (long long)(h / 24 / 7));
	else if (h < 24 * 365 * 2)
		snprintf(buf, n, "%lld months", (long long)(h / 24 / 30));
	else
		snprintf(buf, n, "%lld years",
			 (long long)(s / 3600 / 24 / 365));
}

void api_status_text(const struct api_status_facts *f, int64_t now, char *buf,
		     size_t n)
{
	const char *st = f->state ? f->state : "";
	char d[40];

	if (!n)
		return;
	human_duration(f->since > 0 && now > f->since ? now - f->since : 0, d,
		       sizeof(d));
	if (strcmp(st, "paused") == 0)
		snprintf(buf, n, "Up %s (Paused)", d);
	else if (strcmp(st, "restarting") == 0)
		snprintf(buf, n, "Restarting (%lld) %s ago",
			 (long long)f->exit_code, d);
	else if (strcmp(st, "running") == 0 && f->health && *f->health)
		snprintf(buf, n, "Up %s (%s%s)", d,
			 strcmp(f->health, "starting") == 0 ? "health: " : "",
			 f->health);
	else if (strcmp(st, "running") == 0)
		snprintf(buf, n, "Up %s", d);
	else if (strcmp(st, "removing") == 0)
		snprintf(buf, n, "Removal In Progress");
	else if (strcmp(st, "dead") == 0)
		snprintf(buf, n, "Dead");
	else if (strcmp(st, "created") == 0 || f->since <= 0)
		snprintf(buf, n, "Created");
	else
		snprintf(buf, n, "Exited (%lld) %s ago",
			 (long long)f->exit_code, d);
}

static char *dup_or_flag(struct json_map *m, const char *s)
{
	char *d = strdup(s);

	if (!d)
		m->nomem = 1;
	return d;
}

static unsigned port_of(const char *s)
{
	long v = s ? strtol(s, NULL, 10) : 0;

	return v > 0 && v <= 65535 ? (unsigned)v : 0;
}

static size_t count_ports(const cJSON *obj)
{
	const cJSON *it;
	size_t n = 0;

	cJSON_ArrayForEach (it, obj) {
		int k = cJSON_IsArray(it) ? cJSON_GetArraySize(it) : 0;
		n += k > 0 ? (size_t)k : 1;
	}
	return n;
}

/* One entry per binding, and one unpublished entry for a port with none,
 * as the list endpoint does. */
static void add_port(struct json_map *m, struct api_port *p, const char *key,
		     const cJSON *binding)
{
	const char *slash = strchr(key, '/');

	p->private_port = port_of(key);
	p->type = dup_or_flag(m, slash ? slash + 1 : "tcp");
	if (binding) {
		const cJSON *hp = jm_get(binding, "HostPort");
		p->ip = jm_str(m, binding, "HostIp");
		p->public_port =
			cJSON_IsString(hp) ? port_of(hp->valuestring) : 0;
	}
}

static struct api_port *ports_of(struct json_map *m, const cJSON *obj,
				 size_t *n)
{
	const cJSON *it, *b;
	struct api_port *p;
	size_t cap;

	*n = 0;
	if (!cJSON_IsObject(obj) || (cap = count_ports(obj)) == 0)
		return NULL;
	p = calloc(cap, sizeof(*p));
	if (!p) {
		m->nomem = 1;
		return NULL;
	}
	cJSON_ArrayForEach (it, obj) {
		if (!it->string)
			continue;
		if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) == 0) {
			add_port(m, &p[(*n)++], it->string, NULL);
			continue;
		}
		cJSON_ArrayForEach (b, it)
			if (*n < cap)
				add_port(m, &p[(*n)++], it->string,
					 cJSON_IsObject(b) ? b : NULL);
	}
	return p;
}

/* "Path Args...", the list's Command. */
static char *command_of(struct json_map *m, const cJSON *o)
{
	struct api_strv args = jm_strv(m, o, "Args");
	const cJSON *path = jm_get(o, "Path");
	size_t len = cJSON_IsString(path) ? strlen(path->valuestring) : 0, i;
	char *s, *w;

	for (i = 0; i < args.n; i++)
		len += 1 + strlen(args.v[i]);
	s = malloc(len + 1);
	if (!s) {
		m->nomem = 1;
		api_strv_free(&args);
		return NULL;
	}
	w = s;
	if (cJSON_IsString(path))
		w += sprintf(w, "%s", path->valuestring);
	for (i = 0; i < args.n; i++)
		w += sprintf(w, "%s%s", w == s ? "" : " ", args.v[i]);
	*w = '\0';
	api_strv_free(&args);
	return s;
}

static void names_of(struct json_map *m, const cJSON *o,
		     struct api_container_summary *s)
{
	const cJSON *nm = jm_get(o, "Name");
	const char *name = cJSON_IsString(nm) ? nm->valuestring : "";

	if (*name == '/')
		name++;
	if (!*name)
		return;
	s->name = dup_or_flag(m, name);
	s->names.v = calloc(2, sizeof(char *));
	if (!s->names.v || !s->name) {
		m->nomem = 1;
		return;
	}
	s->names.v[0] = malloc(strlen(name) + 2);
	if (!s->names.v[0]) {
		m->nomem = 1;
		return;
	}
	sprintf(s->names.v[0], "/%s", name);
	s->names.n = 1;
}

/* The engine's State.Status, or what its flags say on an engine too old
 * to send one. */
static char *state_of(struct json_map *m, const cJSON *st)
{
	const cJSON *v = jm_get(st, "Status");

	if (cJSON_IsString(v) && *v->valuestring)
		return dup_or_flag(m, v->valuestring);
	return dup_or_flag(m, jm_bool(st, "Paused")	  ? "paused"
			      : jm_bool(st, "Restarting") ? "restarting"
			      : jm_bool(st, "Running")	  ? "running"
			      : jm_bool(st, "Dead")	  ? "dead"
							  : "exited");
}

static int64_t time_of(const cJSON *obj, const char *key)
{
	const cJSON *v = jm_get(obj, key);

	return api_time_parse(cJSON_IsString(v) ? v->valuestring : NULL);
}

static void state_map(struct json_map *m, const cJSON *st, int64_t now,
		      struct api_container_summary *s)
{
	struct api_status_facts f = {0};
	const cJSON *h = jm_path(st, "Health.Status");
	char buf[96];
	int up;

	s->state = state_of(m, st);
	f.state = s->state;
	up = s->state && (strcmp(s->state, "running") == 0 ||
			  strcmp(s->state, "paused") == 0);
	f.since = time_of(st, up ? "StartedAt" : "FinishedAt");
	f.exit_code = jm_i64(st, "ExitCode");
	f.health = cJSON_IsString(h) ? h->valuestring : NULL;
	s->state_since = f.since;
	api_status_text(&f, now, buf, sizeof(buf));
	s->status = dup_or_flag(m, buf);
}

api_code api_container_summary_from_inspect(const char *json, size_t len,
					    int64_t now,
					    struct api_container_summary *out,
					    struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *cfg, *ns;
	cJSON *o;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "container", cJSON_Object, &o, err);
	if (rc != API_OK)
		return rc;
	if (!cJSON_IsString(jm_get(o, "Id"))) {
		cJSON_Delete(o);
		return api_error_set(err, API_E_PARSE, 0,
				     "container inspect without an Id");
	}
	cfg = jm_get(o, "Config");
	ns = jm_get(o, "NetworkSettings");
	out->id = jm_str(&m, o, "Id");
	names_of(&m, o, out);
	out->image = jm_str(&m, cfg, "Image");
	out->image_id = jm_str(&m, o, "Image");
	out->command = command_of(&m, o);
	out->created = time_of(o, "Created");
	state_map(&m, jm_get(o, "State"), now, out);
	out->ports = ports_of(&m, jm_get(ns, "Ports"), &out->n_ports);
	out->labels = jm_kv(&m, cfg, "Labels");
	out->network_mode = jm_str(&m, jm_get(o, "HostConfig"), "NetworkMode");
	out->networks = jm_keys(&m, ns, "Networks");
	out->mounts =
		api_mount_points_map(&m, jm_get(o, "Mounts"), &out->n_mounts);
	cJSON_Delete(o);
	if (m.nomem) {
		api_container_summary_free(out);
		return api_nomem(err);
	}
	return API_OK;
}
