/* berth cp NAME:PATH DEST and berth cp SRC NAME:PATH: docker cp both
 * ways, through the engine's archive endpoint.  A side is a container's
 * when it reads NAME:PATH with no '/' before the colon (docker's rule: a
 * local path with a colon starts with ./ or /). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "ops/container_cp.h"

/* NAME:PATH: the name copied into name, the path returned; else NULL. */
static const char *container_side(const char *arg, char *name, size_t n)
{
	const char *colon = strchr(arg, ':');

	if (!colon || colon == arg || memchr(arg, '/', (size_t)(colon - arg)) ||
	    (size_t)(colon - arg) >= n || !colon[1])
		return NULL;
	memcpy(name, arg, (size_t)(colon - arg));
	name[colon - arg] = '\0';
	return colon + 1;
}

int cli_cmd_cp(const struct cli_opts *o, int argc, char **argv)
{
	char from_name[256], to_name[256], msg[1024] = "";
	const char *from, *to;
	struct api_client *c;
	struct cp_result r;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: berth cp NAME:PATH DEST | berth cp SRC "
				"NAME:PATH\n");
		return 2;
	}
	from = container_side(argv[1], from_name, sizeof(from_name));
	to = container_side(argv[2], to_name, sizeof(to_name));
	if (!from == !to) {
		fprintf(stderr, "berth: cp: exactly one side is NAME:PATH (a "
				"container's)\n");
		return 2;
	}
	if (to && o->read_only) {
		fprintf(stderr,
			"berth: cp: --read-only: copying into %s changes it "
			"(docker cp %s %s)\n",
			to_name, argv[1], argv[2]);
		return 1;
	}
	if ((c = cli_connect(o)) == NULL)
		return 1;
	rc = from ? cp_from_container(c, from_name, from, argv[2], &r, msg,
				      sizeof(msg))
		  : cp_to_container(c, argv[1], to_name, to, &r, msg,
				    sizeof(msg));
	api_client_free(c);
	if (rc != 0) {
		fputs("berth: cp: ", stderr);
		cli_put(stderr, msg, 0);
		fputc('\n', stderr);
		return 1;
	}
	return 0;
}
