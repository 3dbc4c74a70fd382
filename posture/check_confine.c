#include <stdlib.h>
#include <string.h>

#include "posture/checks.h"
#include "posture/hostfacts.h"

int posture_user_is_root(const char *user)
{
	const char *colon;
	size_t n;
	char *end;
	long v;

	if (!user || !*user)
		return 1;
	colon = strchr(user, ':');
	n = colon ? (size_t)(colon - user) : strlen(user);
	/* ":1000" sets only the group: the user stays the image's, root. */
	if (n == 0)
		return 1;
	if (n == 4 && strncmp(user, "root", 4) == 0)
		return 1;
	if (user[0] < '0' || user[0] > '9')
		return 0;
	v = strtol(user, &end, 10);
	return (size_t)(end - user) == n && v == 0;
}

int posture_secopt_is(const struct api_host_config *hc, const char *key,
		      const char *value)
{
	size_t i, k = strlen(key);
	const char *o;

	for (i = 0; i < hc->security_opt.n; i++) {
		o = hc->security_opt.v[i];
		if (!o || strncmp(o, key, k) != 0)
			continue;
		if (!value && o[k] == '\0')
			return 1;
		if (value && (o[k] == '=' || o[k] == ':') &&
		    strcmp(o + k + 1, value) == 0)
			return 1;
	}
	return 0;
}

void posture_check_user(const struct posture_rule *r,
			const struct posture_ctx *x,
			struct posture_findings *out)
{
	const char *u = x->scope == POSTURE_SCOPE_IMAGE
				? x->image->config.user
				: x->container->config.user;
	struct posture_ev e = {0};

	if (posture_user_is_root(u))
		posture_ev_add(&e, "Config.User=\"%s\"", api_str(u));
	posture_emit(r, x, out, r->severity, &e);
}

/* Privileged switches every confinement off, whatever the fields say:
 * then dropping it is the fix, unless an opt-out of the rule's own is
 * there too (the fix names both). */
static void privileged_evidence(const struct posture_ctx *x,
				struct posture_ev *e)
{
	if (!x->container->host_config.privileged)
		return;
	posture_ev_add(e, "HostConfig.Privileged=true");
	e->fix = "drop --privileged (it turns AppArmor, SELinux and seccomp "
		 "off); grant only the capabilities or devices needed";
}

/* An explicit opt-out beside --privileged: both have to go. */
static void opt_out_too(struct posture_ev *e, const char *both)
{
	if (e->fix)
		e->fix = both;
}

/* CIS 5.2 and 5.3 apply "if applicable": to the engine's own mandatory
 * access control.  Unknown (no /info): judged on what the container
 * opts out of.  An engine with neither confines no container at all:
 * every container fails both, with the engine's options as evidence. */
enum mac { MAC_UNKNOWN, MAC_NONE, MAC_APPARMOR, MAC_SELINUX };

static enum mac engine_mac(const struct posture_ctx *x)
{
	if (!x->info)
		return MAC_UNKNOWN;
	if (x->info->security.apparmor)
		return MAC_APPARMOR;
	if (x->info->security.selinux)
		return MAC_SELINUX;
	return MAC_NONE;
}

static void no_mac_evidence(const struct posture_ctx *x, struct posture_ev *e)
{
	size_t i, off = 0;
	char opts[200] = "";

	for (i = 0; i < x->info->security_options.n && off < sizeof(opts); i++)
		off += (size_t)snprintf(opts + off, sizeof(opts) - off, "%s%s",
					i ? " " : "",
					x->info->security_options.v[i]);
	posture_ev_add(e,
		       "engine SecurityOptions [%s]: neither apparmor nor "
		       "selinux",
		       opts);
	e->fix = "confine the engine first: run dockerd where AppArmor is "
		 "enabled, or with --selinux-enabled (berth.engine.mac)";
}

void posture_check_apparmor(const struct posture_rule *r,
			    const struct posture_ctx *x,
			    struct posture_findings *out)
{
	const struct api_container_inspect *ci = x->container;
	struct posture_ev e = {0};
	enum mac m = engine_mac(x);

