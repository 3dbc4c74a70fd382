/* Docker contexts (api/context.c), SHA-256, and the engine addresses the
 * remote transports accept or refuse (no connection is made). */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/context.h"
#include "api/sha256.h"

static void hex_of(const char *s, char out[65])
{
	sha256_hex(s, strlen(s), out);
}

static void test_sha256_vectors(void **state)
{
	char h[65];
	unsigned char d[32];
	struct sha256 s;
	char chunk[1001];
	int i;

	(void)state;
	hex_of("", h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb924"
			       "27ae41e4649b934ca495991b7852b855");
	hex_of("abc", h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223"
			       "b00361a396177a9cb410ff61f20015ad");
	hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", h);
	assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039"
			       "a33ce45964ff2167f6ecedd419db06c1");
	/* A million 'a' fed in uneven pieces crosses every block edge. */
	memset(chunk, 'a', sizeof(chunk));
	sha256_init(&s);
	for (i = 0; i < 1000; i++)
		sha256_update(&s, chunk, i % 2 ? 999 : 1001);
	sha256_final(&s, d);
	assert_int_equal(d[0], 0xcd);
	assert_int_equal(d[1], 0xc7);
	assert_int_equal(d[31], 0xd0);
	/* The directory the docker CLI made for the context "berth-tls". */
	hex_of("berth-tls", h);
	assert_string_equal(h, "30965aca4d721185e7e32a56c484b5c3"
			       "a5f27c398eee3a353485d299b8c1568f");
}

static void test_meta_recorded(void **state)
{
	struct api_context ctx;
	struct api_error err;
	size_t len;
	char *json = tl_data("context_meta_tls.json", &len);

	(void)state;
	assert_int_equal(api_context_meta_parse(json, len, &ctx, &err), API_OK);
	assert_string_equal(ctx.name, "berth-tls");
	assert_string_equal(ctx.host, "tcp://127.0.0.1:2376");
	assert_int_equal(ctx.skip_tls_verify, 1);
	api_context_free(&ctx);
	api_context_free(&ctx);
	free(json);
	json = tl_data("context_meta_plain.json", &len);
	assert_int_equal(api_context_meta_parse(json, len, &ctx, &err), API_OK);
	assert_string_equal(ctx.host, "unix:///tmp/x.sock");
	assert_int_equal(ctx.skip_tls_verify, 0);
	api_context_free(&ctx);
	free(json);
}

static void test_meta_hostile(void **state)
{
	static const char *ok_cases[] = {
		"{}",
		"{\"Name\":null,\"Endpoints\":null}",
		"{\"Name\":7,\"Endpoints\":{\"docker\":[]}}",
		"{\"Endpoints\":{\"docker\":{\"Host\":1e300,"
		"\"SkipTLSVerify\":\"yes\"}}}",
		"{\"Endpoints\":{\"docker\":{\"Host\":\"\"}}}",
		"{\"Endpoints\":{\"docker\":{\"Host\":{}}}}",
	};
	static const char *bad_cases[] = {"", "[]", "null",
					  "{\"Name\":", "\"x\""};
	struct api_context ctx;
	struct api_error err;
	const char *utf8 = "{\"Name\":\"\xff\xfe\",\"Endpoints\":{\"docker\":"
			   "{\"Host\":\"tcp://\xc3\x28:1\"}}}";
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok_cases) / sizeof(ok_cases[0]); i++) {
		assert_int_equal(api_context_meta_parse(ok_cases[i],
							strlen(ok_cases[i]),
							&ctx, &err),
				 API_OK);
		assert_null(ctx.host);
		assert_int_equal(ctx.skip_tls_verify, 0);
		api_context_free(&ctx);
	}
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		assert_int_not_equal(
			api_context_meta_parse(
				bad_cases[i], strlen(bad_cases[i]), &ctx, &err),
			API_OK);
		assert_null(ctx.host);
		assert_null(ctx.name);
	}
	/* Bytes that are not UTF-8 are kept as they are, not a crash. */
	assert_int_equal(api_context_meta_parse(utf8, strlen(utf8), &ctx, &err),
			 API_OK);
	assert_string_equal(ctx.host, "tcp://\xc3\x28:1");
	api_context_free(&ctx);
}

