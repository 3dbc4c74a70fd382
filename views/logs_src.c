/* The containers the logs pane follows: inspect (for the TTY flag), then
 * a followed logs stream each, fed line by line into the ring; exit
 * markers and re-attaching from engine events. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/swarm_service.h"
#include "model/log_driver.h"
#include "model/log_fold.h"
#include "views/logs.h"

#define LBL_PROJECT "com.docker.compose.project"

static char *dup_str(const char *s)
{
	size_t n = strlen(s ? s : "");
	char *d = malloc(n + 1);

	if (d)
		memcpy(d, s ? s : "", n + 1);
	return d;
}

/* A continuation of an entry the user opened stays open: the source's
 * line before it says (looked for among the newest few). */
static unsigned opened(const struct logs_src *s)
{
	const struct scrollback *sb = &s->p->sb;
	const struct sb_line *l;
	uint64_t q = sb_end(sb);
	int k;

	for (k = 0; k < 64 && q > sb_begin(sb); k++) {
		l = sb_get(sb, --q);
		if (l && l->src == s->idx)
			return l->flags & SB_OPEN;
	}
	return 0;
}

static void push_text(struct logs_src *s, int stream, unsigned flags,
		      const struct logline *ln, int64_t tsn, const char *text,
		      size_t len)
{
	struct sb_entry e = {0};

	if (flags & SB_MARKER) {
		s->has_line = 0;
		s->fold_state = LOG_FOLD_NONE;
	} else {
		if (log_fold_continues(text, len, &s->fold_state) &&
		    s->has_line)
			flags |= SB_CONT | opened(s);
		s->has_line = 1;
	}
	e.stream = stream;
	e.flags = flags;
	e.src = s->idx;
	e.text = text;
	e.len = len;
	if (ln && ln->ts_len) {
		e.ts = ln->ts;
		e.ts_len = ln->ts_len;
		e.tsn = tsn;
	}
	if (sb_push(&s->p->sb, &e) != 0)
		return;
	/* A flood of lines redraws at the live rate, not per line. */
	app_dirty_live(s->p->a);
}

static void exit_marker(struct logs_src *s, int64_t code)
{
	char msg[96];
	int n;

	if (s->exit_marked)
		return;
	s->exit_marked = 1;
	n = snprintf(msg, sizeof(msg),
		     "\xe2\x80\x94 container exited with code %" PRId64
		     " \xe2\x80\x94",
		     code);
	push_text(s, LOG_STDOUT, SB_MARKER, NULL, 0, msg, (size_t)n);
}

static void driver_marker(struct logs_src *s, const char *what)
{
	char msg[400];
	int n;

	n = snprintf(msg, sizeof(msg),
		     "\xe2\x80\x94 log driver %s: %s \xe2\x80\x94", s->where,
		     what);
	if (n > 0)
		push_text(s, LOG_STDOUT, SB_MARKER, NULL, 0, msg,
			  (size_t)n < sizeof(msg) ? (size_t)n
						  : sizeof(msg) - 1);
}

static int on_line(const struct logline *ln, void *ud)
{
	struct logs_src *s = ud;
	int64_t tsn = ln->ts_len ? sb_parse_time(ln->ts, ln->ts_len) : 0;

	/* re-attached with a since in whole seconds: skip what we hold */
	if (tsn && s->skip_tsn && tsn <= s->skip_tsn)
		return 0;
	if (tsn)
		s->last_tsn = tsn;
	if (s->read_mode == LOG_READ_CACHE && !s->driver_noted) {
		s->driver_noted = 1;
		driver_marker(s, "shown from the engine's local copy");
	}
	push_text(s, ln->stream, ln->truncated ? SB_TRUNCATED : 0, ln, tsn,
		  ln->text, ln->len);
	return 0;
}

static int on_chunk(int stream, const char *data, size_t len, void *ud)
{
	struct logs_src *s = ud;

	loglines_chunk(stream, data, len, &s->ll);
	return 0;
}

static void start_inspect(struct logs_src *s);

