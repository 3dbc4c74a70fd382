#include "ops/recreate.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/containers.h"
#include "api/events.h"
#include "api/json.h"
#include "api/query.h"
#include "api/recreate_spec.h"

enum rstate {
	R_INSPECT,
	R_CREATE,
	R_CONNECT,
	R_STOP,
	R_RENAME_OLD,
	R_RENAME_NEW,
	R_START,
	R_STARTED, /* the engine's StartedAt: when the grace period began */
	R_WATCH,   /* die events of the new one until the grace is over */
	R_CONFIRM,
	R_REMOVE_OLD,
	R_DROP_NEW, /* a network connect failed: only the new one goes */
	RB_REMOVE_NEW,
	RB_RENAME_BACK,
	RB_START_OLD,
};

/* How far the swap went: what a rollback has to undo. */
enum stage { ST_CREATED, ST_STOPPED, ST_ASIDE, ST_SWAPPED };

struct rc_job {
	struct job base;
	struct api_client *c;
	struct job_report rep;
	char *subject, *target, *image;
	int grace_ms, stop_timeout;
	recreate_end_fn end;
	void *ud;
	struct recreate_spec s;
	char new_id[72], tmp_name[300], aside_name[300];
	enum rstate st;
	enum stage stage;
	size_t net_i;
	int64_t started; /* the new one's StartedAt, the engine's seconds */
	struct api_request *req;
	struct api_events_stream *watch;
	struct api_error fail; /* why, once it failed */
	int rollback_broken;
};

static void go(struct rc_job *j);

void recreate_opts_init(struct recreate_opts *o)
{
	o->image = NULL;
	o->grace_ms = RECREATE_GRACE_MS_DEFAULT;
	o->stop_timeout = -1;
}

static void rc_free(struct rc_job *j)
{
	api_recreate_spec_free(&j->s);
	free(j->subject);
	free(j->target);
	free(j->image);
	free(j);
}

static void rc_cancel(struct job *base)
{
	struct rc_job *j = (struct rc_job *)base;

	api_request_cancel(j->req);
	api_events_stop(j->watch);
	rc_free(j);
}

static void finish(struct rc_job *j, api_code code)
{
	struct api_error ok = {0};

	j->end(j->ud, code, code == API_OK ? j->new_id : "",
	       code == API_OK ? &ok : &j->fail);
	rc_free(j);
}

static void set_state(struct rc_job *j, enum rstate st)
{
	j->st = st;
	go(j);
}

static void roll_back(struct rc_job *j, const struct api_error *why)
{
	j->fail = *why;
	set_state(j, RB_REMOVE_NEW);
}

static void rollback_over(struct rc_job *j)
{
	size_t n = strlen(j->fail.msg);

	snprintf(j->fail.msg + n, sizeof(j->fail.msg) - n, "%s",
		 j->rollback_broken
			 ? "; ROLLBACK INCOMPLETE, check the old container"
			 : "; rolled back, the old container is back");
	finish(j, j->fail.code ? j->fail.code : API_E_HTTP);
}

static void rollback_next(struct rc_job *j)
{
	if (j->st == RB_REMOVE_NEW && j->stage >= ST_ASIDE)
		set_state(j, RB_RENAME_BACK);
	else if (j->st != RB_START_OLD && j->stage >= ST_STOPPED &&
		 j->s.running)
		set_state(j, RB_START_OLD);
	else
		rollback_over(j);
}

static void after_connect(struct rc_job *j)
{
	if (j->s.running) {
		set_state(j, R_STOP);
		return;
	}
	j->stage = ST_STOPPED;
	set_state(j, R_RENAME_OLD);
}

static api_code take_spec(struct rc_job *j, const char *body, size_t len,
			  struct api_error *err)
{
	api_code rc = api_recreate_spec_build(
		body, len, j->image, api_client_version(j->c), &j->s, err);

	if (rc != API_OK)
		return rc;
	/* Suffixed with the old id, so two recreates cannot collide. */
	snprintf(j->tmp_name, sizeof(j->tmp_name), "%.200s-berth-new-%.8s",
		 j->s.name, j->s.id);
	snprintf(j->aside_name, sizeof(j->aside_name), "%.200s-berth-old-%.8s",
		 j->s.name, j->s.id);
	return API_OK;
}

static api_code take_new_id(struct rc_job *j, const char *body, size_t len,
			    struct api_error *err)
{
	cJSON *root = NULL;
	const cJSON *id;
	api_code rc = json_parse_as(body, len, "container create", cJSON_Object,
				    &root, err);

