#ifndef BERTH_TESTS_LIB_JUDGE_H
#define BERTH_TESTS_LIB_JUDGE_H

/* The rule tests' shorthand for posture_judge: one subject with a
 * made-up engine context, as the callers of the one entry point build
 * it.  Only what each test names is known of the engine. */

#include "posture/rules.h"

static inline api_code tl_judge(enum posture_scope scope,
				const struct posture_engine *e,
				const struct posture_subject *obj,
				struct posture_findings *f)
{
	struct posture_subject s = *obj;

	s.scope = scope;
	s.engine = e;
	return posture_judge(&s, f);
}

static inline api_code
tl_check_container_on(const struct api_container_inspect *ci, const char *host,
		      const struct hostfacts *h, struct posture_findings *f)
{
	struct posture_engine e = {.host = host, .hostfacts = h};
	struct posture_subject s = {.container = ci};

	return tl_judge(POSTURE_SCOPE_CONTAINER, &e, &s, f);
}

static inline api_code
tl_check_container(const struct api_container_inspect *ci, const char *host,
		   struct posture_findings *f)
{
	return tl_check_container_on(ci, host, NULL, f);
}

static inline api_code tl_check_image(const struct api_image_inspect *img,
				      const struct api_image_history *h,
				      const char *name,
				      struct posture_findings *f)
{
	struct posture_engine e = {0};
	struct posture_subject s = {
		.image = img, .history = h, .image_name = name};

	return tl_judge(POSTURE_SCOPE_IMAGE, &e, &s, f);
}

static inline api_code tl_check_engine(const struct api_info *info,
				       const struct api_version *ver,
				       const struct api_network *bridge,
				       const char *host, int tls,
				       struct posture_findings *f)
{
	struct posture_engine e = {.info = info,
				   .version = ver,
				   .bridge = bridge,
				   .host = host,
				   .tls = tls};
	struct posture_subject s = {0};

	return tl_judge(POSTURE_SCOPE_ENGINE, &e, &s, f);
}

static inline api_code tl_check_host(const struct hostfacts *h,
				     struct posture_findings *f)
{
	struct posture_engine e = {.hostfacts = h};
	struct posture_subject s = {0};

	return tl_judge(POSTURE_SCOPE_HOST, &e, &s, f);
}

static inline api_code tl_check_service(const struct api_service *svc,
					struct posture_findings *f)
{
	struct posture_engine e = {0};
	struct posture_subject s = {.service = svc};

	return tl_judge(POSTURE_SCOPE_SERVICE, &e, &s, f);
}

#endif
