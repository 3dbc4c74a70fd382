#include "api/events.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static int exit_code(const char *s)
{
	char *end;
	long v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < 0 || v > INT_MAX)
		return -1;
	return (int)v;
}

/* "exec_start: sh -c true" -> "exec_start" + "sh -c true". */
static void split_action(struct json_map *m, struct api_event *ev)
{
	const char *a = ev->action, *colon = strstr(a, ": ");

	if (!colon) {
		ev->action_base = strdup(a);
	} else {
		ev->action_base = strndup(a, (size_t)(colon - a));
		ev->action_detail = strdup(colon + 2);
		if (!ev->action_detail)
			m->nomem = 1;
	}
	if (!ev->action_base)
		m->nomem = 1;
}

static void event_map(struct json_map *m, const cJSON *root,
		      struct api_event *ev)
{
	const cJSON *actor = jm_get(root, "Actor");

	ev->type = jm_str(m, root, "Type");
	ev->action = jm_str(m, root, "Action");
	/* Engines before API 1.22 sent only status/id. */
	if (!ev->action)
		ev->action = jm_str(m, root, "status");
	ev->actor_id = jm_str(m, actor, "ID");
	if (!ev->actor_id)
		ev->actor_id = jm_str(m, root, "id");
	ev->attributes = jm_kv(m, actor, "Attributes");
	ev->scope = jm_str(m, root, "scope");
	ev->time = jm_i64(root, "time");
	ev->time_nano = jm_i64(root, "timeNano");
	if (!ev->time_nano && ev->time > 0 && ev->time < INT64_MAX / 1000000000)
		ev->time_nano = ev->time * 1000000000;
	ev->name = api_kv_get(&ev->attributes, "name");
	ev->exit_code = exit_code(api_kv_get(&ev->attributes, "exitCode"));
	if (ev->action)
		split_action(m, ev);
}

api_code api_event_parse(const char *line, size_t len, struct api_event *ev,
			 struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root;
	api_code rc;

	memset(ev, 0, sizeof(*ev));
	ev->exit_code = -1;
	rc = json_parse(line, len, "an event", &root, err);
	if (rc != API_OK)
		return rc;
	event_map(&m, root, ev);
	cJSON_Delete(root);
	if (m.nomem) {
		api_event_free(ev);
		return api_nomem(err);
	}
	if (!ev->action) {
		api_event_free(ev);
		return api_error_set(err, API_E_PARSE, 0,
				     "an event without an action");
	}
	return API_OK;
}

void api_event_free(struct api_event *ev)
{
	if (!ev)
		return;
	free(ev->type);
	free(ev->action);
	free(ev->actor_id);
	api_kvlist_free(&ev->attributes);
	free(ev->scope);
	free(ev->action_base);
	free(ev->action_detail);
	memset(ev, 0, sizeof(*ev));
	ev->exit_code = -1;
}

char *api_events_path(const struct api_events_opts *o)
{
	struct api_query q;

	api_query_init(&q, "/events");
	if (o && o->since > 0)
		api_query_int(&q, "since", (long long)o->since);
	if (o && o->until > 0)
		api_query_int(&q, "until", (long long)o->until);
	if (o && o->filters)
		api_query_filters(&q, o->filters, o->n_filters);
	return api_query_take(&q);
}

/* ---- the stream ---- */

static int on_line(const char *line, size_t len, void *ud)
{
	struct api_events_stream *s = ud;
	struct api_event ev;
	struct api_error err;
	int rc = 0;

	if (api_event_parse(line, len, &ev, &err) != API_OK) {
		s->bad_lines++;
		return 0;
	}
	s->events++;
	s->in_callback++;
	if (s->take)
		rc = s->take(&ev, s->ud);
	else if (s->on_event)
		s->on_event(&ev, s->ud);
	s->in_callback--;
	api_event_free(&ev);
	return rc || s->stop_pending;
}

void api_events_stream_init(struct api_events_stream *s, api_event_fn on_event,
			    api_events_end_fn on_end, void *ud)
{
	memset(s, 0, sizeof(*s));
	jsonlines_init(&s->jl, 0, on_line, s);
	s->on_event = on_event;
	s->on_end = on_end;
	s->ud = ud;
}

void api_events_stream_feed(struct api_events_stream *s, const char *data,
			    size_t len)
{
	size_t dropped = s->jl.dropped;

	if (s->ended || s->stop_pending)
		return;
	jsonlines_feed(&s->jl, data, len);
	s->bad_lines += s->jl.dropped - dropped;
}

void api_events_stream_finish(struct api_events_stream *s)
{
	if (!s->ended && !s->stop_pending)
		jsonlines_finish(&s->jl);
	s->ended = 1;
}

