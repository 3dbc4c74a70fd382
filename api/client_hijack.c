#include "api/client_hijack.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "api/client_impl.h"
#include "api/client_ssh.h"

#define HEAD_MAX (16u * 1024u)
#define ERR_BODY_MAX (16u * 1024u)

struct api_hijack {
	CURL *easy;
	curl_socket_t fd;
	int tls;
	char *pre; /* stream bytes read along with the head */
	size_t pre_len, pre_off;
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for the socket until the deadline; 0 when ready, -1 if not. */
static int wait_fd(curl_socket_t fd, short events, long deadline)
{
	struct pollfd p = {.fd = fd, .events = events};
	long left = deadline - now_ms();
	int rc;

	if (left <= 0)
		return -1;
	do
		rc = poll(&p, 1, (int)left);
	while (rc < 0 && errno == EINTR);
	return rc > 0 ? 0 : -1;
}

static int send_until(struct api_hijack *h, const char *p, size_t n,
		      long deadline)
{
	while (n > 0) {
		size_t sent = 0;
		CURLcode cc = curl_easy_send(h->easy, p, n, &sent);
		if (cc == CURLE_AGAIN) {
			if (wait_fd(h->fd, POLLOUT, deadline) != 0)
				return -1;
			continue;
		}
		if (cc != CURLE_OK)
			return -1;
		p += sent;
		n -= sent;
	}
	return 0;
}

int api_hijack_send(struct api_hijack *h, const void *buf, size_t n)
{
	/* The engine reads stdin as fast as the process does; a day is
	 * "no timeout" for an interactive session. */
	return send_until(h, buf, n, now_ms() + 86400000L);
}

ssize_t api_hijack_recv(struct api_hijack *h, void *buf, size_t n)
{
	size_t got = 0;
	CURLcode cc;

	if (h->pre_off < h->pre_len) {
		size_t k = h->pre_len - h->pre_off;
		if (k > n)
			k = n;
		memcpy(buf, h->pre + h->pre_off, k);
		h->pre_off += k;
		return (ssize_t)k;
	}
	cc = curl_easy_recv(h->easy, buf, n, &got);
	if (cc == CURLE_AGAIN)
		return -1;
	if (cc != CURLE_OK)
		return -2;
	return (ssize_t)got;
}

int api_hijack_pending(const struct api_hijack *h)
{
	return h->pre_off < h->pre_len;
}

int api_hijack_fd(const struct api_hijack *h)
{
	return (int)h->fd;
}

void api_hijack_close_write(struct api_hijack *h)
{
	if (h && !h->tls)
		shutdown(h->fd, SHUT_WR);
}

void api_hijack_free(struct api_hijack *h)
{
	if (!h)
		return;
	if (h->easy)
		curl_easy_cleanup(h->easy);
	free(h->pre);
	free(h);
}

static api_code setup(struct api_client *c, struct api_hijack *h,
		      const char *path)
{
	CURL *e = h->easy;
	size_t n = strlen(c->base_url) + strlen(path) + 24;
	char *url = malloc(n);
	int ok = url != NULL;

	if (url)
		snprintf(url, n, "%s/v%s%s", c->base_url, c->version, path);
	ok = ok && curl_easy_setopt(e, CURLOPT_URL, url) == CURLE_OK;
	if (ok && c->unix_path)
		ok = curl_easy_setopt(e, CURLOPT_UNIX_SOCKET_PATH,
				      c->unix_path) == CURLE_OK;
	if (ok && c->ssh)
		ok = ssh_dial_setup(c->ssh, e);
	ok = ok && curl_easy_setopt(e, CURLOPT_CONNECT_ONLY, 1L) == CURLE_OK;
	ok = ok && curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
	ok = ok && curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
				    c->connect_timeout_ms) == CURLE_OK;
	if (ok && c->tls) {
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER,
				 (long)c->tls_verify);
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST,
				 c->tls_verify ? 2L : 0L);
		if (c->ca)
			ok = curl_easy_setopt(e, CURLOPT_CAINFO, c->ca) ==
			     CURLE_OK;
		if (ok && c->cert)
			ok = curl_easy_setopt(e, CURLOPT_SSLCERT, c->cert) ==
			     CURLE_OK;
		if (ok && c->key)
			ok = curl_easy_setopt(e, CURLOPT_SSLKEY, c->key) ==
			     CURLE_OK;
	}
	free(url);
	return ok ? API_OK : API_E_NOMEM;
}

