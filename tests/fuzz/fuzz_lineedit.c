/* The line editor and the text fitting under arbitrary keys and bytes. */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/lineedit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fit_and_wrap(const char *s, size_t len, int width)
{
	wchar_t out[64];
	size_t at = 0, next;
	int cols;

	text_fit(s, width, out, 64, &cols);
	if (cols > width && width > 0)
		abort();
	while (at < len) {
		text_wrap(s + at, len - at, width, &next);
		if (next == 0)
			abort(); /* wrapping must always move on */
		at += next;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct lineedit le;
	char text[LINEEDIT_MAX + 1], *s;
	size_t i, half = size / 2;
	int key, width;

	setlocale(LC_ALL, "C.UTF-8");
	if (size < 2)
		return 0;
	width = data[0] % 40;
	s = malloc(half + 1);
	if (!s)
		return 0;
	memcpy(s, data, half);
	s[half] = 0;
	fit_and_wrap(s, strlen(s), width);
	lineedit_init(&le, data[1]);
	lineedit_set(&le, s);
	for (i = half; i + 3 <= size; i += 3) {
		key = data[i] << 16 | data[i + 1] << 8 | data[i + 2];
		if (data[i] & 0x80)
			key = 0x200000 + (key & 0x1ff);
		lineedit_key(&le, key);
		if (le.cur > le.len || le.bytes > le.max)
			abort();
		if (lineedit_scroll(&le, width) > (width > 1 ? width : 1))
			abort();
	}
	if (lineedit_text(&le, text, sizeof(text)) != le.bytes)
		abort();
	free(s);
	return 0;
}
