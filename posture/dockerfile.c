#include "posture/dockerfile.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/buf.h"

#define DF_MAX_TEXT (4u * 1024u * 1024u)
#define DF_MAX_INSTR 10000

struct reader {
	const char *t;
	size_t len, off, line;
};

/* The next line without its newline; 0 at the end. */
static int next_line(struct reader *r, const char **l, size_t *n)
{
	const char *nl;

	if (r->off >= r->len)
		return 0;
	*l = r->t + r->off;
	nl = memchr(*l, '\n', r->len - r->off);
	*n = nl ? (size_t)(nl - *l) : r->len - r->off;
	r->off += *n + (nl ? 1 : 0);
	r->line++;
	if (*n > 0 && (*l)[*n - 1] == '\r')
		(*n)--;
	return 1;
}

static void trim(const char **s, size_t *n)
{
	while (*n > 0 && isspace((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* "# escape=`" before any instruction. */
static char escape_char(const char *t, size_t len)
{
	struct reader r = {t, len, 0, 0};
	const char *l;
	size_t n;

	while (next_line(&r, &l, &n)) {
		trim(&l, &n);
		if (n == 0)
			continue;
		if (l[0] != '#')
			break;
		l++;
		n--;
		trim(&l, &n);
		if (n == 8 && strncasecmp(l, "escape=`", 8) == 0)
			return '`';
		if (n >= 7 && strncasecmp(l, "escape=", 7) == 0)
			return '\\';
	}
	return '\\';
}

/* The heredoc delimiters of an instruction line ("<<EOF", "<<-EOF",
 * "<<'EOF'"): the first one, into d. */
static int heredoc(const char *s, char *d, size_t cap)
{
	const char *p = strstr(s, "<<");
	size_t k = 0;

	if (!p)
		return 0;
	p += 2;
	if (*p == '-')
		p++;
	if (*p == '\'' || *p == '"')
		p++;
	while (*p && (isalnum((unsigned char)*p) || *p == '_') && k + 1 < cap)
		d[k++] = *p++;
	d[k] = '\0';
	return k > 0;
}

/* ["sh", "-c", "x"] is the command line "sh -c x". */
static void exec_form(struct df_instr *in)
{
	cJSON *a = in->args[0] == '[' ? cJSON_Parse(in->args) : NULL;
	const cJSON *it;
	struct buf b;
	int ok = cJSON_IsArray(a);

	buf_init(&b, DF_MAX_TEXT);

	cJSON_ArrayForEach (it, a) {
		if (!cJSON_IsString(it) ||
		    (b.len && buf_append(&b, " ", 1) != 0) ||
		    buf_append(&b, it->valuestring, strlen(it->valuestring)) !=
			    0) {
			ok = 0;
			break;
		}
	}
	cJSON_Delete(a);
	if (ok && b.data) {
		free(in->args);
		in->args = b.data;
	} else {
		free(b.data);
	}
}

/* The builder's instructions; anything else fails the build. */
static int known(const char *cmd, size_t n)
{
	static const char *const names[] = {
		"ADD",	      "ARG",	 "CMD",	    "COPY",	   "ENTRYPOINT",
		"ENV",	      "EXPOSE",	 "FROM",    "HEALTHCHECK", "LABEL",
		"MAINTAINER", "ONBUILD", "RUN",	    "SHELL",	   "STOPSIGNAL",
		"USER",	      "VOLUME",	 "WORKDIR", NULL};
	size_t i;

	for (i = 0; names[i]; i++)
		if (strlen(names[i]) == n && strncasecmp(names[i], cmd, n) == 0)
			return 1;
	return 0;
}

static api_code add(struct dockerfile *d, const char *cmd, size_t cn,
		    char *args, size_t line, struct api_error *err)
{
	struct df_instr *in;
	size_t i;

	if (d->n >= DF_MAX_INSTR) {
		free(args);
		return api_error_set(err, API_E_TOO_LARGE, 0,
				     "more than %d instructions", DF_MAX_INSTR);
	}
	if (d->n == d->cap) {
		size_t nc = d->cap ? d->cap * 2 : 32;
		in = realloc(d->items, nc * sizeof(*in));
		if (!in) {
			free(args);
			return api_nomem(err);
		}
		d->items = in;
		d->cap = nc;
	}
	in = &d->items[d->n++];
	for (i = 0; i < cn && i + 1 < sizeof(in->cmd); i++)
		in->cmd[i] = (char)toupper((unsigned char)cmd[i]);
	in->cmd[i] = '\0';
	in->args = args;
	in->line = line;
	if (strcmp(in->cmd, "RUN") == 0 || strcmp(in->cmd, "CMD") == 0 ||
	    strcmp(in->cmd, "ENTRYPOINT") == 0)
		exec_form(in);
	return API_OK;
}

/* One instruction from its first line on: continuations, heredoc. */
static api_code instruction(struct reader *r, const char *l, size_t n, char esc,
			    struct dockerfile *d, struct api_error *err)
{
	struct buf b;
	size_t start = r->line, cn = 0;
	char delim[64];
	int more;

	buf_init(&b, DF_MAX_TEXT);
	for (;;) {
		trim(&l, &n);
		more = n > 0 && l[n - 1] == esc;
		if (more)
			n--;
		if (buf_append(&b, l, n) != 0 ||
		    (more && buf_append(&b, " ", 1) != 0))
			goto nomem;
		if (!more)
			break;
		do { /* comment lines inside a continuation are dropped */
			if (!next_line(r, &l, &n))
				goto done;
			trim(&l, &n);
		} while (n == 0 || l[0] == '#');
	}
	if (heredoc(b.data ? b.data : "", delim, sizeof(delim)))
		while (next_line(r, &l, &n)) {
			trim(&l, &n);
			if (n == strlen(delim) && memcmp(l, delim, n) == 0)
				break;
			if (buf_append(&b, "\n", 1) != 0 ||
			    buf_append(&b, l, n) != 0)
				goto nomem;
		}
done:
	while (b.data && b.data[cn] && !isspace((unsigned char)b.data[cn]))
		cn++;
	if (cn == 0 || cn >= 16 || !known(b.data, cn)) {
		free(b.data);
		return api_error_set(err, API_E_PARSE, 0,
				     "%zu: not an instruction", start);
	}
	{
		const char *a = b.data + cn;
		char *args;

		while (isspace((unsigned char)*a))
			a++;
		args = strdup(a);
		if (!args)
			goto nomem;
		b.data[cn] = '\0';
		{
			api_code rc = add(d, b.data, cn, args, start, err);
			free(b.data);
			return rc;
		}
	}
nomem:
	free(b.data);
	return api_nomem(err);
}

api_code dockerfile_parse(const char *text, size_t len, struct dockerfile *out,
			  struct api_error *err)
{
	struct reader r = {text, len, 0, 0};
	char esc = escape_char(text, len);
	const char *l;
	size_t n;
	api_code rc = API_OK;

	memset(out, 0, sizeof(*out));
	if (len > DF_MAX_TEXT)
		return api_error_set(err, API_E_TOO_LARGE, 0,
				     "the Dockerfile is over 4 MB");
	if (memchr(text, '\0', len))
		return api_error_set(err, API_E_PARSE, 0,
				     "the Dockerfile holds a NUL byte");
	while (rc == API_OK && next_line(&r, &l, &n)) {
		const char *t = l;
		size_t k = n;

		trim(&t, &k);
		if (k == 0 || t[0] == '#')
			continue;
		rc = instruction(&r, l, n, esc, out, err);
	}
	if (rc != API_OK)
		dockerfile_free(out);
	return rc;
}

void dockerfile_free(struct dockerfile *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->items[i].args);
	free(d->items);
	memset(d, 0, sizeof(*d));
}
