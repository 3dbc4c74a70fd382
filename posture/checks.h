#ifndef BERTH_POSTURE_CHECKS_H
#define BERTH_POSTURE_CHECKS_H

#include <stddef.h>
#include <stdint.h>

#include "api/container_hostconfig.h"
#include "posture/rule.h"

/*
 * The check functions the rule table points at, and the pure helpers they
 * share (exported for the unit tests).  Each check emits at most one
 * finding per object, its evidence listing every offending item.
 */

/* Evidence under construction: items joined with "; ", cut with "...". */
struct posture_ev {
	char s[768];
	size_t len;
	int n;
	int cut;
	const char *fix; /* static; NULL: the rule's own fix */
};

void posture_ev_add(struct posture_ev *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Emits one finding for x's object when e holds anything. */
void posture_emit(const struct posture_rule *r, const struct posture_ctx *x,
		  struct posture_findings *out, enum posture_severity sev,
		  const struct posture_ev *e);

/* Capabilities: names as the kernel has them, without "CAP_". */
#define POSTURE_CAP_COUNT 41
/* The index of a name ("sys_admin", "CAP_SYS_ADMIN"), -1 if unknown. */
int posture_cap_index(const char *name);
const char *posture_cap_name(int i);
uint64_t posture_caps_default(void);
uint64_t posture_caps_all(void);
/* What the engine grants (moby's TweakCapabilities): privileged is
 * everything; cap-add ALL is everything but the named drops; cap-drop ALL
 * keeps only the adds; else default - drop + add (an add wins). */
uint64_t posture_caps_effective(const struct api_host_config *hc);
/* The escape-grade capabilities: severity, or -1 for an ordinary one. */
int posture_cap_escape_grade(int i);

/* "", "0", "root", "0:0", "root:x" are root; "1000", "app" are not. */
int posture_user_is_root(const char *user);
/* The sensitive host directory (e.g. "/etc") the path is or lies under,
 * or NULL; "/etcetera" is not under "/etc". */
const char *posture_path_sensitive(const char *path);
/* A docker.sock, the well-known socket paths, or the engine's own. */
int posture_path_docker_socket(const char *path, const char *engine_socket);
/* NULL, "", "0.0.0.0", "::" and "[::]" mean every interface. */
int posture_ip_all_interfaces(const char *ip);
/* The first port of "80" or "8000-8010"; 0 when empty or invalid. */
long posture_port_first(const char *port);
/* Whether a security option is key=value or the legacy key:value
 * ("seccomp", "unconfined"); value NULL matches the bare key. */
int posture_secopt_is(const struct api_host_config *hc, const char *key,
		      const char *value);

/* check_caps.c */
void posture_check_caps_added(const struct posture_rule *r,
			      const struct posture_ctx *x,
			      struct posture_findings *out);
void posture_check_caps_escape(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out);

/* check_confine.c; user and healthcheck judge a container or an image */
void posture_check_user(const struct posture_rule *r,
			const struct posture_ctx *x,
			struct posture_findings *out);
void posture_check_apparmor(const struct posture_rule *r,
			    const struct posture_ctx *x,
			    struct posture_findings *out);
void posture_check_selinux(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out);
void posture_check_privileged(const struct posture_rule *r,
			      const struct posture_ctx *x,
			      struct posture_findings *out);
void posture_check_seccomp(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out);
void posture_check_nnp(const struct posture_rule *r,
		       const struct posture_ctx *x,
		       struct posture_findings *out);
void posture_check_readonly(const struct posture_rule *r,
			    const struct posture_ctx *x,
			    struct posture_findings *out);

/* check_container.c */
void posture_check_health_runtime(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out);
void posture_check_health(const struct posture_rule *r,
			  const struct posture_ctx *x,
			  struct posture_findings *out);
void posture_check_namespace(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out);
void posture_check_memory(const struct posture_rule *r,
			  const struct posture_ctx *x,
			  struct posture_findings *out);
void posture_check_cpu(const struct posture_rule *r,
		       const struct posture_ctx *x,
		       struct posture_findings *out);
void posture_check_pids(const struct posture_rule *r,
			const struct posture_ctx *x,
			struct posture_findings *out);
void posture_check_restart(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out);
void posture_check_devices(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out);
void posture_check_ulimits(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out);
void posture_check_cgroup_parent(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out);
void posture_check_default_bridge(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out);

/* check_mounts.c */
void posture_check_sensitive_mounts(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out);
void posture_check_propagation(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out);
void posture_check_docker_socket(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out);
void posture_check_low_ports(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out);
void posture_check_all_interfaces(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out);

/* check_process.c: a running container's processes (x->top) */
void posture_check_sshd(const struct posture_rule *r,
			const struct posture_ctx *x,
			struct posture_findings *out);
/* check_container.c: the log configuration (persistent and bounded
 * logs): json-file without max-size (or -1), local with -1; none. */
void posture_check_logs_unbounded(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out);
void posture_check_logs_none(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out);
/* check_drift.c: files of the image's programs or configuration that a
 * running container changed; the directories a path lies under. */
void posture_check_drift(const struct posture_rule *r,
			 const struct posture_ctx *x,
			 struct posture_findings *out);
/* The immutable tree a path is in ("/usr", "/etc" ...), or NULL. */
const char *posture_drift_tree(const char *path);
void posture_check_one_app(const struct posture_rule *r,
			   const struct posture_ctx *x,
			   struct posture_findings *out);
/* Pure, for tests: the program a ps CMD line runs ("sshd" for
 * "/usr/sbin/sshd -D", for "sshd: /usr/sbin/sshd [listener]" and for
 * "/bin/sh /usr/sbin/sshd"), into out. */
void posture_cmd_program(const char *cmd, char *out, size_t n);

/* check_engine.c: an engine with neither AppArmor nor SELinux */
void posture_check_engine_mac(const struct posture_rule *r,
			      const struct posture_ctx *x,
			      struct posture_findings *out);

/* check_image.c */
void posture_check_image_healthcheck(const struct posture_rule *r,
				     const struct posture_ctx *x,
				     struct posture_findings *out);
/* Pure, for tests: 1 when a RUN's command line refreshes a package index
 * (apt-get update, apk update, yum/dnf makecache, zypper refresh) and
 * installs nothing in the same RUN. */
int posture_run_update_alone(const char *run);
void posture_check_image_update(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out);
void posture_check_image_add(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out);
/* The RUN part of a history line ("/bin/sh -c CMD"), NULL for another
 * instruction. */
const char *posture_run_text(const char *created_by);
/* The RUN part of the image's history line i, NULL for none. */
const char *posture_layer_run(const struct posture_ctx *x, size_t i);
/* A variable name that says it holds a secret (n bytes of name). */
int posture_secret_name(const char *name, size_t n);
/* What a credential-looking text is ("a private key"), or NULL. */
const char *posture_secret_value(const char *v);
void posture_check_image_secrets(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out);
void posture_check_image_unverified(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out);
void posture_check_image_copyall(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out);

/* check_image_contents.c: what the export holds (x->contents) */
void posture_check_image_setuid(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out);
void posture_check_image_eol(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out);

/* check_image_origin.c */
struct api_ref;
struct posture_policy;
/* "official", "trusted", "a user namespace on Docker Hub" or "a
 * registry not in trusted_registries" (policy may be NULL). */
const char *posture_ref_origin(const struct posture_policy *p,
			       const struct api_ref *r);
void posture_check_image_unofficial(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out);
void posture_check_image_age(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out);

/* check_image_pkgs.c.  Pure, for tests: the packages a RUN line
 * installs without a version (apt, apk, yum/dnf, pip, npm, gem), their
 * count, the first of them named in list. */
int posture_run_unpinned(const char *run, char *list, size_t cap);
void posture_check_image_unpinned(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out);

void posture_check_image_tag(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out);

/* check_engine.c */
void posture_check_image_sprawl(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out);
void posture_check_engine_rule(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out);

#endif
