#ifndef BERTH_POSTURE_SEVERITY_H
#define BERTH_POSTURE_SEVERITY_H

/*
 * How bad a finding is and what kind of object it is about: the two
 * scales every rule (posture/rule.h) and every finding
 * (posture/finding.h) share, with their names in reports.
 */

/* Ordered: a larger value is worse. */
enum posture_severity {
	POSTURE_SEV_INFO,
	POSTURE_SEV_LOW,
	POSTURE_SEV_MEDIUM,
	POSTURE_SEV_HIGH,
	POSTURE_SEV_CRITICAL,
};
#define POSTURE_SEV_COUNT 5

enum posture_scope {
	POSTURE_SCOPE_CONTAINER,
	POSTURE_SCOPE_IMAGE,
	POSTURE_SCOPE_ENGINE,
	POSTURE_SCOPE_HOST,    /* the engine's own host: files, flags */
	POSTURE_SCOPE_SERVICE, /* a swarm service's task template */
};

/* "critical", "high", ...; posture_severity_parse returns -1 if unknown. */
const char *posture_severity_name(enum posture_severity s);
int posture_severity_parse(const char *s, enum posture_severity *out);
const char *posture_scope_name(enum posture_scope s);

#endif
