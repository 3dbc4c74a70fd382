#ifndef BERTH_POSTURE_CHECK_HOST_H
#define BERTH_POSTURE_CHECK_HOST_H

#include "posture/hostfacts.h"
#include "posture/rule.h"

/*
 * The host rules' check functions (rows of posture_rules[] with scope
 * POSTURE_SCOPE_HOST).  Each reads x->host only.  When the engine is
 * remote, only berth.host.remote speaks; when berth could not read a
 * file, the rule gives an info "could not check" finding, never a pass.
 */

/* check_host.c: section 1, the version and the remote note */
void posture_check_host_remote(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out);
void posture_check_host_partition(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out);
void posture_check_host_audit_file(const struct posture_rule *r,
				   const struct posture_ctx *x,
				   struct posture_findings *out);
void posture_check_host_audit(const struct posture_rule *r,
			      const struct posture_ctx *x,
			      struct posture_findings *out);
void posture_check_host_version(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out);

/* check_host_flags.c: section 2 from the daemon's argv and daemon.json */
void posture_check_host_cmdline(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out);
void posture_check_host_flag(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out);

/* check_host_files.c: section 3 and who can reach the daemon */
void posture_check_host_access(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out);
void posture_check_host_file(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out);

/* A Docker engine feature release the build knows of. */
struct posture_engine_release {
	int major, minor;
	const char *date; /* of its first release, YYYY-MM-DD */
};
/* The release line of version ("20.10.24+dfsg1": 20.10), or NULL. */
const struct posture_engine_release *
posture_engine_release_find(const char *version);
const struct posture_engine_release *posture_engine_release_newest(void);
/* "20.10.24+dfsg1" -> 20, 10; -1 when it is not a version. */
int posture_version_split(const char *version, int *major, int *minor);

#endif
