/* The transport's pure parts: buffers, line splitting, versions, hosts. */
#include "tests/lib/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "api/buf.h"
#include "api/client.h"
#include "api/jsonlines.h"
#include "api/query.h"

static void test_buf_cap(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_append(&b, "abcd", 4), 0);
	assert_int_equal(buf_append(&b, "efgh", 4), 0);
	assert_int_equal(buf_append(&b, "i", 1), -1);
	assert_int_equal(b.len, 8);
	assert_string_equal(b.data, "abcdefgh");
	buf_free(&b);
}

struct lines {
	char got[16][64];
	int n;
};

static int collect(const char *line, size_t len, void *ud)
{
	struct lines *l = ud;

	if (l->n < 16 && len < 64) {
		memcpy(l->got[l->n], line, len);
		l->got[l->n][len] = '\0';
	}
	l->n++;
	return 0;
}

/* Every way of cutting the input in two gives the same lines. */
static void test_jsonlines_every_split(void **state)
{
	static const char in[] = "{\"a\":1}\n{\"b\":2}\r\n\n{\"c\":3}\n{\"d\"";
	size_t len = sizeof(in) - 1, cut;

	(void)state;
	for (cut = 0; cut <= len; cut++) {
		struct jsonlines jl;
		struct lines l = {0};
		jsonlines_init(&jl, 0, collect, &l);
		jsonlines_feed(&jl, in, cut);
		jsonlines_feed(&jl, in + cut, len - cut);
		assert_int_equal(l.n, 3);
		jsonlines_finish(&jl);
		assert_int_equal(l.n, 4);
		assert_string_equal(l.got[0], "{\"a\":1}");
		assert_string_equal(l.got[1], "{\"b\":2}");
		assert_string_equal(l.got[2], "{\"c\":3}");
		assert_string_equal(l.got[3], "{\"d\"");
		jsonlines_done(&jl);
	}
}

static void test_jsonlines_overlong_dropped(void **state)
{
	struct jsonlines jl;
	struct lines l = {0};
	size_t i;

	(void)state;
	jsonlines_init(&jl, 4, collect, &l);
	for (i = 0; i < 10; i++)
		jsonlines_feed(&jl, "xxxxxxxx", 8);
	jsonlines_feed(&jl, "\nok\n", 4);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.got[0], "ok");
	assert_int_equal(jl.dropped, 1);
	jsonlines_done(&jl);
}

static void test_version_cmp(void **state)
{
	(void)state;
	assert_true(api_version_cmp("1.41", "1.47") < 0);
	assert_true(api_version_cmp("1.47", "1.41") > 0);
	assert_true(api_version_cmp("1.9", "1.10") < 0);
	assert_int_equal(api_version_cmp("1.41", "1.41"), 0);
	assert_true(api_version_cmp("2.0", "1.99") > 0);
}

static void test_version_negotiation(void **state)
{
	struct api_client_opts o = {
		.host = "unix:///nonexistent/sock", .tls = 0, .tls_verify = -1};
	struct api_client *c;
	struct api_error err;

	(void)state;
	assert_int_equal(api_client_new(&o, &c, &err), API_OK);
	assert_int_equal(api_client_set_version(c, "1.41", "1.12", &err),
			 API_OK);
	assert_string_equal(api_client_version(c), "1.41");
	assert_int_equal(api_client_set_version(c, "1.99", "1.24", &err),
			 API_OK);
	assert_string_equal(api_client_version(c), API_VERSION_NEWEST);
	assert_int_equal(api_client_set_version(c, "1.60", "1.50", &err),
			 API_E_VERSION);
	assert_non_null(strstr(err.msg, "1.50"));
	assert_int_equal(api_client_set_version(c, "1.30", "1.12", &err),
			 API_E_VERSION);
	assert_int_equal(api_client_set_version(c, NULL, NULL, &err),
			 API_E_VERSION);
	assert_int_equal(api_client_set_version(c, "x\x1b", NULL, &err),
			 API_E_VERSION);
	api_client_free(c);
}

static void test_hosts(void **state)
{
	static const struct {
		const char *host;
		api_code rc;
		const char *shown;
	} cases[] = {
		{"unix:///run/x.sock", API_OK, "unix:///run/x.sock"},
		{"tcp://127.0.0.1:2375", API_OK, "tcp://127.0.0.1:2375"},
		{"tcp://127.0.0.1", API_OK, "tcp://127.0.0.1"},
		{"tcp://[::1]:2375", API_OK, "tcp://[::1]:2375"},
		{"unix://relative", API_E_INVALID, NULL},
		{"tcp://", API_E_INVALID, NULL},
		{"npipe:////./pipe/docker", API_E_INVALID, NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct api_client_opts o = {
			.host = cases[i].host, .tls = 0, .tls_verify = -1};
		struct api_client *c = NULL;
		struct api_error err;
		assert_int_equal(api_client_new(&o, &c, &err), cases[i].rc);
		if (cases[i].shown)
			assert_string_equal(api_client_host(c), cases[i].shown);
		api_client_free(c);
	}
}

/* Nothing listens there: a clear connect error, not a hang or crash. */
static void test_connect_error(void **state)
{
	struct api_client_opts o = {.host = "unix:///nonexistent/berth.sock",
				    .tls = 0,
				    .tls_verify = -1};
	struct api_client *c;
	struct api_error err;

	(void)state;
	assert_int_equal(api_client_new(&o, &c, &err), API_OK);
	assert_int_equal(api_client_negotiate(c, &err), API_E_CONNECT);
	assert_non_null(strstr(err.msg, "/nonexistent/berth.sock"));
	api_client_free(c);
}

static void test_query_escapes(void **state)
{
	struct api_query q;
	struct api_filter f[] = {
		{"label", "a=b"}, {"label", "c"}, {"status", "exited"}};
	char *p;

	(void)state;
	api_query_init(&q, "/containers/");
	api_query_seg(&q, "we ird/name");
	api_query_raw(&q, "/json");
	api_query_bool(&q, "all", 1);
	api_query_filters(&q, f, 3);
	p = api_query_take(&q);
	assert_string_equal(p, "/containers/we%20ird%2Fname/json?all=1&"
			       "filters=%7B%22label%22%3A%5B%22a%3Db%22%2C%22c"
			       "%22%5D%2C%22status%22%3A%5B%22exited%22%5D%7D");
	free(p);
	api_query_init(&q, "/containers/");
	api_query_seg(&q, "");
	assert_null(api_query_take(&q));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_cap),
		cmocka_unit_test(test_jsonlines_every_split),
		cmocka_unit_test(test_jsonlines_overlong_dropped),
		cmocka_unit_test(test_version_cmp),
		cmocka_unit_test(test_version_negotiation),
		cmocka_unit_test(test_hosts),
		cmocka_unit_test(test_connect_error),
		cmocka_unit_test(test_query_escapes),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
