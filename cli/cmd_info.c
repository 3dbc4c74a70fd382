#include <stdio.h>
#include <string.h>

#include "api/system.h"
#include "cli/cli.h"

static void row(const char *key, const char *value)
{
	printf("%-18s ", key);
	cli_put(stdout, value ? value : "-", 0);
	putchar('\n');
}

static void row_num(const char *key, long long v)
{
	printf("%-18s %lld\n", key, v);
}

int cli_cmd_info(const struct cli_opts *o, int argc, char **argv)
{
	struct api_client *c;
	struct api_version ver;
	struct api_info info;
	struct api_error err;
	int rc = 0;

	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: berth info\n");
		return 2;
	}
	c = cli_connect(o);
	if (!c)
		return 1;
	memset(&ver, 0, sizeof(ver));
	memset(&info, 0, sizeof(info));
	if (api_version(c, &ver, &err) != API_OK)
		rc = cli_fail("version", &err);
	else if (api_info(c, &info, &err) != API_OK)
		rc = cli_fail("info", &err);
	if (rc == 0) {
		row("Engine", api_client_host(c));
		row("Transport", api_client_transport(c));
		row("Name", info.name);
		row("Server version", ver.version);
		row("API version", ver.api_version);
		row("API in use", api_client_version(c));
		row("OS/Arch", info.operating_system);
		row("Kernel", info.kernel_version);
		row("Storage driver", info.driver);
		row("Logging driver", info.logging_driver);
		row("Cgroup", info.cgroup_version);
		row_num("CPUs", (long long)info.ncpu);
		row_num("Memory (bytes)", (long long)info.mem_total);
		row_num("Containers", (long long)info.containers);
		row_num("  running", (long long)info.running);
		row_num("  paused", (long long)info.paused);
		row_num("  stopped", (long long)info.stopped);
		row_num("Images", (long long)info.images);
	}
	api_version_free(&ver);
	api_info_free(&info);
	api_client_free(c);
	return rc;
}
