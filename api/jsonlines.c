#include "api/jsonlines.h"

#include <string.h>

void jsonlines_init(struct jsonlines *jl, size_t max_line, jsonlines_fn fn,
		    void *ud)
{
	buf_init(&jl->line, max_line ? max_line : JSONLINES_DEFAULT_MAX);
	jl->fn = fn;
	jl->ud = ud;
	jl->skipping = 0;
	jl->dropped = 0;
}

static int emit(struct jsonlines *jl, const char *p, size_t n)
{
	if (n && p[n - 1] == '\r')
		n--;
	if (n == 0)
		return 0;
	return jl->fn(p, n, jl->ud);
}

int jsonlines_feed(struct jsonlines *jl, const char *data, size_t len)
{
	while (len) {
		const char *nl = memchr(data, '\n', len);
		size_t n = nl ? (size_t)(nl - data) : len;
		int rc = 0;

		if (jl->skipping) {
			/* the rest of an over-long line */
		} else if (jl->line.len == 0 && nl) {
			/* a whole line in this chunk: no copy needed */
			rc = emit(jl, data, n);
		} else if (buf_append(&jl->line, data, n) != 0) {
			jl->skipping = 1;
			jl->dropped++;
			buf_reset(&jl->line);
		} else if (nl) {
			rc = emit(jl, jl->line.data, jl->line.len);
			buf_reset(&jl->line);
		}
		if (nl)
			jl->skipping = 0;
		if (rc)
			return rc;
		if (!nl)
			break;
		data = nl + 1;
		len -= n + 1;
	}
	return 0;
}

int jsonlines_finish(struct jsonlines *jl)
{
	int rc = 0;

	if (!jl->skipping && jl->line.len)
		rc = emit(jl, jl->line.data, jl->line.len);
	buf_reset(&jl->line);
	jl->skipping = 0;
	return rc;
}

void jsonlines_done(struct jsonlines *jl)
{
	buf_free(&jl->line);
}
