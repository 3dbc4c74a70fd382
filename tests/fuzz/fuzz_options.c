/* libFuzzer target: the config file parser and key names. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct options o;
	char err[512], *s;

	if (options_init(&o) != 0)
		return 0;
	options_parse_buffer(&o, (const char *)data, size, "fuzz", err,
			     sizeof(err));
	if (o.theme == NULL || o.shell == NULL || o.host == NULL ||
	    o.log_tail < 0 || o.refresh_ms < 16)
		abort();
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
