/*
 * Allocation failure, in the style of curl's torture mode: for every parser
 * of the JSON model layer and every recorded answer, fail the n-th
 * allocation for n = 1, 2, ... until a parse runs with no failure.  Each
 * failing run must return an error (never API_OK with data quietly lost),
 * never crash, and leave nothing behind (LSan checks at exit).
 *
 * The binary is linked with -Wl,--wrap=malloc,... (see the Makefile), so
 * every allocation in berth's objects comes through here; cJSON is a
 * shared library, so its allocations come through cJSON_InitHooks.
 */
#include "tests/lib/testlib.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "api/container_inspect.h"
#include "api/container_top.h"
#include "api/containers.h"
#include "api/events.h"
#include "api/image_ops.h"
#include "api/images.h"
#include "api/networks.h"
#include "api/stats.h"
#include "api/system.h"
#include "api/system_df.h"
#include "api/volumes.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

/* volatile: the compiler assumes malloc touches no global of ours. */
static volatile long alloc_count;
static volatile long fail_at; /* 0: no failure */
static volatile int failed;

static int fail_now(void)
{
	if (!fail_at || ++alloc_count != fail_at)
		return 0;
	failed = 1;
	return 1;
}

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return fail_now() ? NULL : __real_strndup(s, n);
}

static void *cjson_malloc(size_t n)
{
	return malloc(n); /* wrapped, as this object is linked with --wrap */
}

/* One parser: parse into a model of its own and free it. */
typedef api_code (*parse_fn)(const char *json, size_t len,
			     struct api_error *err);

#define PARSER(name, type, parse, freefn)                                      \
	static api_code name(const char *json, size_t len,                     \
			     struct api_error *err)                            \
	{                                                                      \
		type out;                                                      \
		api_code rc;                                                   \
		memset(&out, 0, sizeof(out));                                  \
		rc = parse(json, len, &out, err);                              \
		freefn(&out);                                                  \
		freefn(&out); /* safe twice, as the convention says */         \
		return rc;                                                     \
	}

PARSER(p_containers, struct api_container_list, api_containers_list_parse,
       api_container_list_free)
PARSER(p_inspect, struct api_container_inspect, api_container_inspect_parse,
       api_container_inspect_free)
PARSER(p_images, struct api_image_list, api_images_list_parse,
       api_image_list_free)
PARSER(p_image, struct api_image_inspect, api_image_inspect_parse,
       api_image_inspect_free)
PARSER(p_history, struct api_image_history, api_image_history_parse,
       api_image_history_free)
PARSER(p_info, struct api_info, api_info_parse, api_info_free)
PARSER(p_version, struct api_version, api_version_parse, api_version_free)
PARSER(p_df, struct api_df, api_df_parse, api_df_free)
PARSER(p_stats, struct api_stats, api_stats_parse, api_stats_free)
PARSER(p_event, struct api_event, api_event_parse, api_event_free)
PARSER(p_networks, struct api_network_list, api_networks_list_parse,
       api_network_list_free)
PARSER(p_network, struct api_network, api_network_inspect_parse,
       api_network_free)
PARSER(p_volumes, struct api_volume_list, api_volumes_list_parse,
       api_volume_list_free)
PARSER(p_volume, struct api_volume, api_volume_inspect_parse, api_volume_free)
PARSER(p_top, struct api_top, api_container_top_parse, api_top_free)

/* Fails allocation n = 1, 2, ... until one parse needs no failure;
 * returns how many runs that took. */
static long torture(parse_fn fn, const char *json, size_t len)
{
	struct cJSON_Hooks hooks = {cjson_malloc, free};
	struct api_error err;
	long n;
	api_code rc;

	cJSON_InitHooks(&hooks);
	for (n = 1;; n++) {
		alloc_count = 0;
		failed = 0;
		fail_at = n;
		api_error_clear(&err);
		rc = fn(json, len, &err);
		fail_at = 0;
		if (!failed)
			break;
		if (rc != API_E_NOMEM && rc != API_E_PARSE)
			fail_msg("allocation %ld failed: got %s (%s), want "
				 "NOMEM or PARSE",
				 n, api_code_str(rc), err.msg);
	}
	cJSON_InitHooks(NULL);
	assert_int_equal(rc, API_OK);
	return n;
}

struct tcase {
	const char *file;
	parse_fn fn;
	long min_allocs; /* a floor, so a run that fails nothing is noticed */
};

static const struct tcase cases[] = {
	{"containers_list.json", p_containers, 20},
	{"containers_hostile.json", p_containers, 2},
	{"inspect_running.json", p_inspect, 20},
	{"inspect_nulls.json", p_inspect, 2},
	{"images_list.json", p_images, 5},
	{"images_inspect_app.json", p_image, 10},
	{"history_busybox.json", p_history, 2},
	{"info_engine.json", p_info, 10},
	{"info_hostile.json", p_info, 2},
	{"version_engine.json", p_version, 5},
	{"df_engine.json", p_df, 5},
	/* id, name, read, preread: the walk itself allocates nothing */
	{"stats_v1_oneshot.json", p_stats, 3},
	{"stats_hostile_huge.json", p_stats, 1},
	{"networks_list.json", p_networks, 5},
	{"networks_inspect.json", p_network, 5},
	{"volumes_list.json", p_volumes, 3},
	{"volumes_inspect.json", p_volume, 3},
	{"top_default.json", p_top, 5},
};

static void test_parsers(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len;
		char *json = tl_data(cases[i].file, &len);
		long runs = torture(cases[i].fn, json, len);
		print_message("%s: %ld allocation failures survived\n",
			      cases[i].file, runs - 1);
		assert_true(runs > cases[i].min_allocs);
		free(json);
	}
}

/* Every line of a recorded events stream. */
static void test_events(void **state)
{
	size_t len, lines = 0;
	char *data = tl_data("events_lifecycle.jsonl", &len);
	char *p = data, *end = data + len;

	(void)state;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n)
			assert_true(torture(p_event, p, n) > 3);
		lines += n > 0;
		p += n + 1;
	}
	assert_true(lines >= 3);
	free(data);
}

/* The hooks themselves: the n-th call fails, and only that one. */
static void test_hook(void **state)
{
	void *a, *b, *c;

	(void)state;
	alloc_count = 0;
	failed = 0;
	fail_at = 2;
	a = malloc(8);
	b = malloc(8);
	c = malloc(8);
	fail_at = 0;
	assert_non_null(a);
	assert_null(b);
	assert_non_null(c);
	assert_true(failed);
	free(a);
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hook),
		cmocka_unit_test(test_parsers),
		cmocka_unit_test(test_events),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