	if (rc != API_OK)
		return rc;
	id = jm_get(root, "Id");
	if (!cJSON_IsString(id) || strlen(id->valuestring) < 12 ||
	    strlen(id->valuestring) >= sizeof(j->new_id))
		rc = api_error_set(err, API_E_PARSE, 0, "create gave no Id");
	else
		snprintf(j->new_id, sizeof(j->new_id), "%s", id->valuestring);
	cJSON_Delete(root);
	return rc;
}

/* Up, not restarting, never restarted: what "stayed up" means. */
static api_code check_up(struct rc_job *j, const char *body, size_t len,
			 struct api_error *err)
{
	struct api_container_inspect ci = {0};
	api_code rc = api_container_inspect_parse(body, len, &ci, err);

	if (rc == API_OK && !(ci.state.running && !ci.state.restarting &&
			      ci.restart_count == 0))
		rc = api_error_set(
			err, API_E_INVALID, 0,
			"the new container did not stay up (%s, exit code "
			"%lld%s%s)",
			ci.state.status ? ci.state.status : "stopped",
			(long long)ci.state.exit_code,
			ci.state.error && *ci.state.error ? ": " : "",
			ci.state.error ? ci.state.error : "");
	if (rc == API_OK)
		j->started = api_time_parse(ci.state.started_at);
	api_container_inspect_free(&ci);
	return rc;
}

static void answer(struct rc_job *j, api_code code, long status,
		   const char *body, size_t len, const struct api_error *err)
{
	struct api_error e = *err;

	switch (j->st) {
	case R_INSPECT:
		if (code == API_OK)
			code = take_spec(j, body, len, &e);
		if (code != API_OK) {
			j->fail = e;
			finish(j, code);
			return;
		}
		set_state(j, R_CREATE);
		return;
	case R_CREATE:
		if (code == API_OK)
			code = take_new_id(j, body, len, &e);
		if (code != API_OK) {
			j->fail = e;
			finish(j, code);
		} else if (j->s.n_nets > 0) {
			set_state(j, R_CONNECT);
		} else {
			after_connect(j);
		}
		return;
	case R_CONNECT:
		if (code != API_OK) {
			j->fail = e;
			set_state(j, R_DROP_NEW);
		} else if (++j->net_i < j->s.n_nets) {
			set_state(j, R_CONNECT);
		} else {
			after_connect(j);
		}
		return;
	case R_STOP:
		code = api_container_action_result(API_CONTAINER_STOP, code,
						   status, &e);
		if (code != API_OK) {
			roll_back(j, &e);
			return;
		}
		j->stage = ST_STOPPED;
		set_state(j, R_RENAME_OLD);
		return;
	case R_RENAME_OLD:
		if (code != API_OK) {
			roll_back(j, &e);
			return;
		}
		j->stage = ST_ASIDE;
		set_state(j, R_RENAME_NEW);
		return;
	case R_RENAME_NEW:
		if (code != API_OK) {
			roll_back(j, &e);
		} else if (j->s.running) {
			j->stage = ST_SWAPPED;
			set_state(j, R_START);
		} else {
			set_state(j, R_REMOVE_OLD);
		}
		return;
	case R_START:
		code = api_container_action_result(API_CONTAINER_START, code,
						   status, &e);
		if (code != API_OK)
			roll_back(j, &e);
		else
			set_state(j, j->grace_ms > 0 ? R_STARTED : R_CONFIRM);
		return;
	case R_STARTED:
		if (code == API_OK)
			code = check_up(j, body, len, &e);
		if (code != API_OK)
			roll_back(j, &e);
		else
			set_state(j, R_WATCH);
		return;
	case R_WATCH: /* the stream ended by itself: the grace is over */
		api_events_stop(j->watch); /* frees it, from its on_end too */
		j->watch = NULL;
		if (code != API_OK)
			roll_back(j, &e);
		else
			set_state(j, R_CONFIRM);
		return;
	case R_CONFIRM:
		if (code == API_OK)
			code = check_up(j, body, len, &e);
		if (code != API_OK)
			roll_back(j, &e);
		else
			set_state(j, R_REMOVE_OLD);
		return;
	case R_REMOVE_OLD:
		if (code != API_OK)
			job_step(&j->rep, j->subject,
				 "could not remove the old container: %.400s",
				 e.msg);
		finish(j, API_OK);
		return;
	case R_DROP_NEW:
		finish(j, j->fail.code ? j->fail.code : API_E_HTTP);
		return;
	case RB_REMOVE_NEW:
	case RB_RENAME_BACK:
		j->rollback_broken |= code != API_OK;
		rollback_next(j);
		return;
	case RB_START_OLD:
		code = api_container_action_result(API_CONTAINER_START, code,
						   status, &e);
		j->rollback_broken |= code != API_OK;
		rollback_over(j);
		return;
	}
}

