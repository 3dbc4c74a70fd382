/*
 * A fault-injecting unix-socket proxy for the robustness tests: it sits
 * between berth and the private engine and, for the requests whose path
 * contains PATTERN, answers the way a broken engine or a broken proxy in
 * front of one would.  Everything else passes through, with
 * "Connection: close" forced so every request gets a fresh look here.
 *
 *   berth-faultproxy [-p PATTERN] [-t SECONDS] LISTEN UPSTREAM MODE
 *
 * It exits by itself after SECONDS (default 120), children included, so a
 * test that dies never leaves it behind.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define HEAD_MAX 65536

enum mode {
	M_PASS,
	M_CLOSE,   /* a few bytes of a longer body, then the socket closes */
	M_STALL,   /* accepts and reads, never answers */
	M_BADJSON, /* 200 with a body that is not JSON */
	M_ENDLESS, /* 200, chunked, never ends */
	M_HUGE,	   /* 200 with Content-Length 1 GiB, all sent */
	M_BADLEN,  /* Content-Length shorter than the body sent */
	M_HTML500, /* 500 with an HTML page, as a reverse proxy sends */
};

static const char *const mode_names[] = {
	"pass",	   "close", "stall",  "badjson",
	"endless", "huge",  "badlen", "html500",
};

static time_t deadline;

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int write_str(int fd, const char *s)
{
	return write_all(fd, s, strlen(s));
}

static int unix_addr(const char *path, struct sockaddr_un *sa)
{
	size_t n = strlen(path);

	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	if (n >= sizeof(sa->sun_path))
		return -1;
	memcpy(sa->sun_path, path, n + 1);
	return 0;
}

/* Reads up to the end of the request head; the body (if any) is left. */
static ssize_t read_head(int fd, char *buf, size_t cap)
{
	size_t n = 0;

	while (n + 1 < cap) {
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		n += (size_t)r;
		buf[n] = '\0';
		if (strstr(buf, "\r\n\r\n"))
			return (ssize_t)n;
	}
	return -1;
}

static void relay(int a, int b)
{
	struct pollfd p[2] = {{a, POLLIN, 0}, {b, POLLIN, 0}};
	char buf[65536];

	for (;;) {
		int i;
		if (poll(p, 2, 1000) < 0 && errno != EINTR)
			return;
		for (i = 0; i < 2; i++) {
			ssize_t r;
			if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			r = read(p[i].fd, buf, sizeof(buf));
			if (r <= 0)
				return;
			if (write_all(p[1 - i].fd, buf, (size_t)r) < 0)
				return;
		}
	}
}

