#include "api/exec.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "api/query.h"

static int add_strings(cJSON *obj, const char *key, const char *const *v)
{
	cJSON *arr = cJSON_AddArrayToObject(obj, key);
	size_t i;

	if (!arr)
		return -1;
	for (i = 0; v[i]; i++) {
		cJSON *s = cJSON_CreateString(v[i]);
		if (!s || !cJSON_AddItemToArray(arr, s)) {
			cJSON_Delete(s);
			return -1;
		}
	}
	return 0;
}

char *api_exec_create_body(const struct api_exec_config *cfg)
{
	cJSON *o;
	char *out = NULL;
	int ok;

	if (!cfg || !cfg->cmd || !cfg->cmd[0])
		return NULL;
	o = cJSON_CreateObject();
	ok = o && add_strings(o, "Cmd", cfg->cmd) == 0;
	ok = ok && cJSON_AddBoolToObject(o, "Tty", cfg->tty != 0);
	ok = ok &&
	     cJSON_AddBoolToObject(o, "AttachStdin", cfg->attach_stdin != 0);
	ok = ok &&
	     cJSON_AddBoolToObject(o, "AttachStdout", cfg->attach_stdout != 0);
	ok = ok &&
	     cJSON_AddBoolToObject(o, "AttachStderr", cfg->attach_stderr != 0);
	if (ok && cfg->env)
		ok = add_strings(o, "Env", cfg->env) == 0;
	if (ok && cfg->user)
		ok = cJSON_AddStringToObject(o, "User", cfg->user) != NULL;
	if (ok && cfg->working_dir)
		ok = cJSON_AddStringToObject(o, "WorkingDir",
					     cfg->working_dir) != NULL;
	if (ok)
		out = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return out;
}

static char *id_path(const char *prefix, const char *id, const char *suffix)
{
	struct api_query q;

	if (!id || !*id)
		return NULL;
	api_query_init(&q, prefix);
	api_query_seg(&q, id);
	api_query_raw(&q, suffix);
	return api_query_take(&q);
}

char *api_exec_create_path(const char *container)
{
	return id_path("/containers/", container, "/exec");
}

api_code api_exec_create_parse(const char *json, size_t len, char **id,
			       struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	*id = NULL;
	rc = json_parse_as(json, len, "exec create", cJSON_Object, &root, err);
	if (rc != API_OK)
		return rc;
	*id = jm_str(&m, root, "Id");
	cJSON_Delete(root);
	if (m.nomem)
		return api_nomem(err);
	if (!*id || !**id) {
		free(*id);
		*id = NULL;
		return api_error_set(err, API_E_PARSE, 0,
				     "exec create: the answer has no Id");
	}
	return API_OK;
}

api_code api_exec_create(struct api_client *c, const char *container,
			 const struct api_exec_config *cfg, char **id,
			 struct api_error *err)
{
	char *path, *body, *out = NULL;
	size_t len = 0;
	api_code rc;

	*id = NULL;
	path = api_exec_create_path(container);
	body = api_exec_create_body(cfg);
	if (!path || !body)
		rc = api_error_set(err, API_E_INVALID, 0,
				   "exec create: no container or command");
	else
		rc = api_fetch(c, "POST", path, 0, body, &out, &len, err);
	if (rc == API_OK)
		rc = api_exec_create_parse(out, len, id, err);
	free(path);
	free(body);
	free(out);
	return rc;
}

char *api_exec_start_path(const char *exec_id)
{
	return id_path("/exec/", exec_id, "/start");
}

api_code api_exec_start(struct api_client *c, const char *exec_id, int tty,
			struct api_hijack **out, struct api_error *err)
{
	char *path = api_exec_start_path(exec_id);
	api_code rc;

	*out = NULL;
	if (!path)
		return api_error_set(err, API_E_INVALID, 0,
				     "exec start: no exec id");
	rc = api_hijack_open(c, "POST", path,
			     tty ? "{\"Detach\":false,\"Tty\":true}"
				 : "{\"Detach\":false,\"Tty\":false}",
			     out, err);
	free(path);
	return rc;
}

