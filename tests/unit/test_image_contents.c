/* An image's files as its export holds them: layers put in the
 * manifest's order, whiteouts and opaque directories applied, the OS,
 * packages and setuid files of what is left; the parsers of os-release,
 * dpkg and apk databases, the end-of-life table and the disk cache. */
#include "tests/lib/testlib.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/image_export.h"
#include "posture/contents_cache.h"
#include "posture/eol.h"
#include "posture/image_contents.h"
#include "posture/pathset.h"
#include "posture/pkgdb.h"

#define BUF (1 << 20)
/* a literal and its length */
#define LIT(s) s, strlen(s)

/* A tar in memory: entries added with add(), closed by done(). */
struct tarw {
	struct archive *a;
	char *buf;
	size_t used;
};

static void tw_open(struct tarw *t)
{
	t->buf = malloc(BUF);
	t->a = archive_write_new();
	assert_non_null(t->buf);
	archive_write_set_format_pax_restricted(t->a);
	assert_int_equal(archive_write_open_memory(t->a, t->buf, BUF, &t->used),
			 ARCHIVE_OK);
}

static void tw_add(struct tarw *t, const char *path, unsigned type,
		   unsigned mode, const char *body, const char *link)
{
	struct archive_entry *e = archive_entry_new();
	size_t n = body ? strlen(body) : 0;

	archive_entry_set_pathname(e, path);
	archive_entry_set_filetype(e, type);
	archive_entry_set_perm(e, mode);
	archive_entry_set_size(e, (la_int64_t)n);
	if (link)
		archive_entry_set_symlink(e, link);
	assert_int_equal(archive_write_header(t->a, e), ARCHIVE_OK);
	if (n)
		assert_int_equal(archive_write_data(t->a, body, n),
				 (la_ssize_t)n);
	archive_entry_free(e);
}

static void tw_blob(struct tarw *t, const char *path, const char *data,
		    size_t n)
{
	struct archive_entry *e = archive_entry_new();

	archive_entry_set_pathname(e, path);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)n);
	assert_int_equal(archive_write_header(t->a, e), ARCHIVE_OK);
	assert_int_equal(archive_write_data(t->a, data, n), (la_ssize_t)n);
	archive_entry_free(e);
}

static void tw_done(struct tarw *t)
{
	assert_int_equal(archive_write_close(t->a), ARCHIVE_OK);
	archive_write_free(t->a);
}

#define SU "0123456789abcdefghij" /* 20 bytes of "binary" */

/* The export: the upper layer first, the manifest last, as the engine
 * writes it; the manifest says the lower one comes first. */