/* The head goes upstream with any Connection header replaced by close. */
static void pass(int cfd, const char *up, char *head, size_t n)
{
	struct sockaddr_un sa;
	char *eol = strstr(head, "\r\n");
	char *conn = strcasestr(head, "\r\nConnection:");
	int ufd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (ufd < 0 || unix_addr(up, &sa) < 0 ||
	    connect(ufd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return;
	if (conn)
		memcpy(conn + 2, "X-Was", 5); /* "X-Was:" is ignored */
	if (!eol || write_all(ufd, head, (size_t)(eol - head)) < 0 ||
	    write_str(ufd, "\r\nConnection: close") < 0 ||
	    write_all(ufd, eol, n - (size_t)(eol - head)) < 0)
		return;
	relay(cfd, ufd);
	close(ufd);
}

static void send_endless(int fd, long long total)
{
	static char chunk[65536];
	char line[160];
	long long sent = 0;

	memset(chunk, ' ', sizeof(chunk));
	chunk[0] = '[';
	if (total < 0) {
		if (write_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: "
				  "application/json\r\nTransfer-Encoding: "
				  "chunked\r\n\r\n") < 0)
			return;
		snprintf(line, sizeof(line), "%zx\r\n", sizeof(chunk));
		while (write_str(fd, line) == 0 &&
		       write_all(fd, chunk, sizeof(chunk)) == 0 &&
		       write_str(fd, "\r\n") == 0)
			chunk[0] = ' ';
		return;
	}
	snprintf(line, sizeof(line),
		 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
		 "Content-Length: %lld\r\n\r\n",
		 total);
	if (write_str(fd, line) < 0)
		return;
	while (sent < total) {
		size_t n = sizeof(chunk);
		if ((long long)n > total - sent)
			n = (size_t)(total - sent);
		if (write_all(fd, chunk, n) < 0)
			return;
		chunk[0] = ' ';
		sent += (long long)n;
	}
}

static void stall(int fd)
{
	char buf[4096];

	/* Drains whatever comes, answers nothing, until the client leaves
	 * or the deadline's alarm ends the process. */
	while (read(fd, buf, sizeof(buf)) > 0)
		;
}

static void fault(int fd, enum mode m)
{
	static const char json[] = "[{\"Id\":\"0123456789ab\",\"Names\":"
				   "[\"/x\"],\"State\":\"running\"}]";
	static const char bad[] = "{[\"not json\": ,]}\xff";
	static const char html[] =
		"<html><head><title>500 Internal Server Error</title></head>"
		"<body><h1>Internal Server Error</h1></body></html>\n";
	char head[256];

	switch (m) {
	case M_CLOSE:
		write_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: "
			      "application/json\r\nContent-Length: 100000\r\n"
			      "\r\n[{\"Id\":\"0123");
		return;
	case M_STALL:
		stall(fd);
		return;
	case M_BADJSON:
		snprintf(head, sizeof(head),
			 "HTTP/1.1 200 OK\r\nContent-Type: application/json"
			 "\r\nContent-Length: %zu\r\n\r\n",
			 sizeof(bad) - 1);
		if (write_str(fd, head) == 0)
			write_str(fd, bad);
		return;
	case M_ENDLESS:
		send_endless(fd, -1);
		return;
	case M_HUGE:
		send_endless(fd, 1LL << 30);
		return;
	case M_BADLEN:
		snprintf(head, sizeof(head),
			 "HTTP/1.1 200 OK\r\nContent-Type: application/json"
			 "\r\nContent-Length: %zu\r\n\r\n",
			 (sizeof(json) - 1) / 2);
		if (write_str(fd, head) == 0)
			write_str(fd, json);
		stall(fd);
		return;
	case M_HTML500:
		snprintf(head, sizeof(head),
			 "HTTP/1.1 500 Internal Server Error\r\nContent-Type: "
			 "text/html\r\nContent-Length: %zu\r\n\r\n",
			 sizeof(html) - 1);
		if (write_str(fd, head) == 0)
			write_str(fd, html);
		return;
	case M_PASS:
		return;
	}
}

static void serve(int cfd, const char *up, enum mode m, const char *pat)
{
	char *head = malloc(HEAD_MAX);
	ssize_t n;
	char *sp, *path_end;

	if (!head)
		return;
	n = read_head(cfd, head, HEAD_MAX);
	sp = n > 0 ? strchr(head, ' ') : NULL;
	path_end = sp ? strchr(sp + 1, ' ') : NULL;
	if (path_end) {
		int hit;
		*path_end = '\0';
		hit = m != M_PASS && strstr(sp + 1, pat) != NULL;
		*path_end = ' ';
		if (hit)
			fault(cfd, m);
		else
			pass(cfd, up, head, (size_t)n);
	}
	free(head);
}

static int listen_on(const char *path)
{
	struct sockaddr_un sa;
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (fd < 0 || unix_addr(path, &sa) < 0)
		return -1;
	unlink(path);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(fd, 64) < 0)
		return -1;
	return fd;
}

static int parse_mode(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++)
		if (strcmp(s, mode_names[i]) == 0)
			return (int)i;
	return -1;
}

int main(int argc, char **argv)
{
	const char *pat = "";
	long secs = 120;
	int opt, lfd, m;

	while ((opt = getopt(argc, argv, "p:t:")) != -1) {
		if (opt == 'p')
			pat = optarg;
		else if (opt == 't')
			secs = strtol(optarg, NULL, 10);
		else
			return 2;
	}
	if (argc - optind != 3 || (m = parse_mode(argv[optind + 2])) < 0 ||
	    secs <= 0) {
		fprintf(stderr, "usage: berth-faultproxy [-p PATTERN] [-t SECS]"
				" LISTEN UPSTREAM "
				"pass|close|stall|badjson|endless|huge|badlen|"
				"html500\n");
		return 2;
	}
	signal(SIGCHLD, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	lfd = listen_on(argv[optind]);
	if (lfd < 0) {
		perror("berth-faultproxy: listen");
		return 1;
	}
	deadline = time(NULL) + secs;
	alarm((unsigned)secs);
	for (;;) {
		int cfd = accept(lfd, NULL, NULL);
		if (cfd < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (fork() == 0) {
			long left = (long)(deadline - time(NULL));
			close(lfd);
			alarm(left > 0 ? (unsigned)left : 1u);
			serve(cfd, argv[optind + 1], (enum mode)m, pat);
			close(cfd);
			_exit(0);
		}
		close(cfd);
	}
}
