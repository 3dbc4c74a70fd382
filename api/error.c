#include "api/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

api_code api_error_set(struct api_error *err, api_code code, long http_status,
		       const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	err->http_status = http_status;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

api_code api_nomem(struct api_error *err)
{
	return api_error_set(err, API_E_NOMEM, 0, "out of memory");
}

void api_error_clear(struct api_error *err)
{
	if (!err)
		return;
	err->code = API_OK;
	err->http_status = 0;
	err->msg[0] = '\0';
}

const char *api_code_str(api_code code)
{
	switch (code) {
	case API_OK:
		return "ok";
	case API_E_NOMEM:
		return "out of memory";
	case API_E_INVALID:
		return "invalid argument";
	case API_E_CONNECT:
		return "cannot connect to the engine";
	case API_E_TIMEOUT:
		return "the engine did not answer in time";
	case API_E_TRANSPORT:
		return "transport error";
	case API_E_HTTP:
		return "the engine refused the request";
	case API_E_PARSE:
		return "unexpected answer from the engine";
	case API_E_TOO_LARGE:
		return "answer too large";
	case API_E_VERSION:
		return "unsupported API version";
	case API_E_CANCELLED:
		return "cancelled";
	}
	return "unknown error";
}
