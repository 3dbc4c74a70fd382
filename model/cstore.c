#include "model/cstore.h"

#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "api/container_inspect.h"
#include "api/query.h"
#include "model/cstore_impl.h"
#include "model/format.h"

/* Generations are unique across stores, so a pane that switches to
 * another engine's store always sees a change. */
static unsigned long next_gen;

void cstore_changed(struct cstore *st, int structural)
{
	if (structural)
		st->gen = ++next_gen;
	if (st->changed)
		st->changed(st->ud, structural);
}

int cstore_new(struct api_client *c, const struct sched *s,
	       cstore_changed_fn fn, void *ud, struct cstore **out)
{
	struct cstore *st = calloc(1, sizeof(*st));

	*out = st;
	if (!st)
		return -1;
	st->client = c;
	st->sched = s;
	st->changed = fn;
	st->ud = ud;
	return 0;
}

struct entry_priv *cstore_priv_of(struct cstore_entry *e)
{
	return &((struct entry *)e)->priv;
}

static void entry_free(struct cstore *st, struct cstore_entry *e)
{
	cstore_stop_stats(st, e);
	if (e->refresh)
		api_request_cancel(e->refresh);
	api_container_summary_free(&e->s);
	free(e);
}

static void remove_at(struct cstore *st, size_t i)
{
	entry_free(st, st->items[i]);
	memmove(&st->items[i], &st->items[i + 1],
		(st->n - i - 1) * sizeof(st->items[0]));
	st->n--;
}

void cstore_free(struct cstore *st)
{
	if (!st)
		return;
	if (st->listing)
		api_request_cancel(st->listing);
	cstore_sweep_stop(st);
	while (st->n)
		remove_at(st, st->n - 1);
	free(st->items);
	free(st->gone);
	free(st);
}

ssize_t cstore_index_of(const struct cstore *st, const char *id)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (st->items[i]->s.id && strcmp(st->items[i]->s.id, id) == 0)
			return (ssize_t)i;
	return -1;
}

static struct cstore_entry *add_entry(struct cstore *st)
{
	struct entry *e;

	if (st->n == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 64;
		void *p = realloc(st->items, cap * sizeof(st->items[0]));
		if (!p)
			return NULL;
		st->items = p;
		st->cap = cap;
	}
	e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	e->priv.st = st;
	st->items[st->n++] = &e->pub;
	return &e->pub;
}

struct cstore *cstore_store_of(struct cstore_entry *e)
{
	return cstore_priv_of(e)->st;
}

/* Moves a fresh summary into the entry; the old one is freed. */
static void put_summary(struct cstore_entry *e, struct api_container_summary *s)
{
	api_container_summary_free(&e->s);
	e->s = *s;
	memset(s, 0, sizeof(*s));
}

static void drop(struct cstore *st, const struct cstore_entry *e)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (st->items[i] == e) {
			remove_at(st, i);
			return;
		}
}

static void refresh_done(struct api_request *req, api_code code,
			 const struct api_response *resp,
			 const struct api_error *err, void *ud)
{
	struct cstore_entry *e = ud;
	struct cstore *st = cstore_store_of(e);
	struct api_container_summary s;
	struct api_error perr;

	(void)req;
	e->refresh = NULL;
	if (code == API_E_HTTP && err->http_status == 404) {
		/* Gone before we asked: the destroy event may be next. */
		drop(st, e);
		cstore_changed(st, 1);
		return;
	}
	if (code != API_OK) {
		/* The event's own state stays on screen. */
		snprintf(st->error, sizeof(st->error), "%s", err->msg);
		return;
	}
	/* An event that came while this was asked may be newer than the
	 * answer: ask again rather than show an older state. */
	if (e->seq != e->sent_seq) {
		cstore_refresh(st, e);
		return;
	}
	if (api_container_summary_from_inspect(resp->body, resp->body_len,
					       (int64_t)time(NULL), &s,
					       &perr) != API_OK) {
		snprintf(st->error, sizeof(st->error), "%s", perr.msg);
		return;
	}
	put_summary(e, &s);
	cstore_sweep_later(st);
	cstore_changed(st, 1);
}

/* Inspect, not the list: the list reads a replica the engine updates
 * after it logs die and pause, inspect reads the container under its
 * lock, which the engine holds while it logs the event. */
void cstore_refresh(struct cstore *st, struct cstore_entry *e)
{
	struct api_request_spec spec = {.on_done = refresh_done, .ud = e};
	char *path;

	if (e->refresh)
		return; /* its answer is checked against e->seq */
	path = api_container_inspect_path(e->s.id);
	if (!path)
		return;
	spec.path = path;
	e->sent_seq = e->seq;
	api_request_start(st->client, &spec, &e->refresh, NULL);
	free(path);
}

