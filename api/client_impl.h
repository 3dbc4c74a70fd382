#ifndef BERTH_API_CLIENT_IMPL_H
#define BERTH_API_CLIENT_IMPL_H

/* Internal to api/client*.c: the client's state, shared between the
 * transport (client.c) and the address/TLS resolution (client_host.c). */

#include <stdio.h>
#include <sys/types.h>

#include "api/client.h"

struct api_client {
	char *host;	 /* as resolved, for display */
	char *unix_path; /* NULL for tcp */
	char *base_url;	 /* "http://localhost" or "https://h:2376" */
	int tls;
	int tls_verify;
	char *ca, *cert, *key;
	long connect_timeout_ms;
	long request_timeout_ms;
	char version[16];
	CURLM *multi;
	int own_multi;
	struct client_io *io;	  /* the multi's sockets (client_io.h) */
	struct api_request *reqs; /* the ones in flight */
	int running;
	/* curl refuses new handles while it runs a callback (a stream's
	 * data often starts a request): those wait here for the next turn */
	struct api_client *next_client; /* every client, for a shared multi */
	int n_pending;
	struct ssh_dial *ssh; /* ssh:// engines: the dialer, else NULL */
};

/* Fill c->tls, tls_verify and the TLS files from opts and the
 * environment, the way the docker CLI does. */
api_code client_setup_tls(struct api_client *c, const struct api_client_opts *o,
			  struct api_error *err);
/* Fill c->unix_path and c->base_url from "unix://...", "tcp://..." or
 * "ssh://..."; a plain tcp:// beyond loopback needs allow_insecure_tcp. */
api_code client_parse_host(struct api_client *c, const char *host,
			   const struct api_client_opts *o,
			   struct api_error *err);

#endif
