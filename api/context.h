#ifndef BERTH_API_CONTEXT_H
#define BERTH_API_CONTEXT_H

#include <stddef.h>

#include "api/client.h"
#include "api/error.h"

/*
 * Docker contexts, read the way the docker CLI stores them: the current one
 * in <config>/config.json (currentContext), each context's endpoint in
 * <config>/contexts/meta/<sha256(name)>/meta.json and its TLS files in
 * <config>/contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem, where
 * <config> is $DOCKER_CONFIG or ~/.docker.
 */

struct api_context {
	char *name;
	char *host; /* Endpoints.docker.Host; NULL: the default address */
	int skip_tls_verify;
	char *ca, *cert, *key; /* the TLS files that exist, else NULL */
};

void api_context_free(struct api_context *ctx);

/* A context's meta.json: name, host and SkipTLSVerify. */
api_code api_context_meta_parse(const char *json, size_t len,
				struct api_context *out, struct api_error *err);
/* config.json's currentContext; *out is NULL when it names none. */
api_code api_context_current_parse(const char *json, size_t len, char **out,
				   struct api_error *err);

/* $DOCKER_CONFIG, else $HOME/.docker (caller frees). */
char *api_context_config_dir(void);
/* The context name and its TLS files from config_dir. */
api_code api_context_load(const char *config_dir, const char *name,
			  struct api_context *out, struct api_error *err);

/* The context the docker CLI would use: NULL (*name) when an address
 * (host_flag, $DOCKER_HOST) wins or it is "default".  Precedence:
 * -H > --context > DOCKER_HOST > DOCKER_CONTEXT > currentContext. */
api_code api_context_select(const char *host_flag, const char *context_flag,
			    const char *config_dir, char **name,
			    struct api_error *err);

/* Selects and loads the context, then points opts at its endpoint (TLS
 * flags already in opts win).  out keeps the strings opts points to; it
 * stays zeroed when no context applies. */
api_code api_context_apply(const char *context_flag,
			   struct api_client_opts *opts,
			   struct api_context *out, struct api_error *err);

#endif
