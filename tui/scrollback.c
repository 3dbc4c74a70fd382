#include "tui/scrollback.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SB_DEFAULT_LINES 100000u
#define SB_DEFAULT_BYTES (16u * 1024u * 1024u)
#define SB_LINE_OVERHEAD (sizeof(struct sb_line) + 2)

int sb_init(struct scrollback *sb, size_t max_lines, size_t max_bytes)
{
	memset(sb, 0, sizeof(*sb));
	sb->max_lines = max_lines ? max_lines : SB_DEFAULT_LINES;
	sb->max_bytes = max_bytes ? max_bytes : SB_DEFAULT_BYTES;
	/* a line must fit, whatever the caps say */
	if (sb->max_bytes < 4 * SB_LINE_OVERHEAD)
		sb->max_bytes = 4 * SB_LINE_OVERHEAD;
	return 0;
}

static struct sb_line **slot(const struct scrollback *sb, size_t i)
{
	return &sb->ring[(sb->head + i) % sb->cap];
}

static size_t line_cost(const struct sb_line *l)
{
	return SB_LINE_OVERHEAD + l->ts_len + l->len;
}

static void drop_oldest(struct scrollback *sb)
{
	struct sb_line **s = slot(sb, 0);

	sb->bytes -= line_cost(*s);
	free(*s);
	*s = NULL;
	sb->head = (sb->head + 1) % sb->cap;
	sb->count--;
	sb->first++;
	sb->dropped++;
}

void sb_clear(struct scrollback *sb)
{
	while (sb->count)
		drop_oldest(sb);
	sb->dropped = 0;
}

void sb_free(struct scrollback *sb)
{
	if (sb->ring)
		sb_clear(sb);
	free(sb->ring);
	sb->ring = NULL;
	sb->cap = 0;
	sb->head = 0;
}

/* Doubles the slots (unrolling the ring) until max_lines. */
static int grow(struct scrollback *sb)
{
	size_t ncap = sb->cap ? sb->cap * 2 : 256, i;
	struct sb_line **n;

	if (ncap > sb->max_lines)
		ncap = sb->max_lines;
	n = calloc(ncap, sizeof(*n));
	if (!n)
		return -1;
	for (i = 0; i < sb->count; i++)
		n[i] = *slot(sb, i);
	free(sb->ring);
	sb->ring = n;
	sb->cap = ncap;
	sb->head = 0;
	return 0;
}

static struct sb_line *line_new(const struct scrollback *sb,
				const struct sb_entry *e)
{
	size_t ts_len = e->ts ? e->ts_len : 0, len = e->text ? e->len : 0;
	size_t room = sb->max_bytes / 4;
	unsigned flags = e->flags;
	struct sb_line *l;

	if (ts_len > 64)
		ts_len = 64;
	/* one line may take at most a quarter of the byte cap */
	if (SB_LINE_OVERHEAD + ts_len + len > room) {
		len = room - SB_LINE_OVERHEAD - ts_len;
		flags |= SB_TRUNCATED;
	}
	if (len > UINT32_MAX)
		len = UINT32_MAX;
	l = malloc(SB_LINE_OVERHEAD + ts_len + len);
	if (!l)
		return NULL;
	memset(l, 0, sizeof(*l));
	l->tsn = e->tsn;
	l->len = (uint32_t)len;
	l->ts_len = (uint16_t)ts_len;
	l->stream = (uint8_t)e->stream;
	l->flags = (uint8_t)flags;
	l->src = (uint16_t)e->src;
	if (ts_len)
		memcpy(l->data, e->ts, ts_len);
	l->data[ts_len] = '\0';
	if (len)
		memcpy(l->data + ts_len + 1, e->text, len);
	l->data[ts_len + 1 + len] = '\0';
	return l;
}

