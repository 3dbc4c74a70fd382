#include "model/host_figures.h"

#include <stdio.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/containers.h"
#include "model/format.h"

/* Sums of hostile figures stay below overflow. */
static int64_t add(int64_t a, int64_t b)
{
	if (a < 0)
		a = 0;
	if (b < 0)
		b = 0;
	return a > INT64_MAX - b ? INT64_MAX : a + b;
}

void host_figures_add_limit(struct host_figures *h, int64_t memory)
{
	if (memory > 0) {
		h->limited++;
		h->limits_sum = add(h->limits_sum, memory);
	} else {
		h->unbounded++;
	}
}

int host_figures_overcommitted(const struct host_figures *h)
{
	return h->mem_total > 0 && h->limits_sum > h->mem_total;
}

int host_figures_probe_fs(struct host_figures *h, const char *path)
{
	h->have_fs = host_fs_read(path, &h->fs_avail, &h->fs_size) == 0;
	return h->have_fs ? 0 : -1;
}

void host_figures_compose(struct host_figures *h, const struct api_info *info,
			  const struct posture_model *m,
			  const struct host_df *d)
{
	size_t i;

	memset(h, 0, sizeof(*h));
	if (info) {
		h->ncpu = info->ncpu;
		h->mem_total = info->mem_total;
	}
	for (i = 0; m && i < m->n; i++)
		if (m->items[i].judged && m->items[i].live)
			host_figures_add_limit(h, m->items[i].mem_limit);
	if (d && d->have) {
		h->df = d->df;
		h->have_df = 1;
	}
	if (d && d->have_fs) {
		h->fs_avail = d->fs_avail;
		h->fs_size = d->fs_size;
		h->have_fs = 1;
	}
}

int64_t host_figures_disk(const struct host_figures *h, int64_t *reclaimable)
{
	const struct api_df *d = &h->df;

	*reclaimable =
		add(add(d->images.reclaimable, d->containers.reclaimable),
		    add(d->volumes.reclaimable, d->build_cache.reclaimable));
	return add(add(d->images.size, d->containers.size),
		   add(d->volumes.size, d->build_cache.size));
}

void host_figures_line(const struct host_figures *h, char *buf, size_t n)
{
	char a[32], b[32];
	size_t used = 0;
	int64_t rec, disk;

#define PUT(...)                                                               \
	do {                                                                   \
		if (used < n)                                                  \
			used += (size_t)snprintf(buf + used, n - used,         \
						 __VA_ARGS__);                 \
	} while (0)
	if (n)
		buf[0] = '\0';
	if (h->ncpu > 0)
		PUT("%lld CPU", (long long)h->ncpu);
	if (h->mem_total > 0) {
		fmt_size_binary((double)h->mem_total, a, sizeof(a));
		PUT("%s%s", used ? " " : "", a);
	}
	if (h->limited || h->unbounded) {
		fmt_size_binary((double)h->limits_sum, a, sizeof(a));
		PUT("%slimits %s%s", used ? ", " : "", a,
		    host_figures_overcommitted(h) ? " OVERCOMMIT" : "");
		if (h->unbounded)
			PUT(" (%lld unbounded)", (long long)h->unbounded);
	}
	if (h->have_df) {
		disk = host_figures_disk(h, &rec);
		fmt_size_df((double)disk, a, sizeof(a));
		fmt_size_df((double)rec, b, sizeof(b));
		PUT("%sdisk %s (%s reclaimable)", used ? ", " : "", a, b);
	}
	if (h->have_fs) {
		fmt_size_binary((double)h->fs_avail, a, sizeof(a));
		PUT("%s%s free", used ? ", " : "", a);
	}
#undef PUT
}

api_code host_figures_fetch(struct api_client *c, const struct api_info *info,
			    struct host_figures *h, struct api_error *err)
{
	static const struct api_filter live[] = {{"status", "running"},
						 {"status", "paused"}};
	struct api_containers_list_opts o = {
		.all = 1, .filters = live, .n_filters = 2};
	struct api_container_list l = {0};
	api_code rc;
	size_t i;

	h->ncpu = info->ncpu;
	h->mem_total = info->mem_total;
	rc = api_containers_list(c, &o, &l, err);
	for (i = 0; rc == API_OK && i < l.n; i++) {
		struct api_container_inspect ci = {0};
		rc = api_container_inspect(c, l.items[i].id, &ci, err);
		/* removed since the list: it holds no memory now */
		if (rc == API_E_HTTP && err->http_status == 404)
			rc = API_OK;
		else if (rc == API_OK)
			host_figures_add_limit(h, ci.host_config.memory);
		api_container_inspect_free(&ci);
	}
	api_container_list_free(&l);
	if (rc == API_OK && (rc = api_df(c, &h->df, err)) == API_OK)
		h->have_df = 1;
	if (api_client_is_local(c))
		host_figures_probe_fs(h, info->docker_root_dir);
	return rc;
}