static api_code connect_socket(struct api_client *c, struct api_hijack *h,
			       struct api_error *err)
{
	CURLcode cc = curl_easy_perform(h->easy);

	if (cc == CURLE_COULDNT_CONNECT || cc == CURLE_COULDNT_RESOLVE_HOST) {
		long os_errno = 0;
		curl_easy_getinfo(h->easy, CURLINFO_OS_ERRNO, &os_errno);
		return api_error_set(err, API_E_CONNECT, 0,
				     "cannot connect to the engine at %s: %s",
				     c->host,
				     os_errno ? strerror((int)os_errno)
					      : curl_easy_strerror(cc));
	}
	if (cc != CURLE_OK)
		return api_error_set(err, API_E_TRANSPORT, 0, "%s: %s", c->host,
				     curl_easy_strerror(cc));
	if (curl_easy_getinfo(h->easy, CURLINFO_ACTIVESOCKET, &h->fd) !=
		    CURLE_OK ||
	    h->fd == CURL_SOCKET_BAD)
		return api_error_set(err, API_E_TRANSPORT, 0,
				     "%s: no socket after connecting", c->host);
	return API_OK;
}

static char *request_text(struct api_client *c, const char *method,
			  const char *path, const char *body, size_t *len)
{
	const char *host =
		c->unix_path ? "localhost" : strstr(c->base_url, "://") + 3;
	size_t blen = body ? strlen(body) : 0;
	size_t n = strlen(method) + strlen(path) + strlen(host) + blen + 256;
	char *req = malloc(n);
	int k;

	if (!req)
		return NULL;
	k = snprintf(req, n,
		     "%s /v%s%s HTTP/1.1\r\nHost: %s\r\n"
		     "User-Agent: berth\r\nContent-Type: application/json\r\n"
		     "Content-Length: %zu\r\nConnection: Upgrade\r\n"
		     "Upgrade: tcp\r\n\r\n%s",
		     method, c->version, path, host, blen, body ? body : "");
	if (k < 0 || (size_t)k >= n) {
		free(req);
		return NULL;
	}
	*len = (size_t)k;
	return req;
}

/* Reads until the head's blank line (or n bytes, or the deadline);
 * returns the bytes read, the head's length in *head_len (0: no head). */
static size_t read_head(struct api_hijack *h, char *buf, size_t n,
			size_t *head_len, long deadline)
{
	size_t len = 0;

	*head_len = 0;
	while (len < n) {
		size_t got = 0;
		char *end;
		CURLcode cc = curl_easy_recv(h->easy, buf + len, n - len, &got);
		if (cc == CURLE_AGAIN) {
			if (wait_fd(h->fd, POLLIN, deadline) != 0)
				break;
			continue;
		}
		if (cc != CURLE_OK || got == 0)
			break;
		len += got;
		buf[len] = '\0';
		end = strstr(buf, "\r\n\r\n");
		if (end) {
			*head_len = (size_t)(end - buf) + 4;
			break;
		}
	}
	buf[len] = '\0';
	return len;
}

