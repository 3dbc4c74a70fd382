#include "views/container_actions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ASK_TEXT_MAX 1024

struct job {
	struct batch *b;
	struct cact_target t;
	enum api_container_action act;
	struct api_request *req;
	int done;
};

/* The requests one key press started. */
struct batch {
	struct cactions *owner;
	struct batch *next;
	enum cact_kind kind;
	size_t n, left, failed;
	char first_err[CACT_NAME_MAX + 600];
	struct job jobs[];
};

struct cactions {
	struct app *a;
	struct batch *batches;
	/* a question still open: its targets wait here */
	struct cact_target *asking;
	size_t n_asking;
	enum cact_kind ask_kind;
};

static const char *const verb_ing[] = {
	[CACT_START] = "starting",     [CACT_STOP] = "stopping",
	[CACT_RESTART] = "restarting", [CACT_PAUSE_TOGGLE] = "pausing",
	[CACT_KILL] = "killing",       [CACT_REMOVE] = "removing",
	[CACT_RENAME] = "renaming",
};
static const char *const verb_ed[] = {
	[CACT_START] = "started",     [CACT_STOP] = "stopped",
	[CACT_RESTART] = "restarted", [CACT_PAUSE_TOGGLE] = "paused/unpaused",
	[CACT_KILL] = "killed",	      [CACT_REMOVE] = "removed",
	[CACT_RENAME] = "renamed",
};
static const char *const verb[] = {
	[CACT_START] = "start",	    [CACT_STOP] = "stop",
	[CACT_RESTART] = "restart", [CACT_PAUSE_TOGGLE] = "pause",
	[CACT_KILL] = "kill",	    [CACT_REMOVE] = "remove",
	[CACT_RENAME] = "rename",
};

struct cactions *cact_new(struct app *a)
{
	struct cactions *c = calloc(1, sizeof(*c));

	if (c)
		c->a = a;
	return c;
}

static void drop_question(struct cactions *c)
{
	free(c->asking);
	c->asking = NULL;
	c->n_asking = 0;
}

static void batch_unlink(struct batch *b)
{
	struct batch **p = &b->owner->batches;

	while (*p && *p != b)
		p = &(*p)->next;
	if (*p)
		*p = b->next;
}

void cact_free(struct cactions *c)
{
	size_t i;

	if (!c)
		return;
	while (c->batches) {
		struct batch *b = c->batches;
		c->batches = b->next;
		for (i = 0; i < b->n; i++)
			if (b->jobs[i].req)
				api_request_cancel(b->jobs[i].req);
		free(b);
	}
	drop_question(c);
	free(c);
}

size_t cact_running(const struct cactions *c)
{
	const struct batch *b;
	size_t n = 0;

	for (b = c->batches; b; b = b->next)
		n += b->left;
	return n;
}

static void batch_report(struct batch *b)
{
	struct app *a = b->owner->a;
	const char *who = b->n == 1 ? b->jobs[0].t.name : NULL;

	if (b->failed == 0 && who)
		app_status(a, "%s %s", verb_ed[b->kind], who);
	else if (b->failed == 0)
		app_status(a, "%s %zu containers", verb_ed[b->kind], b->n);
	else if (b->n == 1)
		app_error(a, "%s %s: %s", verb[b->kind], who, b->first_err);
	else
		app_error(a, "%s: %zu of %zu failed: %s", verb[b->kind],
			  b->failed, b->n, b->first_err);
}

static void job_done(struct api_request *req, api_code code,
		     const struct api_response *resp,
		     const struct api_error *err, void *ud)
{
	struct job *j = ud;
	struct batch *b = j->b;
	struct api_error e = {0};

	(void)req;
	j->req = NULL;
	j->done = 1;
	if (err)
		e = *err;
	code = api_container_action_result(j->act, code,
					   resp ? resp->status : 0, &e);
	if (code != API_OK) {
		if (b->failed++ == 0)
			snprintf(b->first_err, sizeof(b->first_err), "%s%s%s",
				 b->n > 1 ? j->t.name : "",
				 b->n > 1 ? ": " : "",
				 e.msg[0] ? e.msg : api_code_str(code));
	}
	if (--b->left > 0)
		return;
	batch_report(b);
	batch_unlink(b);
	free(b);
}

