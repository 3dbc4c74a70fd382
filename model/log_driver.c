#include "model/log_driver.h"

#include <stdio.h>
#include <string.h>

struct driver {
	const char *type;
	const char *addr_opt; /* the option naming where it sends, or NULL */
	const char *dfl;      /* where it sends without it; NULL: nowhere */
};

static const struct driver drivers[] = {
	{"json-file", NULL, "the engine's log files"},
	{"local", NULL, "the engine's log files"},
	{"journald", NULL, "the host's journal"},
	{"none", NULL, NULL},
	{"syslog", "syslog-address", "the host's syslog"},
	{"fluentd", "fluentd-address", "localhost:24224"},
	{"gelf", "gelf-address", "a GELF server"},
	{"awslogs", "awslogs-group", "AWS CloudWatch Logs"},
	{"splunk", "splunk-url", "Splunk"},
	{"gcplogs", "gcp-project", "Google Cloud Logging"},
	{"logentries", NULL, "Logentries"},
	{"etwlogs", NULL, "Windows ETW"},
};

static const struct driver *find(const char *type)
{
	size_t i;

	for (i = 0; type && i < sizeof(drivers) / sizeof(drivers[0]); i++)
		if (strcmp(drivers[i].type, type) == 0)
			return &drivers[i];
	return NULL;
}

enum log_driver_read log_driver_read(const char *type)
{
	/* an engine that does not say uses json-file */
	if (!type || !*type || strcmp(type, "json-file") == 0 ||
	    strcmp(type, "local") == 0 || strcmp(type, "journald") == 0)
		return LOG_READ_NATIVE;
	if (strcmp(type, "none") == 0)
		return LOG_READ_NEVER;
	return LOG_READ_CACHE;
}

void log_driver_where(const char *type, const struct api_kvlist *opts,
		      char *out, size_t outlen)
{
	const struct driver *d;
	const char *addr = NULL;

	if (!type || !*type)
		type = "json-file";
	d = find(type);
	if (d && d->addr_opt && opts)
		addr = api_kv_get(opts, d->addr_opt);
	if (addr && *addr)
		snprintf(out, outlen, "%s, to %s", type, addr);
	else if (d && d->dfl)
		snprintf(out, outlen, "%s, to %s", type, d->dfl);
	else if (d)
		snprintf(out, outlen, "%s", type);
	else
		snprintf(out, outlen, "%s (a logging plugin)", type);
}
