/* Key names and the keymap: parsing, formatting, lookups, remaps. */
#include "tests/lib/testlib.h"

#include <curses.h>
#include <string.h>

#include "tui/keymap.h"
#include "tui/keyname.h"

static const struct {
	const char *name;
	int key;
} canon[] = {
	{"a", 'a'},
	{"S", 'S'},
	{"?", '?'},
	{"/", '/'},
	{"#", '#'},
	{"-", '-'},
	{"é", 0xe9},
	{"€", 0x20ac},
	{"😀", 0x1f600},
	{"Space", ' '},
	{"Enter", '\n'},
	{"Tab", '\t'},
	{"BTab", BKEY_FUNC(KEY_BTAB)},
	{"Esc", 0x1b},
	{"BSpace", BKEY_FUNC(KEY_BACKSPACE)},
	{"Up", BKEY_FUNC(KEY_UP)},
	{"Down", BKEY_FUNC(KEY_DOWN)},
	{"Left", BKEY_FUNC(KEY_LEFT)},
	{"Right", BKEY_FUNC(KEY_RIGHT)},
	{"Home", BKEY_FUNC(KEY_HOME)},
	{"End", BKEY_FUNC(KEY_END)},
	{"PgUp", BKEY_FUNC(KEY_PPAGE)},
	{"PgDn", BKEY_FUNC(KEY_NPAGE)},
	{"Ins", BKEY_FUNC(KEY_IC)},
	{"Del", BKEY_FUNC(KEY_DC)},
	{"F1", BKEY_FUNC(KEY_F(1))},
	{"F5", BKEY_FUNC(KEY_F(5))},
	{"F10", BKEY_FUNC(KEY_F(10))},
	{"F12", BKEY_FUNC(KEY_F(12))},
	{"C-a", 1},
	{"C-l", 12},
	{"C-z", 26},
	{"C-Space", 0},
	{"C-\\", 28},
	{"C-]", 29},
	{"C-_", 31},
	{"M-x", 'x' | BKEY_META},
	{"M-S", 'S' | BKEY_META},
	{"M-C-x", 24 | BKEY_META},
	{"M-Up", BKEY_FUNC(KEY_UP) | BKEY_META},
	{"M-Enter", '\n' | BKEY_META},
	{"M-F3", BKEY_FUNC(KEY_F(3)) | BKEY_META},
};

/* Every canonical name parses to its key and formats back unchanged. */
static void test_keyname_roundtrip(void **state)
{
	char buf[KEYNAME_MAX];
	size_t i;
	int key;

	(void)state;
	for (i = 0; i < sizeof(canon) / sizeof(canon[0]); i++) {
		key = -2;
		if (keyname_parse(canon[i].name, &key) != 0)
			fail_msg("cannot parse '%s'", canon[i].name);
		assert_int_equal(key, canon[i].key);
		assert_string_equal(keyname_format(key, buf, sizeof(buf)),
				    canon[i].name);
	}
	/* And F1..F12, C-a..C-z, every printable ASCII character. */
	for (i = 1; i <= 12; i++) {
		char name[8];
		snprintf(name, sizeof(name), "F%zu", i);
		assert_int_equal(keyname_parse(name, &key), 0);
		assert_string_equal(keyname_format(key, buf, sizeof(buf)),
				    name);
	}
	for (i = 0x21; i < 0x7f; i++) {
		char name[2] = {(char)i, 0};
		assert_int_equal(keyname_parse(name, &key), 0);
		assert_int_equal(key, (int)i);
		assert_string_equal(keyname_format(key, buf, sizeof(buf)),
				    name);
	}
	for (i = 'a'; i <= 'z'; i++) {
		char name[4] = {'C', '-', (char)i, 0};
		int back;
		assert_int_equal(keyname_parse(name, &key), 0);
		keyname_format(key, buf, sizeof(buf));
		assert_int_equal(keyname_parse(buf, &back), 0);
		assert_int_equal(back, key);
	}
}