int sb_push(struct scrollback *sb, const struct sb_entry *e)
{
	struct sb_line *l = line_new(sb, e);
	size_t i, cost;

	if (!l)
		return -1;
	cost = line_cost(l);
	while (sb->count &&
	       (sb->count >= sb->max_lines || sb->bytes + cost > sb->max_bytes))
		drop_oldest(sb);
	if (sb->count == sb->cap && grow(sb) != 0) {
		free(l);
		return -1;
	}
	/* place it after the last line that is not newer */
	i = sb->count;
	if (l->tsn) {
		size_t stop = i > SB_SORT_WINDOW ? i - SB_SORT_WINDOW : 0;
		while (i > stop && (*slot(sb, i - 1))->tsn > l->tsn) {
			*slot(sb, i) = *slot(sb, i - 1);
			i--;
		}
	}
	*slot(sb, i) = l;
	sb->count++;
	sb->bytes += cost;
	return 0;
}

struct sb_line *sb_get(const struct scrollback *sb, uint64_t seq)
{
	if (seq < sb->first || seq - sb->first >= sb->count)
		return NULL;
	return *slot(sb, (size_t)(seq - sb->first));
}

/* Generations are unique across patterns, so a line's cached verdict
 * for one pattern is never taken for another's. */
static uint32_t sb_generation;

void sb_pattern_free(struct sb_pattern *p)
{
	if (p->active && p->regex)
		regfree(&p->re);
	free(p->text);
	memset(p, 0, sizeof(*p));
	if (++sb_generation == 0)
		sb_generation = 1;
	p->gen = sb_generation;
}

void sb_pattern_set_pred(struct sb_pattern *p,
			 int (*pred)(void *ud, const char *text, size_t len),
			 void *ud)
{
	sb_pattern_free(p);
	p->pred = pred;
	p->pred_ud = ud;
	p->active = pred != NULL;
}

int sb_pattern_set(struct sb_pattern *p, const char *text, int regex, char *err,
		   size_t errlen)
{
	const char *c;
	int rc;

	sb_pattern_free(p);
	if (!text || !*text)
		return 0;
	p->icase = 1;
	for (c = text; *c; c++)
		if (isupper((unsigned char)*c))
			p->icase = 0;
	if (regex) {
		rc = regcomp(&p->re, text,
			     REG_EXTENDED | (p->icase ? REG_ICASE : 0));
		if (rc != 0) {
			if (err && errlen)
				regerror(rc, &p->re, err, errlen);
			return -1;
		}
	}
	p->tlen = strlen(text);
	p->text = malloc(p->tlen + 1);
	if (!p->text) {
		if (regex)
			regfree(&p->re);
		if (err && errlen)
			snprintf(err, errlen, "out of memory");
		return -1;
	}
	memcpy(p->text, text, p->tlen + 1);
	p->regex = regex;
	p->active = 1;
	return 0;
}

static int sub_at(const struct sb_pattern *p, const char *s)
{
	size_t i;

	for (i = 0; i < p->tlen; i++) {
		unsigned char a = (unsigned char)s[i];
		unsigned char b = (unsigned char)p->text[i];
		if (a != b && !(p->icase && tolower(a) == tolower(b)))
			return 0;
	}
	return 1;
}

int sb_pattern_find(const struct sb_pattern *p, const char *text, size_t len,
		    size_t from, size_t *so, size_t *eo)
{
	regmatch_t m;
	size_t i;

	if (!p->active || p->pred || from > len)
		return 0;
	if (!p->regex) {
		for (i = from; i + p->tlen <= len; i++) {
			if (sub_at(p, text + i)) {
				*so = i;
				*eo = i + p->tlen;
				return 1;
			}
		}
		return 0;
	}
	if (regexec(&p->re, text + from, 1, &m, from ? REG_NOTBOL : 0) != 0 ||
	    m.rm_so < 0)
		return 0;
	*so = from + (size_t)m.rm_so;
	*eo = from + (size_t)m.rm_eo;
	return *eo <= len;
}

