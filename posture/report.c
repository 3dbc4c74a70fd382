#include "posture/report.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "posture/rules.h"
#include "posture/score.h"

int audit_format_parse(const char *s, enum audit_format *out)
{
	if (!s)
		return -1;
	if (strcmp(s, "text") == 0)
		*out = AUDIT_TEXT;
	else if (strcmp(s, "json") == 0)
		*out = AUDIT_JSON;
	else if (strcmp(s, "sarif") == 0)
		*out = AUDIT_SARIF;
	else
		return -1;
	return 0;
}

const char *audit_sarif_level(enum posture_severity s)
{
	if (s >= POSTURE_SEV_HIGH)
		return "error";
	if (s == POSTURE_SEV_MEDIUM)
		return "warning";
	return "note";
}

/* cJSON_AddStringToObject with NULL as null. */
static void add_str(cJSON *o, const char *k, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

static void iso_time(time_t t, char *buf, size_t len)
{
	struct tm tm;

	if (!gmtime_r(&t, &tm) ||
	    strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, len, "1970-01-01T00:00:00Z");
}

/* An acceptance that matched: accepted, or ran out (then it counts). */
static cJSON *acceptance_json(const struct posture_finding *f)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddBoolToObject(o, "accepted", posture_finding_accepted(f));
	add_str(o, "reason", f->accept.reason);
	add_str(o, "where", f->accept.where);
	add_str(o, "until", f->accept.until[0] ? f->accept.until : NULL);
	return o;
}

cJSON *audit_finding_json(const struct posture_finding *f)
{
	cJSON *o = cJSON_CreateObject();

	if (!o)
		return NULL;
	add_str(o, "id", f->rule->id);
	add_str(o, "severity", posture_severity_name(f->severity));
	add_str(o, "scope", posture_scope_name(f->scope));
	add_str(o, "object", f->object);
	add_str(o, "object_id", f->object_id);
	add_str(o, "title", f->rule->title);
	add_str(o, "evidence", f->evidence);
	add_str(o, "why", f->rule->why);
	add_str(o, "fix", posture_finding_fix(f));
	if (f->accept.reason)
		cJSON_AddItemToObject(o, "acceptance", acceptance_json(f));
	return o;
}

int audit_findings_add(struct cJSON *root, const struct posture_findings *f)
{
	size_t counts[POSTURE_SEV_COUNT], i, total = 0;
	cJSON *sum = cJSON_AddObjectToObject(root, "summary"), *arr;
	int s;

	posture_findings_counts(f, counts);
	for (s = POSTURE_SEV_COUNT - 1; s >= 0; s--) {
		cJSON_AddNumberToObject(
			sum, posture_severity_name((enum posture_severity)s),
			(double)counts[s]);
		total += counts[s];
	}
	cJSON_AddNumberToObject(sum, "total", (double)total);
	cJSON_AddNumberToObject(sum, "accepted",
				(double)posture_findings_accepted(f));
	arr = cJSON_AddArrayToObject(root, "findings");
	for (i = 0; arr && i < f->n; i++)
		if (!cJSON_AddItemToArray(arr,
					  audit_finding_json(&f->items[i])))
			break;
	return root && sum && arr && cJSON_GetArraySize(arr) == (int)f->n ? 0
									  : -1;
}

/* Every allocation is checked once at the end: cJSON's adders accept a
 * NULL parent or child, and a failed one leaves a key missing, which
 * cJSON_Print's own NULL or the count check below catches. */
char *audit_json(const struct audit_report *r)
{
	cJSON *root = cJSON_CreateObject(), *eng;
	char when[32];
	char *out = NULL;

	eng = cJSON_AddObjectToObject(root, "engine");
	add_str(eng, "host", r->host);
	add_str(eng, "name", r->engine_name);
	add_str(eng, "version", r->engine_version);
	add_str(eng, "api_version", r->api_version);
	iso_time(r->generated, when, sizeof(when));
	add_str(root, "generated", when);
	cJSON_AddNumberToObject(root, "score", posture_score(r->findings));
	if (audit_findings_add(root, r->findings) == 0)
		out = cJSON_Print(root);
	cJSON_Delete(root);
	return out;
}

static cJSON *text_obj(const char *text)
{
	cJSON *o = cJSON_CreateObject();

	add_str(o, "text", text);
	return o;
}

