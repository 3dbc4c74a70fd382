#include "views/container_rebuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/rebuild_ctx.h"
#include "ops/rebuild_lint.h"
#include "model/jobs.h"

static void on_confirm(struct app *a, int yes, int checked, void *ud)
{
	char *name = ud, label[160];

	(void)checked;
	if (yes) {
		snprintf(label, sizeof(label), "rebuild %s", name);
		jobs_rebuild(app_jobs(a), app_client(a), label, name);
	}
	free(name);
}

/* Where the build would come from and what its Dockerfile holds, for
 * the confirm; 0 if nowhere known (the headless command is then the way
 * to give a context once). */
static int known_context(struct app *a, const struct api_container_summary *s,
			 char *where, size_t n, char **lint)
{
	struct rebuild_ctx x;
	struct api_error err = {0};

	if (rebuild_ctx_resolve(s->name, &s->labels, NULL, NULL, &x, &err) !=
	    API_OK)
		return 0;
	snprintf(where, n, "%s%s", x.context_dir,
		 strcmp(x.source, "compose") == 0 ? " (its Compose build)"
						  : "");
	*lint = rebuild_lint_summary(&x, app_policy(a));
	rebuild_ctx_free(&x);
	return 1;
}

void crebuild_start(struct app *a, const struct api_container_summary *s)
{
	char where[512], msg[1536], *name, *lint = NULL;

	if (!s || !s->name)
		return;
	if (app_refuse_if_read_only(a, "rebuild"))
		return;
	if (!known_context(a, s, where, sizeof(where), &lint)) {
		app_error(a,
			  "no build context known for %s: run `berth rebuild "
			  "--context DIR %s` once",
			  s->name, s->name);
		return;
	}
	name = strdup(s->name);
	if (!name) {
		free(lint);
		app_error(a, "out of memory");
		return;
	}
	snprintf(msg, sizeof(msg),
		 "%s: build %s again from %s, then recreate it with the "
		 "same settings (rolled back if it fails).  %s",
		 s->name, api_str(s->image), where,
		 lint ? lint : "The Dockerfile was not judged: out of memory");
	free(lint);
	app_confirm(a, "Rebuild", msg, "rebuild", NULL, on_confirm, name);
}
