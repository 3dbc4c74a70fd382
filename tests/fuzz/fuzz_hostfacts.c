/* daemon.json bytes -> options -> every host rule; the same bytes as a
 * NUL-separated command line and as a mountinfo text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tests/lib/judge.h"
#include "posture/hostfacts_collect.h"
#include "posture/hostfacts_fs.h"
#include "posture/hostfacts.h"
#include "posture/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hostfacts h = {0};
	struct posture_findings f = {0};
	struct api_error err;
	char *text = malloc(size + 1), *argv[64], *p, *pt, *fs, *dev;
	size_t argc = 0;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	h.cmdline_state = HF_PRESENT;
	h.json_state = HF_PRESENT;
	h.audit_state = HF_PRESENT;
	h.audit_rules = text;
	h.engine_version = text;
	(void)hostfacts_parse_daemon_json(&h.opts, text, size, &err);
	for (p = text; p < text + size && argc < 63; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	(void)hostfacts_parse_argv(&h.opts, argv, argc);
	if (hostfacts_mount_of(text, "/var/lib/docker", &pt, &fs, &dev) == 0)
		h.mount_point = pt;
	else
		free(pt);
	free(fs);
	free(dev);
	(void)tl_check_host(&h, &f);
	posture_findings_free(&f);
	h.audit_rules = NULL;
	h.engine_version = NULL;
	hostfacts_free(&h);
	free(text);
	return 0;
}
