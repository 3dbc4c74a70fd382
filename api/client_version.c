/* The API version a client speaks: the engine's own, negotiated down
 * to what berth knows (API_VERSION_NEWEST) and refused below
 * API_VERSION_OLDEST.  Paths carry it as /v<version>/. */
#include "api/client_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *api_client_version(const struct api_client *c)
{
	return c->version;
}

int api_version_cmp(const char *a, const char *b)
{
	while (*a || *b) {
		long x = strtol(a, (char **)&a, 10);
		long y = strtol(b, (char **)&b, 10);
		if (x != y)
			return x < y ? -1 : 1;
		if (*a == '.')
			a++;
		if (*b == '.')
			b++;
		if ((*a && (*a < '0' || *a > '9')) ||
		    (*b && (*b < '0' || *b > '9')))
			break;
	}
	return 0;
}

static int version_ok(const char *v)
{
	size_t n = strlen(v);

	return n > 0 && n < 16 && strspn(v, "0123456789.") == n && v[0] != '.';
}

api_code api_client_set_version(struct api_client *c, const char *server_api,
				const char *server_min, struct api_error *err)
{
	if (!server_api || !version_ok(server_api))
		return api_error_set(err, API_E_VERSION, 0,
				     "the engine did not say which API "
				     "version it speaks");
	if (server_min && version_ok(server_min) &&
	    api_version_cmp(API_VERSION_NEWEST, server_min) < 0)
		return api_error_set(err, API_E_VERSION, 0,
				     "the engine needs API %s or newer; "
				     "berth speaks up to %s",
				     server_min, API_VERSION_NEWEST);
	if (api_version_cmp(server_api, API_VERSION_OLDEST) < 0)
		return api_error_set(err, API_E_VERSION, 0,
				     "the engine speaks API %s; berth needs "
				     "%s or newer",
				     server_api, API_VERSION_OLDEST);
	snprintf(c->version, sizeof(c->version), "%s",
		 api_version_cmp(server_api, API_VERSION_NEWEST) < 0
			 ? server_api
			 : API_VERSION_NEWEST);
	return API_OK;
}
