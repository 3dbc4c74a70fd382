/* libFuzzer target: the config file parser (its accept lines too) and
 * key names. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "posture/accept.h"
#include "tui/keyname.h"
#include "tui/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A name that parses formats to one that parses to the same key. */
static void fuzz_keyname(const char *s)
{
	char buf[KEYNAME_MAX];
	int key, back;

	if (keyname_parse(s, &key) != 0)
		return;
	keyname_format(key, buf, sizeof(buf));
	if (keyname_parse(buf, &back) != 0 || back != key)
		abort();
}

static int accept_line(void *ctx, char *const *w, int n, const char *where,
		       char *msg, size_t msglen)
{
	return posture_accepts_add(ctx, w, n, where, msg, msglen);
}

/* Every acceptance kept has a rule, a subject, a reason and a date
 * that is one. */
static void check_accepts(const struct posture_accepts *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (!a->items[i].rule || !a->items[i].subject ||
		    !a->items[i].reason || !*a->items[i].reason ||
		    (a->items[i].until[0] &&
		     !posture_accept_date_ok(a->items[i].until)))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct posture_accepts acc = {0};
	struct options_command cmd = {"accept", accept_line, &acc};
	struct options o;
	char err[512], *s;

	if (options_init(&o) != 0)
		return 0;
	options_parse_buffer_with(&o, (const char *)data, size, "fuzz", &cmd, 1,
				  err, sizeof(err));
	if (o.theme == NULL || o.shell == NULL || o.host == NULL ||
	    o.log_tail < 0 || o.refresh_ms < 16)
		abort();
	check_accepts(&acc);
	posture_accepts_free(&acc);
	options_free(&o);
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	fuzz_keyname(s);
	free(s);
	return 0;
}
