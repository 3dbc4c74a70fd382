#ifndef BERTH_MODEL_LOG_FOLD_H
#define BERTH_MODEL_LOG_FOLD_H

#include <stddef.h>

/*
 * Multi-line log entries: the lines that continue the one before them
 * (of the same container) and fold under it.  Stack traces as programs
 * print them: indented lines (Java's "\tat ...", Go's and Node's frames,
 * Python's "  File ..."), "Caused by:" and "Suppressed:", Python's
 * "Traceback (most recent call last):" and, after its frames, the
 * exception line that ends it ("ValueError: bad").
 */

enum log_fold_state {
	LOG_FOLD_NONE,
	LOG_FOLD_PYTHON, /* inside a Python traceback */
};

/* 1 when the line continues the one before; *state carries what a line
 * says about the next (start with LOG_FOLD_NONE). */
int log_fold_continues(const char *text, size_t len, int *state);

#endif
