#include "views/container_update.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/jobs.h"

#define MAX_NAMES 60

struct upd_ctx {
	int check;
	size_t n;
	char *names[MAX_NAMES];
	char label[128];
};

static void ctx_free(struct upd_ctx *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->names[i]);
	free(c);
}

static void run(struct app *a, struct upd_ctx *c)
{
	jobs_update(app_jobs(a), app_client(a), c->label, c->check,
		    (const char *const *)c->names, c->n);
	ctx_free(c);
}

static void on_confirm(struct app *a, int yes, int checked, void *ud)
{
	(void)checked;
	if (yes)
		run(a, ud);
	else
		ctx_free(ud);
}

void cupdate_start(struct app *a, int check, const char *const *names, size_t n)
{
	struct upd_ctx *c;
	char msg[512];
	size_t i, off = 0;

	if (n == 0)
		return;
	if (!check && app_refuse_if_read_only(a, "update"))
		return;
	c = calloc(1, sizeof(*c));
	if (!c) {
		app_error(a, "out of memory");
		return;
	}
	c->check = check;
	for (i = 0; i < n && i < MAX_NAMES; i++) {
		c->names[c->n] = strdup(names[i]);
		if (c->names[c->n])
			c->n++;
		if (off < sizeof(msg))
			off += (size_t)snprintf(msg + off, sizeof(msg) - off,
						"%s%s", i ? ", " : "",
						names[i]);
	}
	if (n == 1)
		snprintf(c->label, sizeof(c->label), "%s %s",
			 check ? "check" : "update", names[0]);
	else
		snprintf(c->label, sizeof(c->label), "%s %zu containers",
			 check ? "check" : "update", n);
	if (check) {
		run(a, c);
		return;
	}
	snprintf(msg + (off < sizeof(msg) ? off : sizeof(msg) - 1),
		 sizeof(msg) - (off < sizeof(msg) ? off : sizeof(msg) - 1),
		 ": pull the image again and, if it changed, recreate with "
		 "the same settings (rolled back if it fails)");
	app_confirm(a, "Update", msg, "update", NULL, on_confirm, c);
}