static void on_end(api_code code, const struct api_error *err, void *ud)
{
	struct logs_src *s = ud;

	s->stream = NULL;
	loglines_finish(&s->ll);
	loglines_done(&s->ll);
	if (code != API_OK && code != API_E_CANCELLED &&
	    s->read_mode == LOG_READ_CACHE) {
		/* the driver sends it elsewhere and the engine kept no copy:
		 * say where to look, not only that reading failed */
		if (s->driver_noted != 2)
			driver_marker(s,
				      "the engine keeps no copy it can read "
				      "back (its cache is off); the logs are "
				      "there");
		s->driver_noted = 2;
		app_error(s->p->a,
			  "logs of %s: log driver %s, not readable "
			  "here",
			  s->name, s->where);
	} else if (code != API_OK && code != API_E_CANCELLED) {
		app_error(s->p->a, "logs of %s: %s", s->name,
			  err && err->msg[0] ? err->msg : "stream failed");
	}
	if (s->pending_exit)
		exit_marker(s, s->die_code);
	else if (!s->running && code == API_OK)
		exit_marker(s, s->exit_code);
	s->pending_exit = 0;
	if (s->want_reattach) {
		s->want_reattach = 0;
		s->skip_tsn = s->last_tsn;
		s->exit_marked = 0;
		start_inspect(s);
	}
	app_dirty(s->p->a);
}

static void stream_opts(const struct logs_src *s, struct api_logs_opts *o)
{
	o->follow = 1;
	o->timestamps = 1;
	o->tail = s->p->tail;
	o->since = s->p->since;
	if (s->skip_tsn) {
		/* back after a restart: everything since the last line */
		o->since = s->skip_tsn / 1000000000;
		o->tail = -1;
	}
}

static int svc_data(const char *data, size_t len, void *ud)
{
	struct logs_src *s = ud;

	return logframes_feed(&s->svc_lf, data, len) != 0;
}

static void svc_done(struct api_request *req, api_code code,
		     const struct api_response *resp,
		     const struct api_error *err, void *ud)
{
	struct logs_src *s = ud;
	const char *why;

	(void)req;
	(void)resp;
	s->svc_req = NULL;
	if (code == API_OK)
		logframes_finish(&s->svc_lf);
	loglines_finish(&s->ll);
	loglines_done(&s->ll);
	why = logframes_error(&s->svc_lf);
	if (!why && code != API_OK && code != API_E_CANCELLED)
		why = err && err->msg[0] ? err->msg : "stream failed";
	if (why)
		app_error(s->p->a, "logs of service %s: %s", s->name, why);
	app_dirty(s->p->a);
}

/* A service's tasks have no TTY to ask about: the body is framed. */
static void start_service(struct logs_src *s)
{
	struct api_logs_opts o = API_LOGS_OPTS_INIT;
	struct api_request_spec spec = {0};
	struct api_error err;
	char *path;

	stream_opts(s, &o);
	path = api_service_logs_path(s->id, &o);
	if (!path) {
		app_error(s->p->a, "logs: bad service name");
		return;
	}
	loglines_init(&s->ll, 0, 1, on_line, s);
	logframes_init(&s->svc_lf, 0, on_chunk, s);
	spec.path = path;
	spec.on_data = svc_data;
	spec.on_done = svc_done;
	spec.ud = s;
	if (api_request_start(app_client(s->p->a), &spec, &s->svc_req, &err) !=
	    API_OK) {
		s->svc_req = NULL;
		loglines_done(&s->ll);
		app_error(s->p->a, "logs of service %s: %s", s->name, err.msg);
	}
	free(path);
}

static void start_stream(struct logs_src *s)
{
	struct logs_pane *p = s->p;
	struct api_logs_opts o = API_LOGS_OPTS_INIT;
	struct api_error err;

	stream_opts(s, &o);
	loglines_init(&s->ll, 0, 1, on_line, s);
	if (api_logs_start(app_client(p->a), s->id, &o, s->tty, on_chunk,
			   on_end, s, &s->stream, &err) != API_OK) {
		loglines_done(&s->ll);
		s->stream = NULL;
		app_error(p->a, "logs of %s: %s", s->name, err.msg);
	}
}

/* An inspect's RFC 3339 time in ns, 0 for none or the zero time. */
static int64_t stamp_tsn(const char *t)
{
	int64_t v = t ? sb_parse_time(t, strlen(t)) : 0;

	return v > 0 ? v : 0;
}

static void inspect_done(struct api_request *req, api_code code,
			 const struct api_response *resp,
			 const struct api_error *err, void *ud)
{
	struct logs_src *s = ud;
	struct api_container_inspect ci;
	struct api_error perr;
	char *id;

	(void)req;
	s->inspect = NULL;
	memset(&ci, 0, sizeof(ci));
	if (code != API_OK) {
		app_error(s->p->a, "logs of %s: %s", s->name, err->msg);
		return;
	}
	if (api_container_inspect_parse(resp->body, resp->body_len, &ci,
					&perr) != API_OK) {
		app_error(s->p->a, "logs of %s: %s", s->name, perr.msg);
		return;
	}
	s->tty = ci.config.tty;
	s->running = ci.state.running || ci.state.restarting;
	s->exit_code = ci.state.exit_code;
	s->started_tsn = stamp_tsn(ci.state.started_at);
	s->finished_tsn = stamp_tsn(ci.state.finished_at);
	s->read_mode = (int)log_driver_read(ci.host_config.log_type);
	log_driver_where(ci.host_config.log_type, &ci.host_config.log_config,
			 s->where, sizeof(s->where));
	/* events name the full id: keep it rather than a name typed */
	if (ci.id && ci.id[0] && (id = dup_str(ci.id)) != NULL) {
		free(s->id);
		s->id = id;
	}
	api_container_inspect_free(&ci);
	if (s->read_mode == LOG_READ_NEVER) {
		if (!s->driver_noted)
			driver_marker(s, "this container's output is not "
					 "kept, so there is nothing to show");
		s->driver_noted = 1;
		app_dirty(s->p->a);
		return;
	}
	start_stream(s);
}

