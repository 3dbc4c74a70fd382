#ifndef BERTH_POSTURE_RULE_TABLE_H
#define BERTH_POSTURE_RULE_TABLE_H

#include <stddef.h>

#include "posture/rule.h"

/*
 * The rule table: one row per rule, so the posture pane, `berth audit`
 * (and its SARIF rules[]), the man page and the accept lines' check all
 * come from the same place.
 */

extern const struct posture_rule posture_rules[];
extern const size_t posture_rules_n;

const struct posture_rule *posture_rule_find(const char *id);
/* The first scope the rule applies to: where a listing shows it once. */
enum posture_scope posture_rule_scope(const struct posture_rule *r);

#endif
