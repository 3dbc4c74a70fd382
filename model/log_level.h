#ifndef BERTH_MODEL_LOG_LEVEL_H
#define BERTH_MODEL_LOG_LEVEL_H

#include <stddef.h>

/*
 * The level a log line says it has, from the forms programs write: JSON
 * ("level":"error", "severity", "lvl", "log.level"), logfmt (level=warn),
 * bracketed words ([error], [WARN]) and upper-case words near the start
 * (ERROR, FATAL, WARNING ...).  Lower-case words in running text ("no
 * error found") are not a level.
 */
enum log_level {
	LOG_LEVEL_NONE,
	LOG_LEVEL_DEBUG,
	LOG_LEVEL_INFO,
	LOG_LEVEL_WARN,
	LOG_LEVEL_ERROR, /* error, fatal, critical, panic, emergency, alert */
};

enum log_level log_level_of(const char *text, size_t len);

/* The level a word names (any case), or LOG_LEVEL_NONE. */
enum log_level log_level_word(const char *w, size_t n);

#endif