static cJSON *sarif_rules(void)
{
	cJSON *rules = cJSON_CreateArray(), *o, *cfg;
	size_t i;

	for (i = 0; rules && i < posture_rules_n; i++) {
		const struct posture_rule *ru = &posture_rules[i];
		o = cJSON_CreateObject();
		if (!cJSON_AddItemToArray(rules, o)) {
			cJSON_Delete(o);
			cJSON_Delete(rules);
			return NULL;
		}
		add_str(o, "id", ru->id);
		add_str(o, "name", ru->title);
		cJSON_AddItemToObject(o, "shortDescription",
				      text_obj(ru->title));
		cJSON_AddItemToObject(o, "fullDescription", text_obj(ru->why));
		cJSON_AddItemToObject(o, "help", text_obj(ru->fix));
		cfg = cJSON_AddObjectToObject(o, "defaultConfiguration");
		add_str(cfg, "level", audit_sarif_level(ru->severity));
	}
	return rules;
}

static size_t rule_index(const struct posture_rule *r)
{
	return (size_t)(r - posture_rules);
}

/* SARIF's word for an accepted risk: a label is on the container itself
 * ("inSource"), a config line beside it ("external"). */
static cJSON *sarif_suppressions(const struct posture_finding *f)
{
	cJSON *arr = cJSON_CreateArray(), *s = cJSON_CreateObject();
	char why[800];

	cJSON_AddItemToArray(arr, s);
	add_str(s, "kind",
		strncmp(f->accept.where, "label ", 6) == 0 ? "inSource"
							   : "external");
	add_str(s, "status", "accepted");
	snprintf(why, sizeof(why), "%.500s (%.200s%s%s)", f->accept.reason,
		 f->accept.where, f->accept.until[0] ? ", until " : "",
		 f->accept.until);
	add_str(s, "justification", why);
	return arr;
}

static cJSON *sarif_result(const struct posture_finding *f)
{
	cJSON *o = cJSON_CreateObject(), *locs, *loc, *logs, *ll, *props;
	char msg[1024];

	snprintf(msg, sizeof(msg), "%s: %s", f->rule->title,
		 f->evidence ? f->evidence : "");
	add_str(o, "ruleId", f->rule->id);
	cJSON_AddNumberToObject(o, "ruleIndex", (double)rule_index(f->rule));
	add_str(o, "level", audit_sarif_level(f->severity));
	cJSON_AddItemToObject(o, "message", text_obj(msg));
	locs = cJSON_AddArrayToObject(o, "locations");
	loc = cJSON_CreateObject();
	cJSON_AddItemToArray(locs, loc);
	logs = cJSON_AddArrayToObject(loc, "logicalLocations");
	ll = cJSON_CreateObject();
	cJSON_AddItemToArray(logs, ll);
	add_str(ll, "name", f->object);
	snprintf(msg, sizeof(msg), "%s/%s", posture_scope_name(f->scope),
		 f->object ? f->object : "");
	add_str(ll, "fullyQualifiedName", msg);
	add_str(ll, "kind", "resource");
	props = cJSON_AddObjectToObject(o, "properties");
	add_str(props, "severity", posture_severity_name(f->severity));
	add_str(props, "objectId", f->object_id);
	if (posture_finding_accepted(f))
		cJSON_AddItemToObject(o, "suppressions", sarif_suppressions(f));
	else if (f->accept.reason)
		add_str(props, "acceptanceExpired", f->accept.until);
	return o;
}

char *audit_sarif(const struct audit_report *r)
{
	cJSON *root = cJSON_CreateObject(), *runs, *run, *tool, *drv, *res;
	char *out = NULL;
	size_t i;

	add_str(root, "$schema",
		"https://json.schemastore.org/sarif-2.1.0.json");
	add_str(root, "version", "2.1.0");
	runs = cJSON_AddArrayToObject(root, "runs");
	run = cJSON_CreateObject();
	cJSON_AddItemToArray(runs, run);
	tool = cJSON_AddObjectToObject(run, "tool");
	drv = cJSON_AddObjectToObject(tool, "driver");
	add_str(drv, "name", "berth");
	add_str(drv, "version", BERTH_VERSION);
	cJSON_AddItemToObject(drv, "rules", sarif_rules());
	res = cJSON_AddArrayToObject(run, "results");
	for (i = 0; res && i < r->findings->n; i++)
		cJSON_AddItemToArray(res, sarif_result(&r->findings->items[i]));
	if (res && cJSON_GetArraySize(res) == (int)r->findings->n &&
	    cJSON_GetArraySize(cJSON_GetObjectItem(drv, "rules")) ==
		    (int)posture_rules_n)
		out = cJSON_Print(root);
	cJSON_Delete(root);
	return out;
}
