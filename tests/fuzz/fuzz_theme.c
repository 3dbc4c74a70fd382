/* libFuzzer target: the theme file parser and style strings. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char seen[TS_COUNT];
	struct theme t;
	struct theme_style st = {-1, -1, 0};
	char err[256], *s;
	int i, bold;

	if (theme_parse_buffer((const char *)data, size, "fuzz", &t, seen, err,
			       sizeof(err)) != 0 &&
	    memcmp(&t, &theme_builtin, sizeof(t)) != 0)
		abort();
	for (i = 0; i < TS_COUNT; i++) {
		if (t.s[i].fg < -1 || t.s[i].fg > 255 || t.s[i].bg < -1 ||
		    t.s[i].bg > 255)
			abort();
		if (theme_clamp_colour(t.s[i].fg, 8, &bold) > 7)
			abort();
	}
	theme_apply_no_color(&t);
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	theme_style_parse(s, &st, err, sizeof(err));
	free(s);
	return 0;
}
