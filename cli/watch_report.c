/*
 * berth watch's reports: one line each (JSON, text or syslog), and the
 * same JSON to the alert outputs; and the checks that judge created or
 * started containers and their images, as the posture pane does.
 */
#include "cli/watch_impl.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "api/container_inspect.h"
#include "api/container_top.h"
#include "api/containers.h"
#include "api/logframes.h"
#include "api/stats.h"
#include "cli/cli.h"
#include "model/format.h"
#include "model/host_df.h"
#include "posture/rules.h"

/* One report line; fields with neither str nor num are left out. */
void watch_report(struct watch *w, const char *event, const char *name,
		  const char *id, const struct field *f, size_t nf)
{
	cJSON *o = cJSON_CreateObject();
	char *line = NULL, text[1024];
	size_t i, used;

	if (!o)
		return;
	cJSON_AddNumberToObject(o, "time", (double)time(NULL));
	cJSON_AddStringToObject(o, "event", event);
	if (name)
		cJSON_AddStringToObject(o, "container", name);
	if (id)
		cJSON_AddStringToObject(o, "id", id);
	used = (size_t)snprintf(text, sizeof(text), "%s%s%s", event,
				name ? " " : "", name ? name : "");
	for (i = 0; i < nf; i++) {
		if (f[i].str)
			cJSON_AddStringToObject(o, f[i].key, f[i].str);
		else
			cJSON_AddNumberToObject(o, f[i].key, (double)f[i].num);
		if (used < sizeof(text) && f[i].str)
			used += (size_t)snprintf(text + used,
						 sizeof(text) - used, " %s=%s",
						 f[i].key, f[i].str);
		else if (used < sizeof(text))
			used += (size_t)snprintf(
				text + used, sizeof(text) - used, " %s=%lld",
				f[i].key, f[i].num);
	}
	if (w->use_syslog) {
		syslog(LOG_WARNING, "%s", text);
	} else if (w->text) {
		cli_put(stdout, text, 0);
		putchar('\n');
	} else if ((line = cJSON_PrintUnformatted(o)) != NULL) {
		/* cJSON escapes control characters: the line is safe. */
		puts(line);
	}
	fflush(stdout);
	if (w->out && (line || (line = cJSON_PrintUnformatted(o)) != NULL))
		alert_out_send(w->out, line);
	free(line);
	cJSON_Delete(o);
}

/* The findings of pf worth saying: at --min-severity or above, not
 * accepted, not said before for key (a container's or an image's id).
 * image names the image they are about (NULL: the container). */
static void report_findings(struct watch *w, const struct posture_findings *pf,
			    const char *key, const char *name, const char *id,
			    const char *image)
{
	size_t i;

	for (i = 0; i < pf->n; i++) {
		const struct posture_finding *p = &pf->items[i];
		struct field f[4] = {
			{"rule", p->rule->id, 0},
			{"severity", posture_severity_name(p->severity), 0},
			{"title", p->rule->title, 0},
			{"image", image, 0},
		};
		/* an accepted risk is no news */
		if ((int)p->severity < w->min_sev ||
		    posture_finding_accepted(p) ||
		    watch_finding_new(&w->rules, key, p->rule->id) != 1)
			continue;
		watch_report(w, "finding", name, id, f, image ? 4 : 3);
	}
}

/* The container's image, by the image rules, as the posture pane and
 * berth audit judge it: once per image id (an image does not change;
 * a rebuilt one has a new id), its findings said once. */
static void check_image(struct watch *w, const struct api_container_inspect *ci)
{
	struct api_image_inspect img = {0};
	struct api_image_history h = {0};
	struct posture_findings pf = {0};
	struct api_error err;
	int have_h;

	/* the rules' once-per-key record, keyed by the image, marks it */
	if (!ci->image || !*ci->image ||
	    watch_finding_new(&w->rules, ci->image, "(judged)") != 1 ||
	    api_image_inspect(w->c, ci->image, &img, &err) != API_OK)
		return;
	have_h = api_image_history(w->c, ci->image, &h, &err) == API_OK;
	if (posture_judge(
		    &(struct posture_subject){
			    .scope = POSTURE_SCOPE_IMAGE,
			    .engine = &w->ef.e,
			    .image = &img,
			    .history = have_h ? &h : NULL,
			    .image_name = img.repo_tags.n ? img.repo_tags.v[0]
							  : ci->config.image},
		    &pf) == API_OK &&
	    pf.n)
		report_findings(w, &pf, ci->image, ci->name, ci->id,
				pf.items[0].object);
	posture_findings_free(&pf);
	api_image_history_free(&h);
	api_image_inspect_free(&img);
}

