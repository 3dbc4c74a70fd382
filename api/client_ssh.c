/* ssh:// engines, the way the docker CLI reaches them: each connection curl
 * opens is one end of a socketpair whose other end is the stdin and stdout
 * of "ssh ... host docker system dial-stdio", which relays to the remote
 * engine's socket.  curl keeps connections, so a quiet console holds one
 * ssh per kept connection, not one per request. */
#include "api/client_ssh.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define SSH_MAX_ARGS 64
#define SSH_MAX_CONNS 32

struct ssh_dial {
	char **argv; /* the command per connection */
	FILE *log;   /* ssh's stderr, for the reason it failed */
	int listen;  /* the private socket curl dials; -1: none */
	char dir[80];
	char path[108]; /* the socket's path in dir */
	pid_t *pids;	/* ssh children not reaped yet */
	size_t n_pids;
};

static int push(char **argv, int *n, const char *s)
{
	if (*n >= SSH_MAX_ARGS - 1)
		return -1;
	argv[*n] = strdup(s);
	if (!argv[*n])
		return -1;
	(*n)++;
	return 0;
}

/* $BERTH_SSH_OPTS split at blanks: "-i key -o BatchMode=yes". */
static int push_opts(char **argv, int *n, const char *opts)
{
	char word[1024];

	while (opts && *opts) {
		size_t k = strcspn(opts, " \t");
		if (k > 0) {
			if (k >= sizeof(word))
				return -1;
			memcpy(word, opts, k);
			word[k] = '\0';
			if (push(argv, n, word))
				return -1;
		}
		opts += k;
		opts += strspn(opts, " \t");
	}
	return 0;
}

static api_code split_host(const char *rest, char *user, char *host, char *port,
			   size_t size)
{
	const char *at = strchr(rest, '@'), *h, *colon;
	size_t n = strcspn(rest, "/?#");

	user[0] = port[0] = '\0';
	if (at && (size_t)(at - rest) < n) {
		if ((size_t)(at - rest) >= size)
			return API_E_INVALID;
		snprintf(user, size, "%.*s", (int)(at - rest), rest);
		n -= (size_t)(at + 1 - rest);
		rest = at + 1;
	}
	h = rest;
	colon = memchr(h, ':', n);
	if (colon) {
		snprintf(port, size, "%.*s", (int)(n - (size_t)(colon + 1 - h)),
			 colon + 1);
		n = (size_t)(colon - h);
	}
	if (n == 0 || n >= size || strspn(port, "0123456789") != strlen(port))
		return API_E_INVALID;
	snprintf(host, size, "%.*s", (int)n, h);
	/* ssh would take a leading '-' as an option. */
	return host[0] == '-' || user[0] == '-' ? API_E_INVALID : API_OK;
}

/* The socket curl dials, in a directory only we can enter. */
static api_code listen_private(struct ssh_dial *c, struct api_error *err)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	const char *tmp = getenv("TMPDIR");
	int fd;

	c->pids = calloc(SSH_MAX_CONNS, sizeof(pid_t));
	if (!c->pids)
		return api_nomem(err);
	if (!tmp || !*tmp || strlen(tmp) > 60)
		tmp = "/tmp";
	snprintf(c->dir, sizeof(c->dir), "%s/berth-ssh-XXXXXX", tmp);
	if (!mkdtemp(c->dir)) {
		c->dir[0] = '\0';
		return api_error_set(err, API_E_TRANSPORT, 0,
				     "ssh: cannot make a private directory "
				     "in %s: %s",
				     tmp, strerror(errno));
	}
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/s", c->dir);
	snprintf(c->path, sizeof(c->path), "%s", sa.sun_path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(fd, SSH_MAX_CONNS) != 0) {
		if (fd >= 0)
			close(fd);
		return api_error_set(err, API_E_TRANSPORT, 0,
				     "ssh: cannot listen on %s: %s",
				     sa.sun_path, strerror(errno));
	}
	c->listen = fd;
	return API_OK;
}

static api_code make_argv(struct ssh_dial *c, const char *addr,
			  const char *ssh_opts, struct api_error *err)
{
	char user[256], host[256], port[256];
	int n = 0, bad;

	if (split_host(addr + 6, user, host, port, sizeof(host)) != API_OK)
		return api_error_set(err, API_E_INVALID, 0,
				     "%s: expected ssh://[user@]host[:port]",
				     addr);
	c->argv = calloc(SSH_MAX_ARGS, sizeof(char *));
	if (!c->argv)
		return api_nomem(err);
	if (!ssh_opts)
		ssh_opts = getenv("BERTH_SSH_OPTS");
	bad = push(c->argv, &n, "ssh") || push(c->argv, &n, "-T") ||
	      push(c->argv, &n, "-o") || push(c->argv, &n, "ConnectTimeout=30");
	if (!bad && port[0])
		bad = push(c->argv, &n, "-p") || push(c->argv, &n, port);
	if (!bad && user[0])
		bad = push(c->argv, &n, "-l") || push(c->argv, &n, user);
	bad = bad || push_opts(c->argv, &n, ssh_opts) ||
	      push(c->argv, &n, "--") || push(c->argv, &n, host) ||
	      push(c->argv, &n, "docker") || push(c->argv, &n, "system") ||
	      push(c->argv, &n, "dial-stdio");
	if (bad)
		return api_error_set(err, API_E_INVALID, 0,
				     "%s: too many or too long ssh options",
				     addr);
	return API_OK;
}

