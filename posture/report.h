#ifndef BERTH_POSTURE_REPORT_H
#define BERTH_POSTURE_REPORT_H

#include <time.h>

#include "posture/finding.h"

/*
 * The report formats of `berth audit` that programs read (the text one,
 * for people at a terminal, is cli/audit_text.h).
 *
 * JSON (--format json), one object:
 *   {"engine": {"host", "name", "version", "api_version"},
 *    "generated": "2024-05-01T12:00:00Z", "score": 0..100,
 *    "summary": {"critical": n, "high": n, "medium": n, "low": n,
 *                "info": n, "total": n},
 *    "findings": [{"id", "severity", "scope": "container|image|engine",
 *                  "object", "object_id", "title", "evidence", "why",
 *                  "fix"}, ...]}          worst first
 * Strings the engine did not give are null.
 *
 * SARIF 2.1.0 (--format sarif): one run; tool.driver.rules[] is the whole
 * rule table (defaultConfiguration.level from its severity: critical and
 * high are "error", medium "warning", low and info "note"); one result
 * per finding, its level from the finding's own severity and a
 * logicalLocation naming the container, image or engine.
 */

enum audit_format {
	AUDIT_TEXT,
	AUDIT_JSON,
	AUDIT_SARIF,
};

struct audit_report {
	const char *host; /* the engine's address */
	const char *engine_name;
	const char *engine_version;
	const char *api_version;
	time_t generated;
	const struct posture_findings *findings; /* sorted worst first */
};

/* One finding as the JSON report has it (NULL when out of memory). */
struct cJSON;
struct cJSON *audit_finding_json(const struct posture_finding *f);
/* Adds "summary" (counts by severity, total, accepted) and "findings"
 * to root; -1 when out of memory. */
int audit_findings_add(struct cJSON *root, const struct posture_findings *f);
/* 0, or -1 for a name other than text, json or sarif. */
int audit_format_parse(const char *s, enum audit_format *out);
/* The "level" SARIF gives a severity. */
const char *audit_sarif_level(enum posture_severity s);
/* Printed JSON (free it), or NULL when out of memory. */
char *audit_json(const struct audit_report *r);
char *audit_sarif(const struct audit_report *r);
#endif
