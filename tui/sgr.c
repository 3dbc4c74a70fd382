#include "tui/sgr.h"

#define MAX_PARAMS 32
#define MAX_SUBS 6
#define NUM_CAP 99999L /* keeps any digit string from overflowing */

const struct sgr_style sgr_plain = {SGR_DEFAULT, SGR_DEFAULT, 0, 0};

int sgr_same(const struct sgr_style *a, const struct sgr_style *b)
{
	return a->fg == b->fg && a->bg == b->bg && a->bold == b->bold &&
	       a->underline == b->underline;
}

/* One parameter and its colon sub-parameters ("38:5:208"); -1: empty. */
struct param {
	long v[MAX_SUBS];
	int n;
};

static int split(const char *s, size_t n, struct param *out, int max)
{
	int np = 0;
	size_t i;

	out[0].n = 1;
	out[0].v[0] = -1;
	for (i = 0; i < n; i++) {
		char c = s[i];
		struct param *p = &out[np < max ? np : max - 1];
		long *v = &p->v[p->n - 1];

		if (c >= '0' && c <= '9') {
			*v = (*v < 0 ? 0 : *v) * 10 + (c - '0');
			if (*v > NUM_CAP)
				*v = NUM_CAP;
		} else if (c == ':') {
			if (p->n < MAX_SUBS)
				p->v[p->n++] = -1;
		} else if (c == ';') {
			if (np + 1 < max) {
				np++;
				out[np].n = 1;
				out[np].v[0] = -1;
			}
		} else {
			return -1;
		}
	}
	return np + 1;
}

static int cube_level(long c)
{
	if (c < 48)
		return 0;
	if (c < 115)
		return 1;
	return (int)((c - 35) / 40);
}

static int16_t from_rgb(long r, long g, long b)
{
	r = r < 0 ? 0 : r > 255 ? 255 : r;
	g = g < 0 ? 0 : g > 255 ? 255 : g;
	b = b < 0 ? 0 : b > 255 ? 255 : b;
	return (int16_t)(16 + 36 * cube_level(r) + 6 * cube_level(g) +
			 cube_level(b));
}

/* "38;5;N" / "38;2;R;G;B" (or the colon forms) from param i on: sets
 * *col, returns how many parameters it took. */
static int extended(const struct param *p, int np, int i, int16_t *col)
{
	const struct param *q = &p[i];

	if (q->n > 1) {
		/* 38:5:N, 38:2:R:G:B or 38:2:CS:R:G:B */
		if (q->v[1] == 5 && q->n >= 3 && q->v[2] >= 0 && q->v[2] <= 255)
			*col = (int16_t)q->v[2];
		else if (q->v[1] == 2 && q->n >= 6)
			*col = from_rgb(q->v[3], q->v[4], q->v[5]);
		else if (q->v[1] == 2 && q->n == 5)
			*col = from_rgb(q->v[2], q->v[3], q->v[4]);
		return 1;
	}
	if (i + 2 < np && p[i + 1].v[0] == 5) {
		if (p[i + 2].v[0] >= 0 && p[i + 2].v[0] <= 255)
			*col = (int16_t)p[i + 2].v[0];
		return 3;
	}
	if (i + 1 < np && p[i + 1].v[0] == 5)
		return 2;
	if (i + 4 < np && p[i + 1].v[0] == 2) {
		*col = from_rgb(p[i + 2].v[0], p[i + 3].v[0], p[i + 4].v[0]);
		return 5;
	}
	/* cut short: the rest is not colours */
	return np - i;
}

static void basic(struct sgr_style *s, long v, const struct param *q)
{
	if (v == 0) {
		*s = sgr_plain;
	} else if (v == 1) {
		s->bold = 1;
	} else if (v == 22) {
		s->bold = 0;
	} else if (v == 4) {
		/* 4:0 is "no underline"; 4:1..4:5 are kinds of it */
		s->underline = !(q->n > 1 && q->v[1] == 0);
	} else if (v == 24) {
		s->underline = 0;
	} else if (v >= 30 && v <= 37) {
		s->fg = (int16_t)(v - 30);
	} else if (v == 39) {
		s->fg = SGR_DEFAULT;
	} else if (v >= 40 && v <= 47) {
		s->bg = (int16_t)(v - 40);
	} else if (v == 49) {
		s->bg = SGR_DEFAULT;
	} else if (v >= 90 && v <= 97) {
		s->fg = (int16_t)(v - 90 + 8);
	} else if (v >= 100 && v <= 107) {
		s->bg = (int16_t)(v - 100 + 8);
	}
	/* anything else (italic, blink, reverse, conceal ...) is ignored:
	 * conceal in particular would hide text from the reader */
}

int sgr_apply(struct sgr_style *s, const char *params, size_t n)
{
	struct param p[MAX_PARAMS];
	struct sgr_style t = *s;
	int np, i = 0;

	np = split(params, n, p, MAX_PARAMS);
	if (np < 0)
		return -1;
	while (i < np) {
		long v = p[i].v[0] < 0 ? 0 : p[i].v[0];

		if (v == 38 || v == 48) {
			i += extended(p, np, i, v == 38 ? &t.fg : &t.bg);
			continue;
		}
		basic(&t, v, &p[i]);
		i++;
	}
	*s = t;
	return 0;
}