static void on_answer(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct rc_job *j = ud;

	(void)req;
	j->req = NULL;
	answer(j, code, resp->status, resp->body, resp->body_len, err);
}

static void on_die(const struct api_event *ev, void *ud)
{
	struct rc_job *j = ud;
	struct api_events_stream *w = j->watch;

	(void)ev;
	/* It died within the grace: the confirm says how. */
	j->watch = NULL;
	api_events_stop(w);
	set_state(j, R_CONFIRM);
}

static void on_watch_end(api_code code, const struct api_error *err, void *ud)
{
	answer(ud, code, 0, NULL, 0, err);
}

static api_code start_watch(struct rc_job *j, struct api_error *err)
{
	const struct api_filter f[] = {
		{"type", "container"},
		{"container", j->new_id},
		{"event", "die"},
	};
	struct api_events_opts o = {0};

	/* The engine's own clock, from its StartedAt: a remote engine's
	 * time need not be ours.  Whole seconds, so one more. */
	o.since = j->started > 0 ? j->started : 0;
	o.until = o.since + (j->grace_ms + 999) / 1000 + 1;
	o.filters = f;
	o.n_filters = sizeof(f) / sizeof(f[0]);
	if (j->started <= 0)
		return api_error_set(err, API_E_PARSE, 0,
				     "the new container has no start time");
	return api_events_start(j->c, &o, on_die, on_watch_end, j, &j->watch,
				err);
}

static char *action(enum api_container_action a, const char *id,
		    const struct api_container_action_opts *o)
{
	return api_container_action_path(a, id, o);
}

static api_code send_action(struct rc_job *j, enum api_container_action a,
			    const char *id,
			    const struct api_container_action_opts *o,
			    struct api_error *err)
{
	return job_send(j->c, api_container_action_method(a), action(a, id, o),
			NULL, on_answer, j, &j->req, err);
}

static api_code send_connect(struct rc_job *j, struct api_error *err)
{
	const struct recreate_net *n = &j->s.nets[j->net_i];
	size_t len = strlen(n->endpoint) + strlen(j->new_id) + 64;
	char *body = malloc(len);
	struct api_query q;
	api_code rc;

	if (!body)
		return api_nomem(err);
	snprintf(body, len, "{\"Container\":\"%s\",\"EndpointConfig\":%s}",
		 j->new_id, n->endpoint);
	api_query_init(&q, "/networks/");
	api_query_seg(&q, n->network);
	api_query_raw(&q, "/connect");
	rc = job_send(j->c, "POST", api_query_take(&q), body, on_answer, j,
		      &j->req, err);
	free(body);
	return rc;
}

static api_code send_create(struct rc_job *j, struct api_error *err)
{
	struct api_query q;

	api_query_init(&q, "/containers/create");
	api_query_str(&q, "name", j->tmp_name);
	return job_send(j->c, "POST", api_query_take(&q), j->s.body, on_answer,
			j, &j->req, err);
}

