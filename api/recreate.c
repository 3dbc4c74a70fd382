#include "api/recreate.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/container_inspect.h"
#include "api/containers.h"
#include "api/json.h"
#include "api/query.h"
#include "api/recreate_spec.h"

#define POLL_MS 200

struct run {
	struct api_client *c;
	const struct recreate_opts *o;
	struct recreate_spec s;
	recreate_progress_fn progress;
	void *ud;
	char new_id[72];
	char tmp_name[300];
	char aside_name[300];
};

void recreate_opts_init(struct recreate_opts *o)
{
	o->image = NULL;
	o->grace_ms = RECREATE_GRACE_MS_DEFAULT;
	o->stop_timeout = -1;
}

static void say(struct run *r, const char *fmt, const char *arg)
{
	char line[512];

	if (!r->progress)
		return;
	snprintf(line, sizeof(line), fmt, arg);
	r->progress(line, r->ud);
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

static api_code create_new(struct run *r, struct api_error *err)
{
	struct api_query q;
	char *path, *body = NULL;
	size_t len = 0;
	cJSON *root = NULL;
	const cJSON *id;
	api_code rc;

	api_query_init(&q, "/containers/create");
	api_query_str(&q, "name", r->tmp_name);
	path = api_query_take(&q);
	if (!path)
		return api_nomem(err);
	rc = api_fetch(r->c, "POST", path, 0, r->s.body, &body, &len, err);
	free(path);
	if (rc != API_OK)
		return rc;
	rc = json_parse_as(body, len, "container create", cJSON_Object, &root,
			   err);
	free(body);
	if (rc != API_OK)
		return rc;
	id = jm_get(root, "Id");
	if (!cJSON_IsString(id) || strlen(id->valuestring) < 12 ||
	    strlen(id->valuestring) >= sizeof(r->new_id))
		rc = api_error_set(err, API_E_PARSE, 0, "create gave no Id");
	else
		memcpy(r->new_id, id->valuestring, strlen(id->valuestring) + 1);
	cJSON_Delete(root);
	return rc;
}

static api_code connect_nets(struct run *r, struct api_error *err)
{
	size_t i;

	for (i = 0; i < r->s.n_nets; i++) {
		struct api_query q;
		char *path, *body;
		size_t n;
		api_code rc;

		say(r, "connecting to network %s", r->s.nets[i].network);
		n = strlen(r->s.nets[i].endpoint) + strlen(r->new_id) + 64;
		body = malloc(n);
		api_query_init(&q, "/networks/");
		api_query_seg(&q, r->s.nets[i].network);
		api_query_raw(&q, "/connect");
		path = api_query_take(&q);
		if (!body || !path) {
			free(body);
			free(path);
			return api_nomem(err);
		}
		snprintf(body, n,
			 "{\"Container\":\"%s\",\"EndpointConfig\":%s}",
			 r->new_id, r->s.nets[i].endpoint);
		rc = api_fetch(r->c, "POST", path, 0, body, NULL, NULL, err);
		free(body);
		free(path);
		if (rc != API_OK)
			return rc;
	}
	return API_OK;
}

/* Up for the whole grace period, without a restart in between. */
static api_code watch_grace(struct run *r, struct api_error *err)
{
	int waited = 0, grace = r->o->grace_ms;

	for (;;) {
		struct api_container_inspect ci = {0};
		api_code rc = api_container_inspect(r->c, r->new_id, &ci, err);
		int up = ci.state.running && !ci.state.restarting &&
			 ci.restart_count == 0;

		if (rc == API_OK && !up)
			rc = api_error_set(
				err, API_E_INVALID, 0,
				"the new container did not stay up (%s, exit "
				"code %lld%s%s)",
				ci.state.status ? ci.state.status : "stopped",
				(long long)ci.state.exit_code,
				ci.state.error && *ci.state.error ? ": " : "",
				ci.state.error ? ci.state.error : "");
		api_container_inspect_free(&ci);
		if (rc != API_OK || waited >= grace)
			return rc;
		sleep_ms(POLL_MS);
		waited += POLL_MS;
	}
}

enum stage { ST_CREATED, ST_STOPPED, ST_ASIDE, ST_SWAPPED };

/* Puts the old container back as it was; adds what went wrong to err. */
static void roll_back(struct run *r, enum stage st, struct api_error *err)
{
	struct api_error e2;
	int ok = 1;

	say(r, "rolling back: removing the new container %s", r->s.name);
	if (api_container_remove(r->c, r->new_id, 1, 0, &e2) != API_OK)
		ok = 0;
	if (st >= ST_ASIDE) {
		say(r, "rolling back: renaming the old one to %s", r->s.name);
		if (api_container_rename(r->c, r->s.id, r->s.name, &e2) !=
		    API_OK)
			ok = 0;
	}
	if (st >= ST_STOPPED && r->s.running) {
		say(r, "rolling back: starting the old %s", r->s.name);
		if (api_container_start(r->c, r->s.id, &e2) != API_OK)
			ok = 0;
	}
	if (err) {
		size_t n = strlen(err->msg);

		snprintf(err->msg + n, sizeof(err->msg) - n, "%s",
			 ok ? "; rolled back, the old container is back"
			    : "; ROLLBACK INCOMPLETE, check the old container");
	}
}

static api_code swap(struct run *r, struct api_error *err)
{
	int t = r->o->stop_timeout >= 0 ? r->o->stop_timeout
					: r->s.stop_timeout;
	enum stage st = ST_CREATED;
	api_code rc = API_OK;

	if (r->s.running) {
		say(r, "stopping the old %s", r->s.name);
		rc = api_container_stop(r->c, r->s.id, t, err);
	}
	if (rc == API_OK) {
		st = ST_STOPPED;
		say(r, "renaming the old one to %s", r->aside_name);
		rc = api_container_rename(r->c, r->s.id, r->aside_name, err);
	}
	if (rc == API_OK) {
		st = ST_ASIDE;
		say(r, "renaming the new one to %s", r->s.name);
		rc = api_container_rename(r->c, r->new_id, r->s.name, err);
	}
	if (rc == API_OK && r->s.running) {
		st = ST_SWAPPED;
		say(r, "starting the new %s", r->s.name);
		rc = api_container_start(r->c, r->new_id, err);
		if (rc == API_OK && r->o->grace_ms > 0)
			say(r, "watching the new %s stay up", r->s.name);
		if (rc == API_OK)
			rc = watch_grace(r, err);
	}
	if (rc != API_OK)
		roll_back(r, st, err);
	return rc;
}

static api_code prepare(struct run *r, const char *id_or_name,
			struct api_error *err)
{
	struct api_container_inspect ci = {0};
	api_code rc;

	say(r, "inspecting %s", id_or_name);
	rc = api_container_inspect(r->c, id_or_name, &ci, err);
	if (rc == API_OK)
		rc = api_recreate_spec_build(ci.raw, ci.raw_len, r->o->image,
					     api_client_version(r->c), &r->s,
					     err);
	api_container_inspect_free(&ci);
	if (rc != API_OK)
		return rc;
	/* Suffixed with the old id, so two recreates cannot collide. */
	snprintf(r->tmp_name, sizeof(r->tmp_name), "%.200s-berth-new-%.8s",
		 r->s.name, r->s.id);
	snprintf(r->aside_name, sizeof(r->aside_name), "%.200s-berth-old-%.8s",
		 r->s.name, r->s.id);
	return API_OK;
}

api_code api_container_recreate(struct api_client *c, const char *id_or_name,
				const struct recreate_opts *o,
				recreate_progress_fn progress, void *ud,
				char *new_id, size_t new_id_len,
				struct api_error *err)
{
	struct recreate_opts dflt;
	struct run r;
	struct api_error e2;
	api_code rc;

	if (!o) {
		recreate_opts_init(&dflt);
		o = &dflt;
	}
	memset(&r, 0, sizeof(r));
	r.c = c;
	r.o = o;
	r.progress = progress;
	r.ud = ud;
	if (!id_or_name || !*id_or_name)
		return api_error_set(err, API_E_INVALID, 0, "no container");
	rc = prepare(&r, id_or_name, err);
	if (rc == API_OK) {
		say(&r, "creating the new container from %s", r.s.image);
		rc = create_new(&r, err);
	}
	if (rc == API_OK && connect_nets(&r, err) != API_OK) {
		rc = err ? err->code : API_E_HTTP;
		api_container_remove(c, r.new_id, 1, 0, &e2);
	}
	if (rc == API_OK)
		rc = swap(&r, err);
	if (rc == API_OK) {
		say(&r, "removing the old container %s", r.aside_name);
		if (api_container_remove(c, r.s.id, 1, 0, &e2) != API_OK)
			say(&r, "could not remove the old container: %.400s",
			    e2.msg);
		if (new_id && new_id_len)
			snprintf(new_id, new_id_len, "%s", r.new_id);
	}
	api_recreate_spec_free(&r.s);
	return rc;
}
