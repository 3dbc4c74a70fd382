#include "model/log_fold.h"

#include <ctype.h>
#include <string.h>

static int starts(const char *t, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(t, w, k) == 0;
}

/* "ValueError: bad", "KeyboardInterrupt", "mod.Error: x": a name, then
 * a colon or the end. */
static int exception_line(const char *t, size_t n)
{
	size_t i = 0;

	if (!n || !(isalpha((unsigned char)t[0]) || t[0] == '_'))
		return 0;
	while (i < n &&
	       (isalnum((unsigned char)t[i]) || t[i] == '_' || t[i] == '.'))
		i++;
	return i == n || t[i] == ':';
}

int log_fold_continues(const char *t, size_t n, int *state)
{
	int was = *state;

	*state = LOG_FOLD_NONE;
	if (n == 0)
		return 0;
	if (t[0] == ' ' || t[0] == '\t') {
		/* blank (only spaces) is not part of anything */
		size_t i = 0;

		while (i < n && (t[i] == ' ' || t[i] == '\t'))
			i++;
		if (i == n)
			return 0;
		*state = was;
		return 1;
	}
	if (starts(t, n, "Traceback (most recent call last):")) {
		*state = LOG_FOLD_PYTHON;
		return 1;
	}
	if (was == LOG_FOLD_PYTHON && exception_line(t, n))
		return 1;
	return starts(t, n, "Caused by:") || starts(t, n, "Suppressed:");
}