/* Says what the state does and starts its one request. */
static api_code send_state(struct rc_job *j, struct api_error *err)
{
	struct api_container_action_opts ao = {.timeout = -1};
	const char *sub = j->subject;

	switch (j->st) {
	case R_INSPECT:
		job_step(&j->rep, sub, "inspecting %s", j->target);
		return job_send(j->c, "GET",
				api_container_inspect_path(j->target), NULL,
				on_answer, j, &j->req, err);
	case R_CREATE:
		job_step(&j->rep, sub, "creating the new container from %s",
			 j->s.image);
		return send_create(j, err);
	case R_CONNECT:
		job_step(&j->rep, sub, "connecting to network %s",
			 j->s.nets[j->net_i].network);
		return send_connect(j, err);
	case R_STOP:
		job_step(&j->rep, sub, "stopping the old %s", j->s.name);
		ao.timeout = j->stop_timeout >= 0 ? j->stop_timeout
						  : j->s.stop_timeout;
		return send_action(j, API_CONTAINER_STOP, j->s.id, &ao, err);
	case R_RENAME_OLD:
		job_step(&j->rep, sub, "renaming the old one to %s",
			 j->aside_name);
		ao.new_name = j->aside_name;
		return send_action(j, API_CONTAINER_RENAME, j->s.id, &ao, err);
	case R_RENAME_NEW:
		job_step(&j->rep, sub, "renaming the new one to %s", j->s.name);
		ao.new_name = j->s.name;
		return send_action(j, API_CONTAINER_RENAME, j->new_id, &ao,
				   err);
	case R_START:
		job_step(&j->rep, sub, "starting the new %s", j->s.name);
		return send_action(j, API_CONTAINER_START, j->new_id, NULL,
				   err);
	case R_STARTED:
		job_step(&j->rep, sub, "watching the new %s stay up",
			 j->s.name);
		/* fall through */
	case R_CONFIRM:
		return job_send(j->c, "GET",
				api_container_inspect_path(j->new_id), NULL,
				on_answer, j, &j->req, err);
	case R_WATCH:
		return start_watch(j, err);
	case R_REMOVE_OLD:
		job_step(&j->rep, sub, "removing the old container %s",
			 j->aside_name);
		ao.force = 1;
		return send_action(j, API_CONTAINER_REMOVE, j->s.id, &ao, err);
	case R_DROP_NEW:
	case RB_REMOVE_NEW:
		if (j->st == RB_REMOVE_NEW)
			job_step(&j->rep, sub,
				 "rolling back: removing the new container %s",
				 j->s.name);
		ao.force = 1;
		return send_action(j, API_CONTAINER_REMOVE, j->new_id, &ao,
				   err);
	case RB_RENAME_BACK:
		job_step(&j->rep, sub,
			 "rolling back: renaming the old one to %s", j->s.name);
		ao.new_name = j->s.name;
		return send_action(j, API_CONTAINER_RENAME, j->s.id, &ao, err);
	case RB_START_OLD:
		job_step(&j->rep, sub, "rolling back: starting the old %s",
			 j->s.name);
		return send_action(j, API_CONTAINER_START, j->s.id, NULL, err);
	}
	return api_error_set(err, API_E_INVALID, 0, "recreate: no such step");
}

/* A request that cannot even start is that state's failure. */
static void go(struct rc_job *j)
{
	struct api_error e = {0};
	api_code rc = send_state(j, &e);

	if (rc != API_OK)
		answer(j, rc, 0, NULL, 0, &e);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

api_code recreate_start(struct api_client *c, const char *id_or_name,
			const struct recreate_opts *o,
			const struct job_report *rep, const char *subject,
			recreate_end_fn end, void *ud, struct job **out,
			struct api_error *err)
{
	struct recreate_opts dflt;
	struct rc_job *j;
	api_code rc;

	if (out)
		*out = NULL;
	if (!id_or_name || !*id_or_name)
		return api_error_set(err, API_E_INVALID, 0, "no container");
	if (!o) {
		recreate_opts_init(&dflt);
		o = &dflt;
	}
	j = calloc(1, sizeof(*j));
	if (!j)
		return api_nomem(err);
	j->base.cancel = rc_cancel;
	j->c = c;
	if (rep)
		j->rep = *rep;
	j->subject = strdup(subject ? subject : id_or_name);
	j->target = strdup(id_or_name);
	j->image = dup_or_null(o->image);
	j->grace_ms = o->grace_ms;
	j->stop_timeout = o->stop_timeout;
	j->end = end;
	j->ud = ud;
	if (!j->subject || !j->target || (o->image && !j->image)) {
		rc_free(j);
		return api_nomem(err);
	}
	/* A first request that cannot start is the caller's to hear, not
	 * end's: nothing has happened yet. */
	j->st = R_INSPECT;
	rc = send_state(j, err);
	if (rc != API_OK) {
		rc_free(j);
		return rc;
	}
	if (out)
		*out = &j->base;
	return API_OK;
}

struct rc_wait {
	int done;
	api_code code;
	struct api_error err;
	char new_id[72];
};

static void wait_end(void *ud, api_code code, const char *new_id,
		     const struct api_error *err)
{
	struct rc_wait *w = ud;

	w->done = 1;
	w->code = code;
	w->err = *err;
	snprintf(w->new_id, sizeof(w->new_id), "%s", new_id);
}

api_code recreate_run(struct api_client *c, const char *id_or_name,
		      const struct recreate_opts *o,
		      const struct job_report *rep, char *new_id,
		      size_t new_id_len, struct api_error *err)
{
	struct rc_wait w = {0};
	api_code rc = recreate_start(c, id_or_name, o, rep, NULL, wait_end, &w,
				     NULL, err);

	if (rc != API_OK)
		return rc;
	job_wait(c, &w.done);
	if (w.code != API_OK && err)
		*err = w.err;
	if (w.code == API_OK && new_id && new_id_len)
		snprintf(new_id, new_id_len, "%s", w.new_id);
	return w.code;
}