static void test_keyname_aliases(void **state)
{
	static const struct {
		const char *alias;
		int key;
	} al[] = {
		{"space", ' '},
		{" ", ' '},
		{"SPACE", ' '},
		{"enter", '\n'},
		{"Return", '\n'},
		{"C-m", '\n'},
		{"C-j", '\n'},
		{"C-i", '\t'},
		{"C-[", 0x1b},
		{"Escape", 0x1b},
		{"pgup", BKEY_FUNC(KEY_PPAGE)},
		{"PageDown", BKEY_FUNC(KEY_NPAGE)},
		{"Backspace", BKEY_FUNC(KEY_BACKSPACE)},
		{"Delete", BKEY_FUNC(KEY_DC)},
		{"c-L", 12},
		{"C-M-x", 24 | BKEY_META},
		{"m-a", 'a' | BKEY_META},
		{"f7", BKEY_FUNC(KEY_F(7))},
		{"F24", BKEY_FUNC(KEY_F(24))},
	};
	size_t i;
	int key;

	(void)state;
	for (i = 0; i < sizeof(al) / sizeof(al[0]); i++) {
		key = -2;
		if (keyname_parse(al[i].alias, &key) != 0)
			fail_msg("cannot parse '%s'", al[i].alias);
		assert_int_equal(key, al[i].key);
	}
}

static void test_keyname_rejects(void **state)
{
	static const char *const badnames[] = {
		"",	    "ab",   "F0",   "F25",  "F1x",	"F01",
		"C-",	    "C-1",  "C-ab", "M-",   "M-M-x",	"Foo",
		"\x01",	    "\x7f", "\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80",
		"\xc2\x85", "C-M-", "Up ",  "F-1",
	};
	size_t i;
	int key = 42;

	(void)state;
	for (i = 0; i < sizeof(badnames) / sizeof(badnames[0]); i++)
		if (keyname_parse(badnames[i], &key) != -1)
			fail_msg("accepted '%s'", badnames[i]);
	assert_int_equal(keyname_parse(NULL, &key), -1);
	assert_int_equal(key, 42);
}

static void test_keyname_format_odd(void **state)
{
	char buf[KEYNAME_MAX], tiny[3];

	(void)state;
	assert_string_equal(keyname_format(-5, buf, sizeof(buf)), "?");
	assert_string_equal(keyname_format(0x7f, buf, sizeof(buf)), "?");
	assert_string_equal(keyname_format(0xd800, buf, sizeof(buf)), "?");
	assert_string_equal(
		keyname_format(BKEY_FUNC(KEY_MOUSE), buf, sizeof(buf)), "?");
	assert_string_equal(keyname_format(BKEY_FUNC(KEY_PPAGE) | BKEY_META,
					   tiny, sizeof(tiny)),
			    "M-");
}

static void test_from_wch(void **state)
{
	(void)state;
	assert_int_equal(keyname_from_wch(OK, 'q'), 'q');
	assert_int_equal(keyname_from_wch(OK, '\r'), '\n');
	assert_int_equal(keyname_from_wch(OK, '\n'), '\n');
	assert_int_equal(keyname_from_wch(OK, 0x7f), BKEY_FUNC(KEY_BACKSPACE));
	assert_int_equal(keyname_from_wch(OK, 0xe9), 0xe9);
	assert_int_equal(keyname_from_wch(KEY_CODE_YES, KEY_ENTER), '\n');
	assert_int_equal(keyname_from_wch(KEY_CODE_YES, KEY_UP),
			 BKEY_FUNC(KEY_UP));
	assert_int_equal(keyname_from_wch(KEY_CODE_YES, KEY_FIND),
			 BKEY_FUNC(KEY_HOME));
	assert_int_equal(keyname_from_wch(ERR, 'q'), BKEY_NONE);
	assert_int_equal(keyname_from_wch(OK, 0x110000), BKEY_NONE);
}

/* No two bindings of one context share a key; every action and help
 * is named; every action but none is reachable by name. */
static void test_keymap_tables_sane(void **state)
{
	struct keymap km;
	size_t c, i, j;
	int a;

	(void)state;
	keymap_init(&km);
	for (c = 0; c < KCTX_COUNT; c++) {
		assert_true(km.n[c] > 0);
		for (i = 0; i < km.n[c]; i++) {
			assert_non_null(km.rows[c][i].help);
			assert_true(km.rows[c][i].action != ACT_NONE);
			for (j = 0; j < i; j++)
				if (km.rows[c][i].key == km.rows[c][j].key)
					fail_msg("%s: key %d twice",
						 keymap_context_name(c),
						 km.rows[c][i].key);
		}
		assert_int_equal(keymap_context_find(keymap_context_name(c)),
				 (int)c);
	}
	for (a = 0; a < ACT_COUNT; a++) {
		assert_non_null(keymap_action_name(a));
		assert_non_null(keymap_action_help(a));
		assert_int_equal(keymap_action_find(keymap_action_name(a)), a);
	}
	assert_null(keymap_action_name(ACT_COUNT));
	assert_int_equal(keymap_action_find("container.explode"), -1);
	assert_int_equal(keymap_context_find("kitchen"), -1);
}