int sb_line_matches(const struct sb_pattern *p, struct sb_line *l)
{
	size_t so, eo;

	if (p && p->hidden_src && l->src < 64 && (p->hidden_src >> l->src & 1))
		return 0;
	if (p && p->fold && !p->active &&
	    (l->flags & (SB_CONT | SB_OPEN)) == SB_CONT)
		return 0;
	if (!p || !p->active)
		return 1;
	if (l->mgen != p->gen) {
		l->mres =
			p->pred ? (uint8_t)(p->pred(p->pred_ud, sb_line_text(l),
						    l->len) != 0)
				: (uint8_t)sb_pattern_find(p, sb_line_text(l),
							   l->len, 0, &so, &eo);
		l->mgen = p->gen;
	}
	return l->mres;
}

uint64_t sb_next(const struct scrollback *sb, const struct sb_pattern *p,
		 uint64_t seq, int dir)
{
	uint64_t b = sb_begin(sb), e = sb_end(sb);

	if (b == e)
		return SB_NONE;
	if (dir > 0) {
		seq = seq == SB_NONE || seq < b ? b : seq + 1;
		for (; seq < e; seq++)
			if (sb_line_matches(p, sb_get(sb, seq)))
				return seq;
		return SB_NONE;
	}
	if (seq == SB_NONE || seq > e)
		seq = e;
	while (seq > b) {
		seq--;
		if (sb_line_matches(p, sb_get(sb, seq)))
			return seq;
	}
	return SB_NONE;
}

size_t sb_search(const struct scrollback *sb, const struct sb_pattern *p,
		 uint64_t *out, size_t max)
{
	uint64_t s;
	size_t n = 0;

	for (s = sb_begin(sb); s < sb_end(sb); s++) {
		if (!sb_line_matches(p, sb_get(sb, s)))
			continue;
		if (n < max && out)
			out[n] = s;
		n++;
	}
	return n;
}

static int num(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* A flood's lines share their second: timegm once per second, not once
 * per line (it was a fifth of the time a line cost). */
static int64_t whole_seconds(const char *s, int y, int mo, int d, int h, int mi,
			     int sec)
{
	static _Thread_local char last[19];
	static _Thread_local int64_t last_t;
	struct tm tm;

	if (last_t && memcmp(last, s, sizeof(last)) == 0)
		return last_t;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	last_t = (int64_t)timegm(&tm);
	memcpy(last, s, sizeof(last));
	return last_t;
}

int64_t sb_parse_time(const char *s, size_t len)
{
	int y, mo, d, h, mi, sec, oh = 0, om = 0, digits = 0;
	int64_t ns = 0, t;
	size_t i = 19;

	if (!s || len < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || num(s, 4, &y) ||
	    num(s + 5, 2, &mo) || num(s + 8, 2, &d) || num(s + 11, 2, &h) ||
	    num(s + 14, 2, &mi) || num(s + 17, 2, &sec))
		return 0;
	if (s[i] == '.')
		for (i++; i < len && isdigit((unsigned char)s[i]); i++)
			if (digits++ < 9)
				ns = ns * 10 + (s[i] - '0');
	for (; digits < 9; digits++)
		ns *= 10;
	if (i < len && (s[i] == '+' || s[i] == '-') && i + 6 <= len &&
	    s[i + 3] == ':' && !num(s + i + 1, 2, &oh) &&
	    !num(s + i + 4, 2, &om)) {
		if (s[i] == '-') {
			oh = -oh;
			om = -om;
		}
	} else if (i >= len || s[i] != 'Z') {
		return 0;
	}
	t = whole_seconds(s, y, mo, d, h, mi, sec) - (int64_t)oh * 3600 -
	    (int64_t)om * 60;
	if (t <= 0 || t > INT64_MAX / 1000000000 - 1)
		return 0;
	return t * 1000000000 + ns;
}