api_code ssh_dial_new(const char *addr, const char *ssh_opts,
		      struct ssh_dial **out, struct api_error *err)
{
	struct ssh_dial *c = calloc(1, sizeof(*c));
	api_code rc;

	*out = NULL;
	if (!c)
		return api_nomem(err);
	c->listen = -1;
	rc = make_argv(c, addr, ssh_opts, err);
	if (rc == API_OK) {
		c->log = tmpfile();
		rc = listen_private(c, err);
	}
	if (rc != API_OK) {
		ssh_dial_free(c);
		return rc;
	}
	*out = c;
	return API_OK;
}

const char *ssh_dial_socket(const struct ssh_dial *d)
{
	return d->path;
}

/* Waits for curl's connection on the listener, then becomes ssh on it. */
static void child(struct ssh_dial *c)
{
	int null = open("/dev/null", O_WRONLY);
	int fd;

	/* No terminal: ssh must fail, not prompt over the console. */
	setsid();
	do
		fd = accept(c->listen, NULL, NULL);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		_exit(126);
	dup2(fd, 0);
	dup2(fd, 1);
	if (c->log)
		dup2(fileno(c->log), 2);
	else if (null >= 0)
		dup2(null, 2);
	execvp(c->argv[0], c->argv);
	_exit(127);
}

/* ssh exits on its own once curl closes the connection (end of input). */
static void reap(struct ssh_dial *c, int wait_all)
{
	size_t i = 0;
	int st;

	while (i < c->n_pids) {
		pid_t p = c->pids[i], got;
		if (wait_all)
			kill(p, SIGTERM);
		do
			got = waitpid(p, &st, wait_all ? 0 : WNOHANG);
		while (got < 0 && errno == EINTR);
		if (got == 0) {
			i++;
			continue;
		}
		c->pids[i] = c->pids[--c->n_pids];
	}
}

/* curl dials the client's private socket as for any unix:// engine; each
 * socket it opens first gets a child that will accept that connection
 * and relay it through ssh.  (libcurl 7.88 ignores
 * CURL_SOCKOPT_ALREADY_CONNECTED, so a socketpair cannot be handed over.)
 * The children are interchangeable, so which one takes which connection
 * does not matter. */
static curl_socket_t open_socket(void *ud, curlsocktype purpose,
				 struct curl_sockaddr *addr)
{
	struct ssh_dial *c = ud;
	pid_t pid;
	int fd;

	(void)purpose;
	reap(c, 0);
	if (c->n_pids >= SSH_MAX_CONNS)
		return CURL_SOCKET_BAD;
	fd = socket(addr->family, addr->socktype | SOCK_CLOEXEC,
		    addr->protocol);
	if (fd < 0)
		return CURL_SOCKET_BAD;
	if (c->log)
		fflush(c->log);
	pid = fork();
	if (pid == 0)
		child(c);
	if (pid < 0) {
		close(fd);
		return CURL_SOCKET_BAD;
	}
	c->pids[c->n_pids++] = pid;
	return fd;
}

int ssh_dial_setup(struct ssh_dial *c, CURL *e)
{
	return curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, open_socket) ==
		       CURLE_OK &&
	       curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, c) == CURLE_OK;
}

void ssh_dial_last_error(struct ssh_dial *c, char *out, size_t n)
{
	char buf[2048], *line, *end;
	long size;
	size_t got, i;

	out[0] = '\0';
	if (!c->log || fflush(c->log) != 0 || fseek(c->log, 0, SEEK_END) != 0)
		return;
	size = ftell(c->log);
	if (size <= 0 ||
	    fseek(c->log,
		  size > (long)sizeof(buf) - 1 ? size - (long)sizeof(buf) + 1
					       : 0,
		  SEEK_SET) != 0)
		return;
	got = fread(buf, 1, sizeof(buf) - 1, c->log);
	fseek(c->log, 0, SEEK_END);
	buf[got] = '\0';
	while (got > 0 && (buf[got - 1] == '\n' || buf[got - 1] == '\r'))
		buf[--got] = '\0';
	line = strrchr(buf, '\n');
	line = line ? line + 1 : buf;
	end = line + strlen(line);
	for (i = 0; line < end && i + 1 < n; line++) {
		unsigned char ch = (unsigned char)*line;
		out[i++] = ch < 0x20 || ch == 0x7f ? '?' : (char)ch;
	}
	out[i] = '\0';
}

void ssh_dial_free(struct ssh_dial *c)
{
	int i;

	if (!c)
		return;
	if (c->argv)
		for (i = 0; c->argv[i]; i++)
			free(c->argv[i]);
	free(c->argv);
	if (c->log)
		fclose(c->log);
	if (c->listen >= 0)
		close(c->listen);
	if (c->pids)
		reap(c, 1);
	free(c->pids);
	if (c->dir[0]) {
		if (c->path[0])
			unlink(c->path);
		rmdir(c->dir);
	}
	free(c);
}