static int k(const char *name)
{
	int key = BKEY_NONE;

	assert_int_equal(keyname_parse(name, &key), 0);
	return key;
}

static void test_keymap_defaults(void **state)
{
	static const struct {
		enum key_context ctx;
		const char *key;
		enum action a;
	} want[] = {
		{KCTX_CONTAINERS, "q", ACT_APP_QUIT},
		{KCTX_CONTAINERS, "?", ACT_APP_HELP},
		{KCTX_CONTAINERS, "/", ACT_LIST_FILTER},
		{KCTX_CONTAINERS, "j", ACT_LIST_DOWN},
		{KCTX_CONTAINERS, "Down", ACT_LIST_DOWN},
		{KCTX_CONTAINERS, "k", ACT_LIST_UP},
		{KCTX_CONTAINERS, "PgDn", ACT_LIST_PAGE_DOWN},
		{KCTX_CONTAINERS, "g", ACT_LIST_TOP},
		{KCTX_CONTAINERS, "G", ACT_LIST_BOTTOM},
		{KCTX_CONTAINERS, "End", ACT_LIST_BOTTOM},
		{KCTX_CONTAINERS, "Tab", ACT_PANE_NEXT},
		{KCTX_CONTAINERS, "BTab", ACT_PANE_PREV},
		{KCTX_CONTAINERS, "1", ACT_PANE_CONTAINERS},
		{KCTX_CONTAINERS, "4", ACT_PANE_NETWORKS},
		{KCTX_CONTAINERS, "Enter", ACT_LIST_OPEN},
		{KCTX_CONTAINERS, "Space", ACT_LIST_MARK},
		{KCTX_CONTAINERS, "s", ACT_CONTAINER_STOP},
		{KCTX_CONTAINERS, "S", ACT_CONTAINER_START},
		{KCTX_CONTAINERS, "r", ACT_CONTAINER_RESTART},
		{KCTX_CONTAINERS, "p", ACT_CONTAINER_PAUSE},
		{KCTX_CONTAINERS, "K", ACT_CONTAINER_KILL},
		{KCTX_CONTAINERS, "D", ACT_CONTAINER_REMOVE},
		{KCTX_CONTAINERS, "Del", ACT_CONTAINER_REMOVE},
		{KCTX_CONTAINERS, "R", ACT_CONTAINER_RENAME},
		{KCTX_CONTAINERS, "l", ACT_CONTAINER_LOGS},
		{KCTX_CONTAINERS, "e", ACT_CONTAINER_EXEC},
		{KCTX_CONTAINERS, "i", ACT_CONTAINER_INSPECT},
		{KCTX_CONTAINERS, "P", ACT_APP_POSTURE},
		{KCTX_CONTAINERS, "E", ACT_APP_EVENTS},
		{KCTX_CONTAINERS, "o", ACT_LIST_SORT},
		{KCTX_CONTAINERS, "m", ACT_APP_MOUSE},
		{KCTX_CONTAINERS, "C-l", ACT_APP_REDRAW},
		{KCTX_CONTAINERS, "x", ACT_CONTAINER_EXPORT},
		{KCTX_CONTAINERS, "z", ACT_NONE},
		{KCTX_IMAGES, "D", ACT_IMAGE_REMOVE},
		{KCTX_IMAGES, "s", ACT_NONE},
		{KCTX_VOLUMES, "Del", ACT_VOLUME_REMOVE},
		{KCTX_NETWORKS, "i", ACT_NETWORK_INSPECT},
		{KCTX_LOGS, "/", ACT_VIEW_SEARCH},
		{KCTX_LOGS, "f", ACT_LOGS_FOLLOW},
		{KCTX_LOGS, "Esc", ACT_VIEW_CLOSE},
		{KCTX_LOGS, "j", ACT_LIST_DOWN},
		{KCTX_INSPECT, "n", ACT_VIEW_SEARCH_NEXT},
		{KCTX_HELP, "q", ACT_VIEW_CLOSE},
		{KCTX_HELP, "?", ACT_VIEW_CLOSE},
		{KCTX_DIALOG, "y", ACT_DIALOG_CONFIRM},
		{KCTX_DIALOG, "Esc", ACT_DIALOG_CANCEL},
		/* Modal: a dialog does not fall back to quitting. */
		{KCTX_DIALOG, "q", ACT_NONE},
		{KCTX_DIALOG, "j", ACT_NONE},
		{KCTX_GLOBAL, "j", ACT_NONE},
	};
	struct keymap km;
	size_t i;

	(void)state;
	keymap_init(&km);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		enum action got =
			keymap_lookup(&km, want[i].ctx, k(want[i].key));
		if (got != want[i].a)
			fail_msg("%s %s: %s, want %s",
				 keymap_context_name(want[i].ctx), want[i].key,
				 keymap_action_name(got),
				 keymap_action_name(want[i].a));
	}
	assert_int_equal(keymap_lookup(&km, KCTX_COUNT, 'q'), ACT_NONE);
	assert_int_equal(keymap_parent(KCTX_IMAGES), KCTX_LIST);
	assert_int_equal(keymap_parent(KCTX_LIST), KCTX_GLOBAL);
	assert_int_equal(keymap_parent(KCTX_GLOBAL), -1);
	assert_int_equal(keymap_parent(KCTX_DIALOG), -1);
	assert_int_equal(keymap_key_for(&km, KCTX_IMAGES, ACT_APP_HELP), '?');
	assert_int_equal(keymap_key_for(&km, KCTX_DIALOG, ACT_APP_HELP),
			 BKEY_NONE);
}