static void start_inspect(struct logs_src *s)
{
	struct api_request_spec spec = {0};
	struct api_error err;
	char *path;

	if (s->service) {
		start_service(s);
		return;
	}
	path = api_container_inspect_path(s->id);
	if (!path) {
		app_error(s->p->a, "logs: bad container name");
		return;
	}
	spec.path = path;
	spec.on_done = inspect_done;
	spec.ud = s;
	if (api_request_start(app_client(s->p->a), &spec, &s->inspect, &err) !=
	    API_OK) {
		s->inspect = NULL;
		app_error(s->p->a, "logs of %s: %s", s->name, err.msg);
	}
	free(path);
}

static void src_stop(struct logs_src *s)
{
	if (s->inspect)
		api_request_cancel(s->inspect);
	s->inspect = NULL;
	if (s->stream) {
		api_logs_stop(s->stream);
		loglines_done(&s->ll);
	}
	s->stream = NULL;
	if (s->svc_req) {
		api_request_cancel(s->svc_req);
		loglines_done(&s->ll);
	}
	s->svc_req = NULL;
	s->pending_exit = 0;
	s->want_reattach = 0;
}

void logs_src_close(struct logs_pane *p)
{
	size_t i;

	for (i = 0; i < p->nsrc; i++)
		src_stop(&p->src[i]);
}

static void src_add(struct logs_pane *p, const char *id, const char *name)
{
	struct logs_src *s;

	if (p->nsrc >= LOGS_MAX_SRC)
		return;
	s = &p->src[p->nsrc];
	memset(s, 0, sizeof(*s));
	s->p = p;
	s->idx = (unsigned)p->nsrc;
	s->id = dup_str(id);
	s->name = dup_str(name);
	if (!s->id || !s->name) {
		free(s->id);
		free(s->name);
		return;
	}
	p->nsrc++;
}

static void add_group(struct logs_pane *p, const char *project)
{
	struct cstore *st = app_containers(p->a);
	const struct cstore_entry *e;
	const char *l;
	size_t i;

	for (i = 0; i < cstore_count(st); i++) {
		e = cstore_at(st, i);
		l = api_kv_get(&e->s.labels, LBL_PROJECT);
		if (l && strcmp(l, project) == 0 && e->s.id)
			src_add(p, e->s.id, e->s.name ? e->s.name : e->s.id);
	}
}

/* "ids:A,B,C": the marked containers, by id (a prefix is enough). */
static void add_ids(struct logs_pane *p, const char *list)
{
	const struct cstore_entry *e;
	char id[72];
	const char *c;
	size_t n;

	while (*list) {
		c = strchr(list, ',');
		n = c ? (size_t)(c - list) : strlen(list);
		if (n && n < sizeof(id)) {
			memcpy(id, list, n);
			id[n] = '\0';
			e = cstore_find(app_containers(p->a), id);
			src_add(p, e && e->s.id ? e->s.id : id,
				e && e->s.name ? e->s.name : id);
		}
		list += n + (c != NULL);
	}
}

static int running_entry(const struct cstore_entry *e)
{
	return e->s.id && e->s.state &&
	       (strcmp(e->s.state, "running") == 0 ||
		strcmp(e->s.state, "paused") == 0 ||
		strcmp(e->s.state, "restarting") == 0);
}

static void add_running(struct logs_pane *p)
{
	struct cstore *st = app_containers(p->a);
	const struct cstore_entry *e;
	size_t i, all = 0;

	for (i = 0; i < cstore_count(st); i++) {
		e = cstore_at(st, i);
		if (!running_entry(e))
			continue;
		all++;
		src_add(p, e->s.id, e->s.name ? e->s.name : e->s.id);
	}
	if (all > p->nsrc)
		app_status(p->a,
			   "logs of the first %zu of %zu running containers",
			   p->nsrc, all);
}

