#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "posture/severity.h"
#include "views/console.h"

struct api_client *cli_connect(const struct cli_opts *o)
{
	struct api_client *c = NULL;
	struct api_error err;

	api_error_clear(&err);
	if (api_client_new(&o->client, &c, &err) != API_OK) {
		cli_fail("engine address", &err);
		return NULL;
	}
	if (api_client_negotiate(c, &err) != API_OK) {
		cli_fail(NULL, &err);
		api_client_free(c);
		return NULL;
	}
	return c;
}

int cli_fail(const char *what, const struct api_error *err)
{
	char *w = console_sanitize_dup(what ? what : "");
	char *m = console_sanitize_dup(err->msg[0] ? err->msg
						   : api_code_str(err->code));

	if (what)
		fprintf(stderr, "berth: %s: %s\n", w ? w : "", m ? m : "");
	else
		fprintf(stderr, "berth: %s\n", m ? m : "");
	free(w);
	free(m);
	return 1;
}

void cli_put(FILE *out, const char *s, int width)
{
	char *clean = console_sanitize_dup(s);
	const unsigned char *p;
	int cols = 0;

	if (!clean)
		return;
	/* Columns counted per character, not per byte: good enough for
	 * the headless tables, which the console does properly. */
	for (p = (const unsigned char *)clean; *p; p++) {
		int lead = (*p & 0xc0) != 0x80;
		if (lead && width > 0 && cols >= width)
			break;
		cols += lead;
		fputc(*p, out);
	}
	while (width > 0 && cols++ < width)
		fputc(' ', out);
	free(clean);
}

int cli_fail_on_parse(const char *s, int *out)
{
	enum posture_severity sev;

	if (strcmp(s, "none") == 0) {
		*out = -1;
		return 0;
	}
	if (posture_severity_parse(s, &sev) != 0)
		return -1;
	*out = (int)sev;
	return 0;
}
