#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "api/buf.h"

char *tl_data(const char *name, size_t *len)
{
	char path[512];
	FILE *f;
	struct buf b;
	char chunk[8192];
	size_t n;

	snprintf(path, sizeof(path), "tests/data/%s", name);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	buf_init(&b, (size_t)1 << 30);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		assert_int_equal(buf_append(&b, chunk, n), 0);
	fclose(f);
	if (len)
		*len = b.len;
	return buf_take(&b);
}

char *tl_sh(int *status, const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	FILE *p;
	struct buf b;
	char chunk[8192];
	size_t n;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	p = popen(cmd, "r");
	if (!p)
		fail_msg("cannot run: %s", cmd);
	buf_init(&b, (size_t)1 << 30);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		assert_int_equal(buf_append(&b, chunk, n), 0);
	st = pclose(p);
	if (status)
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	while (b.len && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	return buf_take(&b);
}

struct api_client *tl_client(void)
{
	const char *host = getenv("DOCKER_HOST");
	struct api_client *c = NULL;
	struct api_error err;

	if (!host || !*host || strstr(host, "/var/run/docker.sock") ||
	    strstr(host, "/run/docker.sock") == host + 7)
		fail_msg("DOCKER_HOST must name the private test engine "
			 "(tests/run.sh sets it)");
	if (api_client_new(NULL, &c, &err) != API_OK)
		fail_msg("api_client_new: %s", err.msg);
	if (api_client_negotiate(c, &err) != API_OK) {
		api_client_free(c);
		fail_msg("negotiate: %s", err.msg);
	}
	return c;
}

const char *tl_name(const char *tag)
{
	static char names[8][128];
	static int next;
	char *s = names[next++ % 8];

	snprintf(s, sizeof(names[0]), "berth-t-%s-%ld", tag, (long)getpid());
	return s;
}
