/* Recreate spec, pull progress, registry auth and distribution parsing. */
#include "tests/lib/testlib.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "api/distribution.h"
#include "api/pull.h"
#include "api/recreate_spec.h"

static cJSON *spec_body(const char *file, const char *image,
			const char *version, struct recreate_spec *s)
{
	size_t len;
	char *json = tl_data(file, &len);
	struct api_error err;
	cJSON *body;

	assert_int_equal(
		api_recreate_spec_build(json, len, image, version, s, &err),
		API_OK);
	free(json);
	body = cJSON_Parse(s->body);
	assert_non_null(body);
	return body;
}

static void test_spec_config(void **state)
{
	struct recreate_spec s;
	cJSON *b = spec_body("recreate_inspect.json", NULL, "1.41", &s);
	cJSON *hc = cJSON_GetObjectItem(b, "HostConfig");
	cJSON *m = cJSON_GetArrayItem(cJSON_GetObjectItem(hc, "Mounts"), 0);

	(void)state;
	assert_string_equal(s.name, "rec-unit");
	assert_string_equal(s.image, "local/busybox:latest");
	assert_int_equal(s.running, 1);
	assert_int_equal(s.stop_timeout, -1);
	assert_int_equal(s.n_anon, 1);
	assert_string_equal(cJSON_GetObjectItem(b, "Hostname")->valuestring,
			    "keepme");
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(b, "Env"), 0)
				    ->valuestring,
			    "A=1");
	assert_string_equal(cJSON_GetObjectItem(hc, "NetworkMode")->valuestring,
			    "none");
	assert_null(cJSON_GetObjectItem(b, "NetworkingConfig"));
	assert_string_equal(cJSON_GetObjectItem(m, "Target")->valuestring,
			    "/anon");
	assert_int_equal(strlen(cJSON_GetObjectItem(m, "Source")->valuestring),
			 64);
	cJSON_Delete(b);
	api_recreate_spec_free(&s);
	api_recreate_spec_free(&s);
}

static void test_spec_networks(void **state)
{
	struct recreate_spec s;
	cJSON *b =
		spec_body("recreate_inspect_nets.json", "other:2", "1.41", &s);
	cJSON *eps = cJSON_GetObjectItem(
		cJSON_GetObjectItem(b, "NetworkingConfig"), "EndpointsConfig");
	cJSON *db = cJSON_GetObjectItem(eps, "recnet");
	cJSON *al = cJSON_GetObjectItem(db, "Aliases");

	(void)state;
	assert_string_equal(cJSON_GetObjectItem(b, "Image")->valuestring,
			    "other:2");
	assert_null(cJSON_GetObjectItem(b, "Hostname"));
	assert_int_equal(cJSON_GetArraySize(eps), 1);
	assert_int_equal(cJSON_GetArraySize(al), 1);
	assert_string_equal(cJSON_GetArrayItem(al, 0)->valuestring, "db");
	assert_null(cJSON_GetObjectItem(db, "IPAddress"));
	assert_int_equal(s.n_nets, 1);
	assert_string_equal(s.nets[0].network, "recnet2");
	assert_non_null(strstr(s.nets[0].endpoint, "\"Aliases\":[\"db2\"]"));
	assert_null(strstr(s.nets[0].endpoint, "IPAddress"));
	cJSON_Delete(b);
	api_recreate_spec_free(&s);
	/* From 1.44 every network goes into the create body. */
	b = spec_body("recreate_inspect_nets.json", NULL, "1.44", &s);
	eps = cJSON_GetObjectItem(cJSON_GetObjectItem(b, "NetworkingConfig"),
				  "EndpointsConfig");
	assert_int_equal(cJSON_GetArraySize(eps), 2);
	assert_int_equal(s.n_nets, 0);
	cJSON_Delete(b);
	api_recreate_spec_free(&s);
}

static void test_spec_hostile(void **state)
{
	static const char *const bad[] = {
		"{}",
		"[]",
		"{\"Id\":\"short\",\"Name\":\"/"
		"x\",\"Config\":{\"Image\":\"i\"}}",
		"{\"Id\":null,\"Name\":1e300,\"Config\":\"x\"}",
		"{\"Id\":\"0123456789abcdef\",\"Name\":\"/\",\"Config\":{}}",
		"not json",
	};
	const char *ok = "{\"Id\":\"0123456789abcdef\",\"Name\":\"/n\xff\","
			 "\"Config\":{\"Image\":\"i\",\"StopTimeout\":1e300,"
			 "\"Hostname\":\"0123456789ab\"},\"HostConfig\":[],"
			 "\"Mounts\":[null,{\"Type\":\"volume\",\"Name\":"
			 "\"0123456789abcdef0123456789abcdef0123456789abcdef"
			 "0123456789abcdef\",\"Destination\":\"/d\"}],"
			 "\"NetworkSettings\":{\"Networks\":{\"a\":null,"
			 "\"b\":{\"Aliases\":[1,\"0123456789ab\",\"x\"]}}}}";
	struct recreate_spec s;
	struct api_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_not_equal(
			api_recreate_spec_build(bad[i], strlen(bad[i]), NULL,
						"1.41", &s, &err),
			API_OK);
		assert_null(s.body);
	}
	assert_int_equal(
		api_recreate_spec_build(ok, strlen(ok), NULL, "1.41", &s, &err),
		API_OK);
	assert_int_equal(s.stop_timeout, -1);
	assert_int_equal(s.n_anon, 1);
	assert_null(strstr(s.body, "\"Hostname\""));
	assert_int_equal(s.n_nets, 1);
	assert_string_equal(s.nets[0].endpoint, "{\"Aliases\":[\"x\"]}");
	assert_non_null(strstr(s.body, "\"Target\":\"/d\""));
	api_recreate_spec_free(&s);
}

