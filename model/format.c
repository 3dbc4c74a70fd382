#include "model/format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MINUTE 60
#define HOUR 3600
#define DAY 86400

void fmt_duration(int64_t secs, char *buf, size_t n)
{
	int64_t d, h, m, s;

	if (!n)
		return;
	if (secs < 0)
		secs = 0;
	d = secs / DAY;
	h = secs % DAY / HOUR;
	m = secs % HOUR / MINUTE;
	s = secs % MINUTE;
	if (d > 0)
		snprintf(buf, n, "%lldd %lldh", (long long)d, (long long)h);
	else if (h > 0)
		snprintf(buf, n, "%lldh %lldm", (long long)h, (long long)m);
	else if (m > 0)
		snprintf(buf, n, "%lldm %llds", (long long)m, (long long)s);
	else
		snprintf(buf, n, "%llds", (long long)s);
}

void fmt_human_duration(int64_t secs, char *buf, size_t n)
{
	/* go-units rounds hours to the nearest, minutes and seconds down */
	long long s = secs < 0 ? 0 : (long long)secs;
	long long m = s / MINUTE, h = (s + HOUR / 2) / HOUR;

	if (!n)
		return;
	if (s < 1)
		snprintf(buf, n, "Less than a second");
	else if (s == 1)
		snprintf(buf, n, "1 second");
	else if (s < 60)
		snprintf(buf, n, "%lld seconds", s);
	else if (m == 1)
		snprintf(buf, n, "About a minute");
	else if (m < 60)
		snprintf(buf, n, "%lld minutes", m);
	else if (h == 1)
		snprintf(buf, n, "About an hour");
	else if (h < 48)
		snprintf(buf, n, "%lld hours", h);
	else if (h < 24 * 7 * 2)
		snprintf(buf, n, "%lld days", h / 24);
	else if (h < 24 * 30 * 2)
		snprintf(buf, n, "%lld weeks", h / 24 / 7);
	else if (h < 24 * 365 * 2)
		snprintf(buf, n, "%lld months", h / 24 / 30);
	else
		snprintf(buf, n, "%lld years", s / HOUR / 24 / 365);
}

void fmt_ago(int64_t then, int64_t now, char *buf, size_t n)
{
	char d[64];

	if (!n)
		return;
	if (then <= 0) {
		snprintf(buf, n, "-");
		return;
	}
	fmt_human_duration(now > then ? now - then : 0, d, sizeof(d));
	snprintf(buf, n, "%s ago", d);
}

struct unit {
	const char *word; /* singular; a trailing 's' is accepted */
	int64_t secs;
};

static const struct unit units[] = {
	{"second", 1},	     {"minute", MINUTE}, {"hour", HOUR},
	{"day", DAY},	     {"week", 7 * DAY},	 {"month", 30 * DAY},
	{"year", 365 * DAY},
};

static int64_t unit_secs(const char *w, size_t len)
{
	size_t i, ul;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		ul = strlen(units[i].word);
		if ((len == ul || (len == ul + 1 && w[ul] == 's')) &&
		    strncmp(w, units[i].word, ul) == 0)
			return units[i].secs;
	}
	return -1;
}

int64_t fmt_parse_human_duration(const char *s, int64_t *granularity)
{
	int64_t g = 1, u;
	long long count;
	char *end;

	if (granularity)
		*granularity = 1;
	if (!s)
		return -1;
	if (strncmp(s, "Less than a second", 18) == 0)
		return 0;
	if (strncmp(s, "About a minute", 14) == 0) {
		if (granularity)
			*granularity = MINUTE;
		return MINUTE;
	}
	if (strncmp(s, "About an hour", 13) == 0) {
		if (granularity)
			*granularity = HOUR;
		return HOUR;
	}
	if (*s < '0' || *s > '9')
		return -1;
	count = strtoll(s, &end, 10);
	if (*end != ' ' || count < 0 || count > 1000000)
		return -1;
	s = end + 1;
	u = unit_secs(s, strcspn(s, " ()"));
	if (u < 0)
		return -1;
	g = u;
	if (granularity)
		*granularity = g;
	return (int64_t)count * u;
}

