#include <stdio.h>
#include <string.h>
#include <time.h>

#include "posture/checks.h"

/* An unused image older than this is named by 6.1: kept that long
 * without a container, it is an old base nobody updates. */
#define STALE_DAYS 30
#define DAY 86400

/* How an image is named: its first tag, else its short id. */
static const char *image_ref(const struct api_image_summary *im, char *buf,
			     size_t n)
{
	const char *id = api_str(im->id);

	if (im->repo_tags.n && im->repo_tags.v[0] &&
	    strcmp(im->repo_tags.v[0], "<none>:<none>") != 0)
		return im->repo_tags.v[0];
	if (strncmp(id, "sha256:", 7) == 0)
		id += 7;
	snprintf(buf, n, "%.12s", id);
	return buf;
}

/* CIS 6.1: images no container uses pile up.  Named when unused for
 * more than STALE_DAYS (by their creation time: the engine keeps no
 * last-used time), and said when fewer than half are in use (where
 * docker-bench-security points at it). */
void posture_check_image_sprawl(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out)
{
	const struct api_image_list *l = x->images;
	int64_t now = x->now ? x->now : (int64_t)time(NULL);
	struct posture_ev e = {0};
	size_t i, used = 0, stale = 0;
	char buf[16];

	if (!l || !x->images_used)
		return;
	for (i = 0; i < l->n; i++)
		used += api_strv_has(x->images_used, l->items[i].id);
	for (i = 0; i < l->n; i++) {
		const struct api_image_summary *im = &l->items[i];
		if (api_strv_has(x->images_used, im->id) || im->created <= 0 ||
		    im->created > now ||
		    (now - im->created) / DAY <= STALE_DAYS)
			continue;
		if (!stale++)
			posture_ev_add(&e, "Images=%zu, in use=%zu", l->n,
				       used);
		posture_ev_add(&e, "unused %s, created %lld days ago",
			       image_ref(im, buf, sizeof(buf)),
			       (long long)((now - im->created) / DAY));
	}
	if (!stale && l->n >= 2 && used * 2 < l->n)
		posture_ev_add(&e, "Images=%zu, in use=%zu: fewer than half",
			       l->n, used);
	posture_emit(r, x, out, r->severity, &e);
}