static void test_pull_events(void **state)
{
	size_t len;
	char *text = tl_data("pull_progress.jsonl", &len), *line, *save = NULL;
	struct api_pull_event ev[4];
	struct api_error err;
	int n = 0;

	(void)state;
	for (line = strtok_r(text, "\n", &save); line && n < 4;
	     line = strtok_r(NULL, "\n", &save), n++)
		assert_int_equal(
			api_pull_event_parse(line, strlen(line), &ev[n], &err),
			API_OK);
	assert_int_equal(n, 4);
	assert_string_equal(ev[0].id, "latest");
	assert_string_equal(ev[1].status, "Downloading");
	assert_int_equal(ev[1].current, 1024);
	assert_int_equal(ev[1].total, 4096);
	assert_int_equal(ev[2].total, 0);
	assert_null(ev[2].error);
	assert_string_equal(ev[3].error, "manifest unknown");
	while (n--)
		api_pull_event_free(&ev[n]);
	free(text);
	assert_int_equal(
		api_pull_event_parse("{\"error\":{}}", 12, &ev[0], &err),
		API_OK);
	assert_non_null(ev[0].error);
	api_pull_event_free(&ev[0]);
	assert_int_equal(
		api_pull_event_parse("{\"progressDetail\":{\"current\":"
				     "1e300,\"total\":-5}}",
				     49, &ev[0], &err),
		API_OK);
	assert_int_equal(ev[0].current, INT64_MAX);
	api_pull_event_free(&ev[0]);
	assert_int_not_equal(api_pull_event_parse("[1]", 3, &ev[0], &err),
			     API_OK);
}

static void test_refs(void **state)
{
	char *n, *t, *p;

	(void)state;
	assert_int_equal(api_image_ref_split("127.0.0.1:5000/a/b", &n, &t), 0);
	assert_string_equal(n, "127.0.0.1:5000/a/b");
	assert_string_equal(t, "latest");
	free(n);
	free(t);
	assert_int_equal(api_image_ref_split("busybox:1.36", &n, &t), 0);
	assert_string_equal(n, "busybox");
	assert_string_equal(t, "1.36");
	free(n);
	free(t);
	assert_int_equal(api_image_ref_split(":x", &n, &t), -1);
	p = api_image_pull_path("h:5/a:v2");
	assert_string_equal(p, "/images/create?fromImage=h%3A5%2Fa&tag=v2");
	free(p);
	p = api_image_ref_registry("library/busybox");
	assert_string_equal(p, "docker.io");
	free(p);
	p = api_image_ref_registry("localhost/x");
	assert_string_equal(p, "localhost");
	free(p);
	assert_null(api_distribution_path("a b"));
	p = api_distribution_path("h:5/a:v2");
	assert_string_equal(p, "/distribution/h:5/a:v2/json");
	free(p);
}

static void test_auth(void **state)
{
	/* "auth" is base64 of "u:p w"; the header is base64url JSON. */
	const char *cfg = "{\"auths\":{\"https://reg.example:5000\":{\"auth\":"
			  "\"dTpwIHc=\"},\"other\":{}}}";
	const char *cfg2 = "{\"auths\":{\"https://index.docker.io/v1/\":{"
			   "\"username\":\"me\",\"password\":\"pw\"}}}";
	char *a;

	(void)state;
	a = api_registry_auth_from_config("reg.example:5000/x:1", cfg,
					  strlen(cfg));
	/* {"username":"u","password":"p w","serveraddress":"reg.example:5000"}
	 */
	assert_string_equal(a,
			    "eyJ1c2VybmFtZSI6InUiLCJwYXNzd29yZCI6InAgdyIsIn"
			    "NlcnZlcmFkZHJlc3MiOiJyZWcuZXhhbXBsZTo1MDAwIn0=");
	free(a);
	assert_null(api_registry_auth_from_config("busybox", cfg, strlen(cfg)));
	a = api_registry_auth_from_config("busybox", cfg2, strlen(cfg2));
	assert_non_null(a);
	free(a);
	assert_null(api_registry_auth_from_config("x", "{\"auths\":1}", 11));
	assert_null(api_registry_auth_from_config(
		"reg.example:5000/x",
		"{\"auths\":{\"reg.example:5000\":"
		"{\"auth\":\"!!\"}}}",
		45));
}

static void test_distribution(void **state)
{
	const char *ok = "{\"Descriptor\":{\"mediaType\":\"m\",\"digest\":"
			 "\"sha256:abc\",\"size\":528},\"Platforms\":[]}";
	struct api_distribution d;
	struct api_error err;
	char *v[] = {"r@sha256:zzz", "x/y@sha256:abc", NULL};
	struct api_strv rd = {v, 2};

	(void)state;
	assert_int_equal(api_distribution_parse(ok, strlen(ok), &d, &err),
			 API_OK);
	assert_string_equal(d.digest, "sha256:abc");
	assert_int_equal(d.size, 528);
	assert_int_equal(api_digest_matches(&rd, d.digest), 1);
	rd.n = 1;
	assert_int_equal(api_digest_matches(&rd, d.digest), 0);
	api_distribution_free(&d);
	api_distribution_free(&d);
	assert_int_not_equal(
		api_distribution_parse("{\"Descriptor\":null}", 19, &d, &err),
		API_OK);
	assert_null(d.digest);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_config),
		cmocka_unit_test(test_spec_networks),
		cmocka_unit_test(test_spec_hostile),
		cmocka_unit_test(test_pull_events),
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_auth),
		cmocka_unit_test(test_distribution),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
