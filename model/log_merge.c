#include "model/log_merge.h"

#include <stdlib.h>
#include <string.h>

struct mline {
	struct mline *next;
	int64_t tsn, arrived_ms;
	int stream, truncated, partial;
	size_t ts_len, len;
	char data[]; /* ts, then text */
};

struct msrc {
	struct mline *head, *tail;
	int ended;
};

struct log_merge {
	unsigned n;
	size_t bytes, max_bytes, lines;
	log_merge_fn fn;
	void *ud;
	struct msrc src[];
};

struct log_merge *log_merge_new(unsigned nsrc, size_t max_bytes,
				log_merge_fn fn, void *ud)
{
	struct log_merge *m =
		calloc(1, sizeof(*m) + (size_t)nsrc * sizeof(struct msrc));

	if (!m)
		return NULL;
	m->n = nsrc;
	m->max_bytes = max_bytes ? max_bytes : 32u * 1024u * 1024u;
	m->fn = fn;
	m->ud = ud;
	return m;
}

int log_merge_push(struct log_merge *m, unsigned src, const struct logline *l,
		   int64_t now_ms)
{
	struct mline *x;
	struct msrc *s;

	if (src >= m->n)
		return -1;
	x = malloc(sizeof(*x) + l->ts_len + l->len + 1);
	if (!x)
		return -1;
	x->next = NULL;
	x->tsn = logline_tsn(l->ts, l->ts_len);
	x->arrived_ms = now_ms;
	x->stream = l->stream;
	x->truncated = l->truncated;
	x->partial = l->partial;
	x->ts_len = l->ts_len;
	x->len = l->len;
	if (l->ts_len)
		memcpy(x->data, l->ts, l->ts_len);
	if (l->len)
		memcpy(x->data + l->ts_len, l->text, l->len);
	x->data[l->ts_len + l->len] = '\0';
	s = &m->src[src];
	if (s->tail)
		s->tail->next = x;
	else
		s->head = x;
	s->tail = x;
	m->bytes += sizeof(*x) + l->ts_len + l->len;
	m->lines++;
	return 0;
}

void log_merge_end(struct log_merge *m, unsigned src)
{
	if (src < m->n)
		m->src[src].ended = 1;
}

/* The source whose first line is the oldest (-1: none waiting), and
 * whether an open source has nothing waiting. */
static int oldest(const struct log_merge *m, int *gap)
{
	int best = -1;
	unsigned i;

	*gap = 0;
	for (i = 0; i < m->n; i++) {
		const struct mline *h = m->src[i].head;

		if (!h) {
			*gap |= !m->src[i].ended;
			continue;
		}
		if (best < 0 || h->tsn < m->src[best].head->tsn)
			best = (int)i;
	}
	return best;
}

static int emit(struct log_merge *m, unsigned i)
{
	struct msrc *s = &m->src[i];
	struct mline *x = s->head;
	struct logline l;
	int rc;

	s->head = x->next;
	if (!s->head)
		s->tail = NULL;
	m->bytes -= sizeof(*x) + x->ts_len + x->len;
	m->lines--;
	memset(&l, 0, sizeof(l));
	l.stream = x->stream;
	l.ts = x->ts_len ? x->data : NULL;
	l.ts_len = x->ts_len;
	l.text = x->data + x->ts_len;
	l.len = x->len;
	l.truncated = x->truncated;
	l.partial = x->partial;
	rc = m->fn(i, &l, m->ud);
	free(x);
	return rc;
}

int log_merge_drain(struct log_merge *m, int64_t now_ms, int64_t hold_ms)
{
	int i, gap;

	while ((i = oldest(m, &gap)) >= 0) {
		if (gap && m->bytes <= m->max_bytes &&
		    (hold_ms < 0 ||
		     now_ms - m->src[i].head->arrived_ms < hold_ms))
			break;
		if (emit(m, (unsigned)i) != 0)
			return 1;
	}
	return 0;
}

size_t log_merge_pending(const struct log_merge *m)
{
	return m->lines;
}

void log_merge_free(struct log_merge *m)
{
	struct mline *x, *next;
	unsigned i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++)
		for (x = m->src[i].head; x; x = next) {
			next = x->next;
			free(x);
		}
	free(m);
}
