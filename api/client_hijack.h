#ifndef BERTH_API_CLIENT_HIJACK_H
#define BERTH_API_CLIENT_HIJACK_H

#include <stddef.h>
#include <sys/types.h>

#include "api/client.h"

/*
 * A hijacked connection: the engine upgrades an HTTP request (exec start,
 * attach) and the socket then carries raw bytes both ways.  This is done
 * with curl's CONNECT_ONLY, so it works over unix sockets and TLS alike;
 * the request and the answer's head are written and read by hand.  The
 * calls block only as long as the socket does: poll api_hijack_fd().
 */

struct api_hijack;

/* Sends method path (version added) with a JSON body and
 * "Connection: Upgrade", "Upgrade: tcp"; succeeds on 101 or 200.  Any
 * other status is API_E_HTTP with the engine's message.  Blocks until the
 * head is in (bounded by the client's request timeout). */
api_code api_hijack_open(struct api_client *c, const char *method,
			 const char *path, const char *json_body,
			 struct api_hijack **out, struct api_error *err);

/* The socket, for poll(). */
int api_hijack_fd(const struct api_hijack *h);

/* Reads what is there: > 0 bytes, 0 at the end of the stream, -1 when
 * nothing is there yet (poll again), -2 on an error. */
ssize_t api_hijack_recv(struct api_hijack *h, void *buf, size_t n);
/* Whether bytes already read (after the head, or buffered by TLS) wait:
 * poll would not see them. */
int api_hijack_pending(const struct api_hijack *h);

/* Writes all of buf, waiting for the socket as needed; 0 or -1. */
int api_hijack_send(struct api_hijack *h, const void *buf, size_t n);

/* Ends our direction (stdin is done) when the transport allows it: the
 * engine then closes the process's stdin.  No-op over TLS. */
void api_hijack_close_write(struct api_hijack *h);

void api_hijack_free(struct api_hijack *h);

#endif