int64_t fmt_status_up(const char *status, int64_t *granularity)
{
	if (granularity)
		*granularity = 1;
	if (!status || strncmp(status, "Up ", 3) != 0)
		return -1;
	return fmt_parse_human_duration(status + 3, granularity);
}

int64_t fmt_status_ago(const char *status)
{
	const char *p, *ago;

	if (!status)
		return -1;
	ago = strstr(status, " ago");
	if (!ago)
		return -1;
	/* The duration follows ") " after an exit code, else the verb. */
	p = strrchr(status, ')');
	if (p && p < ago)
		p += 2;
	else if ((p = strchr(status, ' ')) != NULL)
		p++;
	if (!p || p >= ago)
		return -1;
	return fmt_parse_human_duration(p, NULL);
}

const char *fmt_status_health(const char *status)
{
	if (!status)
		return "";
	if (strstr(status, "(unhealthy)"))
		return "unhealthy";
	if (strstr(status, "(healthy)"))
		return "healthy";
	if (strstr(status, "(health: starting)"))
		return "starting";
	return "";
}

static void size_units(double v, double base, const char *const *names,
		       size_t nnames, int prec, char *buf, size_t n)
{
	size_t i = 0;

	if (!n)
		return;
	if (isnan(v) || v < 0)
		v = 0;
	if (isinf(v))
		v = 1e300;
	while (v >= base && i + 1 < nnames) {
		v /= base;
		i++;
	}
	/* "1e+03kB" helps nobody: a value rounding up to the base moves on
	 * to the next unit, where it reads "1MB". */
	if (i + 1 < nnames && v >= base - base * pow(10, -prec) / 2) {
		v /= base;
		i++;
	}
	snprintf(buf, n, "%.*g%s", prec, v, names[i]);
}

static const char *const dec_units[] = {"B",  "kB", "MB", "GB", "TB",
					"PB", "EB", "ZB", "YB"};

void fmt_size(double bytes, char *buf, size_t n)
{
	size_units(bytes, 1000.0, dec_units,
		   sizeof(dec_units) / sizeof(dec_units[0]), 3, buf, n);
}

void fmt_size_df(double bytes, char *buf, size_t n)
{
	size_units(bytes, 1000.0, dec_units,
		   sizeof(dec_units) / sizeof(dec_units[0]), 4, buf, n);
}

void fmt_size_binary(double bytes, char *buf, size_t n)
{
	static const char *const bin[] = {"B",	 "KiB", "MiB", "GiB", "TiB",
					  "PiB", "EiB", "ZiB", "YiB"};

	size_units(bytes, 1024.0, bin, sizeof(bin) / sizeof(bin[0]), 4, buf, n);
}

void fmt_mem_usage(uint64_t usage, uint64_t limit, char *buf, size_t n)
{
	char u[32], l[32];

	fmt_size_binary((double)usage, u, sizeof(u));
	fmt_size_binary((double)limit, l, sizeof(l));
	snprintf(buf, n, "%s / %s", u, l);
}

void fmt_percent(double pct, char *buf, size_t n)
{
	if (!n)
		return;
	if (isnan(pct) || isinf(pct) || pct < 0)
		snprintf(buf, n, "--");
	else if (pct >= 1e7)
		snprintf(buf, n, ">9999999%%");
	else
		snprintf(buf, n, "%.2f%%", pct);
}

void fmt_port(const struct api_port *p, char *buf, size_t n)
{
	const char *type = p->type && *p->type ? p->type : "tcp";
	const char *ip = p->ip ? p->ip : "";

	if (!n)
		return;
	if (!p->public_port)
		snprintf(buf, n, "%u/%s", p->private_port, type);
	else if (strchr(ip, ':'))
		snprintf(buf, n, "[%s]:%u->%u/%s", ip, p->public_port,
			 p->private_port, type);
	else
		snprintf(buf, n, "%s%s%u->%u/%s", ip, *ip ? ":" : "",
			 p->public_port, p->private_port, type);
}

