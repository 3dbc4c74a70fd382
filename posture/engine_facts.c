#include "posture/engine_facts.h"

#include <stdlib.h>
#include <string.h>

#include "posture/accept.h"
#include "posture/hostfacts_collect.h"

api_code posture_engine_facts_finish(struct posture_engine_facts *f,
				     const char *host, int tls)
{
	const char *def = f->have_bridge
				  ? api_kv_get(&f->bridge.options,
					       "com.docker.network.bridge."
					       "default_bridge")
				  : NULL;
	api_code rc = API_OK;

	if (f->have_host) {
		hostfacts_free(&f->host);
		memset(&f->host, 0, sizeof(f->host));
		f->have_host = 0;
	}
	if (host && strncmp(host, "unix://", 7) == 0) {
		rc = hostfacts_collect(
			host, f->have_info ? f->info.docker_root_dir : NULL,
			f->have_ver ? f->ver.version : NULL,
			f->have_ver ? f->ver.api_version : NULL, &f->host);
		f->have_host = 1;
	}
	f->e.info = f->have_info ? &f->info : NULL;
	f->e.version = f->have_ver ? &f->ver : NULL;
	/* No default bridge (dockerd --bridge=none) is no finding. */
	f->e.bridge = def && strcmp(def, "true") == 0 ? &f->bridge : NULL;
	f->e.host = host;
	f->e.tls = tls;
	f->e.hostfacts = f->have_host ? &f->host : NULL;
	f->e.images = f->have_images && f->have_used ? &f->images : NULL;
	f->e.images_used = f->e.images ? &f->used : NULL;
	return rc;
}

api_code posture_engine_facts_set_used(struct posture_engine_facts *f,
				       const struct api_container_list *l)
{
	size_t i, n = 0;

	api_strv_free(&f->used);
	f->have_used = 0;
	f->used.v = calloc(l->n + 1, sizeof(char *));
	if (!f->used.v)
		return API_E_NOMEM;
	for (i = 0; i < l->n; i++) {
		if (!l->items[i].image_id)
			continue;
		f->used.v[n] = strdup(l->items[i].image_id);
		if (!f->used.v[n]) {
			api_strv_free(&f->used);
			return API_E_NOMEM;
		}
		f->used.n = ++n;
	}
	f->have_used = 1;
	return API_OK;
}

/* The images and what runs them, for 6.1. */
static api_code fetch_images(struct api_client *c,
			     struct posture_engine_facts *f,
			     struct api_error *err)
{
	struct api_containers_list_opts lo = {.all = 1};
	struct api_container_list l = {0};
	api_code rc = api_images_list(c, 0, NULL, 0, &f->images, err);

	if (rc != API_OK)
		return rc;
	f->have_images = 1;
	rc = api_containers_list(c, &lo, &l, err);
	if (rc == API_OK)
		rc = posture_engine_facts_set_used(f, &l);
	api_container_list_free(&l);
	return rc;
}

api_code posture_engine_facts_fetch(struct api_client *c,
				    struct posture_engine_facts *f,
				    struct api_error *err)
{
	api_code rc = api_info(c, &f->info, err);

	if (rc != API_OK)
		return rc;
	f->have_info = 1;
	rc = api_version(c, &f->ver, err);
	if (rc != API_OK)
		return rc;
	f->have_ver = 1;
	rc = api_network_inspect(c, "bridge", &f->bridge, err);
	if (rc == API_OK)
		f->have_bridge = 1;
	else if (rc == API_E_HTTP && err->http_status == 404)
		rc = API_OK;
	if (rc == API_OK)
		rc = fetch_images(c, f, err);
	if (rc != API_OK)
		return rc;
	return posture_engine_facts_finish(f, api_client_host(c),
					   api_client_is_tls(c));
}

api_code posture_container_image_fetch(struct api_client *c,
				       const struct api_container_inspect *ci,
				       struct api_image_inspect *img,
				       int *fetched, struct api_error *err)
{
	api_code rc;

	*fetched = 0;
	if (!posture_accept_labelled(ci) || !ci->image || !*ci->image)
		return API_OK;
	rc = api_image_inspect(c, ci->image, img, err);
	if (rc == API_OK)
		*fetched = 1;
	else if (rc == API_E_HTTP && err->http_status == 404)
		rc = API_OK;
	return rc;
}

void posture_engine_facts_free(struct posture_engine_facts *f)
{
	api_info_free(&f->info);
	api_version_free(&f->ver);
	api_network_free(&f->bridge);
	hostfacts_free(&f->host);
	api_image_list_free(&f->images);
	api_strv_free(&f->used);
	memset(f, 0, sizeof(*f));
}
