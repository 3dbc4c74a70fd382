#include "model/log_level.h"

#include <ctype.h>
#include <string.h>

/* Only the start of a line is looked at: a level comes first, and a
 * flood of long lines must not cost a scan of each. */
#define LOOK 200
#define BARE_WORDS 6 /* upper-case words counted as a level */

static const struct {
	const char *w;
	enum log_level l;
} words[] = {
	{"error", LOG_LEVEL_ERROR},	 {"err", LOG_LEVEL_ERROR},
	{"fatal", LOG_LEVEL_ERROR},	 {"critical", LOG_LEVEL_ERROR},
	{"crit", LOG_LEVEL_ERROR},	 {"panic", LOG_LEVEL_ERROR},
	{"emerg", LOG_LEVEL_ERROR},	 {"emergency", LOG_LEVEL_ERROR},
	{"alert", LOG_LEVEL_ERROR},	 {"severe", LOG_LEVEL_ERROR},
	{"warn", LOG_LEVEL_WARN},	 {"warning", LOG_LEVEL_WARN},
	{"info", LOG_LEVEL_INFO},	 {"notice", LOG_LEVEL_INFO},
	{"information", LOG_LEVEL_INFO}, {"debug", LOG_LEVEL_DEBUG},
	{"trace", LOG_LEVEL_DEBUG},
};

enum log_level log_level_word(const char *w, size_t n)
{
	size_t i, k;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strlen(words[i].w) != n)
			continue;
		for (k = 0; k < n; k++)
			if (tolower((unsigned char)w[k]) != words[i].w[k])
				break;
		if (k == n)
			return words[i].l;
	}
	return LOG_LEVEL_NONE;
}

static int is_level_key(const char *k, size_t n)
{
	static const char *const keys[] = {"level", "lvl", "severity",
					   "log.level", "loglevel"};
	size_t i, j;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (strlen(keys[i]) != n)
			continue;
		for (j = 0; j < n; j++)
			if (tolower((unsigned char)k[j]) != keys[i][j])
				break;
		if (j == n)
			return 1;
	}
	return 0;
}

static int word_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '_';
}

/* key=value or "key":"value" at s[i] (i at the key's first byte). */
static enum log_level keyed(const char *s, size_t n, size_t i)
{
	size_t k = i, v;

	while (k < n && word_char(s[k]))
		k++;
	if (!is_level_key(s + i, k - i))
		return LOG_LEVEL_NONE;
	if (k < n && s[k] == '"')
		k++;
	while (k < n && s[k] == ' ')
		k++;
	if (k >= n || (s[k] != '=' && s[k] != ':'))
		return LOG_LEVEL_NONE;
	k++;
	while (k < n && (s[k] == ' ' || s[k] == '"'))
		k++;
	for (v = k; v < n && isalpha((unsigned char)s[v]); v++)
		;
	return log_level_word(s + k, v - k);
}

static int closes(char open, char close)
{
	return (open == '[' && close == ']') || (open == '<' && close == '>') ||
	       (open == '(' && close == ')');
}

static int all_upper(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isupper((unsigned char)w[i]))
			return 0;
	return n > 0;
}

enum log_level log_level_of(const char *s, size_t n)
{
	size_t i = 0, start;
	int bare = 0;
	enum log_level l;

	if (n > LOOK)
		n = LOOK;
	while (i < n) {
		if (!isalpha((unsigned char)s[i])) {
			i++;
			continue;
		}
		start = i;
		l = keyed(s, n, start);
		if (l != LOG_LEVEL_NONE)
			return l;
		while (i < n && isalpha((unsigned char)s[i]))
			i++;
		l = log_level_word(s + start, i - start);
		if (l == LOG_LEVEL_NONE)
			goto next;
		/* [error], <warn>, (info) in any case */
		if (start > 0 && i < n && closes(s[start - 1], s[i]))
			return l;
		if (bare < BARE_WORDS && all_upper(s + start, i - start))
			return l;
	next:
		bare++;
	}
	return LOG_LEVEL_NONE;
}
