/*
 * A runc wrapper for the private test engine.  On hosts where root lacks a
 * capability in its bounding set (seen: CAP_SYS_RESOURCE), runc refuses any
 * container that asks for it, which rules out --privileged and --cap-add ALL.
 * Posture tests need exactly those containers, so before runc sees an OCI
 * spec this removes from it only the capabilities the host cannot grant.
 * The engine's own record of the container (inspect) is left untouched.
 */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const cap_names[] = {
	"CAP_CHOWN",
	"CAP_DAC_OVERRIDE",
	"CAP_DAC_READ_SEARCH",
	"CAP_FOWNER",
	"CAP_FSETID",
	"CAP_KILL",
	"CAP_SETGID",
	"CAP_SETUID",
	"CAP_SETPCAP",
	"CAP_LINUX_IMMUTABLE",
	"CAP_NET_BIND_SERVICE",
	"CAP_NET_BROADCAST",
	"CAP_NET_ADMIN",
	"CAP_NET_RAW",
	"CAP_IPC_LOCK",
	"CAP_IPC_OWNER",
	"CAP_SYS_MODULE",
	"CAP_SYS_RAWIO",
	"CAP_SYS_CHROOT",
	"CAP_SYS_PTRACE",
	"CAP_SYS_PACCT",
	"CAP_SYS_ADMIN",
	"CAP_SYS_BOOT",
	"CAP_SYS_NICE",
	"CAP_SYS_RESOURCE",
	"CAP_SYS_TIME",
	"CAP_SYS_TTY_CONFIG",
	"CAP_MKNOD",
	"CAP_LEASE",
	"CAP_AUDIT_WRITE",
	"CAP_AUDIT_CONTROL",
	"CAP_SETFCAP",
	"CAP_MAC_OVERRIDE",
	"CAP_MAC_ADMIN",
	"CAP_SYSLOG",
	"CAP_WAKE_ALARM",
	"CAP_BLOCK_SUSPEND",
	"CAP_AUDIT_READ",
	"CAP_PERFMON",
	"CAP_BPF",
	"CAP_CHECKPOINT_RESTORE",
};

static uint64_t bounding_set(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	uint64_t mask = ~(uint64_t)0;

	if (!f)
		return mask;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "CapBnd:", 7) == 0) {
			mask = strtoull(line + 7, NULL, 16);
			break;
		}
	}
	fclose(f);
	return mask;
}

static int cap_allowed(const char *name, uint64_t mask)
{
	size_t i;

	for (i = 0; i < sizeof(cap_names) / sizeof(cap_names[0]); i++)
		if (strcmp(name, cap_names[i]) == 0)
			return (mask >> i) & 1;
	return 1;
}

static void filter_list(cJSON *list, uint64_t mask)
{
	int i = cJSON_GetArraySize(list);

	while (i-- > 0) {
		cJSON *it = cJSON_GetArrayItem(list, i);
		if (cJSON_IsString(it) && !cap_allowed(it->valuestring, mask))
			cJSON_DeleteItemFromArray(list, i);
	}
}

static void filter_caps(cJSON *process, uint64_t mask)
{
	static const char *const sets[] = {
		"bounding", "effective", "inheritable", "permitted", "ambient"};
	cJSON *caps = cJSON_GetObjectItemCaseSensitive(process, "capabilities");
	size_t i;

	if (!caps)
		return;
	for (i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
		filter_list(cJSON_GetObjectItemCaseSensitive(caps, sets[i]),
			    mask);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else if (buf) {
			buf[n] = '\0';
		}
	}
	fclose(f);
	return buf;
}

/* Rewrites the file in place; any failure leaves it as it was. */
static void rewrite(const char *path, int is_bundle)
{
	uint64_t mask = bounding_set();
	char *text = slurp(path);
	cJSON *root, *process;
	char *out;
	FILE *f;

	if (!text)
		return;
	root = cJSON_Parse(text);
	free(text);
	if (!root)
		return;
	process = is_bundle ? cJSON_GetObjectItemCaseSensitive(root, "process")
			    : root;
	if (process)
		filter_caps(process, mask);
	out = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	if (!out)
		return;
	f = fopen(path, "wb");
	if (f) {
		fputs(out, f);
		fclose(f);
	}
	free(out);
}

int main(int argc, char **argv)
{
	const char *bundle = NULL, *process = NULL, *verb = NULL;
	char path[4096];
	int i;

	(void)argc;
	for (i = 1; argv[i]; i++) {
		const char *a = argv[i];
		if ((strcmp(a, "--bundle") == 0 || strcmp(a, "-b") == 0) &&
		    argv[i + 1])
			bundle = argv[++i];
		else if (strncmp(a, "--bundle=", 9) == 0)
			bundle = a + 9;
		else if ((strcmp(a, "--process") == 0 ||
			  strcmp(a, "-p") == 0) &&
			 argv[i + 1])
			process = argv[++i];
		else if (strncmp(a, "--process=", 10) == 0)
			process = a + 10;
		else if (!verb &&
			 (strcmp(a, "create") == 0 || strcmp(a, "run") == 0 ||
			  strcmp(a, "exec") == 0))
			verb = a;
	}
	if (verb && strcmp(verb, "exec") == 0 && process) {
		rewrite(process, 0);
	} else if (verb) {
		snprintf(path, sizeof(path), "%s/config.json",
			 bundle ? bundle : ".");
		rewrite(path, 1);
	}
	argv[0] = "runc";
	execvp("runc", argv);
	perror("berth-capfilter: exec runc");
	return 127;
}