static void export(struct tarw *out)
{
	struct tarw l1, l2;

	tw_open(&l1);
	tw_add(&l1, "./etc", AE_IFDIR, 0755, NULL, NULL);
	tw_add(&l1, "etc/os-release", AE_IFLNK, 0777, NULL,
	       "../usr/lib/os-release");
	tw_add(&l1, "usr/lib/os-release", AE_IFREG, 0644,
	       "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.12.9\n"
	       "PRETTY_NAME=\"Alpine Linux v3.12\"\n",
	       NULL);
	tw_add(&l1, "lib/apk/db/installed", AE_IFREG, 0644,
	       "C:Q1x\nP:musl\nV:1.1.24-r10\n\nP:busybox\nV:1.31.1-r22\n\n",
	       NULL);
	tw_add(&l1, "bin/su", AE_IFREG, 04755, SU, NULL);
	tw_add(&l1, "bin/ok", AE_IFREG, 02711, "x", NULL);
	tw_add(&l1, "d/", AE_IFDIR, 0755, NULL, NULL);
	tw_add(&l1, "d/x", AE_IFREG, 0644, "0123456789", NULL);
	tw_add(&l1, "f", AE_IFREG, 0644, "hundred-ish bytes", NULL);
	tw_done(&l1);
	tw_open(&l2);
	tw_add(&l2, ".wh.f", AE_IFREG, 0644, NULL, NULL);
	tw_add(&l2, "d/.wh..wh..opq", AE_IFREG, 0644, NULL, NULL);
	tw_add(&l2, "d/y", AE_IFREG, 0644, "yy", NULL);
	tw_add(&l2, "bin/su", AE_IFREG, 0755, SU, NULL);
	tw_done(&l2);
	tw_open(out);
	tw_blob(out, "bbb/layer.tar", l2.buf, l2.used);
	tw_blob(out, "aaa/layer.tar", l1.buf, l1.used);
	tw_blob(out, "cfg.json",
		"{\"history\":[{\"created_by\":\"ADD rootfs\"},"
		"{\"created_by\":\"ENV A=1\",\"empty_layer\":true},"
		"{\"created_by\":\"RUN upgrade\"}]}",
		strlen("{\"history\":[{\"created_by\":\"ADD rootfs\"},"
		       "{\"created_by\":\"ENV A=1\",\"empty_layer\":true},"
		       "{\"created_by\":\"RUN upgrade\"}]}"));
	tw_blob(out, "manifest.json",
		"[{\"Config\":\"cfg.json\",\"Layers\":[\"aaa/layer.tar\","
		"\"bbb/layer.tar\"]}]",
		strlen("[{\"Config\":\"cfg.json\",\"Layers\":[\"aaa/"
		       "layer.tar\","
		       "\"bbb/layer.tar\"]}]"));
	tw_done(out);
	free(l1.buf);
	free(l2.buf);
}

static void collect(const char *buf, size_t n,
		    struct posture_image_contents *ic)
{
	struct pic_collect *k;
	struct api_export_visitor v;
	struct api_error err;

	memset(ic, 0, sizeof(*ic));
	k = pic_collect_new(ic);
	assert_non_null(k);
	pic_collect_visitor(k, &v);
	assert_int_equal(api_export_walk_memory(buf, n, &v, &err), API_OK);
	assert_int_equal(pic_collect_finish(k, &err), API_OK);
	pic_collect_free(k);
	ic->id = strdup("sha256:0123");
}

static const struct pic_file *file(const struct pic_layer *l, const char *p)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->files[i].path, p) == 0)
			return &l->files[i];
	return NULL;
}

static void test_layers_and_whiteouts(void **state)
{
	struct posture_image_contents ic;
	struct tarw t;

	(void)state;
	export(&t);
	collect(t.buf, t.used, &ic);
	assert_int_equal(ic.n_layers, 2);
	assert_string_equal(ic.layers[0].key, "aaa/layer.tar");
	assert_string_equal(ic.layers[0].created_by, "ADD rootfs");
	assert_string_equal(ic.layers[1].created_by, "RUN upgrade");
	assert_non_null(file(&ic.layers[0], "etc"));
	assert_int_equal(file(&ic.layers[0], "etc")->type, PIC_DIR);
	assert_int_equal(file(&ic.layers[1], "f")->type, PIC_WHITEOUT);
	assert_int_equal(file(&ic.layers[1], "d")->type, PIC_OPAQUE);
	assert_true(file(&ic.layers[0], "f")->hidden);
	assert_true(file(&ic.layers[0], "d/x")->hidden);
	assert_false(file(&ic.layers[0], "d")->hidden);
	assert_true(file(&ic.layers[0], "bin/su")->hidden);
	assert_false(file(&ic.layers[1], "bin/su")->hidden);
	assert_int_equal(ic.wasted, 17 + 10 + 20);
	assert_int_equal(ic.layers[0].hidden_bytes, 47);
	/* only the setgid file is left: the upper su dropped its bit */
	assert_int_equal(ic.n_setuid, 1);
	assert_string_equal(ic.setuid[0].path, "bin/ok");
	assert_int_equal(ic.setuid[0].mode, 02711);
	assert_true(ic.have_os);
	assert_string_equal(ic.os.id, "alpine");
	assert_string_equal(ic.os.version_id, "3.12.9");
	assert_string_equal(ic.os.pretty, "Alpine Linux v3.12");
	assert_string_equal(ic.pkg_db, "apk");
	assert_int_equal(ic.pkgs.n, 2);
	assert_string_equal(ic.pkgs.items[0].name, "busybox");
	assert_string_equal(ic.pkgs.items[1].version, "1.1.24-r10");
	/* etc/os-release (a link), usr/lib/os-release, lib/apk/db/installed,
	 * bin/ok, the upper bin/su and d/y */
	assert_int_equal(ic.files, 6);
	/* the upper layer added d/y, changed bin/su, removed f and d/x */
	assert_int_equal(ic.layers[1].added, 1);
	assert_int_equal(ic.layers[1].changed, 1);
	assert_int_equal(ic.layers[1].removed, 2);
	assert_int_equal(ic.layers[0].added, 7);
	/* dive: f (17 then 0), bin/su (20 twice) were met twice; d/x was
	 * removed with its opaque directory, which dive does not see */
	assert_int_equal(ic.dive_wasted, 17 + 40);
	posture_image_contents_free(&ic);
	free(t.buf);
}

