#include <stdio.h>
#include <string.h>

#include "api/system.h"
#include "cli/cli.h"
#include "model/format.h"
#include "model/host_figures.h"

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

/* A row of `docker system df`: SIZE, then RECLAIMABLE as the CLI words
 * it ("1.98MB (100%)", no share where it prints none). */
static void row_df(const char *key, const struct api_df_row *r)
{
	char size[32], rec[32], v[96];

	fmt_size_df((double)r->size, size, sizeof(size));
	fmt_size_df((double)r->reclaimable, rec, sizeof(rec));
	if (r->pct >= 0)
		snprintf(v, sizeof(v), "%s, reclaimable %s (%d%%)", size, rec,
			 r->pct);
	else
		snprintf(v, sizeof(v), "%s, reclaimable %s", size, rec);
	row(key, v);
}

/* The host's figures: what its running containers may take of its
 * memory, its disk by kind, its data root's free space. */
static void host_rows(const struct host_figures *h, const char *root)
{
	char line[256];

	row_num("Limits (bytes)", (long long)h->limits_sum);
	row_num("  limited", (long long)h->limited);
	row_num("  unbounded", (long long)h->unbounded);
	row("Overcommitted", host_figures_overcommitted(h) ? "yes" : "no");
	row_df("Disk images", &h->df.images);
	row_df("Disk containers", &h->df.containers);
	row_df("Disk volumes", &h->df.volumes);
	row_df("Disk build cache", &h->df.build_cache);
	row("Data root", root);
	if (h->have_fs) {
		row_num("  free (bytes)", (long long)h->fs_avail);
		row_num("  size (bytes)", (long long)h->fs_size);
	}
	host_figures_line(h, line, sizeof(line));
	row("Host", line);
}

int cli_cmd_info(const struct cli_opts *o, int argc, char **argv)
{
	struct api_client *c;
	struct api_version ver;
	struct api_info info;
	struct host_figures hf = {0};
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
		if (host_figures_fetch(c, &info, &hf, &err) == API_OK)
			host_rows(&hf, info.docker_root_dir);
		else
			rc = cli_fail("info: host figures", &err);
	}
	api_version_free(&ver);
	api_info_free(&info);
	api_client_free(c);
	return rc;
}