static int port_cmp(const void *pa, const void *pb)
{
	const struct api_port *a = *(const struct api_port *const *)pa;
	const struct api_port *b = *(const struct api_port *const *)pb;
	int c;

	if (a->private_port != b->private_port)
		return a->private_port < b->private_port ? -1 : 1;
	c = strcmp(a->type ? a->type : "", b->type ? b->type : "");
	if (c)
		return c;
	if (a->public_port != b->public_port)
		return a->public_port < b->public_port ? -1 : 1;
	return strcmp(a->ip ? a->ip : "", b->ip ? b->ip : "");
}

/* An IPv6 binding whose IPv4 twin is also there says nothing new. */
static int is_v6_twin(const struct api_port *const *v, size_t n, size_t i)
{
	size_t k;

	if (!v[i]->public_port || !v[i]->ip || !strchr(v[i]->ip, ':'))
		return 0;
	for (k = 0; k < n; k++)
		if (k != i && v[k]->public_port == v[i]->public_port &&
		    v[k]->private_port == v[i]->private_port && v[k]->ip &&
		    !strchr(v[k]->ip, ':') &&
		    strcmp(v[k]->type ? v[k]->type : "",
			   v[i]->type ? v[i]->type : "") == 0)
			return 1;
	return 0;
}

size_t fmt_ports(const struct api_port *ports, size_t np, char *buf, size_t n)
{
	const struct api_port *stackv[64], **v = stackv;
	size_t i, len = 0, done = 0;
	char one[160];

	if (!n)
		return 0;
	buf[0] = '\0';
	if (np > 64)
		np = 64; /* a column shows a handful anyway */
	for (i = 0; i < np; i++)
		v[i] = &ports[i];
	qsort(v, np, sizeof(*v), port_cmp);
	for (i = 0; i < np; i++) {
		int w;
		if (is_v6_twin(v, np, i) ||
		    (i > 0 && port_cmp(&v[i - 1], &v[i]) == 0))
			continue;
		fmt_port(v[i], one, sizeof(one));
		w = snprintf(buf + len, n - len, "%s%s", done ? ", " : "", one);
		if (w < 0 || (size_t)w >= n - len) {
			buf[len] = '\0';
			break;
		}
		len += (size_t)w;
		done++;
	}
	return done;
}

int fmt_sparkline(const float *ring, unsigned cap, unsigned n, unsigned head,
		  double max, int width, int utf8, char *buf, size_t len)
{
	static const char *const blocks[] = {
		"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
		"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"};
	static const char ascii[] = "_.:-=+*#";
	unsigned shown, i, start;
	size_t at = 0, cl = utf8 ? 3 : 1;
	int col;

	if (!len)
		return 0;
	buf[0] = '\0';
	if (width <= 0 || !ring || cap == 0)
		return 0;
	if (n > cap)
		n = cap;
	if (head >= cap)
		head %= cap;
	shown = n < (unsigned)width ? n : (unsigned)width;
	start = (head + cap - shown) % cap;
	if (max <= 0 || isnan(max)) {
		max = 0;
		for (i = 0; i < shown; i++) {
			float v = ring[(start + i) % cap];
			if (!isnan(v) && v > max)
				max = v;
		}
	}
	for (col = 0; col < width && at + cl < len; col++) {
		float v;
		int lv = 0;
		if ((unsigned)(width - col) > shown) {
			buf[at++] = ' ';
			continue;
		}
		v = ring[(start + shown - (unsigned)(width - col)) % cap];
		if (!isnan(v) && v > 0 && max > 0)
			lv = v >= max ? 7 : (int)(v / max * 7.0 + 0.5);
		if (lv > 7)
			lv = 7;
		if (utf8)
			memcpy(buf + at, blocks[lv], 3);
		else
			buf[at] = ascii[lv];
		at += cl;
	}
	buf[at] = '\0';
	return col;
}