static void test_cache_roundtrip(void **state)
{
	struct posture_image_contents ic, back;
	char *a = NULL, *b = NULL;
	size_t an = 0, bn = 0;
	struct tarw t;
	FILE *f;

	(void)state;
	export(&t);
	collect(t.buf, t.used, &ic);
	free(ic.layers[1].files[0].path); /* a path a line could break */
	ic.layers[1].files[0].path = strdup("we\tird\n%name");
	f = open_memstream(&a, &an);
	assert_int_equal(contents_cache_write(f, &ic), 0);
	fclose(f);
	assert_int_equal(contents_cache_parse(a, an, &back), 0);
	assert_string_equal(back.layers[1].files[0].path, "we\tird\n%name");
	assert_string_equal(back.os.pretty, "Alpine Linux v3.12");
	f = open_memstream(&b, &bn);
	assert_int_equal(contents_cache_write(f, &back), 0);
	fclose(f);
	assert_int_equal(an, bn);
	assert_memory_equal(a, b, an);
	posture_image_contents_free(&back);
	/* cut short, a stray line, a bad number: not a cache file */
	assert_int_equal(contents_cache_parse(a, an - 4, &back), -1);
	assert_int_equal(
		contents_cache_parse(LIT("berth-contents 2\nid\tx\nzz\nend\n"),
				     &back),
		-1);
	assert_int_equal(
		contents_cache_parse(LIT("berth-contents 2\nid\tx\nsum\t1\t"
					 "-2\t3\nend\n"),
				     &back),
		-1);
	assert_int_equal(contents_cache_parse(
				 LIT("berth-contents 1\nid\tx\nend\n"), &back),
			 -1);
	assert_int_equal(contents_cache_parse(
				 LIT("berth-contents 2\nid\tx\nend\n"), &back),
			 0);
	posture_image_contents_free(&back);
	posture_image_contents_free(&ic);
	free(a);
	free(b);
	free(t.buf);
}

static void test_pkgdb(void **state)
{
	struct pkgdb_os os;
	struct pkgdb_list l = {0};
	const char *st = "Package: a\nStatus: install ok installed\n"
			 "Version: 1\nDescription: x\n continued\n\n"
			 "Package: b\nStatus: deinstall ok config-files\n"
			 "Version: 2\n\nPackage: c\r\nVersion: 3\r\n"
			 "Status: install ok installed\r\n";

	(void)state;
	assert_int_equal(
		pkgdb_os_release(
			"ID=\"ubuntu\"\nVERSION_ID='22.04'\n"
			"PRETTY_NAME=\"Ubuntu \\\"Jammy\\\"\"\n",
			strlen("ID=\"ubuntu\"\nVERSION_ID='22.04'\n"
			       "PRETTY_NAME=\"Ubuntu \\\"Jammy\\\"\"\n"),
			&os),
		0);
	assert_string_equal(os.id, "ubuntu");
	assert_string_equal(os.version_id, "22.04");
	assert_string_equal(os.pretty, "Ubuntu \"Jammy\"");
	assert_int_equal(pkgdb_os_release(LIT("NAME=x\n"), &os), -1);
	assert_int_equal(pkgdb_dpkg_status(st, strlen(st), &l), 2);
	pkgdb_sort(&l);
	assert_string_equal(l.items[0].name, "a");
	assert_string_equal(l.items[1].name, "c");
	assert_string_equal(l.items[1].version, "3");
	assert_int_equal(pkgdb_apk_installed(LIT("P:x\nV:1\nP:y\n"), &l), 1);
	pkgdb_sort(&l);
	assert_int_equal(l.n, 3);
	pkgdb_list_free(&l);
}

