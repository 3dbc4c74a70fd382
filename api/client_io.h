#ifndef BERTH_API_CLIENT_IO_H
#define BERTH_API_CLIENT_IO_H

/* Internal to api/client*.c: a multi handle driven by curl's socket
 * interface.  curl says which sockets it wants watched and when it next
 * needs a turn; a wait sleeps on those sockets (through one epoll
 * descriptor) and the caller's own, and a turn hands curl only the
 * sockets that are ready.  curl_multi_perform instead visits every
 * transfer on every wake and polls each one's socket on its own: with a
 * stats stream per visible row, that was most of the console's idle CPU. */

#include <curl/curl.h>

struct client_io;

/* The io of m on this thread, made on first use; every get is matched
 * by a put, and the last put lets go of m's callbacks. */
struct client_io *client_io_get(CURLM *m);
void client_io_put(struct client_io *io);

/* Sleep until a socket of curl's or of extra is ready, curl's timer is
 * due, or timeout_ms passes; extra's revents are filled.  0, or -1 with
 * errno. */
int client_io_wait(struct client_io *io, struct curl_waitfd *extra,
		   unsigned n_extra, int timeout_ms);
/* Give curl the sockets the last wait found ready, then its timer if it
 * is due. */
void client_io_turn(struct client_io *io);

#endif
