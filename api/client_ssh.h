#ifndef BERTH_API_CLIENT_SSH_H
#define BERTH_API_CLIENT_SSH_H

/* Internal to api/client*.c: engines behind ssh:// (docker system
 * dial-stdio on the remote host).  The dialer owns its state; the
 * transport only holds it and hands it each connection to make. */

#include <curl/curl.h>
#include <stddef.h>

#include "api/error.h"

struct ssh_dial;

/* From "ssh://[user@]host[:port]" (ssh_opts NULL: $BERTH_SSH_OPTS): the
 * ssh command line and a private socket for curl to dial. */
api_code ssh_dial_new(const char *addr, const char *ssh_opts,
		      struct ssh_dial **out, struct api_error *err);
/* The private socket's path: curl's CURLOPT_UNIX_SOCKET_PATH. */
const char *ssh_dial_socket(const struct ssh_dial *d);
/* Makes e connect through a fresh ssh child. Returns 1 on success. */
int ssh_dial_setup(struct ssh_dial *d, CURL *e);
/* ssh's last line on stderr ("Permission denied ..."), or "". */
void ssh_dial_last_error(struct ssh_dial *d, char *out, size_t n);
/* Ends the children, removes the socket; NULL is no dialer. */
void ssh_dial_free(struct ssh_dial *d);

#endif
