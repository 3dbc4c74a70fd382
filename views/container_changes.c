#include "views/container_changes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cchanges_init(struct cchanges *c, struct app *a)
{
	memset(c, 0, sizeof(*c));
	c->a = a;
}

void cchanges_forget(struct cchanges *c)
{
	if (c->req)
		api_request_cancel(c->req);
	c->req = NULL;
	c->again = 0;
	api_changes_free(&c->ch);
	c->have = 0;
	c->err[0] = '\0';
	c->id[0] = '\0';
}

static void done(struct api_request *req, api_code code,
		 const struct api_response *resp, const struct api_error *err,
		 void *ud)
{
	struct cchanges *c = ud;
	struct api_changes ch = {0};
	struct api_error perr = {0};

	(void)req;
	c->req = NULL;
	if (code != API_OK) {
		snprintf(c->err, sizeof(c->err), "%s", err->msg);
	} else if (api_container_changes_parse(resp->body, resp->body_len, &ch,
					       &perr) != API_OK) {
		snprintf(c->err, sizeof(c->err), "%s", perr.msg);
	} else {
		api_changes_sort(&ch);
		api_changes_free(&c->ch);
		c->ch = ch;
		memset(&ch, 0, sizeof(ch));
		c->have = 1;
		c->err[0] = '\0';
	}
	api_changes_free(&ch);
	app_dirty(c->a);
	if (c->again) {
		c->again = 0;
		cchanges_fetch(c, c->id);
	}
}

void cchanges_fetch(struct cchanges *c, const char *id)
{
	struct api_request_spec spec = {.on_done = done, .ud = c};
	struct api_error err = {0};
	char *path;

	if (!id || !*id)
		return;
	if (strcmp(c->id, id) != 0) {
		cchanges_forget(c);
		snprintf(c->id, sizeof(c->id), "%s", id);
	}
	if (c->req) {
		c->again = 1;
		return;
	}
	if ((path = api_container_changes_path(c->id)) == NULL)
		return;
	spec.path = path;
	if (api_request_start(app_client(c->a), &spec, &c->req, &err) != API_OK)
		snprintf(c->err, sizeof(c->err), "%s", err.msg);
	free(path);
}

void cchanges_set_filter(struct cchanges *c, const char *filter)
{
	snprintf(c->filter, sizeof(c->filter), "%s", filter ? filter : "");
}

/* A word of kind letters only ("D", "ac"): a kind filter. */
static int kinds_word(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strchr("ACDacd", w[i]))
			return 0;
	return n > 0;
}

static int passes(const struct cchanges *c, char letter, const char *path)
{
	const char *p = c->filter;
	int kind_ok = 1, path_ok = 1;

	while (*p) {
		size_t n;
		char word[sizeof(c->filter)];
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (!n)
			break;
		snprintf(word, sizeof(word), "%.*s", (int)n, p);
		if (kinds_word(word, n)) {
			char up[2] = {letter, '\0'};
			kind_ok = strcasestr(word, up) != NULL;
		} else {
			path_ok = path && strstr(path, word) != NULL;
		}
		p += n;
	}
	return kind_ok && path_ok;
}

size_t cchanges_shown(const struct cchanges *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->ch.n; i++)
		n += passes(c, api_change_letter(c->ch.items[i].kind),
			    c->ch.items[i].path);
	return n;
}

void cchanges_each(const struct cchanges *c,
		   void (*line)(void *ud, char letter, const char *path),
		   void *ud)
{
	size_t i;

	for (i = 0; i < c->ch.n; i++) {
		char k = api_change_letter(c->ch.items[i].kind);
		if (passes(c, k, c->ch.items[i].path))
			line(ud, k, c->ch.items[i].path);
	}
}
