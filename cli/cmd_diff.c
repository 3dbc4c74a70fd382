/* berth diff NAME: what the container changed against its image, as
 * docker diff prints it ("C /etc", "A /etc/app.conf", "D /tmp/x"), in
 * path order (the engine's own order changes from call to call).  To a
 * pipe the paths are the engine's bytes; to a terminal, sanitized. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/container_changes.h"
#include "cli/cli.h"

int cli_cmd_diff(const struct cli_opts *o, int argc, char **argv)
{
	struct api_changes ch = {0};
	struct api_client *c;
	struct api_error err;
	int rc = 0, tty = isatty(STDOUT_FILENO);
	size_t i;

	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: berth diff NAME\n");
		return 2;
	}
	if ((c = cli_connect(o)) == NULL)
		return 1;
	if (api_container_changes(c, argv[1], &ch, &err) != API_OK) {
		rc = cli_fail("diff", &err);
	} else {
		api_changes_sort(&ch);
		for (i = 0; i < ch.n; i++) {
			printf("%c ", api_change_letter(ch.items[i].kind));
			if (tty)
				cli_put(stdout, ch.items[i].path, 0);
			else
				fputs(ch.items[i].path, stdout);
			putchar('\n');
		}
		if (fflush(stdout) != 0)
			rc = 1;
	}
	api_changes_free(&ch);
	api_client_free(c);
	return rc;
}
