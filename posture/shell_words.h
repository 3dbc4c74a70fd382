#ifndef BERTH_POSTURE_SHELL_WORDS_H
#define BERTH_POSTURE_SHELL_WORDS_H

#include <stddef.h>

/*
 * A RUN line read as the shell would split it, enough to tell which
 * programs run with which arguments: simple commands separated by ;, &,
 * &&, ||, | and newlines, words split at blanks, quotes and backslashes
 * removed, a '#' starting a word starts a comment.  Expansions are left as
 * written.  Leading VAR=value words, sudo and env are dropped: what runs comes
 * after them.  Bounded: a command keeps its first SH_WORDS words and SH_TEXT
 * bytes.
 */

#define SH_WORDS 48
#define SH_TEXT 1024

struct sh_cmd {
	const char *w[SH_WORDS];
	size_t n;
	char text[SH_TEXT];
};

/* Reads the next simple command from *p into *c and moves *p past it.
 * Returns 1 when a command was read (it may have no words: "; ;"),
 * 0 at the end of the text. */
int sh_next(const char **p, struct sh_cmd *c);

/* The index of word w in c from 'from', or -1. */
int sh_find(const struct sh_cmd *c, size_t from, const char *w);

#endif
