#include <stdio.h>
#include <string.h>

#include "api/containers.h"
#include "api/images.h"
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

/* A client that gives up at once and says nothing: the shell's
 * completion asks while a person types. */
static struct api_client *quiet_connect(const struct cli_opts *o)
{
	struct api_client_opts co = o->client;
	struct api_client *c = NULL;
	struct api_error err;

	co.connect_timeout_ms = 1000;
	co.request_timeout_ms = 2000;
	if (api_client_new(&co, &c, &err) != API_OK)
		return NULL;
	if (api_client_negotiate(c, &err) != API_OK) {
		api_client_free(c);
		return NULL;
	}
	return c;
}

/* Names for completion, one a line, sanitized: containers' (every one
 * with all) or images' repo:tags.  Quiet; 1 when the engine is away. */
static int names(const struct cli_opts *o, int images, int all)
{
	struct api_containers_list_opts lo = {0};
	struct api_container_list cl = {0};
	struct api_image_list il = {0};
	struct api_client *c = quiet_connect(o);
	struct api_error err;
	size_t i, k;
	int rc = 0;

	if (!c)
		return 1;
	lo.all = all;
	if (images && api_images_list(c, 0, NULL, 0, &il, &err) == API_OK) {
		for (i = 0; i < il.n; i++)
			for (k = 0; k < il.items[i].repo_tags.n; k++)
				if (strcmp(il.items[i].repo_tags.v[k],
					   "<none>:<none>") != 0) {
					cli_put(stdout,
						il.items[i].repo_tags.v[k], 0);
					putchar('\n');
				}
	} else if (!images &&
		   api_containers_list(c, &lo, &cl, &err) == API_OK) {
		for (i = 0; i < cl.n; i++)
			if (cl.items[i].name) {
				cli_put(stdout, cl.items[i].name, 0);
				putchar('\n');
			}
	} else {
		rc = 1;
	}
	api_image_list_free(&il);
	api_container_list_free(&cl);
	api_client_free(c);
	return rc;
}

int cli_cmd_ps(const struct cli_opts *o, int argc, char **argv)
{
	struct api_containers_list_opts lo = {0};
	struct api_container_list list = {0};
	struct api_client *c;
	struct api_error err;
	size_t i;
	int rc = 0, all = 0, want = 0, k;

	for (k = 1; k < argc; k++) {
		if (strcmp(argv[k], "-a") == 0 || strcmp(argv[k], "--all") == 0)
			all = 1;
		else if (strcmp(argv[k], "--names") == 0)
			want = 1;
		else if (strcmp(argv[k], "--image-names") == 0)
			want = 2;
		else {
			fprintf(stderr, "usage: berth ps [-a] [--names | "
					"--image-names]\n");
			return 2;
		}
	}
	if (want)
		return names(o, want == 2, all);
	lo.all = all;
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
