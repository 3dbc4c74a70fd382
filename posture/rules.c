#include "posture/rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "posture/policy.h"
#include "posture/check_service.h"
#include "posture/checks.h"

void posture_ev_add(struct posture_ev *e, const char *fmt, ...)
{
	char item[384];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(item, sizeof(item), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	e->n++;
	if (e->cut)
		return;
	n = snprintf(e->s + e->len, sizeof(e->s) - e->len, "%s%s",
		     e->len ? "; " : "", item);
	if (n < 0 || (size_t)n >= sizeof(e->s) - e->len) {
		/* Keep the evidence one readable line: mark the cut. */
		e->cut = 1;
		e->len = sizeof(e->s) - 4;
		memcpy(e->s + e->len, "...", 4);
		return;
	}
	e->len += (size_t)n;
}

void posture_emit(const struct posture_rule *r, const struct posture_ctx *x,
		  struct posture_findings *out, enum posture_severity sev,
		  const struct posture_ev *e)
{
	size_t before = out->n;

	if (!e->n)
		return;
	posture_findings_add(out, r, sev, x->scope, x->object, x->object_id,
			     e->s);
	if (out->n > before)
		out->items[out->n - 1].fix = e->fix;
}

static api_code run_scope(enum posture_scope scope, struct posture_ctx *x,
			  struct posture_findings *out)
{
	size_t i;

	x->scope = scope;
	for (i = 0; i < posture_rules_n && !out->nomem; i++)
		if (posture_rules[i].scopes & POSTURE_IN(scope))
			posture_rules[i].check(&posture_rules[i], x, out);
	return out->nomem ? API_E_NOMEM : API_OK;
}

static const char *unix_path(const char *host)
{
	if (host && strncmp(host, "unix://", 7) == 0 && host[7])
		return host + 7;
	return NULL;
}

/* The subject's object: what its findings are about. */
static int set_object(const struct posture_subject *s, struct posture_ctx *x)
{
	switch (s->scope) {
	case POSTURE_SCOPE_CONTAINER:
		if (!s->container)
			return -1;
		x->container = s->container;
		x->top = s->top;
		x->changes = s->changes;
		x->object = s->container->name && *s->container->name
				    ? s->container->name
				    : api_str(s->container->id);
		x->object_id = s->container->id;
		return 0;
	case POSTURE_SCOPE_IMAGE:
		if (!s->image)
			return -1;
		x->image = s->image;
		x->history = s->history;
		x->contents = s->contents;
		x->object = s->image_name && *s->image_name
				    ? s->image_name
				    : api_str(s->image->id);
		x->object_id = s->image->id;
		return 0;
	case POSTURE_SCOPE_ENGINE:
		x->object = "engine";
		x->object_id = x->info ? x->info->id : NULL;
		return 0;
	case POSTURE_SCOPE_HOST:
		if (!x->host)
			return -1;
		x->object = "host";
		return 0;
	case POSTURE_SCOPE_SERVICE:
		if (!s->service)
			return -1;
		x->service = s->service;
		x->object = s->service->name && *s->service->name
				    ? s->service->name
				    : api_str(s->service->id);
		x->object_id = s->service->id;
		return 0;
	}
	return -1;
}

/* The accepted risks that cover what was just judged. */
static api_code accept_judged(const struct posture_subject *s,
			      struct posture_findings *out, size_t from)
{
	const struct posture_policy *p = s->engine->policy;
	struct posture_accept_ctx c = {.config = p ? &p->accepts : NULL,
				       .now = s->engine->now};

	if (s->scope == POSTURE_SCOPE_CONTAINER) {
		c.labels = &s->container->config.labels;
		c.image_labels = s->image_labels;
	}
	return posture_accept_apply(&c, out, from);
}

api_code posture_judge(const struct posture_subject *s,
		       struct posture_findings *out)
{
	struct posture_ctx x = {0};
	const struct posture_engine *e = s ? s->engine : NULL;
	size_t from;
	api_code rc;

	if (!e)
		return API_E_INVALID;
	x.info = e->info;
	x.version = e->version;
	x.bridge = e->bridge;
	x.engine_host = e->host;
	x.engine_tls = e->tls;
	x.engine_socket = unix_path(e->host);
	x.host = e->hostfacts;
	if (e->images && e->images_used) {
		x.images = e->images;
		x.images_used = e->images_used;
	}
	x.now = e->now;
	x.policy = e->policy;
	if (set_object(s, &x) != 0)
		return API_E_INVALID;
	from = out->n;
	rc = run_scope(s->scope, &x, out);
	if (rc == API_OK)
		rc = accept_judged(s, out, from);
	return rc;
}
