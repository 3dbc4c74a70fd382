#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "ops/export_compose.h"
#include "ops/export_run.h"

/*
 * The service is translated from the run line's arguments, so the
 * decisions on defaults and on what the image sets are made once.
 */

struct ym {
	yaml_emitter_t e;
	char *out;
	size_t len, cap;
	int err;
};

struct opt {
	const char *flag;
	const char *val; /* NULL for a switch */
};

struct opts {
	struct opt *o;
	size_t n;
};

static int on_write(void *data, unsigned char *buf, size_t size)
{
	struct ym *y = data;

	if (y->len + size + 1 > y->cap) {
		size_t cap = (y->len + size + 1) * 2;
		char *p = realloc(y->out, cap);
		if (!p)
			return 0;
		y->out = p;
		y->cap = cap;
	}
	memcpy(y->out + y->len, buf, size);
	y->len += size;
	y->out[y->len] = '\0';
	return 1;
}

static void emit(struct ym *y, yaml_event_t *ev, int ok)
{
	if (!ok || y->err) {
		if (ok)
			yaml_event_delete(ev);
		y->err = 1;
		return;
	}
	if (!yaml_emitter_emit(&y->e, ev))
		y->err = 1;
}

static int plain_ok(const char *s)
{
	static const char *const words[] = {"y",    "n",   "yes",  "no",
					    "on",   "off", "true", "false",
					    "null", "~",   NULL};
	const char *p;
	size_t i;

	if (!*s || strchr("-0123456789.+", *s))
		return 0;
	for (p = s; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-",
			    *p))
			return 0;
	for (i = 0; words[i]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 0;
	return 1;
}

/* '$' doubled, invalid UTF-8 replaced; plain when it reads back as the
 * same string, double-quoted otherwise. */
static void scalar(struct ym *y, const char *s, int literal)
{
	size_t n = strlen(s), i, j;
	char *t = malloc(n * 3 + 1);
	yaml_event_t ev;

	if (!t) {
		y->err = 1;
		return;
	}
	for (i = j = 0; i < n;) {
		size_t k = export_utf8_len((const unsigned char *)s + i);
		if (k == 0) {
			memcpy(t + j, "\xef\xbf\xbd", 3);
			j += 3;
			i++;
			continue;
		}
		if (s[i] == '$' && !literal)
			t[j++] = '$';
		memcpy(t + j, s + i, k);
		j += k;
		i += k;
	}
	t[j] = '\0';
	emit(y, &ev,
	     yaml_scalar_event_initialize(
		     &ev, NULL, NULL, (yaml_char_t *)t, (int)j, 1, 1,
		     literal || plain_ok(t) ? YAML_PLAIN_SCALAR_STYLE
					    : YAML_DOUBLE_QUOTED_SCALAR_STYLE));
	free(t);
}

static void str(struct ym *y, const char *s)
{
	scalar(y, s ? s : "", 0);
}
static void lit(struct ym *y, const char *s)
{
	scalar(y, s, 1);
}

static void map_start(struct ym *y)
{
	yaml_event_t ev;

	emit(y, &ev,
	     yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
						 YAML_BLOCK_MAPPING_STYLE));
}

static void seq_start(struct ym *y)
{
	yaml_event_t ev;

	emit(y, &ev,
	     yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
						  YAML_BLOCK_SEQUENCE_STYLE));
}

static void map_end(struct ym *y)
{
	yaml_event_t ev;

	emit(y, &ev, yaml_mapping_end_event_initialize(&ev));
}

static void seq_end(struct ym *y)
{
	yaml_event_t ev;

	emit(y, &ev, yaml_sequence_end_event_initialize(&ev));
}

static size_t count(const struct opts *o, const char *flag)
{
	size_t i, n = 0;

	for (i = 0; i < o->n; i++)
		n += strcmp(o->o[i].flag, flag) == 0;
	return n;
}

static const char *first(const struct opts *o, const char *flag)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		if (strcmp(o->o[i].flag, flag) == 0)
			return o->o[i].val ? o->o[i].val : "";
	return NULL;
}

/* Every value of flag as a list under key. */
static void list(struct ym *y, const struct opts *o, const char *flag,
		 const char *key)
{
	size_t i;

	if (!count(o, flag))
		return;
	lit(y, key);
	seq_start(y);
	for (i = 0; i < o->n; i++)
		if (strcmp(o->o[i].flag, flag) == 0)
			str(y, o->o[i].val);
	seq_end(y);
}

