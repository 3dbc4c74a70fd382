#ifndef BERTH_API_CLIENT_SSH_H
#define BERTH_API_CLIENT_SSH_H

/* Internal to api/client*.c: engines behind ssh:// (docker system
 * dial-stdio on the remote host). */

#include <stddef.h>

#include "api/client_impl.h"

/* Fills c's ssh command line and its made-up socket path from
 * "ssh://[user@]host[:port]"; ssh_opts NULL: $BERTH_SSH_OPTS. */
api_code client_parse_ssh(struct api_client *c, const char *addr,
			  const char *ssh_opts, struct api_error *err);
/* Makes e connect through a fresh ssh child. Returns 1 on success. */
int client_ssh_setup(struct api_client *c, CURL *e);
/* ssh's last line on stderr ("Permission denied ..."), or "". */
void client_ssh_last_error(struct api_client *c, char *out, size_t n);
void client_ssh_free(struct api_client *c);

#endif
