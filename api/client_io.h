#ifndef BERTH_API_CLIENT_IO_H
#define BERTH_API_CLIENT_IO_H

/* Internal to api/client*.c: a multi handle driven by curl's socket
 * interface.  curl says which sockets it wants watched and when it next
 * needs a turn; a wait sleeps on those sockets (through one epoll
 * descriptor) and the caller's own, and a turn hands curl only the
 * sockets that are ready.  curl_multi_perform instead visits every
 * transfer on every wake and polls each one's socket on its own: with a
 * stats stream per visible row, that was most of the console's idle CPU.
 *
 * A transfer may be lazy (a live stats stream): its sockets sit in an
 * epoll set of their own that a wait looks at only once the lazy window
 * has passed since the last turn that read them, so fifty streams that
 * each send a sample a second cost a few wakes a second, not fifty. */

#include <curl/curl.h>

struct client_io;

/* Whether an easy handle's transfer is lazy. */
typedef int (*client_io_lazy_fn)(CURL *e);

/* The io of m on this thread, made on first use; every get is matched
 * by a put, and the last put lets go of m's callbacks. */
struct client_io *client_io_get(CURLM *m, client_io_lazy_fn is_lazy);
/* How long lazy sockets may wait; 0 (the default): they do not. */
void client_io_set_lazy_ms(struct client_io *io, long ms);
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
