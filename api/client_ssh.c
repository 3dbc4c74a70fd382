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
static api_code listen_private(struct api_client *c, struct api_error *err)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	const char *tmp = getenv("TMPDIR");
	int fd;

	c->ssh_pids = calloc(SSH_MAX_CONNS, sizeof(pid_t));
	c->base_url = strdup("http://localhost");
	if (!c->ssh_pids || !c->base_url)
		return api_nomem(err);
	if (!tmp || !*tmp || strlen(tmp) > 60)
		tmp = "/tmp";
	snprintf(c->ssh_dir, sizeof(c->ssh_dir), "%s/berth-ssh-XXXXXX", tmp);
	if (!mkdtemp(c->ssh_dir)) {
		c->ssh_dir[0] = '\0';
		return api_error_set(err, API_E_TRANSPORT, 0,
				     "ssh: cannot make a private directory "
				     "in %s: %s",
				     tmp, strerror(errno));
	}
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/s", c->ssh_dir);
	c->unix_path = strdup(sa.sun_path);
	if (!c->unix_path)
		return api_nomem(err);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(fd, SSH_MAX_CONNS) != 0) {
		if (fd >= 0)
			close(fd);
		return api_error_set(err, API_E_TRANSPORT, 0,
				     "ssh: cannot listen on %s: %s",
				     sa.sun_path, strerror(errno));
	}
	c->ssh_listen = fd;
	return API_OK;
}

api_code client_parse_ssh(struct api_client *c, const char *addr,
			  const char *ssh_opts, struct api_error *err)
{
	char user[256], host[256], port[256];
	int n = 0, bad;

	if (split_host(addr + 6, user, host, port, sizeof(host)) != API_OK)
		return api_error_set(err, API_E_INVALID, 0,
				     "%s: expected ssh://[user@]host[:port]",
				     addr);
	c->ssh_argv = calloc(SSH_MAX_ARGS, sizeof(char *));
	if (!c->ssh_argv)
		return api_nomem(err);
	if (!ssh_opts)
		ssh_opts = getenv("BERTH_SSH_OPTS");
	bad = push(c->ssh_argv, &n, "ssh") || push(c->ssh_argv, &n, "-T") ||
	      push(c->ssh_argv, &n, "-o") ||
	      push(c->ssh_argv, &n, "ConnectTimeout=30");
	if (!bad && port[0])
		bad = push(c->ssh_argv, &n, "-p") ||
		      push(c->ssh_argv, &n, port);
	if (!bad && user[0])
		bad = push(c->ssh_argv, &n, "-l") ||
		      push(c->ssh_argv, &n, user);
	bad = bad || push_opts(c->ssh_argv, &n, ssh_opts) ||
	      push(c->ssh_argv, &n, "--") || push(c->ssh_argv, &n, host) ||
	      push(c->ssh_argv, &n, "docker") ||
	      push(c->ssh_argv, &n, "system") ||
	      push(c->ssh_argv, &n, "dial-stdio");
	if (bad)
		return api_error_set(err, API_E_INVALID, 0,
				     "%s: too many or too long ssh options",
				     addr);
	c->ssh_log = tmpfile();
	return listen_private(c, err);
}

/* Waits for curl's connection on the listener, then becomes ssh on it. */
static void child(struct api_client *c)
{
	int null = open("/dev/null", O_WRONLY);
	int fd;

	/* No terminal: ssh must fail, not prompt over the console. */
	setsid();
	do
		fd = accept(c->ssh_listen, NULL, NULL);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		_exit(126);
	dup2(fd, 0);
	dup2(fd, 1);
	if (c->ssh_log)
		dup2(fileno(c->ssh_log), 2);
	else if (null >= 0)
		dup2(null, 2);
	execvp(c->ssh_argv[0], c->ssh_argv);
	_exit(127);
}

/* ssh exits on its own once curl closes the connection (end of input). */
static void reap(struct api_client *c, int wait_all)
{
	size_t i = 0;
	int st;

	while (i < c->n_ssh_pids) {
		pid_t p = c->ssh_pids[i], got;
		if (wait_all)
			kill(p, SIGTERM);
		do
			got = waitpid(p, &st, wait_all ? 0 : WNOHANG);
		while (got < 0 && errno == EINTR);
		if (got == 0) {
			i++;
			continue;
		}
		c->ssh_pids[i] = c->ssh_pids[--c->n_ssh_pids];
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
	struct api_client *c = ud;
	pid_t pid;
	int fd;

	(void)purpose;
	reap(c, 0);
	if (c->n_ssh_pids >= SSH_MAX_CONNS)
		return CURL_SOCKET_BAD;
	fd = socket(addr->family, addr->socktype | SOCK_CLOEXEC,
		    addr->protocol);
	if (fd < 0)
		return CURL_SOCKET_BAD;
	if (c->ssh_log)
		fflush(c->ssh_log);
	pid = fork();
	if (pid == 0)
		child(c);
	if (pid < 0) {
		close(fd);
		return CURL_SOCKET_BAD;
	}
	c->ssh_pids[c->n_ssh_pids++] = pid;
	return fd;
}

int client_ssh_setup(struct api_client *c, CURL *e)
{
	return curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, open_socket) ==
		       CURLE_OK &&
	       curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, c) == CURLE_OK;
}

void client_ssh_last_error(struct api_client *c, char *out, size_t n)
{
	char buf[2048], *line, *end;
	long size;
	size_t got, i;

	out[0] = '\0';
	if (!c->ssh_log || fflush(c->ssh_log) != 0 ||
	    fseek(c->ssh_log, 0, SEEK_END) != 0)
		return;
	size = ftell(c->ssh_log);
	if (size <= 0 ||
	    fseek(c->ssh_log,
		  size > (long)sizeof(buf) - 1 ? size - (long)sizeof(buf) + 1
					       : 0,
		  SEEK_SET) != 0)
		return;
	got = fread(buf, 1, sizeof(buf) - 1, c->ssh_log);
	fseek(c->ssh_log, 0, SEEK_END);
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

void client_ssh_free(struct api_client *c)
{
	int i;

	if (c->ssh_argv)
		for (i = 0; c->ssh_argv[i]; i++)
			free(c->ssh_argv[i]);
	free(c->ssh_argv);
	c->ssh_argv = NULL;
	if (c->ssh_log)
		fclose(c->ssh_log);
	c->ssh_log = NULL;
	if (c->ssh_listen >= 0)
		close(c->ssh_listen);
	c->ssh_listen = -1;
	reap(c, 1);
	free(c->ssh_pids);
	c->ssh_pids = NULL;
	if (c->ssh_dir[0]) {
		if (c->unix_path)
			unlink(c->unix_path);
		rmdir(c->ssh_dir);
		c->ssh_dir[0] = '\0';
	}
}
