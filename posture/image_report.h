#ifndef BERTH_POSTURE_IMAGE_REPORT_H
#define BERTH_POSTURE_IMAGE_REPORT_H

#include <stdint.h>

#include "api/image_ops.h"
#include "api/images.h"
#include "posture/finding.h"
#include "posture/image_contents.h"
#include "posture/policy.h"

/*
 * One image, everything berth knows of it (`berth image NAME`): where
 * it comes from, how it was built, what its files hold, its findings.
 * The JSON, one object:
 *
 *   {"image", "id", "created", "age_days", "architecture", "os", "size",
 *    "provenance": {"origin": "official|trusted|untrusted|local",
 *                   "references": [{"reference", "kind": "tag|digest",
 *                                   "registry", "repository", "tag",
 *                                   "digest", "origin"}]},
 *    "config": {"user", "entrypoint", "cmd", "working_dir", "env" (the
 *               names only: values may be secrets), "exposed_ports",
 *               "volumes", "healthcheck", "labels", "stop_signal"},
 *    "base_os": {"id", "version_id", "codename", "pretty_name", "eol",
 *                "eol_source", "supported"} or null,
 *    "packages": {"database": "dpkg|apk"|null, "count", "items":
 *                 [{"name", "version"}]},
 *    "setuid": [{"path", "mode", "layer"}],
 *    "layers": [{"index", "key", "created_by", "size", "files",
 *                "hidden_bytes", "added", "changed", "removed",
 *                "entries" (with files set: [{"path", "type", "mode",
 *                "size", "hidden"}])}],                   bottom first
 *    "files", "wasted_bytes" (bytes of files later layers replace or
 *    remove), "efficiency" and "dive_wasted_bytes" (dive's score and
 *    its wasted space, computed as dive does), "contents_error",
 *    "summary": {"critical"...,"info", "total", "accepted"},
 *    "findings": [...]}            as berth audit's
 *
 * Anything not read (no contents: --no-contents, or the export failed)
 * is null; contents_error says why.
 */

struct image_report {
	const char *name; /* as asked for */
	const struct api_image_inspect *img;
	const struct api_image_history *history;       /* may be NULL */
	const struct posture_image_contents *contents; /* may be NULL */
	const char *contents_error;		       /* may be NULL */
	const struct posture_policy *policy;	       /* may be NULL */
	const struct posture_findings *findings;       /* worst first */
	int64_t now;
	int files; /* every layer's entries too */
};

/* "official", "trusted", "untrusted" (from a registry not trusted) or
 * "local" (no registry digest: built or loaded here). */
const char *image_report_origin(const struct image_report *r);

/* Printed JSON (free it), or NULL when out of memory. */
char *image_report_json(const struct image_report *r);

#endif