/* Inspects the queued containers and reports their new findings, and
 * those of their images. */
/* A running container the filters select: its logs from its start
 * (from now when it ran before the watch began). */
static void follow_logs(struct watch *w, const struct api_container_inspect *ci,
			int from_start)
{
	int64_t since = 0;

	if (!w->logs || !ci->state.running ||
	    !watch_match_container(&w->rules.cfg, ci->name, &ci->config.labels))
		return;
	if (from_start && ci->state.started_at)
		since = logline_tsn(ci->state.started_at,
				    strlen(ci->state.started_at)) /
			1000000000;
	watch_logs_follow(w->logs, ci->id, ci->name, ci->config.tty, since);
}

/* The running containers the filters select (the others are left out
 * of l).  -1 when the engine cannot list them. */
static int list_selected(struct watch *w, struct api_container_list *l)
{
	static const struct api_filter running = {"status", "running"};
	struct api_containers_list_opts o = {.filters = &running,
					     .n_filters = 1};
	struct api_error err;
	size_t i, k = 0;

	if (api_containers_list(w->c, &o, l, &err) != API_OK)
		return -1;
	for (i = 0; i < l->n; i++) {
		if (watch_match_container(&w->rules.cfg, l->items[i].name,
					  &l->items[i].labels)) {
			struct api_container_summary t = l->items[k];
			l->items[k++] = l->items[i];
			l->items[i] = t;
		}
	}
	/* the unselected ones sit past k: freed with the list */
	return (int)k;
}

void watch_logs_existing(struct watch *w)
{
	struct api_container_list l = {0};
	struct api_error err;
	int i, n;

	if (!w->logs || (n = list_selected(w, &l)) < 0)
		return;
	for (i = 0; i < n; i++) {
		struct api_container_inspect ci = {0};
		if (api_container_inspect(w->c, l.items[i].id, &ci, &err) ==
		    API_OK)
			follow_logs(w, &ci, 0);
		api_container_inspect_free(&ci);
	}
	api_container_list_free(&l);
}

static void sample_memory(struct watch *w,
			  const struct api_container_summary *cs,
			  const struct api_stats *st)
{
	struct field f[3];
	/* no limit: a share of nothing (berth info says the unbounded) */
	double pct = st->mem.limit && st->mem.limit < (uint64_t)INT64_MAX
			     ? api_stats_mem_percent(st)
			     : 0;

	if (pct <= 0 ||
	    watch_mem_sample(&w->rules, cs->id, pct, w->mem_above) != 1)
		return;
	f[0] = (struct field){"mem_percent", NULL, (long long)(pct + 0.5)};
	f[1] = (struct field){"mem_usage", NULL,
			      (long long)api_stats_mem_usage(st)};
	f[2] = (struct field){"mem_limit", NULL, (long long)st->mem.limit};
	watch_report(w, "mem_high", cs->name, cs->id, f, 3);
}

static void sample_cpu(struct watch *w, const struct api_container_summary *cs,
		       const struct api_stats *st)
{
	struct field f[2];
	double pct;

	if (watch_cpu_sample(&w->rules, cs->id, (int64_t)time(NULL),
			     st->cpu.total_usage, st->cpu.system_cpu_usage,
			     st->cpu.online_cpus, w->cpu_above, w->cpu_for,
			     &pct) != 1)
		return;
	f[0] = (struct field){"cpu_percent", NULL, (long long)(pct + 0.5)};
	f[1] = (struct field){"seconds", NULL, (long long)w->cpu_for};
	watch_report(w, "cpu_high", cs->name, cs->id, f, 2);
}

/* The data root's file system, as df counts its use (a local engine). */
static void sample_disk(struct watch *w)
{
	uint64_t avail;
	double pct;
	struct field f[3];

	if (!api_client_is_local(w->c) || !w->ef.have_info ||
	    host_fs_use(w->ef.info.docker_root_dir, &pct, &avail) != 0)
		return;
	if (w->disk_high) {
		w->disk_high = pct >= w->disk_above * WATCH_MEM_REARM;
		return;
	}
	if (pct < w->disk_above)
		return;
	w->disk_high = 1;
	f[0] = (struct field){"data_root", w->ef.info.docker_root_dir, 0};
	f[1] = (struct field){"disk_percent", NULL, (long long)(pct + 0.5)};
	f[2] = (struct field){"free_bytes", NULL, (long long)avail};
	watch_report(w, "disk_high", NULL, NULL, f, 3);
}

