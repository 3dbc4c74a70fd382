#ifndef BERTH_TESTS_LIB_TESTLIB_H
#define BERTH_TESTS_LIB_TESTLIB_H

/* cmocka needs these before its header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "api/client.h"

/*
 * Helpers shared by the unit and integration tests.  Tests run from the
 * repository root (tests/run.sh sees to it).
 */

/* The bytes of tests/data/NAME (NUL-terminated); fails the test if absent. */
char *tl_data(const char *name, size_t *len);

/* Runs a shell command and returns its stdout with trailing newlines
 * removed (free it); fails the test if it cannot run.  *status gets the
 * exit status when status is not NULL. */
char *tl_sh(int *status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A negotiated client for the private engine named by DOCKER_HOST.
 * Refuses (fails the test) a DOCKER_HOST that is unset or the host's own
 * /var/run/docker.sock: tests never touch a user's engine. */
struct api_client *tl_client(void);

/* A name unique to this test process: "berth-t-<tag>-<pid>". */
const char *tl_name(const char *tag);

#endif
