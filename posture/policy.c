#include "posture/policy.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void posture_policy_init(struct posture_policy *p)
{
	memset(p, 0, sizeof(*p));
}

void posture_policy_free(struct posture_policy *p)
{
	posture_accepts_free(&p->accepts);
	api_strv_free(&p->trusted);
	eol_free(&p->eol);
	memset(p, 0, sizeof(*p));
}

static size_t count_entries(const char *list)
{
	size_t n = 0;

	while (*list) {
		list += strspn(list, ", \t");
		if (!*list)
			break;
		n++;
		list += strcspn(list, ", \t");
	}
	return n;
}

int posture_policy_set_trusted(struct posture_policy *p, const char *list)
{
	struct api_strv v = {0};
	size_t n = count_entries(list ? list : ""), len;

	v.v = calloc(n + 1, sizeof(*v.v));
	if (!v.v)
		return -1;
	while (list && *list) {
		list += strspn(list, ", \t");
		len = strcspn(list, ", \t");
		if (len == 0)
			break;
		v.v[v.n] = strndup(list, len);
		if (!v.v[v.n]) {
			api_strv_free(&v);
			return -1;
		}
		v.n++;
		list += len;
	}
	api_strv_free(&p->trusted);
	p->trusted = v;
	return 0;
}

int posture_policy_trusts(const struct posture_policy *p,
			  const struct api_ref *r)
{
	char full[API_REF_HOST_MAX + API_REF_PATH_MAX + 1];
	size_t i;

	if (!p || !r->registry[0])
		return 0;
	snprintf(full, sizeof(full), "%s/%s", r->registry, r->path);
	for (i = 0; i < p->trusted.n; i++)
		if (fnmatch(p->trusted.v[i], r->registry, 0) == 0 ||
		    fnmatch(p->trusted.v[i], full, FNM_PATHNAME) == 0)
			return 1;
	return 0;
}

long posture_policy_max_age(const struct posture_policy *p)
{
	return p && p->image_max_age_days > 0 ? p->image_max_age_days
					      : POSTURE_IMAGE_MAX_AGE_DAYS;
}
