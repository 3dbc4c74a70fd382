#ifndef BERTH_CLI_AUDIT_TEXT_H
#define BERTH_CLI_AUDIT_TEXT_H

#include <stdio.h>

#include "posture/report.h"

/* `berth audit` for people: grouped by object, worst object first; all
 * outside text sanitized (cli_put), colours when color is set. */
void audit_text(FILE *out, const struct audit_report *r, int color);
/* One finding, as audit_text prints it under its object. */
void audit_text_finding(FILE *out, const struct posture_finding *f, int color);

#endif
