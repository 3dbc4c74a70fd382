#include "model/log_multi.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/container_inspect.h"
#include "api/logs.h"
#include "model/log_merge.h"

struct msrc {
	struct log_multi *m;
	unsigned idx;
	char *id, *name;
	int tty;
	struct loglines ll;
	struct api_logs_stream *stream;
	int open;
};

struct log_multi {
	struct msrc src[LOG_MULTI_MAX];
	unsigned n, open;
	struct log_merge *merge;
	log_multi_fn fn;
	void *ud;
	api_code failed;
	struct api_error err;
	int stopped;
};

static int64_t now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int on_line(const struct logline *l, void *ud)
{
	struct msrc *s = ud;

	if (log_merge_push(s->m->merge, s->idx, l, now_ms()) != 0) {
		api_error_set(&s->m->err, API_E_NOMEM, 0, "out of memory");
		s->m->failed = API_E_NOMEM;
		return 1;
	}
	return 0;
}

static int on_chunk(int stream, const char *data, size_t len, void *ud)
{
	struct msrc *s = ud;

	return loglines_chunk(stream, data, len, &s->ll);
}

static void on_end(api_code code, const struct api_error *err, void *ud)
{
	struct msrc *s = ud;
	struct log_multi *m = s->m;

	s->stream = NULL;
	loglines_finish(&s->ll);
	loglines_done(&s->ll);
	s->open = 0;
	m->open--;
	log_merge_end(m->merge, s->idx);
	if (code != API_OK && code != API_E_CANCELLED && m->failed == API_OK) {
		m->failed = code;
		api_error_set(&m->err, code, err ? err->http_status : 0,
			      "logs of %s: %s", s->name,
			      err && err->msg[0] ? err->msg : "stream failed");
	}
}

static int out(unsigned src, const struct logline *l, void *ud)
{
	struct log_multi *m = ud;

	return m->fn(m->src[src].name, src, l, m->ud);
}

static api_code resolve(struct api_client *c, struct msrc *s, const char *ref,
			struct api_error *err)
{
	struct api_container_inspect ci;
	api_code rc = api_container_inspect(c, ref, &ci, err);

	if (rc != API_OK)
		return rc;
	s->id = strdup(ci.id ? ci.id : ref);
	s->name = strdup(ci.name ? ci.name : ref);
	s->tty = ci.config.tty;
	api_container_inspect_free(&ci);
	if (!s->id || !s->name)
		return api_error_set(err, API_E_NOMEM, 0, "out of memory");
	return API_OK;
}

static api_code start(struct api_client *c, struct log_multi *m,
		      const struct log_multi_opts *o, struct api_error *err)
{
	struct api_logs_opts lo = API_LOGS_OPTS_INIT;
	unsigned i;

	lo.follow = o->follow;
	lo.since = o->since;
	lo.tail = o->tail;
	lo.timestamps = 1; /* the order needs them; printing is the caller's */
	for (i = 0; i < m->n; i++) {
		struct msrc *s = &m->src[i];

		loglines_init(&s->ll, 0, 1, on_line, s);
		if (api_logs_start(c, s->id, &lo, s->tty, on_chunk, on_end, s,
				   &s->stream, err) != API_OK) {
			loglines_done(&s->ll);
			return err->code;
		}
		s->open = 1;
		m->open++;
	}
	return API_OK;
}

static void finish(struct log_multi *m)
{
	unsigned i;

	for (i = 0; i < m->n; i++) {
		if (m->src[i].stream) {
			api_logs_stop(m->src[i].stream);
			loglines_done(&m->src[i].ll);
		}
		free(m->src[i].id);
		free(m->src[i].name);
	}
	log_merge_free(m->merge);
	free(m);
}

api_code log_multi_run(struct api_client *c, char *const *refs, unsigned n,
		       const struct log_multi_opts *o, log_multi_fn fn,
		       void *ud, const volatile sig_atomic_t *stop,
		       struct api_error *err)
{
	struct log_multi *m;
	api_code rc = API_OK;
	unsigned i;
	long hold = o->follow ? (o->hold_ms > 0 ? o->hold_ms : 250) : -1;

	if (n == 0 || n > LOG_MULTI_MAX)
		return api_error_set(err, API_E_INVALID, 0,
				     "logs: 1 to %d containers", LOG_MULTI_MAX);
	if ((m = calloc(1, sizeof(*m))) == NULL ||
	    (m->merge = log_merge_new(n, 0, out, m)) == NULL) {
		free(m);
		return api_error_set(err, API_E_NOMEM, 0, "out of memory");
	}
	m->n = n;
	m->fn = fn;
	m->ud = ud;
	for (i = 0; i < n; i++) {
		m->src[i].m = m;
		m->src[i].idx = i;
		if ((rc = resolve(c, &m->src[i], refs[i], err)) != API_OK)
			goto out;
	}
	if ((rc = start(c, m, o, err)) != API_OK)
		goto out;
	while (m->open && !(stop && *stop) && m->failed == API_OK) {
		api_client_wait(c, NULL, 0, 100);
		api_client_process(c);
		if (log_merge_drain(m->merge, now_ms(), hold) != 0)
			goto out;
	}
	for (i = 0; i < n; i++)
		log_merge_end(m->merge, i);
	log_merge_drain(m->merge, now_ms(), -1);
	if (m->failed != API_OK) {
		*err = m->err;
		rc = m->failed;
	}
out:
	finish(m);
	return rc;
}

int64_t log_since_parse(const char *s, int64_t now)
{
	char *end;
	long long n;
	int64_t t;

	while (s && isspace((unsigned char)*s))
		s++;
	if (!s || !*s)
		return 0;
	if ((t = logline_tsn(s, strlen(s))) > 0)
		return t / 1000000000;
	if (!isdigit((unsigned char)*s))
		return -1;
	n = strtoll(s, &end, 10);
	if (n < 0 || n > 100LL * 365 * 86400 || end[0] == '\0' ||
	    end[1] != '\0')
		return -1;
	switch (*end) {
	case 's':
		return now - n;
	case 'm':
		return now - n * 60;
	case 'h':
		return now - n * 3600;
	case 'd':
		return now - n * 86400;
	default:
		return -1;
	}
}