/* Every k=v value of flag as a mapping under key. */
static void kvmap(struct ym *y, const struct opts *o, const char *flag,
		  const char *key)
{
	size_t i;

	if (!count(o, flag))
		return;
	lit(y, key);
	map_start(y);
	for (i = 0; i < o->n; i++) {
		const char *v = o->o[i].val, *eq;
		char *k;
		if (strcmp(o->o[i].flag, flag) != 0 || !v)
			continue;
		eq = strchr(v, '=');
		k = strndup(v, eq ? (size_t)(eq - v) : strlen(v));
		if (!k) {
			y->err = 1;
			return;
		}
		str(y, k);
		str(y, eq ? eq + 1 : "");
		free(k);
	}
	map_end(y);
}

/* A single value; raw (numbers, booleans) is emitted as is. */
static void one(struct ym *y, const struct opts *o, const char *flag,
		const char *key, int raw)
{
	const char *v = first(o, flag);

	if (!v)
		return;
	lit(y, key);
	if (!raw)
		str(y, v);
	else
		lit(y, *v ? v : "true");
}

static void health(struct ym *y, const struct opts *o)
{
	static const char *const durs[][2] = {
		{"--health-interval", "interval"},
		{"--health-timeout", "timeout"},
		{"--health-start-period", "start_period"},
	};
	const char *cmd = first(o, "--health-cmd");
	size_t i;

	if (!first(o, "--no-healthcheck") && !cmd &&
	    !first(o, "--health-interval") && !first(o, "--health-retries"))
		return;
	lit(y, "healthcheck");
	map_start(y);
	if (first(o, "--no-healthcheck")) {
		lit(y, "disable");
		lit(y, "true");
	}
	if (cmd) {
		lit(y, "test");
		seq_start(y);
		lit(y, "CMD-SHELL");
		str(y, cmd);
		seq_end(y);
	}
	for (i = 0; i < sizeof(durs) / sizeof(durs[0]); i++)
		one(y, o, durs[i][0], durs[i][1], 0);
	one(y, o, "--health-retries", "retries", 1);
	map_end(y);
}

static void logging(struct ym *y, const struct opts *o)
{
	if (!first(o, "--log-driver") && !first(o, "--log-opt"))
		return;
	lit(y, "logging");
	map_start(y);
	one(y, o, "--log-driver", "driver", 0);
	kvmap(y, o, "--log-opt", "options");
	map_end(y);
}

static void ulimits(struct ym *y, const struct opts *o)
{
	size_t i;

	if (!count(o, "--ulimit"))
		return;
	lit(y, "ulimits");
	map_start(y);
	for (i = 0; i < o->n; i++) {
		const char *v = o->o[i].val, *eq, *colon;
		char *name;
		if (strcmp(o->o[i].flag, "--ulimit") != 0 || !v ||
		    !(eq = strchr(v, '=')) || !(colon = strchr(eq, ':')))
			continue;
		name = strndup(v, (size_t)(eq - v));
		char *soft = strndup(eq + 1, (size_t)(colon - eq - 1));
		if (name && soft) {
			str(y, name);
			map_start(y);
			lit(y, "soft");
			lit(y, soft);
			lit(y, "hard");
			lit(y, colon + 1);
			map_end(y);
		} else {
			y->err = 1;
		}
		free(name);
		free(soft);
	}
	map_end(y);
}

static int is_mode(const char *net)
{
	return strcmp(net, "none") == 0 || strcmp(net, "host") == 0 ||
	       strcmp(net, "bridge") == 0 || strchr(net, ':') != NULL;
}

static void networks(struct ym *y, const struct opts *o)
{
	const char *net = first(o, "--network");

	if (!net)
		net = "bridge";
	if (is_mode(net)) {
		lit(y, "network_mode");
		str(y, net);
		return;
	}
	lit(y, "networks");
	map_start(y);
	str(y, net);
	map_start(y);
	list(y, o, "--network-alias", "aliases");
	one(y, o, "--ip", "ipv4_address", 0);
	map_end(y);
	map_end(y);
}

/* --mount type=T,target=D[,source=S][,readonly] in the long syntax. */
static void mount_long(struct ym *y, const char *v)
{
	char *copy = strdup(v), *save = NULL, *tok;

	if (!copy) {
		y->err = 1;
		return;
	}
	map_start(y);
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');
		if (strcmp(tok, "readonly") == 0) {
			lit(y, "read_only");
			lit(y, "true");
		} else if (eq) {
			*eq = '\0';
			str(y, tok);
			str(y, eq + 1);
		}
	}
	map_end(y);
	free(copy);
}

