#include <stdio.h>
#include <string.h>

#include "api/containers.h"
#include "cli/cli.h"

static void print_ports(const struct api_container_summary *s)
{
	char buf[256];
	size_t i, off = 0;

	buf[0] = '\0';
	for (i = 0; i < s->n_ports && off < sizeof(buf) - 1; i++) {
		const struct api_port *p = &s->ports[i];
		int n;
		if (p->public_port)
			n = snprintf(buf + off, sizeof(buf) - off,
				     "%s%s:%u->%u/%s", i ? ", " : "",
				     p->ip ? p->ip : "", p->public_port,
				     p->private_port, p->type ? p->type : "");
		else
			n = snprintf(buf + off, sizeof(buf) - off, "%s%u/%s",
				     i ? ", " : "", p->private_port,
				     p->type ? p->type : "");
		if (n < 0)
			break;
		off += (size_t)n;
	}
	cli_put(stdout, buf, 24);
}

int cli_cmd_ps(const struct cli_opts *o, int argc, char **argv)
{
	struct api_containers_list_opts lo = {0};
	struct api_container_list list = {0};
	struct api_client *c;
	struct api_error err;
	size_t i;
	int rc = 0;

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "-a") != 0 &&
			 strcmp(argv[1], "--all") != 0)) {
		fprintf(stderr, "usage: berth ps [-a]\n");
		return 2;
	}
	lo.all = argc == 2;
	c = cli_connect(o);
	if (!c)
		return 1;
	if (api_containers_list(c, &lo, &list, &err) != API_OK) {
		rc = cli_fail("containers", &err);
	} else {
		printf("%-12s  %-24s  %-10s  %-24s  %-24s  %s\n", "ID", "NAME",
		       "STATE", "STATUS", "PORTS", "IMAGE");
		for (i = 0; i < list.n; i++) {
			const struct api_container_summary *s = &list.items[i];
			printf("%-12.12s  ", s->id ? s->id : "");
			cli_put(stdout, s->name, 24);
			fputs("  ", stdout);
			cli_put(stdout, s->state, 10);
			fputs("  ", stdout);
			cli_put(stdout, s->status, 24);
			fputs("  ", stdout);
			print_ports(s);
			fputs("  ", stdout);
			cli_put(stdout, s->image, 0);
			putchar('\n');
		}
	}
	api_container_list_free(&list);
	api_client_free(c);
	return rc;
}