static void test_current_parse(void **state)
{
	struct api_error err;
	size_t len;
	char *json = tl_data("context_config.json", &len), *name;

	(void)state;
	assert_int_equal(api_context_current_parse(json, len, &name, &err),
			 API_OK);
	assert_string_equal(name, "berth-plain");
	free(name);
	free(json);
	assert_int_equal(api_context_current_parse("{\"currentContext\":null}",
						   23, &name, &err),
			 API_OK);
	assert_null(name);
	assert_int_equal(api_context_current_parse("{\"currentContext\":\"\"}",
						   21, &name, &err),
			 API_OK);
	assert_null(name);
	assert_int_equal(api_context_current_parse("[1]", 3, &name, &err),
			 API_E_PARSE);
	assert_null(name);
}

static char dir[64];

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A config dir the way the docker CLI lays it out, by hand. */
static void make_context(const char *name, const char *host, int with_tls)
{
	char hash[65], p[512], meta[256];

	hex_of(name, hash);
	snprintf(p, sizeof(p), "mkdir -p %s/contexts/meta/%s", dir, hash);
	free(tl_sh(NULL, "%s", p));
	snprintf(p, sizeof(p), "%s/contexts/meta/%s/meta.json", dir, hash);
	snprintf(meta, sizeof(meta),
		 "{\"Name\":\"%s\",\"Endpoints\":{\"docker\":{\"Host\":"
		 "\"%s\",\"SkipTLSVerify\":false}}}",
		 name, host);
	write_file(p, meta);
	if (!with_tls)
		return;
	free(tl_sh(NULL, "mkdir -p %s/contexts/tls/%s/docker", dir, hash));
	snprintf(p, sizeof(p), "%s/contexts/tls/%s/docker/ca.pem", dir, hash);
	write_file(p, "x");
	snprintf(p, sizeof(p), "%s/contexts/tls/%s/docker/key.pem", dir, hash);
	write_file(p, "x");
}

static int setup_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/berth-ctx-test.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	setenv("DOCKER_CONFIG", dir, 1);
	unsetenv("DOCKER_HOST");
	unsetenv("DOCKER_CONTEXT");
	return 0;
}

static int teardown_dir(void **state)
{
	(void)state;
	free(tl_sh(NULL, "rm -rf %s", dir));
	unsetenv("DOCKER_CONFIG");
	unsetenv("DOCKER_CONTEXT");
	return 0;
}

static char *selected(const char *host_flag, const char *ctx_flag)
{
	struct api_error err;
	char *name = NULL;

	assert_int_equal(
		api_context_select(host_flag, ctx_flag, dir, &name, &err),
		API_OK);
	return name;
}

static void test_select_precedence(void **state)
{
	struct api_error err;
	char p[128], *n;

	(void)state;
	assert_null(selected(NULL, NULL));
	snprintf(p, sizeof(p), "%s/config.json", dir);
	write_file(p, "{\"currentContext\":\"cur\"}");
	n = selected(NULL, NULL);
	assert_string_equal(n, "cur");
	free(n);
	setenv("DOCKER_CONTEXT", "envctx", 1);
	n = selected(NULL, NULL);
	assert_string_equal(n, "envctx");
	free(n);
	setenv("DOCKER_HOST", "unix:///x.sock", 1);
	assert_null(selected(NULL, NULL));
	n = selected(NULL, "flag");
	assert_string_equal(n, "flag");
	free(n);
	unsetenv("DOCKER_HOST");
	assert_null(selected("unix:///y.sock", NULL));
	assert_null(selected(NULL, "default"));
	assert_int_equal(api_context_select("unix:///y", "flag", dir, &n, &err),
			 API_E_INVALID);
	assert_non_null(strstr(err.msg, "--context"));
	/* A broken config.json costs the context, not the run. */
	unsetenv("DOCKER_CONTEXT");
	write_file(p, "{not json");
	assert_null(selected(NULL, NULL));
}