static void volumes(struct ym *y, const struct opts *o)
{
	size_t i;

	if (!count(o, "--volume") && !count(o, "--mount"))
		return;
	lit(y, "volumes");
	seq_start(y);
	for (i = 0; i < o->n; i++) {
		if (strcmp(o->o[i].flag, "--volume") == 0)
			str(y, o->o[i].val);
		else if (strcmp(o->o[i].flag, "--mount") == 0)
			mount_long(y, o->o[i].val);
	}
	seq_end(y);
}

static int is_switch(const char *flag)
{
	static const char *const sw[] = {"--detach",
					 "--rm",
					 "--tty",
					 "--interactive",
					 "--privileged",
					 "--read-only",
					 "--init",
					 "--oom-kill-disable",
					 "--no-healthcheck",
					 NULL};
	size_t i;

	for (i = 0; sw[i]; i++)
		if (strcmp(flag, sw[i]) == 0)
			return 1;
	return 0;
}

/* Splits the run arguments into options (up to the image); the strings
 * stay in a (or in split, for "--flag=value" forms). */
static int parse_opts(const struct export_argv *a, struct export_argv *split,
		      struct opts *o)
{
	size_t i;

	o->o = calloc(a->n + 1, sizeof(*o->o));
	if (!o->o)
		return -1;
	for (i = 1; i < a->n && strncmp(a->v[i], "--", 2) == 0; i++) {
		const char *eq = strchr(a->v[i], '=');
		struct opt *p = &o->o[o->n++];
		if (eq) {
			char *f = strndup(a->v[i], (size_t)(eq - a->v[i]));
			if (!f)
				return -1;
			export_argv_add(split, f);
			free(f);
			if (split->nomem)
				return -1;
			p->flag = split->v[split->n - 1];
			p->val = eq + 1;
		} else {
			p->flag = a->v[i];
			if (!is_switch(a->v[i]) && i + 1 < a->n)
				p->val = a->v[++i];
		}
	}
	return 0;
}

static void strv_list(struct ym *y, const char *key, const struct api_strv *v,
		      size_t from)
{
	size_t i;

	lit(y, key);
	seq_start(y);
	for (i = from; i < v->n; i++)
		str(y, v->v[i]);
	if (v->n <= from)
		str(y, "");
	seq_end(y);
}

static void exec_args(struct ym *y, const struct api_container_inspect *ci,
		      const struct api_image_inspect *img, const struct opts *o)
{
	static const struct api_strv none = {0};
	const struct api_strv *cmd = &ci->config.cmd;
	int ep = first(o, "--entrypoint") != NULL;

	if (ep)
		strv_list(y, "entrypoint", &ci->config.entrypoint, 0);
	if (cmd->n &&
	    (ep || !export_strv_eq(cmd, img ? &img->config.cmd : &none)))
		strv_list(y, "command", cmd, 0);
}

static void service(struct ym *y, const struct api_container_inspect *ci,
		    const struct api_image_inspect *img, const struct opts *o)
{
	static const char *const scalars[][3] = {
		{"--name", "container_name", ""},
		{"--hostname", "hostname", ""},
		{"--domainname", "domainname", ""},
		{"--user", "user", ""},
		{"--workdir", "working_dir", ""},
		{"--tty", "tty", "raw"},
		{"--interactive", "stdin_open", "raw"},
		{"--restart", "restart", ""},
		{"--privileged", "privileged", "raw"},
		{"--read-only", "read_only", "raw"},
		{"--pid", "pid", ""},
		{"--ipc", "ipc", ""},
		{"--userns", "userns_mode", ""},
		{"--init", "init", "raw"},
		{"--memory", "mem_limit", "raw"},
		{"--memory-swap", "memswap_limit", "raw"},
		{"--memory-reservation", "mem_reservation", "raw"},
		{"--cpus", "cpus", "raw"},
		{"--cpu-shares", "cpu_shares", "raw"},
		{"--cpu-quota", "cpu_quota", "raw"},
		{"--cpu-period", "cpu_period", "raw"},
		{"--cpuset-cpus", "cpuset", ""},
		{"--pids-limit", "pids_limit", "raw"},
		{"--oom-kill-disable", "oom_kill_disable", "raw"},
		{"--shm-size", "shm_size", "raw"},
		{"--runtime", "runtime", ""},
		{"--stop-signal", "stop_signal", ""},
	};
	static const char *const lists[][2] = {
		{"--env", "environment"},
		{"--expose", "expose"},
		{"--publish", "ports"},
		{"--tmpfs", "tmpfs"},
		{"--cap-add", "cap_add"},
		{"--cap-drop", "cap_drop"},
		{"--security-opt", "security_opt"},
		{"--group-add", "group_add"},
		{"--device", "devices"},
		{"--add-host", "extra_hosts"},
		{"--dns", "dns"},
	};
	const char *stop = first(o, "--stop-timeout");
	size_t i;

	lit(y, "image");
	str(y, ci->config.image ? ci->config.image : ci->image);
	for (i = 0; i < sizeof(scalars) / sizeof(scalars[0]); i++)
		one(y, o, scalars[i][0], scalars[i][1], *scalars[i][2]);
	if (stop) {
		char d[64];
		snprintf(d, sizeof(d), "%ss", stop);
		lit(y, "stop_grace_period");
		str(y, d);
	}
	exec_args(y, ci, img, o);
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		list(y, o, lists[i][0], lists[i][1]);
	kvmap(y, o, "--label", "labels");
	kvmap(y, o, "--sysctl", "sysctls");
	volumes(y, o);
	ulimits(y, o);
	health(y, o);
	logging(y, o);
	networks(y, o);
}

