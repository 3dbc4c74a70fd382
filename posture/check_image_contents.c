/* What the image's files say: CIS 4.8 setuid and setgid files, and
 * berth.image.eol, a base OS past its end of life. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/containers.h"
#include "posture/checks.h"
#include "posture/eol.h"
#include "posture/image_contents.h"
#include "posture/policy.h"

void posture_check_image_setuid(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out)
{
	const struct posture_image_contents *ic = x->contents;
	struct posture_ev e = {0};
	size_t i;

	for (i = 0; ic && i < ic->n_setuid; i++)
		posture_ev_add(&e, "/%s (%s%s%s, %04o)", ic->setuid[i].path,
			       ic->setuid[i].mode & 04000 ? "setuid" : "",
			       (ic->setuid[i].mode & 06000) == 06000 ? "+" : "",
			       ic->setuid[i].mode & 02000 ? "setgid" : "",
			       ic->setuid[i].mode & 07777);
	posture_emit(r, x, out, r->severity, &e);
}

void posture_check_image_eol(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	const struct posture_image_contents *ic = x->contents;
	const struct eol_entry *eol;
	struct posture_ev e = {0};
	int64_t now = x->now ? x->now : (int64_t)time(NULL), end;
	char day[24];

	if (!ic || !ic->have_os || !x->policy)
		return;
	eol = eol_find(&x->policy->eol, &ic->os);
	if (!eol)
		return;
	snprintf(day, sizeof(day), "%sT00:00:00Z", eol->eol);
	end = api_time_parse(day) + 86400; /* through that day */
	if (now < end)
		return;
	posture_ev_add(&e,
		       "/etc/os-release: %s (ID=%s VERSION_ID=%s), end of "
		       "life %s (%lld days ago; %s)",
		       ic->os.pretty[0] ? ic->os.pretty : eol->name, ic->os.id,
		       ic->os.version_id, eol->eol,
		       (long long)((now - end) / 86400 + 1), eol->source);
	posture_emit(r, x, out, r->severity, &e);
}