static int ignored_action(const char *a)
{
	static const char *const quiet[] = {
		"exec_create", "exec_start", "exec_die",     "exec_detach",
		"top",	       "attach",     "detach",	     "resize",
		"commit",      "copy",	     "archive-path", "extract-to-dir",
		"export",
	};
	size_t i;

	for (i = 0; i < sizeof(quiet) / sizeof(quiet[0]); i++)
		if (strcmp(a, quiet[i]) == 0)
			return 1;
	return 0;
}

static void set_str(char **dst, const char *v)
{
	char *d = strdup(v);

	if (d) {
		free(*dst);
		*dst = d;
	}
}

static const char *health_of(const struct cstore_entry *e)
{
	const char *h = fmt_status_health(e->s.status);

	return *h ? h : NULL;
}

/* Words the entry's Status from its state, as the engine would. */
static void restate(struct cstore_entry *e, const char *state, int64_t since,
		    int64_t code, const char *health)
{
	struct api_status_facts f = {state, since, code, health};
	char buf[96];

	api_status_text(&f, (int64_t)time(NULL), buf, sizeof(buf));
	set_str(&e->s.state, state);
	set_str(&e->s.status, buf);
	e->s.state_since = since;
}

static int64_t exit_code_of(const struct cstore_entry *e)
{
	const char *p = e->s.status ? strchr(e->s.status, '(') : NULL;

	return p ? strtol(p + 1, NULL, 10) : 0;
}

/* What the event says, shown at once; the inspect sent after it
 * confirms.  kill and oom change nothing by themselves: a die follows
 * when the process ends. */
static void apply_event(struct cstore_entry *e, const char *action,
			const struct api_event *ev)
{
	const char *state = api_str(e->s.state);
	int64_t t = ev->time;

	if (strcmp(action, "start") == 0 || strcmp(action, "restart") == 0)
		restate(e, "running", t, 0, NULL);
	else if (strcmp(action, "die") == 0)
		restate(e, "exited", t, ev->exit_code >= 0 ? ev->exit_code : 0,
			NULL);
	else if (strcmp(action, "stop") == 0 && strcmp(state, "exited") != 0)
		restate(e, "exited", t, exit_code_of(e), NULL);
	else if (strcmp(action, "pause") == 0)
		restate(e, "paused", e->s.state_since, 0, NULL);
	else if (strcmp(action, "unpause") == 0)
		restate(e, "running", e->s.state_since, 0, health_of(e));
	else if (strcmp(action, "health_status") == 0 && ev->action_detail &&
		 strcmp(state, "running") == 0)
		restate(e, "running", e->s.state_since, 0, ev->action_detail);
	else if (strcmp(action, "create") == 0 && !e->s.state)
		restate(e, "created", 0, 0, NULL);
	if (strcmp(action, "rename") == 0 && ev->name)
		set_str(&e->s.name, ev->name);
}

static void remember_gone(struct cstore *st, const char *id)
{
	if (st->n_gone == st->cap_gone) {
		size_t cap = st->cap_gone ? st->cap_gone * 2 : 16;
		void *p = realloc(st->gone, cap * sizeof(st->gone[0]));
		if (!p) {
			/* Cannot tell this list from a stale one: ask again. */
			st->list_again = 1;
			return;
		}
		st->gone = p;
		st->cap_gone = cap;
	}
	snprintf(st->gone[st->n_gone++], sizeof(st->gone[0]), "%s", id);
}

static int is_gone(const struct cstore *st, const char *id)
{
	size_t i;

	for (i = 0; id && i < st->n_gone; i++)
		if (strcmp(st->gone[i], id) == 0)
			return 1;
	return 0;
}

void cstore_event(struct cstore *st, const struct api_event *ev)
{
	const char *action = ev->action_base ? ev->action_base : ev->action;
	struct cstore_entry *e;
	ssize_t i;

	if (!ev->type || strcmp(ev->type, "container") != 0 || !action ||
	    !ev->actor_id || !*ev->actor_id || ignored_action(action))
		return;
	st->seq++;
	i = cstore_index_of(st, ev->actor_id);
	if (strcmp(action, "destroy") == 0) {
		if (st->listing)
			remember_gone(st, ev->actor_id);
		if (i >= 0) {
			remove_at(st, (size_t)i);
			cstore_changed(st, 1);
		}
		return;
	}
	if (i >= 0) {
		e = st->items[i];
	} else {
		e = add_entry(st);
		if (!e)
			return;
		e->s.id = strdup(ev->actor_id);
		if (ev->name)
			e->s.name = strdup(ev->name);
		if (!e->s.id) {
			remove_at(st, st->n - 1);
			return;
		}
	}
	e->seq = st->seq;
	apply_event(e, action, ev);
	cstore_changed(st, 1);
	cstore_refresh(st, e);
}

/* Brings the rows in line with a full list: update, add, drop.  A row
 * that had an event after the list was asked keeps what the event and
 * its inspect said; a row whose state the list changes is confirmed by an
 * inspect, since the list may lag the engine. */