static char *resize_path(const char *prefix, const char *id, int rows, int cols)
{
	struct api_query q;

	if (!id || !*id)
		return NULL;
	api_query_init(&q, prefix);
	api_query_seg(&q, id);
	api_query_raw(&q, "/resize");
	api_query_int(&q, "h", rows);
	api_query_int(&q, "w", cols);
	return api_query_take(&q);
}

char *api_exec_resize_path(const char *exec_id, int rows, int cols)
{
	return resize_path("/exec/", exec_id, rows, cols);
}

api_code api_exec_resize(struct api_client *c, const char *exec_id, int rows,
			 int cols, struct api_error *err)
{
	return api_fetch_take(c, "POST",
			      api_exec_resize_path(exec_id, rows, cols), NULL,
			      NULL, err);
}

char *api_container_resize_path(const char *container, int rows, int cols)
{
	return resize_path("/containers/", container, rows, cols);
}

api_code api_container_resize(struct api_client *c, const char *container,
			      int rows, int cols, struct api_error *err)
{
	return api_fetch_take(c, "POST",
			      api_container_resize_path(container, rows, cols),
			      NULL, NULL, err);
}

char *api_exec_inspect_path(const char *exec_id)
{
	return id_path("/exec/", exec_id, "/json");
}

api_code api_exec_inspect_parse(const char *json, size_t len,
				struct api_exec_inspect *out,
				struct api_error *err)
{
	struct json_map m = {0};
	const cJSON *pc;
	cJSON *root;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "exec inspect", cJSON_Object, &root, err);
	if (rc != API_OK)
		return rc;
	out->id = jm_str(&m, root, "ID");
	out->container_id = jm_str(&m, root, "ContainerID");
	out->running = jm_bool(root, "Running");
	out->has_exit_code = cJSON_IsNumber(jm_get(root, "ExitCode"));
	out->exit_code = jm_i64(root, "ExitCode");
	out->pid = jm_i64(root, "Pid");
	pc = jm_get(root, "ProcessConfig");
	out->tty = jm_bool(pc, "tty");
	out->entrypoint = jm_str(&m, pc, "entrypoint");
	cJSON_Delete(root);
	if (m.nomem) {
		api_exec_inspect_free(out);
		return api_nomem(err);
	}
	return API_OK;
}

api_code api_exec_inspect(struct api_client *c, const char *exec_id,
			  struct api_exec_inspect *out, struct api_error *err)
{
	char *body = NULL;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = api_fetch_take(c, NULL, api_exec_inspect_path(exec_id), &body,
			    &len, err);
	if (rc == API_OK)
		rc = api_exec_inspect_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_exec_inspect_free(struct api_exec_inspect *x)
{
	free(x->id);
	free(x->container_id);
	free(x->entrypoint);
	memset(x, 0, sizeof(*x));
}

int api_exec_not_started(const struct api_exec_inspect *x)
{
	return !x->running && x->has_exit_code &&
	       (x->exit_code == 126 || x->exit_code == 127) && x->pid == 0;
}

char *api_container_attach_path(const char *container, const char *detach_keys)
{
	struct api_query q;

	if (!container || !*container)
		return NULL;
	api_query_init(&q, "/containers/");
	api_query_seg(&q, container);
	api_query_raw(&q, "/attach");
	api_query_bool(&q, "stream", 1);
	api_query_bool(&q, "stdin", 1);
	api_query_bool(&q, "stdout", 1);
	api_query_bool(&q, "stderr", 1);
	if (detach_keys && *detach_keys)
		api_query_str(&q, "detachKeys", detach_keys);
	return api_query_take(&q);
}

api_code api_container_attach(struct api_client *c, const char *container,
			      const char *detach_keys, struct api_hijack **out,
			      struct api_error *err)
{
	char *path = api_container_attach_path(container, detach_keys);
	api_code rc;

	*out = NULL;
	if (!path)
		return api_error_set(err, API_E_INVALID, 0,
				     "attach: no container");
	rc = api_hijack_open(c, "POST", path, NULL, out, err);
	free(path);
	return rc;
}
