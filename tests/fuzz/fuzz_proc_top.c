/* A /proc/PID/cgroup text -> the container's cgroup directory (under a
 * root that does not exist, so only the parse runs); the same bytes as
 * a cmdline -> ps's CMD. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "posture/proc_top.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), dir[256], cmd[128];

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	(void)proc_top_cgroup_dir("/nonexistent-berth-fuzz", text,
				  "0123456789abcdef0123", dir, sizeof(dir));
	proc_top_cmd(text, size, text, size ? text[0] : 'S', cmd, sizeof(cmd));
	if (strlen(cmd) >= sizeof(cmd))
		abort();
	free(text);
	return 0;
}