/* The rest of an error answer, bounded; its {"message"} or first line. */
static void error_text(struct api_hijack *h, char *buf, size_t have,
		       size_t head_len, long deadline, char *out, size_t outn)
{
	const char *cl = strcasestr(buf, "\r\nContent-Length:");
	size_t want = cl ? (size_t)strtoul(cl + 17, NULL, 10) : ERR_BODY_MAX;
	size_t len = have, i, j = 0;
	const char *msg, *body, *last;
	cJSON *root;

	if (want > ERR_BODY_MAX)
		want = ERR_BODY_MAX;
	while (len - head_len < want && len < HEAD_MAX + ERR_BODY_MAX) {
		size_t got = 0;
		CURLcode cc = curl_easy_recv(h->easy, buf + len,
					     head_len + want - len, &got);
		if (cc == CURLE_AGAIN) {
			if (wait_fd(h->fd, POLLIN, deadline) != 0)
				break;
			continue;
		}
		if (cc != CURLE_OK || got == 0)
			break;
		len += got;
	}
	buf[len] = '\0';
	/* A chunked body: the JSON sits between its first { and last }. */
	body = strchr(buf + head_len, '{');
	last = body ? strrchr(body, '}') : NULL;
	root = last ? cJSON_ParseWithLength(body, (size_t)(last + 1 - body))
		    : NULL;
	msg = cJSON_GetStringValue(
		cJSON_GetObjectItemCaseSensitive(root, "message"));
	if (!msg)
		msg = buf + head_len;
	for (i = 0; msg[i] && msg[i] != '\n' && j + 1 < outn && i < 300; i++) {
		unsigned char ch = (unsigned char)msg[i];
		out[j++] = (ch < 0x20 || ch == 0x7f) ? '?' : (char)ch;
	}
	out[j] = '\0';
	cJSON_Delete(root);
}

static api_code handshake(struct api_client *c, struct api_hijack *h,
			  const char *what, long deadline,
			  struct api_error *err)
{
	char *buf = malloc(HEAD_MAX + ERR_BODY_MAX + 1);
	size_t have, head_len;
	long status = 0;
	char msg[400];

	if (!buf)
		return api_nomem(err);
	have = read_head(h, buf, HEAD_MAX, &head_len, deadline);
	if (head_len == 0 || sscanf(buf, "HTTP/%*d.%*d %ld", &status) != 1) {
		free(buf);
		return api_error_set(err, have ? API_E_PARSE : API_E_TIMEOUT, 0,
				     "%s: the engine at %s sent no answer",
				     what, c->host);
	}
	if (status == 101 || status == 200) {
		h->pre_len = have - head_len;
		memmove(buf, buf + head_len, h->pre_len);
		h->pre = buf;
		return API_OK;
	}
	error_text(h, buf, have, head_len, deadline, msg, sizeof(msg));
	free(buf);
	return api_error_set(err, API_E_HTTP, status, "%s",
			     msg[0] ? msg : "error without a message");
}

api_code api_hijack_open(struct api_client *c, const char *method,
			 const char *path, const char *json_body,
			 struct api_hijack **out, struct api_error *err)
{
	struct api_hijack *h;
	long deadline = now_ms() + c->request_timeout_ms;
	char *req = NULL;
	size_t req_len = 0;
	api_code rc;

	*out = NULL;
	if (!path || path[0] != '/')
		return api_error_set(err, API_E_INVALID, 0,
				     "a request path must start with /");
	h = calloc(1, sizeof(*h));
	if (!h)
		return api_nomem(err);
	h->fd = CURL_SOCKET_BAD;
	h->tls = c->tls;
	h->easy = curl_easy_init();
	rc = h->easy ? setup(c, h, path) : API_E_NOMEM;
	if (rc == API_OK)
		req = request_text(c, method, path, json_body, &req_len);
	if (rc != API_OK || !req)
		rc = api_nomem(err);
	else
		rc = connect_socket(c, h, err);
	if (rc == API_OK && send_until(h, req, req_len, deadline) != 0)
		rc = api_error_set(err, API_E_TRANSPORT, 0,
				   "%s %s: cannot send the request", method,
				   path);
	free(req);
	if (rc == API_OK)
		rc = handshake(c, h, path, deadline, err);
	if (rc != API_OK) {
		api_hijack_free(h);
		return rc;
	}
	*out = h;
	return API_OK;
}
