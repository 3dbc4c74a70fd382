#include "api/distribution.h"

#include <stdlib.h>
#include <string.h>

#include "api/query.h"

char *api_distribution_path(const char *ref)
{
	struct api_query q;
	size_t i;

	if (!ref || !*ref)
		return NULL;
	/* The route takes the name with its slashes raw ({name:.*}), so only
	 * the characters a reference may hold go through unescaped. */
	for (i = 0; ref[i]; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/:@",
			    ref[i]))
			return NULL;
	api_query_init(&q, "/distribution/");
	api_query_raw(&q, ref);
	api_query_raw(&q, "/json");
	return api_query_take(&q);
}

api_code api_distribution_parse(const char *json, size_t len,
				struct api_distribution *out,
				struct api_error *err)
{
	struct json_map m = {0};
	cJSON *root = NULL;
	const cJSON *d;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse_as(json, len, "distribution inspect", cJSON_Object,
			   &root, err);
	if (rc != API_OK)
		return rc;
	d = jm_get(root, "Descriptor");
	out->digest = jm_str(&m, d, "digest");
	out->media_type = jm_str(&m, d, "mediaType");
	out->size = jm_i64(d, "size");
	cJSON_Delete(root);
	if (m.nomem) {
		api_distribution_free(out);
		return api_nomem(err);
	}
	if (!out->digest || strncmp(out->digest, "sha256:", 7) != 0) {
		api_distribution_free(out);
		return api_error_set(err, API_E_PARSE, 0,
				     "distribution inspect: no digest");
	}
	return API_OK;
}

api_code api_distribution_inspect(struct api_client *c, const char *ref,
				  struct api_distribution *out,
				  struct api_error *err)
{
	char *body = NULL;
	size_t len = 0;
	api_code rc;

	memset(out, 0, sizeof(*out));
	if (!ref || !*ref)
		return api_error_set(err, API_E_INVALID, 0,
				     "no image reference");
	rc = api_fetch_take(c, NULL, api_distribution_path(ref), &body, &len,
			    err);
	if (rc == API_OK)
		rc = api_distribution_parse(body, len, out, err);
	free(body);
	return rc;
}

void api_distribution_free(struct api_distribution *d)
{
	if (!d)
		return;
	free(d->digest);
	free(d->media_type);
	memset(d, 0, sizeof(*d));
}

int api_digest_matches(const struct api_strv *repo_digests, const char *digest)
{
	size_t i;

	if (!repo_digests || !digest || !*digest)
		return 0;
	for (i = 0; i < repo_digests->n; i++) {
		const char *at = strchr(api_str(repo_digests->v[i]), '@');

		if (at && strcmp(at + 1, digest) == 0)
			return 1;
	}
	return 0;
}
