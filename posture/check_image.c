#include <string.h>

#include "posture/checks.h"

void posture_check_image_healthcheck(const struct posture_rule *r,
				     const struct posture_ctx *x,
				     struct posture_findings *out)
{
	const struct api_image_config *c = &x->image->config;
	struct posture_ev e = {0};

	if (!c->has_healthcheck || c->healthcheck.test.n == 0)
		posture_ev_add(&e, "Config.Healthcheck absent");
	else if (c->healthcheck.test.v[0] &&
		 strcmp(c->healthcheck.test.v[0], "NONE") == 0)
		posture_ev_add(&e, "Config.Healthcheck.Test=[NONE]");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_image_update(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out)
{
	static const char *const updates[] = {
		"apt-get update", "apt update",	   "apk update",
		"yum makecache",  "dnf makecache",
	};
	struct posture_ev e = {0};
	size_t i, k;

	for (i = 0; x->history && i < x->history->n; i++) {
		const char *c = x->history->items[i].created_by;
		if (!c || strstr(c, "install") || strstr(c, "upgrade") ||
		    strstr(c, " add "))
			continue;
		for (k = 0; k < sizeof(updates) / sizeof(updates[0]); k++)
			if (strstr(c, updates[k])) {
				posture_ev_add(&e, "History: %.120s", c);
				break;
			}
	}
	posture_emit(r, x, out, r->severity, &e);
}

/* The bottom layer of most base images is "ADD file:<digest> in /", the
 * rootfs tarball: that is how every image starts, not a Dockerfile
 * choice worth flagging. */
static int is_base_rootfs(const struct api_image_history *h, size_t i,
			  const char *add)
{
	return i + 1 == h->n && strncmp(add, "ADD file:", 9) == 0 &&
	       strstr(add, " in / ");
}

void posture_check_image_add(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	struct posture_ev e = {0};
	const char *c, *add;
	size_t i;

	for (i = 0; x->history && i < x->history->n; i++) {
		c = x->history->items[i].created_by;
		if (!c)
			continue;
		add = strstr(c, "#(nop) ADD ");
		if (add)
			add += 7;
		else if (strncmp(c, "ADD ", 4) == 0)
			add = c; /* BuildKit records the instruction itself */
		if (add && !is_base_rootfs(x->history, i, add))
			posture_ev_add(&e, "History: %.120s", add);
	}
	posture_emit(r, x, out, r->severity, &e);
}

static int ends_latest(const char *ref)
{
	size_t n = ref ? strlen(ref) : 0;

	return n >= 7 && strcmp(ref + n - 7, ":latest") == 0;
}

void posture_check_image_tag(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	const struct api_strv *t = &x->image->repo_tags;
	struct posture_ev e = {0};
	size_t i, latest = 0;

	for (i = 0; i < t->n; i++)
		latest += ends_latest(t->v[i]);
	if (t->n == 0)
		posture_ev_add(&e, "RepoTags=[] (untagged)");
	else if (latest == t->n)
		for (i = 0; i < t->n; i++)
			posture_ev_add(&e, "RepoTags=%s", t->v[i]);
	posture_emit(r, x, out, r->severity, &e);
}
