#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/export_util.h"

void export_argv_add(struct export_argv *a, const char *s)
{
	char *copy;

	if (a->nomem)
		return;
	if (a->n + 1 >= a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 32;
		char **v = realloc(a->v, cap * sizeof(*v));
		if (!v) {
			a->nomem = 1;
			return;
		}
		a->v = v;
		a->cap = cap;
	}
	copy = strdup(s ? s : "");
	if (!copy) {
		a->nomem = 1;
		return;
	}
	a->v[a->n++] = copy;
	a->v[a->n] = NULL;
}

void export_argv_addf(struct export_argv *a, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	int r;

	va_start(ap, fmt);
	r = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (r < 0) {
		a->nomem = 1;
		return;
	}
	export_argv_add(a, s);
	free(s);
}

void export_argv_free(struct export_argv *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

static int shell_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr("_@%+=:,./-", c));
}

/* Length of the valid UTF-8 sequence at s, or 0. */
size_t export_utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static int needs_ansi_c(const unsigned char *s)
{
	while (*s) {
		size_t n = export_utf8_len(s);
		if (n == 0 || *s < 0x20 || *s == 0x7f)
			return 1;
		s += n;
	}
	return 0;
}

static char *quote_ansi_c(const unsigned char *s)
{
	/* At most 4 bytes out per byte in, plus $'' and the NUL. */
	char *out = malloc(strlen((const char *)s) * 4 + 4);
	char *o = out;
	size_t n;

	if (!out)
		return NULL;
	*o++ = '$';
	*o++ = '\'';
	for (; *s; s += n) {
		n = export_utf8_len(s);
		if (n > 1) {
			memcpy(o, s, n);
			o += n;
		} else if (n == 1 && *s >= 0x20 && *s != 0x7f) {
			if (*s == '\'' || *s == '\\')
				*o++ = '\\';
			*o++ = (char)*s;
		} else {
			n = 1;
			o += snprintf(o, 5, "\\x%02x", *s);
		}
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

char *export_shell_quote(const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	const unsigned char *p;
	char *out, *o;

	for (p = s; *p && shell_safe(*p); p++)
		;
	if (!*p && p != s)
		return strdup((const char *)s);
	if (needs_ansi_c(s))
		return quote_ansi_c(s);
	out = malloc(strlen((const char *)s) * 4 + 3);
	if (!out)
		return NULL;
	o = out;
	*o++ = '\'';
	for (p = s; *p; p++) {
		if (*p == '\'') {
			memcpy(o, "'\\''", 4);
			o += 4;
		} else {
			*o++ = (char)*p;
		}
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

char *export_argv_join(const char *prog, const struct export_argv *a,
		       char *(*quote)(const char *))
{
	size_t len = strlen(prog) + 1, i;
	char **q = calloc(a->n + 1, sizeof(*q));
	char *out = NULL, *o;

	if (!q)
		return NULL;
	for (i = 0; i < a->n; i++) {
		q[i] = quote(a->v[i]);
		if (!q[i])
			goto done;
		len += strlen(q[i]) + 1;
	}
	out = malloc(len);
	if (!out)
		goto done;
	o = out;
	memcpy(o, prog, strlen(prog));
	o += strlen(prog);
	for (i = 0; i < a->n; i++) {
		*o++ = ' ';
		memcpy(o, q[i], strlen(q[i]));
		o += strlen(q[i]);
	}
	*o = '\0';
done:
	for (i = 0; i < a->n; i++)
		free(q[i]);
	free(q);
	return out;
}

int export_strv_eq(const struct api_strv *a, const struct api_strv *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return 0;
	return 1;
}

int export_strv_has(const struct api_strv *v, const char *s)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->v[i], s) == 0)
			return 1;
	return 0;
}

int export_env_from_image(const struct api_image_inspect *img, const char *kv)
{
	return img && export_strv_has(&img->config.env, kv);
}

int export_label_from_image(const struct api_image_inspect *img,
			    const char *key, const char *value)
{
	const char *v;

	if (!img)
		return 0;
	v = api_kv_get(&img->config.labels, key);
	return v && strcmp(v, api_str(value)) == 0;
}

int export_hostname_generated(const struct api_container_inspect *ci)
{
	const char *h = ci->config.hostname;

	if (!h || !*h)
		return 1;
	return ci->id && strlen(h) == 12 && strncmp(ci->id, h, 12) == 0;
}

static const struct api_strv *
image_health_test(const struct api_image_inspect *img)
{
	static const struct api_strv none = {0};

	return img && img->config.has_healthcheck
		       ? &img->config.healthcheck.test
		       : &none;
}

int export_health_differs(const struct api_container_inspect *ci,
			  const struct api_image_inspect *img)
{
	const struct api_healthcheck *h = &ci->config.healthcheck;
	const struct api_image_healthcheck *ih;

	if (!h->set)
		return 0;
	if (!img || !img->config.has_healthcheck)
		return 1;
	ih = &img->config.healthcheck;
	return !export_strv_eq(&h->test, image_health_test(img)) ||
	       h->interval != ih->interval || h->timeout != ih->timeout ||
	       h->retries != ih->retries || h->start_period != ih->start_period;
}

void export_duration(int64_t ns, char *buf, size_t len)
{
	if (ns % 1000000000 == 0)
		snprintf(buf, len, "%" PRId64 "s", ns / 1000000000);
	else if (ns % 1000000 == 0)
		snprintf(buf, len, "%" PRId64 "ms", ns / 1000000);
	else if (ns % 1000 == 0)
		snprintf(buf, len, "%" PRId64 "us", ns / 1000);
	else
		snprintf(buf, len, "%" PRId64 "ns", ns);
}

void export_cpus(int64_t nano, char *buf, size_t len)
{
	int64_t whole = nano / 1000000000, frac = nano % 1000000000;
	size_t n;

	if (nano < 0) {
		snprintf(buf, len, "0");
		return;
	}
	snprintf(buf, len, "%" PRId64 ".%09" PRId64, whole, frac);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[n - 1] = '\0';
}

void export_port(const char *port, const struct api_host_port *b, char *buf,
		 size_t len)
{
	const char *ip = b ? api_str(b->host_ip) : "";
	const char *hp = b ? api_str(b->host_port) : "";
	char p[64];
	size_t n;

	snprintf(p, sizeof(p), "%s", api_str(port));
	n = strlen(p);
	if (n > 4 && strcmp(p + n - 4, "/tcp") == 0)
		p[n - 4] = '\0';
	if (*ip && strchr(ip, ':'))
		snprintf(buf, len, "[%s]:%s:%s", ip, hp, p);
	else if (*ip)
		snprintf(buf, len, "%s:%s:%s", ip, hp, p);
	else if (*hp)
		snprintf(buf, len, "%s:%s", hp, p);
	else
		snprintf(buf, len, "%s", p);
}

int export_alias_wanted(const struct api_container_inspect *ci,
			const char *alias)
{
	size_t n = strlen(alias);

	if (!*alias)
		return 0;
	if (ci->id && n >= 12 && strncmp(ci->id, alias, n) == 0)
		return 0;
	/* The engine adds the name and the hostname itself. */
	if (ci->config.hostname && strcmp(ci->config.hostname, alias) == 0)
		return 0;
	return !ci->name || strcmp(ci->name, alias) != 0;
}

const char *export_network_mode(const struct api_container_inspect *ci)
{
	const char *m = api_str(ci->host_config.network_mode);

	if (!*m || strcmp(m, "default") == 0 || strcmp(m, "bridge") == 0)
		return NULL;
	return m;
}

int export_ipc_wanted(const char *mode)
{
	const char *m = api_str(mode);

	return *m && strcmp(m, "private") != 0 && strcmp(m, "shareable") != 0;
}

int export_shm_wanted(int64_t shm)
{
	return shm > 0 && shm != 64 * 1024 * 1024;
}

int export_log_wanted(const char *type)
{
	const char *t = api_str(type);

	return *t && strcmp(t, "json-file") != 0;
}