	if (m == MAC_SELINUX)
		return; /* not applicable: 5.3 judges this engine */
	if (m == MAC_NONE)
		no_mac_evidence(x, &e);
	privileged_evidence(x, &e);
	if (posture_secopt_is(&ci->host_config, "apparmor", "unconfined")) {
		posture_ev_add(&e,
			       "HostConfig.SecurityOpt=apparmor=unconfined");
		opt_out_too(&e, "drop --privileged and --security-opt "
				"apparmor=unconfined");
	} else if (m != MAC_NONE && ci->app_armor_profile &&
		   strcmp(ci->app_armor_profile, "unconfined") == 0 &&
		   !ci->host_config.privileged)
		posture_ev_add(&e, "AppArmorProfile=unconfined");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_selinux(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out)
{
	struct posture_ev e = {0};
	enum mac m = engine_mac(x);

	if (m == MAC_APPARMOR)
		return; /* not applicable: 5.2 judges this engine */
	if (m == MAC_NONE)
		no_mac_evidence(x, &e);
	privileged_evidence(x, &e);
	if (posture_secopt_is(&x->container->host_config, "label", "disable")) {
		posture_ev_add(&e, "HostConfig.SecurityOpt=label=disable");
		opt_out_too(
			&e,
			"drop --privileged and --security-opt label=disable");
	}
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_seccomp(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out)
{
	struct posture_ev e = {0};

	privileged_evidence(x, &e);
	if (posture_secopt_is(&x->container->host_config, "seccomp",
			      "unconfined")) {
		posture_ev_add(&e, "HostConfig.SecurityOpt=seccomp=unconfined");
		opt_out_too(&e, "drop --privileged and --security-opt "
				"seccomp=unconfined");
	}
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_privileged(const struct posture_rule *r,
			      const struct posture_ctx *x,
			      struct posture_findings *out)
{
	struct posture_ev e = {0};

	privileged_evidence(x, &e);
	posture_emit(r, x, out, r->severity, &e);
}

/* As the engine reads no-new-privileges (Go's ParseBool, the last one
 * wins): 1 or 0 when the container says, -1 when it leaves it to the
 * daemon. */
static int nnp_opt(const struct api_host_config *hc, const char **said)
{
	static const char *const yes[] = {"1",	  "t",	  "T",
					  "TRUE", "true", "True"};
	const char *o, *v;
	size_t i, k;
	int set = -1;

	for (i = 0; i < hc->security_opt.n; i++) {
		o = hc->security_opt.v[i];
		if (!o || strncmp(o, "no-new-privileges", 17) != 0)
			continue;
		if (o[17] == '\0') {
			set = 1;
		} else if (o[17] == '=' || o[17] == ':') {
			v = o + 18;
			set = 0;
			for (k = 0; k < sizeof(yes) / sizeof(yes[0]); k++)
				if (strcmp(v, yes[k]) == 0)
					set = 1;
		} else {
			continue;
		}
		*said = o;
	}
	return set;
}

void posture_check_nnp(const struct posture_rule *r,
		       const struct posture_ctx *x,
		       struct posture_findings *out)
{
	const struct api_host_config *hc = &x->container->host_config;
	const struct hostfacts *h = x->host;
	struct posture_ev e = {0};
	const char *said = NULL;
	int set = nnp_opt(hc, &said);

	/* dockerd --no-new-privileges sets it for every container that does
	 * not opt out, and leaves SecurityOpt empty. */
	if (set < 0 && h && !h->remote &&
	    hostfacts_opt_bool(h, "no-new-privileges", 0))
		set = 1;
	if (set == 0)
		posture_ev_add(&e, "HostConfig.SecurityOpt=%s", said);
	else if (set < 0)
		posture_ev_add(&e, "HostConfig.SecurityOpt lacks "
				   "no-new-privileges");
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_readonly(const struct posture_rule *r,
			    const struct posture_ctx *x,
			    struct posture_findings *out)
{
	struct posture_ev e = {0};

	if (!x->container->host_config.readonly_rootfs)
		posture_ev_add(&e, "HostConfig.ReadonlyRootfs=false");
	posture_emit(r, x, out, r->severity, &e);
}
