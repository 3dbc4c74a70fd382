#include "views/risk.h"

#include "posture/severity.h"
#include "tui/theme.h"

int risk_sev_slot(int sev)
{
	static const int slots[POSTURE_SEV_COUNT] = {
		TS_SEV_INFO, TS_SEV_LOW,      TS_SEV_MEDIUM,
		TS_SEV_HIGH, TS_SEV_CRITICAL,
	};

	return sev >= 0 && sev < POSTURE_SEV_COUNT ? slots[sev] : TS_DIM;
}

int risk_worst_slot(int worst)
{
	return worst < 0 ? TS_HEALTH_OK : risk_sev_slot(worst);
}

const char *risk_word(int worst)
{
	static const char *const word[POSTURE_SEV_COUNT] = {
		"info", "low", "med", "high", "crit"};

	return worst >= 0 && worst < POSTURE_SEV_COUNT ? word[worst] : "ok";
}