/* The named volume an option uses, or NULL (binds, anonymous). */
static char *volume_name(const struct opt *p)
{
	const char *v = p->val ? p->val : "", *end;

	if (strcmp(p->flag, "--volume") == 0) {
		end = strchr(v, ':');
		if (*v == '/' || !end)
			return NULL;
		return strndup(v, (size_t)(end - v));
	}
	if (strcmp(p->flag, "--mount") != 0 ||
	    strncmp(v, "type=volume,", 12) != 0)
		return NULL;
	v = strstr(v, ",source=");
	if (!v)
		return NULL;
	v += 8;
	end = strchr(v, ',');
	return strndup(v, end ? (size_t)(end - v) : strlen(v));
}

static void external(struct ym *y, const char *name)
{
	str(y, name);
	map_start(y);
	lit(y, "external");
	lit(y, "true");
	map_end(y);
}

static void top_level(struct ym *y, const struct opts *o)
{
	struct export_argv seen = {0};
	const char *net = first(o, "--network");
	size_t i;

	for (i = 0; i < o->n; i++) {
		char *name = volume_name(&o->o[i]);
		if (name &&
		    !export_strv_has(&(struct api_strv){seen.v, seen.n}, name))
			export_argv_add(&seen, name);
		free(name);
	}
	if (seen.nomem)
		y->err = 1;
	if (seen.n) {
		lit(y, "volumes");
		map_start(y);
		for (i = 0; i < seen.n; i++)
			external(y, seen.v[i]);
		map_end(y);
	}
	export_argv_free(&seen);
	if (net && !is_mode(net)) {
		lit(y, "networks");
		map_start(y);
		external(y, net);
		map_end(y);
	}
}

static void document(struct ym *y, const struct api_container_inspect *ci,
		     const struct api_image_inspect *img, const struct opts *o)
{
	yaml_event_t ev;

	emit(y, &ev,
	     yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(y, &ev,
	     yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	map_start(y);
	lit(y, "services");
	map_start(y);
	str(y, ci->name && *ci->name ? ci->name : "app");
	map_start(y);
	service(y, ci, img, o);
	map_end(y);
	map_end(y);
	top_level(y, o);
	map_end(y);
	emit(y, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(y, &ev, yaml_stream_end_event_initialize(&ev));
}

char *export_compose_file(const struct api_container_inspect *ci,
			  const struct api_image_inspect *img)
{
	struct export_argv a = {0}, split = {0};
	struct opts o = {0};
	struct ym y = {0};

	if (export_run_argv(ci, img, NULL, 0, &a) != 0 ||
	    parse_opts(&a, &split, &o) != 0 || !yaml_emitter_initialize(&y.e))
		goto fail;
	yaml_emitter_set_output(&y.e, on_write, &y);
	yaml_emitter_set_unicode(&y.e, 1);
	yaml_emitter_set_width(&y.e, -1);
	document(&y, ci, img, &o);
	yaml_emitter_delete(&y.e);
	if (y.err)
		goto fail;
	export_argv_free(&a);
	export_argv_free(&split);
	free(o.o);
	return y.out;
fail:
	export_argv_free(&a);
	export_argv_free(&split);
	free(o.o);
	free(y.out);
	return NULL;
}
