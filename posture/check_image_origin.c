/* Where an image comes from (berth.image.unofficial, CIS 4.2's "trusted
 * base images") and how long ago it was built (berth.image.age). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/containers.h"
#include "api/reference.h"
#include "posture/checks.h"
#include "posture/policy.h"

const char *posture_ref_origin(const struct posture_policy *p,
			       const struct api_ref *r)
{
	if (api_ref_official(r))
		return "official";
	if (posture_policy_trusts(p, r))
		return "trusted";
	if (strcmp(r->registry, "docker.io") == 0)
		return "a user namespace on Docker Hub";
	return "a registry not in trusted_registries";
}

/* The image's registry references: RepoDigests name what a registry
 * served or stored.  An image with none was built or loaded here; its
 * origin is its Dockerfile's and cannot be told from the engine, so it
 * is not judged. */
void posture_check_image_unofficial(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out)
{
	const struct api_strv *d = &x->image->repo_digests;
	struct posture_ev e = {0};
	struct api_ref ref;
	const char *origin;
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (api_ref_parse(d->v[i], &ref) != 0)
			continue;
		origin = posture_ref_origin(x->policy, &ref);
		if (strcmp(origin, "official") == 0 ||
		    strcmp(origin, "trusted") == 0)
			return;
		posture_ev_add(&e, "RepoDigests=%s/%s: %s", ref.registry,
			       ref.path, origin);
	}
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_image_age(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	int64_t created = api_time_parse(x->image->created);
	int64_t now = x->now ? x->now : (int64_t)time(NULL);
	long max = posture_policy_max_age(x->policy);
	struct posture_ev e = {0};
	int64_t days;

	if (created <= 0 || now <= created)
		return;
	days = (now - created) / 86400;
	if (days <= max)
		return;
	posture_ev_add(&e, "Created=%.10s (%lld days ago, limit %ld)",
		       x->image->created, (long long)days, max);
	posture_emit(r, x, out, r->severity, &e);
}
