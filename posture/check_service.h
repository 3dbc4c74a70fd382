#ifndef BERTH_POSTURE_CHECK_SERVICE_H
#define BERTH_POSTURE_CHECK_SERVICE_H

#include "api/swarm_service.h"
#include "posture/rule.h"

/*
 * The swarm service rules (scope POSTURE_SCOPE_SERVICE): they judge the
 * task template's container spec, what every task of the service will
 * run with, so a risky service is caught before (and however often) its
 * containers are replaced.  Pure: the caller lists the services.
 */

/* The rule table's checks; each reads x->service only. */
void posture_check_service_caps(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out);
void posture_check_service_socket(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out);
void posture_check_service_mounts(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out);
void posture_check_service_seccomp(const struct posture_rule *r,
				   const struct posture_ctx *x,
				   struct posture_findings *out);
void posture_check_service_apparmor(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out);
void posture_check_service_user(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out);
void posture_check_service_ports(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out);
void posture_check_service_memory(const struct posture_rule *r,
				  const struct posture_ctx *x,
				  struct posture_findings *out);
void posture_check_service_pids(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out);
void posture_check_service_cpu(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out);
void posture_check_service_readonly(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out);
void posture_check_service_nnp(const struct posture_rule *r,
			       const struct posture_ctx *x,
			       struct posture_findings *out);

#endif
