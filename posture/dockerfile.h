#ifndef BERTH_POSTURE_DOCKERFILE_H
#define BERTH_POSTURE_DOCKERFILE_H

#include <stddef.h>

#include "api/error.h"

/*
 * A Dockerfile read as the builder reads it: the escape parser
 * directive, comments, lines continued with the escape character,
 * heredocs (RUN <<EOF ... EOF), JSON (exec) forms joined into one
 * command line.  Each instruction keeps the line it starts on.
 */

struct df_instr {
	char cmd[16]; /* "RUN", upper case */
	char *args;   /* the rest, continuations joined */
	size_t line;  /* 1-based */
};

struct dockerfile {
	struct df_instr *items;
	size_t n, cap;
};

/* Parses text (len bytes).  API_E_PARSE with "LINE: why" for a line
 * that is no instruction, API_E_TOO_LARGE past 4 MB or 10,000
 * instructions, API_E_NOMEM. */
api_code dockerfile_parse(const char *text, size_t len, struct dockerfile *out,
			  struct api_error *err);
void dockerfile_free(struct dockerfile *d);

#endif
