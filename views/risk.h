#ifndef BERTH_VIEWS_RISK_H
#define BERTH_VIEWS_RISK_H

/*
 * How a severity looks wherever a pane shows one: the theme slot of a
 * severity and the short word of a RISK cell.  One place, so the
 * containers, images and posture panes colour a verdict alike.
 */

/* TS_SEV_* for a posture severity, TS_DIM for anything else. */
int risk_sev_slot(int sev);
/* A RISK cell's slot for the worst severity (-1: nothing found). */
int risk_worst_slot(int worst);
/* "crit", "high", "med", "low", "info", or "ok" for -1. */
const char *risk_word(int worst);

#endif