static void test_keymap_bind(void **state)
{
	struct keymap km;
	char err[128];
	size_t n;

	(void)state;
	keymap_init(&km);
	n = km.n[KCTX_CONTAINERS];
	/* Replace what z... nothing: a new row. */
	assert_int_equal(keymap_bind(&km, "containers", "z", "container.kill",
				     err, sizeof(err)),
			 0);
	assert_int_equal(km.n[KCTX_CONTAINERS], n + 1);
	assert_int_equal(keymap_lookup(&km, KCTX_CONTAINERS, 'z'),
			 ACT_CONTAINER_KILL);
	/* Rebinding an existing key replaces its row. */
	assert_int_equal(keymap_bind(&km, "Containers", "s", "container.start",
				     err, sizeof(err)),
			 0);
	assert_int_equal(km.n[KCTX_CONTAINERS], n + 1);
	assert_int_equal(keymap_lookup(&km, KCTX_CONTAINERS, 's'),
			 ACT_CONTAINER_START);
	/* A context binding shadows the parent's. */
	assert_int_equal(keymap_bind(&km, "images", "q", "image.prune", err,
				     sizeof(err)),
			 0);
	assert_int_equal(keymap_lookup(&km, KCTX_IMAGES, 'q'), ACT_IMAGE_PRUNE);
	assert_int_equal(keymap_lookup(&km, KCTX_VOLUMES, 'q'), ACT_APP_QUIT);
	/* none unbinds, and the parent shows through again. */
	assert_int_equal(
		keymap_bind(&km, "images", "q", "none", err, sizeof(err)), 0);
	assert_int_equal(keymap_lookup(&km, KCTX_IMAGES, 'q'), ACT_APP_QUIT);
	assert_int_equal(
		keymap_bind(&km, "global", "C-c", "none", err, sizeof(err)), 0);
	assert_int_equal(keymap_lookup(&km, KCTX_LIST, 3), ACT_NONE);
}

static void test_keymap_set_key(void **state)
{
	struct keymap km;
	char err[128];

	(void)state;
	keymap_init(&km);
	assert_int_equal(
		keymap_set_key(&km, "container.stop", "C-s", err, sizeof(err)),
		0);
	assert_int_equal(keymap_lookup(&km, KCTX_CONTAINERS, 19),
			 ACT_CONTAINER_STOP);
	assert_int_equal(keymap_lookup(&km, KCTX_CONTAINERS, 's'), ACT_NONE);
	/* list.down had Down and j: now only n. */
	assert_int_equal(
		keymap_set_key(&km, "list.down", "n", err, sizeof(err)), 0);
	assert_int_equal(keymap_lookup(&km, KCTX_LIST, 'n'), ACT_LIST_DOWN);
	assert_int_equal(keymap_lookup(&km, KCTX_LIST, 'j'), ACT_NONE);
	assert_int_equal(keymap_lookup(&km, KCTX_LIST, BKEY_FUNC(KEY_DOWN)),
			 ACT_NONE);
	/* Taking a key from another action of the context. */
	assert_int_equal(
		keymap_set_key(&km, "container.kill", "r", err, sizeof(err)),
		0);
	assert_int_equal(keymap_lookup(&km, KCTX_CONTAINERS, 'r'),
			 ACT_CONTAINER_KILL);
	assert_int_equal(
		keymap_key_for(&km, KCTX_CONTAINERS, ACT_CONTAINER_RESTART),
		BKEY_NONE);
	/* Views that bind an action share the new key. */
	assert_int_equal(
		keymap_set_key(&km, "view.close", "q", err, sizeof(err)), 0);
	assert_int_equal(keymap_lookup(&km, KCTX_LOGS, 'q'), ACT_VIEW_CLOSE);
	assert_int_equal(keymap_lookup(&km, KCTX_INSPECT, 0x1b), ACT_NONE);
	/* An action bound nowhere goes to its home context. */
	assert_int_equal(
		keymap_bind(&km, "posture", "f", "none", err, sizeof(err)), 0);
	assert_int_equal(
		keymap_set_key(&km, "posture.severity", "v", err, sizeof(err)),
		0);
	assert_int_equal(keymap_lookup(&km, KCTX_POSTURE, 'v'),
			 ACT_POSTURE_SEVERITY);
}

