#include "model/swarm_format.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/containers.h"
#include "api/json.h"

void swarm_fmt_replicas(const struct api_service *s, char *buf, size_t n)
{
	if (s->desired_tasks >= 0 && s->running_tasks >= 0)
		snprintf(buf, n, "%lld/%lld", (long long)s->running_tasks,
			 (long long)s->desired_tasks);
	else if (s->replicas >= 0)
		snprintf(buf, n, "?/%lld", (long long)s->replicas);
	else
		snprintf(buf, n, "-");
}

void swarm_fmt_ports(const struct api_service *s, char *buf, size_t n)
{
	size_t i, len = 0;
	int w;

	if (!buf || n == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < s->n_ports && len < n - 1; i++) {
		const struct api_service_port *p = &s->ports[i];
		w = snprintf(buf + len, n - len, "%s*:%lld->%lld/%s",
			     len ? ", " : "", (long long)p->published,
			     (long long)p->target,
			     p->protocol ? p->protocol : "tcp");
		if (w < 0)
			break;
		len += (size_t)w < n - len ? (size_t)w : n - len - 1;
	}
}

void swarm_fmt_manager(const struct api_node *nd, char *buf, size_t n)
{
	const char *r = nd->reachability;

	if (nd->leader)
		snprintf(buf, n, "Leader");
	else if (r && *r)
		snprintf(buf, n, "%c%s", toupper((unsigned char)r[0]), r + 1);
	else
		snprintf(buf, n, "%s", "");
}

int64_t swarm_parse_time(const char *s)
{
	/* Fractions and a zone other than Z are ignored: ages need
	 * minutes, not nanoseconds. */
	return api_time_parse(s);
}

void swarm_fmt_task_name(const char *service, const struct api_task *t,
			 char *buf, size_t n)
{
	if (t->slot > 0)
		snprintf(buf, n, "%s.%lld", api_str(service),
			 (long long)t->slot);
	else
		snprintf(buf, n, "%s.%s", api_str(service),
			 api_str(t->node_id));
}

void swarm_fmt_state(const char *state, char *buf, size_t n)
{
	if (!buf || n == 0)
		return;
	snprintf(buf, n, "%s", api_str(state));
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

int swarm_event_changes_tasks(const struct api_event *ev)
{
	if (!ev->type)
		return 0;
	return strcmp(ev->type, "service") == 0 ||
	       strcmp(ev->type, "node") == 0 ||
	       (strcmp(ev->type, "container") == 0 &&
		api_kv_get(&ev->attributes, "com.docker.swarm.service.id"));
}