static enum api_container_action api_action(enum cact_kind k,
					    const struct cact_target *t)
{
	switch (k) {
	case CACT_START:
		return API_CONTAINER_START;
	case CACT_STOP:
		return API_CONTAINER_STOP;
	case CACT_RESTART:
		return API_CONTAINER_RESTART;
	case CACT_PAUSE_TOGGLE:
		return t->paused ? API_CONTAINER_UNPAUSE : API_CONTAINER_PAUSE;
	case CACT_KILL:
		return API_CONTAINER_KILL;
	case CACT_REMOVE:
		return API_CONTAINER_REMOVE;
	case CACT_RENAME:
	default:
		return API_CONTAINER_RENAME;
	}
}

static void job_start(struct app *a, struct job *j,
		      const struct api_container_action_opts *o)
{
	struct api_request_spec spec = {.on_done = job_done, .ud = j};
	struct api_error err = {0};
	char *path = api_container_action_path(j->act, j->t.id, o);

	spec.method = api_container_action_method(j->act);
	spec.path = path;
	/* stop waits up to the container's stop timeout before SIGKILL */
	spec.timeout_ms = 120000;
	if (!path) {
		api_error_set(&err, API_E_NOMEM, 0, "out of memory");
		job_done(NULL, err.code, NULL, &err, j);
	} else if (api_request_start(app_client(a), &spec, &j->req, &err) !=
		   API_OK) {
		job_done(NULL, err.code, NULL, &err, j);
	}
	free(path);
}

/* volumes: remove's checkbox; new_name: rename's answer. */
static void start_batch(struct cactions *c, enum cact_kind kind,
			const struct cact_target *t, size_t n, int volumes,
			const char *new_name)
{
	struct batch *b = calloc(1, sizeof(*b) + n * sizeof(b->jobs[0]));
	size_t i;

	if (!b) {
		app_error(c->a, "%s: out of memory", verb[kind]);
		return;
	}
	b->owner = c;
	b->kind = kind;
	b->n = b->left = n;
	b->next = c->batches;
	c->batches = b;
	if (n == 1)
		app_status(c->a, "%s %s\xe2\x80\xa6", verb_ing[kind],
			   t[0].name);
	else
		app_status(c->a, "%s %zu containers\xe2\x80\xa6",
			   verb_ing[kind], n);
	for (i = 0; i < n; i++) {
		b->jobs[i].b = b;
		b->jobs[i].t = t[i];
		b->jobs[i].act = api_action(kind, &t[i]);
	}
	/* The last job_done frees b: iterate with a count taken first. */
	for (i = 0; i < n; i++) {
		struct api_container_action_opts o = {.timeout = -1};
		o.force = t[i].running;
		o.volumes = volumes;
		o.new_name = new_name;
		job_start(c->a, &b->jobs[i], &o);
	}
}

static void answered(struct app *a, int yes, int checked, void *ud)
{
	struct cactions *c = ud;

	(void)a;
	if (yes && c->asking)
		start_batch(c, c->ask_kind, c->asking, c->n_asking, checked,
			    NULL);
	drop_question(c);
}

static void renamed(struct app *a, const char *text, void *ud)
{
	struct cactions *c = ud;

	if (text && *text && c->asking)
		start_batch(c, CACT_RENAME, c->asking, 1, 0, text);
	else if (c->asking)
		app_status(a, "rename cancelled");
	drop_question(c);
}

static int keep_question(struct cactions *c, enum cact_kind kind,
			 const struct cact_target *t, size_t n)
{
	drop_question(c);
	c->asking = malloc(n * sizeof(*t));
	if (!c->asking) {
		app_error(c->a, "%s: out of memory", verb[kind]);
		return -1;
	}
	memcpy(c->asking, t, n * sizeof(*t));
	c->n_asking = n;
	c->ask_kind = kind;
	return 0;
}

