#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/export_run.h"
#include "ops/export_systemd.h"

static int unit_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr("_@+=:,./-", c));
}

char *export_systemd_quote(const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	const unsigned char *p;
	char *out, *o;

	for (p = s; *p && unit_safe(*p); p++)
		;
	if (!*p && p != s)
		return strdup((const char *)s);
	out = malloc(strlen((const char *)s) * 4 + 3);
	if (!out)
		return NULL;
	o = out;
	*o++ = '"';
	for (p = s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			*o++ = '\\';
			*o++ = (char)*p;
		} else if (*p == '%' || *p == '$') {
			*o++ = (char)*p;
			*o++ = (char)*p;
		} else if (*p < 0x20 || *p == 0x7f) {
			o += snprintf(o, 5, "\\x%02x", *p);
		} else {
			*o++ = (char)*p;
		}
	}
	*o++ = '"';
	*o = '\0';
	return out;
}

static const char *restart_value(const struct api_host_config *hc)
{
	const char *p = api_str(hc->restart_policy);

	if (strcmp(p, "always") == 0 || strcmp(p, "unless-stopped") == 0)
		return "always";
	if (strcmp(p, "on-failure") == 0)
		return "on-failure";
	return "no";
}

char *export_systemd_unit(const struct api_container_inspect *ci,
			  const struct api_image_inspect *img)
{
	struct export_argv a = {0};
	char *exec = NULL, *name = NULL, *unit = NULL;
	int64_t timeout =
		ci->config.stop_timeout_set ? ci->config.stop_timeout : 10;
	int r;

	/* The policy moves to systemd: docker's own would fight it. */
	struct api_container_inspect copy = *ci;
	copy.host_config.restart_policy = NULL;
	copy.host_config.auto_remove = 0;
	if (export_run_argv(&copy, img, NULL, EXPORT_RM, &a) != 0)
		goto done;
	exec = export_argv_join("/usr/bin/docker", &a, export_systemd_quote);
	name = export_systemd_quote(api_str(ci->name));
	if (!exec || !name)
		goto done;
	r = asprintf(&unit,
		     "[Unit]\n"
		     "Description=%s container\n"
		     "Requires=docker.service\n"
		     "After=docker.service\n"
		     "\n"
		     "[Service]\n"
		     "ExecStartPre=-/usr/bin/docker rm -f %s\n"
		     "ExecStart=%s\n"
		     "ExecStop=/usr/bin/docker stop -t %" PRId64 " %s\n"
		     "Restart=%s\n"
		     "TimeoutStopSec=%" PRId64 "\n"
		     "\n"
		     "[Install]\n"
		     "WantedBy=multi-user.target\n",
		     name, name, exec, timeout, name,
		     restart_value(&ci->host_config), timeout + 5);
	if (r < 0)
		unit = NULL;
done:
	free(exec);
	free(name);
	export_argv_free(&a);
	return unit;
}