static void test_keymap_errors(void **state)
{
	struct keymap km, orig;
	char err[128];
	int i;

	(void)state;
	keymap_init(&km);
	orig = km;
	assert_int_equal(
		keymap_bind(&km, "kitchen", "s", "app.quit", err, sizeof(err)),
		-1);
	assert_string_equal(err, "unknown context 'kitchen'");
	assert_int_equal(keymap_bind(&km, "list", "Hyper-x", "app.quit", err,
				     sizeof(err)),
			 -1);
	assert_string_equal(err, "unknown key 'Hyper-x'");
	assert_int_equal(
		keymap_bind(&km, "list", "x", "app.explode", err, sizeof(err)),
		-1);
	assert_string_equal(err, "unknown action 'app.explode'");
	assert_int_equal(keymap_set_key(&km, "nope", "x", err, sizeof(err)),
			 -1);
	assert_string_equal(err, "unknown action 'nope'");
	assert_int_equal(keymap_set_key(&km, "app.quit", "", err, sizeof(err)),
			 -1);
	assert_string_equal(err, "unknown key ''");
	assert_int_equal(keymap_set_key(&km, "none", "x", err, sizeof(err)),
			 -1);
	assert_memory_equal(&km, &orig, sizeof(km));
	/* A full table says so instead of overflowing. */
	for (i = 0; i < KEYMAP_MAX + 4; i++) {
		char name[8];
		int rc;
		snprintf(name, sizeof(name), "F%d", i % 24 + 1);
		if (i >= 24)
			snprintf(name, sizeof(name), "M-%c", 'a' + i - 24);
		rc = keymap_bind(&km, "dialog", name, "dialog.cancel", err,
				 sizeof(err));
		if (rc < 0) {
			assert_string_equal(err,
					    "too many bindings in 'dialog'");
			break;
		}
	}
	assert_int_equal(km.n[KCTX_DIALOG], KEYMAP_MAX);
}

static void test_keymap_iterate(void **state)
{
	struct keymap km;
	struct keymap_entry e;
	size_t pos = 0, n = 0, bar = 0;
	int seen_stop = 0;

	(void)state;
	keymap_init(&km);
	while (keymap_next(&km, KCTX_CONTAINERS, &pos, &e) == 0) {
		n++;
		if (e.flags & KB_BAR)
			bar++;
		if (strcmp(e.action, "container.stop") == 0) {
			assert_string_equal(e.key, "s");
			assert_string_equal(e.help, "stop");
			seen_stop = 1;
		}
	}
	assert_int_equal(n, km.n[KCTX_CONTAINERS]);
	assert_true(bar > 0 && bar < n);
	assert_true(seen_stop);
	pos = 0;
	assert_int_equal(keymap_next(&km, KCTX_COUNT, &pos, &e), -1);
	pos = 0;
	assert_int_equal(keymap_next(&km, KCTX_LIST, &pos, &e), 0);
	assert_string_equal(e.key, "Up");
	assert_string_equal(e.action, "list.up");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyname_roundtrip),
		cmocka_unit_test(test_keyname_aliases),
		cmocka_unit_test(test_keyname_rejects),
		cmocka_unit_test(test_keyname_format_odd),
		cmocka_unit_test(test_from_wch),
		cmocka_unit_test(test_keymap_tables_sane),
		cmocka_unit_test(test_keymap_defaults),
		cmocka_unit_test(test_keymap_bind),
		cmocka_unit_test(test_keymap_set_key),
		cmocka_unit_test(test_keymap_errors),
		cmocka_unit_test(test_keymap_iterate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
