#ifndef BERTH_API_ERROR_H
#define BERTH_API_ERROR_H

/*
 * Every api_ call returns an api_code and, when it fails, fills a
 * struct api_error with the HTTP status (if the engine answered) and a
 * message fit for a status line.  Nothing in api/ prints or exits.
 */

typedef enum {
	API_OK = 0,
	API_E_NOMEM,	 /* an allocation failed */
	API_E_INVALID,	 /* a bad argument from the caller */
	API_E_CONNECT,	 /* the engine could not be reached */
	API_E_TIMEOUT,	 /* the engine did not answer in time */
	API_E_TRANSPORT, /* any other failure below HTTP */
	API_E_HTTP,	 /* the engine answered with an error status */
	API_E_PARSE,	 /* the body is not what the API specifies */
	API_E_TOO_LARGE, /* the body is over the cap set for it */
	API_E_VERSION,	 /* the engine's API version is unusable */
	API_E_CANCELLED, /* the caller aborted the request */
} api_code;

struct api_error {
	api_code code;
	long http_status; /* 0 when no HTTP answer was seen */
	char msg[512];
};

#if defined(__GNUC__)
#define API_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define API_PRINTF(a, b)
#endif

/* Fills err (when not NULL) and returns code, so callers can
 * `return api_error_set(err, API_E_PARSE, 0, "...")`. */
api_code api_error_set(struct api_error *err, api_code code, long http_status,
		       const char *fmt, ...) API_PRINTF(4, 5);
/* api_error_set(err, API_E_NOMEM, 0, "out of memory"). */
api_code api_nomem(struct api_error *err);
void api_error_clear(struct api_error *err);
const char *api_code_str(api_code code);

#endif