void api_events_stream_done(struct api_events_stream *s)
{
	jsonlines_done(&s->jl);
}

static void stream_free(struct api_events_stream *s)
{
	api_events_stream_done(s);
	free(s);
}

static int req_data(const char *data, size_t len, void *ud)
{
	struct api_events_stream *s = ud;

	api_events_stream_feed(s, data, len);
	return s->stop_pending;
}

static int req_open(void *ud)
{
	struct api_events_stream *s = ud;

	s->in_callback++;
	s->on_open(s->ud);
	s->in_callback--;
	return s->stop_pending;
}

static void req_done(struct api_request *req, api_code code,
		     const struct api_response *resp,
		     const struct api_error *err, void *ud)
{
	struct api_events_stream *s = ud;

	(void)req;
	(void)resp;
	s->req = NULL;
	api_events_stream_finish(s);
	if (!s->stop_pending && s->on_end) {
		s->in_callback++;
		s->on_end(code, err, s->ud);
		s->in_callback--;
	}
	if (s->stop_pending)
		stream_free(s);
}

api_code api_events_start(struct api_client *c, const struct api_events_opts *o,
			  api_event_fn on_event, api_events_end_fn on_end,
			  void *ud, struct api_events_stream **out,
			  struct api_error *err)
{
	struct api_request_spec spec = {0};
	struct api_events_stream *s;
	api_code rc;

	*out = NULL;
	s = calloc(1, sizeof(*s));
	if (!s)
		return api_nomem(err);
	api_events_stream_init(s, on_event, on_end, ud);
	spec.path = api_events_path(o);
	if (!spec.path) {
		stream_free(s);
		return api_nomem(err);
	}
	spec.on_data = req_data;
	spec.on_done = req_done;
	spec.ud = s;
	spec.timeout_ms = -1;
	if (o && o->on_open) {
		s->on_open = o->on_open;
		spec.on_open = req_open;
	}
	rc = api_request_start(c, &spec, &s->req, err);
	free((char *)spec.path);
	if (rc != API_OK) {
		stream_free(s);
		return rc;
	}
	*out = s;
	return API_OK;
}

/* Inside a callback curl or the splitter still hold s: only flag it, and
 * let req_data/req_done end the request and free. */
void api_events_stop(struct api_events_stream *s)
{
	if (!s)
		return;
	if (s->in_callback) {
		s->stop_pending = 1;
		return;
	}
	if (s->req)
		api_request_cancel(s->req);
	stream_free(s);
}

/* ---- the blocking window ---- */

struct collect {
	struct api_event_list *l;
	size_t max, cap;
	int nomem, full, ended;
	api_code code;
	struct api_error err;
};

static int collect_take(struct api_event *ev, void *ud)
{
	struct collect *st = ud;
	struct api_event_list *l = st->l;

	if (st->nomem || l->n >= st->max) {
		l->truncated = !st->nomem;
		st->full = 1;
		return 1;
	}
	if (l->n == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 64;
		struct api_event *p = realloc(l->items, cap * sizeof(*p));
		if (!p) {
			st->nomem = st->full = 1;
			return 1;
		}
		l->items = p;
		st->cap = cap;
	}
	l->items[l->n++] = *ev;
	/* name points into attributes, which moved along with the event. */
	memset(ev, 0, sizeof(*ev));
	return 0;
}

static void collect_end(api_code code, const struct api_error *err, void *ud)
{
	struct collect *st = ud;

	st->ended = 1;
	st->code = code;
	if (err)
		st->err = *err;
}

api_code api_events_collect(struct api_client *c,
			    const struct api_events_opts *o, size_t max,
			    struct api_event_list *out, struct api_error *err)
{
	struct collect st = {0};
	struct api_events_stream *s;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!o || o->until <= 0)
		return api_error_set(err, API_E_INVALID, 0,
				     "collecting events needs an until time");
	st.l = out;
	st.max = max ? max : 100000;
	rc = api_events_start(c, o, NULL, collect_end, &st, &s, err);
	if (rc != API_OK)
		return rc;
	s->take = collect_take;
	while (!st.ended && !st.full) {
		api_client_process(c);
		if (!st.ended && !st.full)
			api_client_wait(c, NULL, 0, 1000);
	}
	out->bad_lines = s->bad_lines;
	api_events_stop(s);
	rc = st.nomem ? api_nomem(err) : st.ended ? st.code : API_OK;
	if (rc != API_OK && !st.nomem && err)
		*err = st.err;
	if (rc != API_OK)
		api_event_list_free(out);
	return rc;
}

void api_event_list_free(struct api_event_list *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		api_event_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}