static void ask(struct cactions *c, enum cact_kind kind,
		const struct cact_target *t, size_t n)
{
	char text[ASK_TEXT_MAX], who[CACT_NAME_MAX + 32];
	size_t i, running = 0;
	int len;

	for (i = 0; i < n; i++)
		running += t[i].running != 0;
	if (n == 1)
		snprintf(who, sizeof(who), "%s", t[0].name);
	else
		snprintf(who, sizeof(who), "%zu containers", n);
	if (kind == CACT_KILL) {
		len = snprintf(text, sizeof(text), "Kill %s with SIGKILL?",
			       who);
	} else {
		len = snprintf(text, sizeof(text), "Remove %s?", who);
		if (running && len > 0 && (size_t)len < sizeof(text))
			snprintf(text + len, sizeof(text) - (size_t)len,
				 "\n%s running: it will be killed first "
				 "(force).",
				 n == 1 ? "It is" : "Some are");
	}
	if (keep_question(c, kind, t, n) != 0)
		return;
	app_confirm(c->a, kind == CACT_KILL ? "Kill" : "Remove", text,
		    kind == CACT_KILL ? "Kill" : "Remove",
		    kind == CACT_REMOVE ? "also remove anonymous volumes"
					: NULL,
		    answered, c);
}

/* "Stop project shop: its 3 containers\n  shop-web-1, shop-db-1, ...": a
 * whole project is never acted on without one look at what is in it. */
static void ask_project(struct cactions *c, enum cact_kind kind,
			const char *project, const struct cact_target *t,
			size_t n)
{
	char text[ASK_TEXT_MAX], title[64], button[32];
	size_t i, running = 0, used;
	int len;

	snprintf(button, sizeof(button), "%c%s", verb[kind][0] - 'a' + 'A',
		 verb[kind] + 1);
	snprintf(title, sizeof(title), "%s project", button);
	len = snprintf(text, sizeof(text),
		       "%s project %s: %s %zu container%s\n", button, project,
		       n == 1 ? "its" : "all", n, n == 1 ? "" : "s");
	used = len > 0 ? (size_t)len : 0;
	for (i = 0; i < n && used + 8 < sizeof(text); i++) {
		running += t[i].running != 0;
		len = snprintf(text + used, sizeof(text) - used, "%s%s",
			       i ? ", " : "  ", t[i].name);
		if (len < 0 || used + (size_t)len >= sizeof(text) - 8) {
			snprintf(text + used, sizeof(text) - used, ", ...");
			break;
		}
		used += (size_t)len;
	}
	if (kind == CACT_REMOVE && running && used < sizeof(text))
		snprintf(text + used, sizeof(text) - used,
			 "\nThe running ones will be killed first (force).");
	if (keep_question(c, kind, t, n) != 0)
		return;
	app_confirm(c->a, title, text, button,
		    kind == CACT_REMOVE ? "also remove anonymous volumes"
					: NULL,
		    answered, c);
}

void cact_run_project(struct cactions *c, enum cact_kind kind,
		      const char *project, const struct cact_target *targets,
		      size_t n)
{
	if (n == 0) {
		app_status(c->a, "project %s: no container", project);
		return;
	}
	if (app_refuse_if_read_only(c->a, verb[kind]))
		return;
	if (kind == CACT_RENAME) {
		app_status(c->a, "rename: one container at a time");
		return;
	}
	ask_project(c, kind, project, targets, n);
}

void cact_run(struct cactions *c, enum cact_kind kind,
	      const struct cact_target *targets, size_t n)
{
	if (n == 0) {
		app_status(c->a, "no container selected");
		return;
	}
	if (app_refuse_if_read_only(c->a, verb[kind]))
		return;
	if (kind == CACT_RENAME) {
		char label[CACT_NAME_MAX + 32];
		if (keep_question(c, kind, targets, 1) != 0)
			return;
		snprintf(label, sizeof(label),
			 "rename %s to:", targets[0].name);
		app_prompt(c->a, label, targets[0].name, NULL, renamed, c);
		return;
	}
	if ((kind == CACT_KILL || kind == CACT_REMOVE) &&
	    app_options(c->a)->confirm_destructive) {
		ask(c, kind, targets, n);
		return;
	}
	start_batch(c, kind, targets, n, 0, NULL);
}