void logs_src_open(struct logs_pane *p, const char *arg)
{
	const struct cstore_entry *e;
	size_t i;

	logs_save_cancel(p);
	logs_src_close(p);
	for (i = 0; i < p->nsrc; i++) {
		free(p->src[i].id);
		free(p->src[i].name);
	}
	p->nsrc = 0;
	sb_clear(&p->sb);
	p->follow = 1;
	p->cur = SB_NONE;
	snprintf(p->arg, sizeof(p->arg), "%s", arg ? arg : "");
	p->join = LOGS_JOIN_NONE;
	p->hidden = 0;
	p->filter.hidden_src = 0;
	if (!arg || !*arg)
		return;
	if (strncmp(arg, "group:", 6) == 0) {
		add_group(p, arg + 6);
		p->join = LOGS_JOIN_GROUP;
		snprintf(p->join_project, sizeof(p->join_project), "%s",
			 arg + 6);
	} else if (strncmp(arg, "ids:", 4) == 0) {
		add_ids(p, arg + 4);
	} else if (strcmp(arg, "running:") == 0) {
		add_running(p);
		p->join = LOGS_JOIN_RUNNING;
	} else if (strncmp(arg, "service:", 8) == 0 && arg[8]) {
		src_add(p, arg + 8, arg + 8);
		if (p->nsrc)
			p->src[0].service = 1;
	} else if ((e = cstore_find(app_containers(p->a), arg)) != NULL &&
		   e->s.id) {
		src_add(p, e->s.id, e->s.name ? e->s.name : arg);
	} else {
		/* not listed yet (berth logs NAME): the engine takes names */
		src_add(p, arg, arg);
	}
	if (p->nsrc == 0)
		app_error(p->a, "logs: no container for %s", arg);
	for (i = 0; i < p->nsrc; i++)
		start_inspect(&p->src[i]);
}

void logs_src_reattach(struct logs_pane *p)
{
	size_t i;

	logs_src_close(p);
	sb_clear(&p->sb);
	p->follow = 1;
	p->cur = SB_NONE;
	for (i = 0; i < p->nsrc; i++) {
		p->src[i].skip_tsn = 0;
		p->src[i].has_line = 0;
		p->src[i].last_tsn = 0;
		p->src[i].exit_marked = 0;
		start_inspect(&p->src[i]);
	}
}

void logs_src_resume(struct logs_pane *p)
{
	size_t i;

	for (i = 0; i < p->nsrc; i++) {
		if (p->src[i].stream || p->src[i].inspect || p->src[i].svc_req)
			continue;
		p->src[i].skip_tsn = p->src[i].last_tsn;
		start_inspect(&p->src[i]);
	}
}

static struct logs_src *src_of(struct logs_pane *p, const char *id)
{
	size_t i;

	for (i = 0; id && i < p->nsrc; i++)
		if (strcmp(p->src[i].id, id) == 0)
			return &p->src[i];
	return NULL;
}

/* A container that starts and belongs to what the pane follows (the
 * project, or every running one) joins the view, from its first line. */
static void join(struct logs_pane *p, const struct api_event *ev,
		 const char *act)
{
	const char *proj;

	if (p->join == LOGS_JOIN_NONE || strcmp(act, "start") != 0 ||
	    !ev->actor_id || p->nsrc >= LOGS_MAX_SRC)
		return;
	proj = api_kv_get(&ev->attributes, LBL_PROJECT);
	if (p->join == LOGS_JOIN_GROUP &&
	    (!proj || strcmp(proj, p->join_project) != 0))
		return;
	src_add(p, ev->actor_id, ev->name ? ev->name : ev->actor_id);
	if (p->visible && p->nsrc)
		start_inspect(&p->src[p->nsrc - 1]);
	app_status(p->a, "%s joined the logs",
		   ev->name ? ev->name : ev->actor_id);
	app_dirty(p->a);
}

void logs_src_event(struct logs_pane *p, const struct api_event *ev)
{
	struct logs_src *s;
	const char *act = ev->action_base ? ev->action_base : ev->action;

	if (!ev->type || strcmp(ev->type, "container") != 0 || !act)
		return;
	if ((s = src_of(p, ev->actor_id)) == NULL) {
		join(p, ev, act);
		return;
	}
	if (strcmp(act, "die") == 0) {
		s->running = 0;
		if (s->stream) {
			s->pending_exit = 1;
			s->die_code = ev->exit_code;
		} else {
			exit_marker(s, ev->exit_code);
		}
	} else if (strcmp(act, "start") == 0 && p->visible) {
		if (s->stream) {
			s->want_reattach = 1;
		} else if (!s->inspect) {
			s->skip_tsn = s->last_tsn;
			s->exit_marked = 0;
			start_inspect(s);
		}
	}
}