/* A container with a health check: its failing streak, by inspect (the
 * engine sends an event only when the status turns). */
static void sample_health(struct watch *w,
			  const struct api_container_summary *cs)
{
	struct api_container_inspect ci = {0};
	struct api_error err;
	struct field f[2];

	if (!*fmt_status_health(cs->status) ||
	    api_container_inspect(w->c, cs->id, &ci, &err) != API_OK)
		return;
	if (watch_health_streak(&w->rules, cs->id,
				(long)ci.state.health_failing_streak,
				w->health_fails) == 1) {
		f[0] = (struct field){
			"failing_streak", NULL,
			(long long)ci.state.health_failing_streak};
		f[1] = (struct field){"health", api_str(ci.state.health_status),
				      0};
		watch_report(w, "health_failing", cs->name, cs->id, f, 2);
	}
	api_container_inspect_free(&ci);
}

void watch_sample(struct watch *w)
{
	struct api_container_list l = {0};
	struct api_error err;
	int i, n;

	if (w->disk_above > 0)
		sample_disk(w);
	if ((w->mem_above <= 0 && w->cpu_above <= 0 && w->health_fails <= 0) ||
	    (n = list_selected(w, &l)) < 0)
		return;
	for (i = 0; i < n; i++) {
		struct api_stats st = {0};
		if (w->health_fails > 0)
			sample_health(w, &l.items[i]);
		if ((w->mem_above <= 0 && w->cpu_above <= 0) ||
		    api_stats(w->c, l.items[i].id, 1, &st, &err) != API_OK)
			continue;
		if (w->mem_above > 0)
			sample_memory(w, &l.items[i], &st);
		if (w->cpu_above > 0)
			sample_cpu(w, &l.items[i], &st);
		api_stats_free(&st);
	}
	api_container_list_free(&l);
}

void watch_on_log_match(const struct watch_log_match *m, void *ud)
{
	struct watch *w = ud;
	char line[512];
	size_t i, n = m->len < sizeof(line) - 1 ? m->len : sizeof(line) - 1;
	struct field f[3];

	/* the container's bytes: no control character reaches a terminal
	 * or the syslog through the text forms */
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)m->line[i];
		line[i] = ch < 0x20 || ch == 0x7f ? '?' : (char)ch;
	}
	line[n] = '\0';
	f[0] = (struct field){"pattern", w->log_pattern, 0};
	f[1] = (struct field){"line", line, 0};
	f[2] = (struct field){"suppressed", NULL, (long long)m->suppressed};
	watch_report(w, "log_match", m->name, m->id, f, 3);
}

void watch_run_checks(struct watch *w)
{
	while (w->n_check > 0) {
		char *id = w->check[--w->n_check];
		struct api_container_inspect ci = {0};
		struct posture_findings pf = {0};
		struct api_image_inspect img = {0};
		struct api_top top = {0};
		struct api_error err;
		int have_top = 0, have_img = 0;

		/* a running one's processes too, as the posture pane */
		if (api_container_inspect(w->c, id, &ci, &err) == API_OK) {
			have_top = ci.state.running &&
				   api_container_top(w->c, ci.id, NULL, &top,
						     &err) == API_OK;
			if (posture_container_image_fetch(
				    w->c, &ci, &img, &have_img, &err) != API_OK)
				have_img = 0;
		}
		if (ci.id &&
		    posture_judge(
			    &(struct posture_subject){
				    .scope = POSTURE_SCOPE_CONTAINER,
				    .engine = &w->ef.e,
				    .container = &ci,
				    .top = have_top ? &top : NULL,
				    .image_labels = have_img
							    ? &img.config.labels
							    : NULL},
			    &pf) == API_OK) {
			report_findings(w, &pf, id, ci.name, id, NULL);
			check_image(w, &ci);
		}
		if (ci.id)
			follow_logs(w, &ci, 1);
		posture_findings_free(&pf);
		if (have_img)
			api_image_inspect_free(&img);
		api_top_free(&top);
		api_container_inspect_free(&ci);
		free(id);
	}
}
