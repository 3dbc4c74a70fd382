/* `berth shell` and `berth attach`: the console's exec shell and attach,
 * straight from the command line, with no docker CLI involved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "views/exec_session.h"
#include "views/console.h"

static int session_end(const char *what, api_code rc,
		       const struct api_error *err,
		       const struct exec_session_result *res)
{
	if (rc != API_OK)
		return cli_fail(what, err);
	if (res->end == RELAY_DETACHED) {
		fprintf(stderr, "\r\nberth: detached\r\n");
		return 0;
	}
	if (res->end == RELAY_ERROR)
		fprintf(stderr, "\r\nberth: %s: the connection failed\n", what);
	return res->has_exit_code ? (int)(res->exit_code & 0xff) : 0;
}

int cli_cmd_shell(const struct cli_opts *o, int argc, char **argv)
{
	struct exec_session_opts so = {.tty = -1};
	struct exec_session_result res;
	struct api_client *c;
	struct api_error err;
	char *shells;
	api_code rc;
	int first = 2;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: berth shell NAME [-- CMD...]\n");
		return 2;
	}
	if (argc > 2 && strcmp(argv[2], "--") == 0)
		first = 3;
	so.container = argv[1];
	if (argc > first)
		so.cmd = (const char *const *)(argv + first);
	c = cli_connect(o);
	if (!c)
		return 1;
	shells = console_config_shells(o->config_path);
	so.shells = shells;
	api_error_clear(&err);
	rc = exec_session_run(c, &so, &res, &err);
	free(shells);
	api_client_free(c);
	return session_end("shell", rc, &err, &res);
}

int cli_cmd_attach(const struct cli_opts *o, int argc, char **argv)
{
	struct exec_session_opts so = {.tty = -1};
	struct exec_session_result res;
	struct api_client *c;
	struct api_error err;
	api_code rc;
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--detach-keys") == 0 && i + 1 < argc)
			so.detach_keys = argv[++i];
		else if (strncmp(argv[i], "--detach-keys=", 14) == 0)
			so.detach_keys = argv[i] + 14;
		else
			break;
	}
	if (i != argc - 1) {
		fprintf(stderr, "usage: berth attach [--detach-keys KEYS] "
				"NAME\n");
		return 2;
	}
	so.container = argv[i];
	c = cli_connect(o);
	if (!c)
		return 1;
	api_error_clear(&err);
	rc = attach_session_run(c, &so, &res, &err);
	api_client_free(c);
	return session_end("attach", rc, &err, &res);
}
