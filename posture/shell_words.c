#include "posture/shell_words.h"

#include <string.h>

static int is_sep(char c)
{
	return c == ';' || c == '&' || c == '|' || c == '\n' || c == '(' ||
	       c == ')';
}

/* Copies one word from s into c->text, quotes removed; returns where
 * it ended.  A word that does not fit is cut. */
static const char *word(const char *s, struct sh_cmd *c, size_t *len)
{
	char q = 0;

	while (*s && (q || !(*s == ' ' || *s == '\t' || is_sep(*s)))) {
		char ch = *s++;

		if (q == '\'' && ch == '\'') {
			q = 0;
			continue;
		}
		if (q != '\'' && ch == '\\' && *s) {
			ch = *s++;
			if (ch == '\n')
				continue; /* a continued line */
		} else if (!q && (ch == '\'' || ch == '"')) {
			q = ch;
			continue;
		} else if (q == '"' && ch == '"') {
			q = 0;
			continue;
		}
		if (*len + 1 < SH_TEXT)
			c->text[(*len)++] = ch;
	}
	return s;
}

static int prefix_word(const char *w, size_t n)
{
	const char *eq = memchr(w, '=', n);

	if (n == 4 && strncmp(w, "sudo", 4) == 0)
		return 1;
	if (n == 3 && strncmp(w, "env", 3) == 0)
		return 1;
	/* NAME=value, NAME an identifier */
	if (!eq || eq == w)
		return 0;
	for (; w < eq; w++)
		if (!((*w >= 'A' && *w <= 'Z') || (*w >= 'a' && *w <= 'z') ||
		      (*w >= '0' && *w <= '9') || *w == '_'))
			return 0;
	return 1;
}

int sh_next(const char **p, struct sh_cmd *c)
{
	const char *s = *p;
	size_t len = 0;

	c->n = 0;
	if (!s || !*s)
		return 0;
	for (;;) {
		size_t start;

		while (*s == ' ' || *s == '\t' || (*s == '\\' && s[1] == '\n'))
			s += *s == '\\' ? 2 : 1;
		if (!*s || is_sep(*s))
			break;
		if (*s == '#') { /* a comment, to the end of the line */
			s += strcspn(s, "\n");
			break;
		}
		start = len;
		s = word(s, c, &len);
		if (len == start || len + 1 >= SH_TEXT)
			continue;
		c->text[len] = '\0';
		if (c->n == 0 && prefix_word(c->text + start, len - start)) {
			len = start;
			continue;
		}
		if (c->n < SH_WORDS)
			c->w[c->n++] = c->text + start;
		len++;
	}
	while (*s && (is_sep(*s) || *s == ' ' || *s == '\t'))
		s++;
	*p = s;
	return 1;
}

int sh_find(const struct sh_cmd *c, size_t from, const char *w)
{
	size_t i;

	for (i = from; i < c->n; i++)
		if (strcmp(c->w[i], w) == 0)
			return (int)i;
	return -1;
}
