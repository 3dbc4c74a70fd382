#include "api/container_inspect.h"

#include <stdlib.h>
#include <string.h>

#include "api/query.h"

static void state_map(struct json_map *m, const cJSON *s,
		      struct api_container_state *o)
{
	const cJSON *h = jm_get(s, "Health");

	o->status = jm_str(m, s, "Status");
	o->running = jm_bool(s, "Running");
	o->paused = jm_bool(s, "Paused");
	o->restarting = jm_bool(s, "Restarting");
	o->oom_killed = jm_bool(s, "OOMKilled");
	o->dead = jm_bool(s, "Dead");
	o->pid = jm_i64(s, "Pid");
	o->exit_code = jm_i64(s, "ExitCode");
	o->error = jm_str(m, s, "Error");
	o->started_at = jm_str(m, s, "StartedAt");
	o->finished_at = jm_str(m, s, "FinishedAt");
	o->health_status = jm_str(m, h, "Status");
	o->health_failing_streak = jm_i64(h, "FailingStreak");
}

static void state_free(struct api_container_state *o)
{
	free(o->status);
	free(o->error);
	free(o->started_at);
	free(o->finished_at);
	free(o->health_status);
}

static void config_map(struct json_map *m, const cJSON *c,
		       struct api_container_config *o)
{
	const cJSON *hc = jm_get(c, "Healthcheck");

	o->hostname = jm_str(m, c, "Hostname");
	o->domainname = jm_str(m, c, "Domainname");
	o->user = jm_str(m, c, "User");
	o->env = jm_strv(m, c, "Env");
	o->cmd = jm_strv(m, c, "Cmd");
	o->entrypoint = jm_strv(m, c, "Entrypoint");
	o->image = jm_str(m, c, "Image");
	o->labels = jm_kv(m, c, "Labels");
	o->working_dir = jm_str(m, c, "WorkingDir");
	o->tty = jm_bool(c, "Tty");
	o->open_stdin = jm_bool(c, "OpenStdin");
	o->attach_stdin = jm_bool(c, "AttachStdin");
	o->attach_stdout = jm_bool(c, "AttachStdout");
	o->attach_stderr = jm_bool(c, "AttachStderr");
	o->exposed_ports = jm_keys(m, c, "ExposedPorts");
	o->volumes = jm_keys(m, c, "Volumes");
	o->healthcheck.set = cJSON_IsObject(hc);
	o->healthcheck.test = jm_strv(m, hc, "Test");
	o->healthcheck.interval = jm_i64(hc, "Interval");
	o->healthcheck.timeout = jm_i64(hc, "Timeout");
	o->healthcheck.retries = jm_i64(hc, "Retries");
	o->healthcheck.start_period = jm_i64(hc, "StartPeriod");
	o->stop_signal = jm_str(m, c, "StopSignal");
	o->stop_timeout_set = cJSON_IsNumber(jm_get(c, "StopTimeout"));
	o->stop_timeout = jm_i64(c, "StopTimeout");
}

static void config_free(struct api_container_config *o)
{
	free(o->hostname);
	free(o->domainname);
	free(o->user);
	api_strv_free(&o->env);
	api_strv_free(&o->cmd);
	api_strv_free(&o->entrypoint);
	free(o->image);
	api_kvlist_free(&o->labels);
	free(o->working_dir);
	api_strv_free(&o->exposed_ports);
	api_strv_free(&o->volumes);
	api_strv_free(&o->healthcheck.test);
	free(o->stop_signal);
}

static struct api_endpoint *networks_map(struct json_map *m, const cJSON *obj,
					 size_t *n)
{
	struct api_endpoint *e;
	const cJSON *it;

	*n = 0;
	if (!cJSON_IsObject(obj) || cJSON_GetArraySize(obj) <= 0)
		return NULL;
	e = calloc((size_t)cJSON_GetArraySize(obj), sizeof(*e));
	if (!e) {
		m->nomem = 1;
		return NULL;
	}
	cJSON_ArrayForEach (it, obj) {
		struct api_endpoint *d = &e[*n];
		if (!it->string)
			continue;
		d->network = strdup(it->string);
		if (!d->network) {
			m->nomem = 1;
			break;
		}
		d->network_id = jm_str(m, it, "NetworkID");
		d->endpoint_id = jm_str(m, it, "EndpointID");
		d->ip_address = jm_str(m, it, "IPAddress");
		d->gateway = jm_str(m, it, "Gateway");
		d->mac_address = jm_str(m, it, "MacAddress");
		d->aliases = jm_strv(m, it, "Aliases");
		d->ipam_ipv4 =
			jm_str(m, jm_get(it, "IPAMConfig"), "IPv4Address");
		(*n)++;
	}
	return e;
}

