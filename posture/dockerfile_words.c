/* Words of Dockerfile lines, as the builder splits and expands them. */
#include "posture/dockerfile_words.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Build args in scope: names and values, owned. */

void df_vars_clear(struct df_vars *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->k[i]);
		free(s->v[i]);
	}
	s->n = 0;
}

const char *df_vars_get(const struct df_vars *s, const char *k, size_t n)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strlen(s->k[i]) == n && strncmp(s->k[i], k, n) == 0)
			return s->v[i];
	return NULL;
}

/* Sets k (its value v, "" for none); a full table keeps its first 64. */
int df_vars_set(struct df_vars *s, const char *k, size_t kn, const char *v)
{
	size_t i;
	char *nv = strdup(v ? v : ""), *nk;

	if (!nv)
		return -1;
	for (i = 0; i < s->n; i++)
		if (strlen(s->k[i]) == kn && strncmp(s->k[i], k, kn) == 0) {
			free(s->v[i]);
			s->v[i] = nv;
			return 0;
		}
	nk = s->n < 64 ? strndup(k, kn) : NULL;
	if (!nk) {
		free(nv);
		return s->n < 64 ? -1 : 0;
	}
	s->k[s->n] = nk;
	s->v[s->n++] = nv;
	return 0;
}

/* The next word of an ENV, LABEL or ARG line, quotes and backslashes
 * removed as the builder removes them; NULL at the end (or no memory,
 * told apart by *nomem). */
char *df_next_word(const char **p, int *nomem)
{
	const char *s = *p;
	size_t cap = strlen(s) + 1, n = 0;
	char *w, q = 0;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (!*s) {
		*p = s;
		return NULL;
	}
	w = malloc(cap);
	if (!w) {
		*nomem = 1;
		return NULL;
	}
	for (; *s && (q || !strchr(" \t\n", *s)); s++) {
		if (q && *s == q)
			q = 0;
		else if (!q && (*s == '"' || *s == '\''))
			q = *s;
		else if (*s == '\\' && s[1] && q != '\'')
			w[n++] = *++s;
		else
			w[n++] = *s;
	}
	w[n] = '\0';
	*p = s;
	return w;
}

/* $NAME, ${NAME} and ${NAME:-default} replaced from the build args, as
 * the builder does in FROM lines; unknown names become "". */
char *df_subst(const char *s, const struct df_vars *a)
{
	size_t cap = strlen(s) * 2 + 256, n = 0;
	char *o = malloc(cap);

	if (!o)
		return NULL;
	while (*s && n + 1 < cap) {
		const char *name, *def = NULL, *v;
		size_t nl = 0, dl = 0;

		if (*s != '$' ||
		    !(s[1] == '{' || isalpha((unsigned char)s[1]) ||
		      s[1] == '_')) {
			o[n++] = *s++;
			continue;
		}
		if (s[1] == '{') {
			const char *end = strchr(s, '}');

			if (!end)
				break;
			name = s + 2;
			while (name + nl < end &&
			       (isalnum((unsigned char)name[nl]) ||
				name[nl] == '_'))
				nl++;
			if (name[nl] == ':' && name[nl + 1] == '-')
				def = name + nl + 2;
			else if (name[nl] == '-')
				def = name + nl + 1;
			dl = def ? (size_t)(end - def) : 0;
			s = end + 1;
		} else {
			name = s + 1;
			while (isalnum((unsigned char)name[nl]) ||
			       name[nl] == '_')
				nl++;
			s = name + nl;
		}
		v = df_vars_get(a, name, nl);
		if (v && *v) {
			dl = strlen(v);
			def = v;
		}
		if (def && n + dl + 1 < cap) {
			memcpy(o + n, def, dl);
			n += dl;
		}
	}
	o[n] = '\0';
	return o;
}

int df_is(const struct df_instr *in, const char *cmd)
{
	return strcmp(in->cmd, cmd) == 0;
}

/* The words after the --flags of an instruction (--platform, --mount,
 * --chown ...). */
const char *df_after_flags(const char *a)
{
	while (a[0] == '-' && a[1] == '-') {
		a += strcspn(a, " \t\n");
		a += strspn(a, " \t\n");
	}
	return a;
}