static void test_load_and_apply(void **state)
{
	struct api_client_opts o = {.tls = -1, .tls_verify = -1};
	struct api_context ctx;
	struct api_error err;

	(void)state;
	make_context("remote", "tcp://127.0.0.1:2376", 1);
	make_context("local", "unix:///run/other.sock", 0);
	assert_int_equal(api_context_load(dir, "remote", &ctx, &err), API_OK);
	assert_string_equal(ctx.host, "tcp://127.0.0.1:2376");
	assert_non_null(strstr(ctx.ca, "/docker/ca.pem"));
	assert_null(ctx.cert);
	assert_non_null(strstr(ctx.key, "/docker/key.pem"));
	api_context_free(&ctx);
	assert_int_equal(api_context_load(dir, "nope", &ctx, &err),
			 API_E_INVALID);
	assert_non_null(strstr(err.msg, "\"nope\" not found"));

	o.tls_cert = "/given/cert.pem";
	assert_int_equal(api_context_apply("remote", &o, &ctx, &err), API_OK);
	assert_string_equal(o.host, "tcp://127.0.0.1:2376");
	assert_int_equal(o.tls, 1);
	assert_int_equal(o.tls_verify, 1);
	assert_ptr_equal(o.tls_ca, ctx.ca);
	assert_string_equal(o.tls_cert, "/given/cert.pem");
	api_context_free(&ctx);

	memset(&o, 0, sizeof(o));
	o.tls = o.tls_verify = -1;
	setenv("DOCKER_CONTEXT", "local", 1);
	assert_int_equal(api_context_apply(NULL, &o, &ctx, &err), API_OK);
	assert_string_equal(o.host, "unix:///run/other.sock");
	assert_int_equal(o.tls, 0);
	api_context_free(&ctx);

	/* -H wins: nothing changes, nothing to free. */
	memset(&o, 0, sizeof(o));
	o.host = "unix:///mine.sock";
	assert_int_equal(api_context_apply(NULL, &o, &ctx, &err), API_OK);
	assert_string_equal(o.host, "unix:///mine.sock");
	assert_null(ctx.name);
}

static api_code client_for(const char *host, int allow, struct api_error *err,
			   char *transport, size_t n)
{
	struct api_client_opts o = {.host = host, .tls = -1, .tls_verify = -1};
	struct api_client *c = NULL;
	api_code rc;

	o.allow_insecure_tcp = allow;
	o.ssh_opts = "-o BatchMode=yes";
	rc = api_client_new(&o, &c, err);
	transport[0] = '\0';
	if (c) {
		snprintf(transport, n, "%s", api_client_transport(c));
		api_client_free(c);
	}
	return rc;
}

static void test_addresses(void **state)
{
	static const struct {
		const char *host;
		int allow;
		api_code rc;
		const char *transport;
	} cases[] = {
		{"tcp://10.0.0.1:2375", 0, API_E_INVALID, ""},
		{"http://example.com", 0, API_E_INVALID, ""},
		{"tcp://127.1.2.3:2375", 0, API_OK, "plain TCP (unencrypted)"},
		{"tcp://LOCALHOST:2375", 0, API_OK, "plain TCP (unencrypted)"},
		{"tcp://[::1]:2375", 0, API_OK, "plain TCP (unencrypted)"},
		{"tcp://127.0.0.1.evil.example:2375", 0, API_E_INVALID, ""},
		{"tcp://localhostx:2375", 0, API_E_INVALID, ""},
		{"tcp://10.0.0.1:2375", 1, API_OK, "plain TCP (unencrypted)"},
		{"https://10.0.0.1:2376", 0, API_OK, "TLS (verified)"},
		{"ssh://user@host:2222", 0, API_OK, "ssh"},
		{"ssh://host", 0, API_OK, "ssh"},
		{"ssh://", 0, API_E_INVALID, ""},
		{"ssh://u@", 0, API_E_INVALID, ""},
		{"ssh://-oProxyCommand=x", 0, API_E_INVALID, ""},
		{"ssh://-l@host", 0, API_E_INVALID, ""},
		{"ssh://host:22x", 0, API_E_INVALID, ""},
		{"unix:///run/docker.sock", 0, API_OK, "unix socket"},
		{"fd://", 0, API_E_INVALID, ""},
	};
	struct api_error err;
	char t[64], *before, *after;
	size_t i;

	(void)state;
	before = tl_sh(NULL, "ls /tmp | grep '^berth-ssh-' || true");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		api_code rc = client_for(cases[i].host, cases[i].allow, &err, t,
					 sizeof(t));
		if (rc != cases[i].rc || strcmp(t, cases[i].transport) != 0)
			fail_msg("%s: got %d \"%s\"", cases[i].host, rc, t);
	}
	client_for("tcp://10.0.0.1:2375", 0, &err, t, sizeof(t));
	assert_non_null(strstr(err.msg, "--allow-insecure-tcp"));
	/* No private socket directory is left behind. */
	after = tl_sh(NULL, "ls /tmp | grep '^berth-ssh-' || true");
	assert_string_equal(after, before);
	free(before);
	free(after);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_meta_recorded),
		cmocka_unit_test(test_meta_hostile),
		cmocka_unit_test(test_current_parse),
		cmocka_unit_test_setup_teardown(test_select_precedence,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_load_and_apply, setup_dir,
						teardown_dir),
		cmocka_unit_test(test_addresses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