static void networks_free(struct api_endpoint *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(e[i].network);
		free(e[i].network_id);
		free(e[i].endpoint_id);
		free(e[i].ip_address);
		free(e[i].gateway);
		free(e[i].mac_address);
		api_strv_free(&e[i].aliases);
		free(e[i].ipam_ipv4);
	}
	free(e);
}

static char *copy_raw(struct json_map *m, const char *json, size_t len)
{
	char *r = malloc(len + 1);

	if (!r) {
		m->nomem = 1;
		return NULL;
	}
	memcpy(r, json, len);
	r[len] = '\0';
	return r;
}

static void inspect_map(struct json_map *m, const cJSON *root,
			struct api_container_inspect *o)
{
	const cJSON *ns = jm_get(root, "NetworkSettings");
	char *name = jm_str(m, root, "Name");

	o->id = jm_str(m, root, "Id");
	if (name && name[0] == '/')
		memmove(name, name + 1, strlen(name));
	o->name = name;
	o->created = jm_str(m, root, "Created");
	o->path = jm_str(m, root, "Path");
	o->args = jm_strv(m, root, "Args");
	o->image = jm_str(m, root, "Image");
	o->restart_count = jm_i64(root, "RestartCount");
	o->driver = jm_str(m, root, "Driver");
	o->app_armor_profile = jm_str(m, root, "AppArmorProfile");
	state_map(m, jm_get(root, "State"), &o->state);
	config_map(m, jm_get(root, "Config"), &o->config);
	api_host_config_map(m, jm_get(root, "HostConfig"), &o->host_config);
	o->mounts =
		api_mount_points_map(m, jm_get(root, "Mounts"), &o->n_mounts);
	o->ports = api_port_maps_map(m, jm_get(ns, "Ports"));
	o->networks = networks_map(m, jm_get(ns, "Networks"), &o->n_networks);
}

api_code api_container_inspect_parse(const char *json, size_t len,
				     struct api_container_inspect *out,
				     struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "container inspect", cJSON_Object, &root,
			   err);
	if (rc != API_OK)
		return rc;
	inspect_map(&m, root, out);
	cJSON_Delete(root);
	out->raw = copy_raw(&m, json, len);
	out->raw_len = len;
	if (m.nomem) {
		api_container_inspect_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

void api_container_inspect_free(struct api_container_inspect *o)
{
	free(o->id);
	free(o->name);
	free(o->created);
	free(o->path);
	api_strv_free(&o->args);
	free(o->image);
	free(o->driver);
	free(o->app_armor_profile);
	state_free(&o->state);
	config_free(&o->config);
	api_host_config_free(&o->host_config);
	api_mount_points_free(o->mounts, o->n_mounts);
	api_port_maps_free(&o->ports);
	networks_free(o->networks, o->n_networks);
	free(o->raw);
	memset(o, 0, sizeof(*o));
}

char *api_container_inspect_path(const char *id)
{
	struct api_query q;

	api_query_init(&q, "/containers/");
	api_query_seg(&q, id);
	api_query_raw(&q, "/json");
	return api_query_take(&q);
}

api_code api_container_inspect(struct api_client *c, const char *id,
			       struct api_container_inspect *out,
			       struct api_error *err)
{
	char *path, *body = NULL;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	path = api_container_inspect_path(id);
	if (!path)
		return api_error_set(err, API_E_INVALID, 0,
				     "container inspect: no container id");
	rc = api_fetch_take(c, NULL, path, &body, &len, err);
	if (rc == API_OK)
		rc = api_container_inspect_parse(body, len, out, err);
	free(body);
	return rc;
}

const struct api_endpoint *
api_container_network(const struct api_container_inspect *ci, const char *name)
{
	size_t i;

	for (i = 0; i < ci->n_networks; i++)
		if (strcmp(ci->networks[i].network, name) == 0)
			return &ci->networks[i];
	return NULL;
}
