#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "posture/checks.h"

/* In the kernel's order, so a capability's index is its bit number. */
static const char *const cap_names[POSTURE_CAP_COUNT] = {
	"CHOWN",
	"DAC_OVERRIDE",
	"DAC_READ_SEARCH",
	"FOWNER",
	"FSETID",
	"KILL",
	"SETGID",
	"SETUID",
	"SETPCAP",
	"LINUX_IMMUTABLE",
	"NET_BIND_SERVICE",
	"NET_BROADCAST",
	"NET_ADMIN",
	"NET_RAW",
	"IPC_LOCK",
	"IPC_OWNER",
	"SYS_MODULE",
	"SYS_RAWIO",
	"SYS_CHROOT",
	"SYS_PTRACE",
	"SYS_PACCT",
	"SYS_ADMIN",
	"SYS_BOOT",
	"SYS_NICE",
	"SYS_RESOURCE",
	"SYS_TIME",
	"SYS_TTY_CONFIG",
	"MKNOD",
	"LEASE",
	"AUDIT_WRITE",
	"AUDIT_CONTROL",
	"SETFCAP",
	"MAC_OVERRIDE",
	"MAC_ADMIN",
	"SYSLOG",
	"WAKE_ALARM",
	"BLOCK_SUSPEND",
	"AUDIT_READ",
	"PERFMON",
	"BPF",
	"CHECKPOINT_RESTORE",
};

/* The engine's default set (moby oci/caps/defaults.go). */
static const char *const default_caps[] = {
	"CHOWN",   "DAC_OVERRIDE", "FSETID",	       "FOWNER",
	"MKNOD",   "NET_RAW",	   "SETGID",	       "SETUID",
	"SETFCAP", "SETPCAP",	   "NET_BIND_SERVICE", "SYS_CHROOT",
	"KILL",	   "AUDIT_WRITE",
};

/* Each has a published container escape or host-wide reach. */
static const struct {
	const char *name;
	enum posture_severity sev;
} escape_caps[] = {
	{"SYS_ADMIN", POSTURE_SEV_CRITICAL},
	{"SYS_MODULE", POSTURE_SEV_CRITICAL},
	{"SYS_RAWIO", POSTURE_SEV_CRITICAL},
	{"DAC_READ_SEARCH", POSTURE_SEV_CRITICAL},
	{"BPF", POSTURE_SEV_CRITICAL},
	{"SYS_PTRACE", POSTURE_SEV_HIGH},
	{"NET_ADMIN", POSTURE_SEV_HIGH},
	{"PERFMON", POSTURE_SEV_HIGH},
	{"SYS_BOOT", POSTURE_SEV_HIGH},
	{"SYS_TIME", POSTURE_SEV_HIGH},
	{"MAC_ADMIN", POSTURE_SEV_HIGH},
	{"MAC_OVERRIDE", POSTURE_SEV_HIGH},
	{"AUDIT_CONTROL", POSTURE_SEV_HIGH},
};

#define ALL_MASK ((UINT64_C(1) << POSTURE_CAP_COUNT) - 1)

static const char *strip_prefix(const char *name)
{
	if (strncasecmp(name, "CAP_", 4) == 0)
		return name + 4;
	return name;
}

int posture_cap_index(const char *name)
{
	int i;

	if (!name)
		return -1;
	name = strip_prefix(name);
	for (i = 0; i < POSTURE_CAP_COUNT; i++)
		if (strcasecmp(name, cap_names[i]) == 0)
			return i;
	return -1;
}

const char *posture_cap_name(int i)
{
	if (i < 0 || i >= POSTURE_CAP_COUNT)
		return "?";
	return cap_names[i];
}

uint64_t posture_caps_default(void)
{
	uint64_t m = 0;
	size_t i;

	for (i = 0; i < sizeof(default_caps) / sizeof(default_caps[0]); i++)
		m |= UINT64_C(1) << posture_cap_index(default_caps[i]);
	return m;
}

uint64_t posture_caps_all(void)
{
	return ALL_MASK;
}

static int has_all(const struct api_strv *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->v[i] && strcasecmp(strip_prefix(v->v[i]), "ALL") == 0)
			return 1;
	return 0;
}

static uint64_t mask_of(const struct api_strv *v)
{
	uint64_t m = 0;
	size_t i;
	int k;

	for (i = 0; i < v->n; i++) {
		k = posture_cap_index(v->v[i]);
		if (k >= 0)
			m |= UINT64_C(1) << k;
	}
	return m;
}

uint64_t posture_caps_effective(const struct api_host_config *hc)
{
	uint64_t add = mask_of(&hc->cap_add), drop = mask_of(&hc->cap_drop);

	if (hc->privileged)
		return ALL_MASK;
	if (has_all(&hc->cap_add))
		return ALL_MASK & ~drop; /* a drop of ALL names no cap */
	if (has_all(&hc->cap_drop))
		return add;
	return (posture_caps_default() & ~drop) | add;
}

int posture_cap_escape_grade(int i)
{
	size_t k;

	for (k = 0; k < sizeof(escape_caps) / sizeof(escape_caps[0]); k++)
		if (strcmp(posture_cap_name(i), escape_caps[k].name) == 0)
			return (int)escape_caps[k].sev;
	return -1;
}

/* Why the set is what it is, for the evidence. */
static void source_evidence(const struct api_host_config *hc,
			    struct posture_ev *e)
{
	size_t i;

	if (hc->privileged) {
		posture_ev_add(e, "HostConfig.Privileged=true (every "
				  "capability)");
		return;
	}
	for (i = 0; i < hc->cap_add.n; i++)
		if (hc->cap_add.v[i])
			posture_ev_add(e, "HostConfig.CapAdd=%s",
				       hc->cap_add.v[i]);
}

void posture_check_caps_added(const struct posture_rule *r,
			      const struct posture_ctx *x,
			      struct posture_findings *out)
{
	const struct api_host_config *hc = &x->container->host_config;
	uint64_t extra = posture_caps_effective(hc) & ~posture_caps_default();
	struct posture_ev e = {0};
	int i;

	if (!extra)
		return;
	source_evidence(hc, &e);
	if (extra == (ALL_MASK & ~posture_caps_default())) {
		posture_ev_add(&e, "effective: ALL");
	} else {
		for (i = 0; i < POSTURE_CAP_COUNT; i++)
			if (extra & (UINT64_C(1) << i))
				posture_ev_add(&e, "+%s", cap_names[i]);
	}
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_caps_escape(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out)
{
	const struct api_host_config *hc = &x->container->host_config;
	uint64_t eff = posture_caps_effective(hc);
	struct posture_ev e = {0};
	int i, g, worst = -1;

	for (i = 0; i < POSTURE_CAP_COUNT; i++) {
		g = posture_cap_escape_grade(i);
		if (g < 0 || !(eff & (UINT64_C(1) << i)))
			continue;
		if (!e.n)
			source_evidence(hc, &e);
		posture_ev_add(&e, "%s", cap_names[i]);
		if (g > worst)
			worst = g;
	}
	/* Every capability at once is the whole host, whichever is listed. */
	if (eff == ALL_MASK)
		worst = POSTURE_SEV_CRITICAL;
	if (worst >= 0)
		posture_emit(r, x, out, (enum posture_severity)worst, &e);
}
