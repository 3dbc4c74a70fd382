/* Any line a container writes: read as fields within its bytes (ASan
 * sees any read past them), every field inside the struct's buffer and
 * NUL-terminated at its length; and a filter text of any bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/log_fields.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct log_fields f;

static void check(const char *p, size_t n)
{
	if (p < f.buf || p + n >= f.buf + sizeof(f.buf) || p[n] != '\0')
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size ? size : 1), text[256];
	struct log_filter flt;
	size_t i;

	if (!line)
		return 0;
	memcpy(line, data, size);
	log_fields_parse(line, size, &f);
	if (f.n > LOG_FIELDS_MAX || f.used > sizeof(f.buf))
		abort();
	for (i = 0; i < f.n; i++) {
		check(f.f[i].key, f.f[i].key_len);
		check(f.f[i].val, f.f[i].val_len);
	}
	if (f.time >= (int)f.n || f.level >= (int)f.n || f.msg >= (int)f.n)
		abort();
	i = size < sizeof(text) ? size : sizeof(text) - 1;
	memcpy(text, data, i);
	text[i] = '\0';
	if (log_filter_parse(text, &flt))
		(void)log_filter_match(&flt, &f);
	free(line);
	return 0;
}
