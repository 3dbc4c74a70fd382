#include "posture/severity.h"

#include <string.h>

static const char *const sev_names[POSTURE_SEV_COUNT] = {
	"info", "low", "medium", "high", "critical",
};

const char *posture_severity_name(enum posture_severity s)
{
	if ((int)s < 0 || (int)s >= POSTURE_SEV_COUNT)
		return "unknown";
	return sev_names[s];
}

int posture_severity_parse(const char *s, enum posture_severity *out)
{
	int i;

	for (i = 0; s && i < POSTURE_SEV_COUNT; i++) {
		if (strcmp(s, sev_names[i]) == 0) {
			*out = (enum posture_severity)i;
			return 0;
		}
	}
	return -1;
}

const char *posture_scope_name(enum posture_scope s)
{
	switch (s) {
	case POSTURE_SCOPE_CONTAINER:
		return "container";
	case POSTURE_SCOPE_IMAGE:
		return "image";
	case POSTURE_SCOPE_ENGINE:
		return "engine";
	case POSTURE_SCOPE_HOST:
		return "host";
	case POSTURE_SCOPE_SERVICE:
		return "service";
	}
	return "unknown";
}
