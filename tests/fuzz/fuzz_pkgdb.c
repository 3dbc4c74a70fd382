/* The texts an image's files and berth's own files hold: the first byte
 * picks the reader (os-release, dpkg status, apk installed, the
 * end-of-life table, a contents cache file), the rest is its input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "posture/contents_cache.h"
#include "posture/eol.h"
#include "posture/pkgdb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *t = (const char *)data + 1;
	struct posture_image_contents ic;
	struct pkgdb_list l = {0};
	struct eol_table e = {0};
	struct pkgdb_os os;
	char msg[256];
	size_t n;

	if (size < 1)
		return 0;
	n = size - 1;
	switch (data[0] % 5) {
	case 0:
		if (pkgdb_os_release(t, n, &os) == 0)
			(void)eol_find(&e, &os);
		break;
	case 1:
		pkgdb_dpkg_status(t, n, &l);
		pkgdb_sort(&l);
		break;
	case 2:
		pkgdb_apk_installed(t, n, &l);
		pkgdb_sort(&l);
		break;
	case 3:
		eol_parse(&e, t, n, msg, sizeof(msg));
		memset(&os, 0, sizeof(os));
		strcpy(os.id, "debian");
		strcpy(os.version_id, "12.1");
		(void)eol_find(&e, &os);
		break;
	default:
		if (contents_cache_parse(t, n, &ic) == 0)
			posture_image_contents_free(&ic);
	}
	pkgdb_list_free(&l);
	eol_free(&e);
	return 0;
}