static void merge(struct cstore *st, struct api_container_list *l)
{
	size_t old_n = st->n, i, k;
	unsigned char *keep = calloc(old_n + 1, 1);

	if (!keep)
		return;
	for (k = 0; k < l->n; k++) {
		ssize_t at = cstore_index_of(st, l->items[k].id ? l->items[k].id
								: "");
		struct cstore_entry *e;
		int differs = 0;
		if (is_gone(st, l->items[k].id))
			continue; /* destroyed after the list was asked */
		if (at >= 0) {
			e = st->items[at];
			if ((size_t)at < old_n)
				keep[at] = 1;
			if (e->seq > st->list_seq)
				continue;
			differs = strcmp(api_str(e->s.state),
					 api_str(l->items[k].state)) != 0;
		} else {
			e = add_entry(st);
			if (!e)
				break;
		}
		/* a row the list says is being removed is asked again: the
		 * destroy may have come before the list was sent */
		differs |= strcmp(api_str(l->items[k].state), "removing") == 0;
		put_summary(e, &l->items[k]);
		if (differs)
			cstore_refresh(st, e);
	}
	/* Rows added above sit past old_n; removing from the end of the
	 * old ones leaves every index still to visit in place. */
	for (i = old_n; i-- > 0;)
		if (!keep[i] && st->items[i]->seq <= st->list_seq)
			remove_at(st, i);
	free(keep);
}

static void list_done(struct api_request *req, api_code code,
		      const struct api_response *resp,
		      const struct api_error *err, void *ud)
{
	struct cstore *st = ud;
	struct api_container_list l = {0};
	struct api_error perr;

	(void)req;
	st->listing = NULL;
	if (code != API_OK) {
		snprintf(st->error, sizeof(st->error), "%s", err->msg);
	} else if (api_containers_list_parse(resp->body, resp->body_len, &l,
					     &perr) != API_OK) {
		snprintf(st->error, sizeof(st->error), "%s", perr.msg);
	} else {
		st->error[0] = '\0';
		merge(st, &l);
		st->listed = 1;
		cstore_sweep_later(st);
	}
	api_container_list_free(&l);
	cstore_changed(st, 1);
	if (st->list_again) {
		st->list_again = 0;
		cstore_relist(st);
	}
}

void cstore_relist(struct cstore *st)
{
	struct api_containers_list_opts o = {.all = 1};
	struct api_request_spec spec = {.on_done = list_done, .ud = st};
	char *path;

	if (st->listing) {
		st->list_again = 1;
		return;
	}
	path = api_containers_list_path(&o);
	if (!path)
		return;
	spec.path = path;
	st->list_seq = st->seq;
	st->n_gone = 0;
	api_request_start(st->client, &spec, &st->listing, NULL);
	free(path);
}

void cstore_disconnect(struct cstore *st)
{
	size_t i;

	if (st->listing)
		api_request_cancel(st->listing);
	st->listing = NULL;
	st->list_again = 0;
	cstore_sweep_stop(st);
	for (i = 0; i < st->n; i++) {
		struct cstore_entry *e = st->items[i];
		cstore_stop_stats(st, e);
		if (e->refresh)
			api_request_cancel(e->refresh);
		e->refresh = NULL;
		e->has_stats = 0;
	}
	st->n_want = 0;
	cstore_changed(st, 0);
}

size_t cstore_count(const struct cstore *st)
{
	return st->n;
}

const struct cstore_entry *cstore_at(const struct cstore *st, size_t i)
{
	return i < st->n ? st->items[i] : NULL;
}

const struct cstore_entry *cstore_find(const struct cstore *st,
				       const char *id_or_name)
{
	size_t i, n = strlen(id_or_name);

	for (i = 0; i < st->n; i++) {
		const struct api_container_summary *s = &st->items[i]->s;
		if ((s->name && strcmp(s->name, id_or_name) == 0) ||
		    (s->id && n >= 4 && strncmp(s->id, id_or_name, n) == 0))
			return st->items[i];
	}
	return NULL;
}

unsigned long cstore_generation(const struct cstore *st)
{
	return st->gen;
}

int cstore_listed(const struct cstore *st)
{
	return st->listed;
}

int cstore_listing(const struct cstore *st)
{
	return st->listing != NULL;
}

const char *cstore_error(const struct cstore *st)
{
	return st->error;
}

void cstore_counts(const struct cstore *st, int *running, int *paused,
		   int *stopped)
{
	size_t i;

	*running = *paused = *stopped = 0;
	for (i = 0; i < st->n; i++) {
		const char *state = st->items[i]->s.state;
		if (!state)
			continue;
		/* As the engine counts for /info: a restarting container
		 * is stopped until it runs again. */
		if (strcmp(state, "running") == 0)
			(*running)++;
		else if (strcmp(state, "paused") == 0)
			(*paused)++;
		else
			(*stopped)++;
	}
}