static void test_eol(void **state)
{
	const char *text = "# comment\n"
			   "alpine\t3.12\t2022-05-01\tAlpine 3.12\thttps://a\n"
			   "alpine\t3\t2099-01-01\tAlpine 3\thttps://b\n"
			   "debian\t9\t2022-06-30\tDebian 9\thttps://c\n";
	struct eol_table t = {0};
	struct pkgdb_os os = {0};
	char msg[128];

	(void)state;
	assert_int_equal(eol_parse(&t, text, strlen(text), msg, sizeof(msg)),
			 0);
	assert_int_equal(t.n, 3);
	strcpy(os.id, "alpine");
	strcpy(os.version_id, "3.12.9");
	assert_string_equal(eol_find(&t, &os)->eol, "2022-05-01");
	strcpy(os.version_id, "3.121");
	assert_string_equal(eol_find(&t, &os)->eol, "2099-01-01");
	strcpy(os.id, "debian");
	strcpy(os.version_id, "90");
	assert_null(eol_find(&t, &os));
	strcpy(os.version_id, "");
	assert_null(eol_find(&t, &os));
	/* a later line for the same release wins */
	assert_int_equal(eol_parse(&t, LIT("debian\t9\t2030-01-01\tD9\tx\n"),
				   msg, sizeof(msg)),
			 0);
	assert_int_equal(t.n, 3);
	strcpy(os.version_id, "9");
	assert_string_equal(eol_find(&t, &os)->eol, "2030-01-01");
	assert_int_equal(eol_parse(&t, LIT("x\ty\t2020-02-30\tn\ts\n"), msg,
				   sizeof(msg)),
			 -1);
	assert_string_equal(msg, "1: not ID, VERSION, YYYY-MM-DD, NAME and "
				 "SOURCE separated by tabs");
	eol_free(&t);
}

static void test_pathset(void **state)
{
	struct pathset s = {0};
	char keys[3000][8];
	int i;

	(void)state;
	for (i = 0; i < 3000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		assert_int_equal(pathset_mark(&s, keys[i], strlen(keys[i]),
					      1u << (i % 4), (uint32_t)i),
				 0);
	}
	assert_int_equal(pathset_mark(&s, keys[7], 2, 8, 5), 0); /* "k7" */
	assert_int_equal(pathset_get(&s, "k7", 2), (1u << 3) | 8);
	assert_int_equal(pathset_at(&s, "k7", 2, 3), 5);
	assert_int_equal(pathset_at(&s, "k7", 2, 0), PATHSET_NONE);
	assert_int_equal(pathset_at(&s, "k6", 2, 2), 6);
	*pathset_val(&s, "k6", 2) = 42;
	assert_int_equal(*pathset_val(&s, "k6", 2), 42);
	assert_int_equal(pathset_get(&s, "k2999", 5), 1u << 3);
	assert_int_equal(pathset_get(&s, "k3000", 5), 0);
	assert_int_equal(s.n, 3000);
	pathset_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layers_and_whiteouts),
		cmocka_unit_test(test_cache_roundtrip),
		cmocka_unit_test(test_pkgdb),
		cmocka_unit_test(test_eol),
		cmocka_unit_test(test_pathset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
