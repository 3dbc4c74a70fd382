#ifndef BERTH_API_DISTRIBUTION_H
#define BERTH_API_DISTRIBUTION_H

#include <stddef.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"

/* GET /distribution/{name}/json: what the registry holds for a reference,
 * asked without pulling. */
struct api_distribution {
	char *digest; /* Descriptor.digest: "sha256:..." */
	char *media_type;
	int64_t size;
};

char *api_distribution_path(const char *ref);
api_code api_distribution_parse(const char *json, size_t len,
				struct api_distribution *out,
				struct api_error *err);
api_code api_distribution_inspect(struct api_client *c, const char *ref,
				  struct api_distribution *out,
				  struct api_error *err);
void api_distribution_free(struct api_distribution *d);

/* 1 when one of repo_digests ("repo@sha256:...") ends in digest. */
int api_digest_matches(const struct api_strv *repo_digests, const char *digest);

#endif
