#ifndef BERTH_API_DOCKERIGNORE_H
#define BERTH_API_DOCKERIGNORE_H

#include <stddef.h>

#include "api/error.h"

/*
 * The engine's .dockerignore rules, as moby's ignorefile + patternmatcher
 * apply them: one pattern a line, '#' lines are comments, each pattern is
 * cleaned like Go's filepath.Clean with a leading '/' dropped, '*' and '?'
 * do not cross '/', "**" matches any number of directories, [a-z] classes,
 * '\' escapes, a leading '!' re-includes, and the last matching rule wins.
 * A path is excluded when it or one of its parent directories matches.
 * Paths are relative to the context, '/'-separated, without "./".
 */

struct dockerignore_pat;

struct dockerignore {
	struct dockerignore_pat *pats;
	size_t n, cap;
	int has_exclusions; /* some rule starts with '!' */
};

/* Parses the text of a .dockerignore.  A bad pattern (an unclosed '[')
 * is API_E_INVALID, as the engine refuses the build for it. */
api_code api_dockerignore_parse(const char *text, size_t len,
				struct dockerignore *out,
				struct api_error *err);
/* Appends one rule, as a line of the file would be ("!Dockerfile"). */
api_code api_dockerignore_add(struct dockerignore *d, const char *pattern,
			      struct api_error *err);
void api_dockerignore_free(struct dockerignore *d);

/* Whether the path is left out of the context. */
int api_dockerignore_excluded(const struct dockerignore *d, const char *path);
/* For an excluded directory: whether the walk may skip everything below
 * it, i.e. no '!' rule names a path inside it (moby's shortcut: a
 * wildcard exception such as "!*" + "/keep" does not keep it open). */
int api_dockerignore_skip_dir(const struct dockerignore *d, const char *dir);

/* Go's filepath.Clean for '/'-separated paths, into out (at most n bytes
 * with the NUL); returns the length, or -1 if it does not fit. */
int api_path_clean(const char *path, size_t len, char *out, size_t n);

#endif
