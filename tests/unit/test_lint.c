/* berth lint: the Dockerfile as the builder reads it, the image record
 * made from it, and each image rule naming the line it judged. */
#include "tests/lib/testlib.h"

#include <stdio.h>
#include <string.h>

#include "posture/dockerfile.h"
#include "posture/lint.h"
#include "posture/lint_image.h"
#include "posture/policy.h"
#include "posture/rule.h"

static void parse_ok(const char *text, struct dockerfile *d)
{
	struct api_error err = {0};

	assert_int_equal(dockerfile_parse(text, strlen(text), d, &err), API_OK);
}

static void test_parse(void **state)
{
	struct dockerfile d;
	struct api_error err = {0};

	(void)state;
	parse_ok("# a comment\n"
		 "from  alpine:3.19 AS b\n"
		 "RUN apk add \\\n"
		 "# dropped inside a continuation\n"
		 "    curl \\\n"
		 "    jq\n"
		 "\n"
		 "CMD [\"sh\", \"-c\", \"echo hi\"]\n"
		 "RUN <<EOF\n"
		 "echo one\n"
		 "EOF\n"
		 "USER 1000\r\n",
		 &d);
	assert_int_equal(d.n, 5);
	assert_string_equal(d.items[0].cmd, "FROM");
	assert_int_equal(d.items[0].line, 2);
	assert_string_equal(d.items[1].args, "apk add  curl  jq");
	assert_int_equal(d.items[1].line, 3);
	assert_string_equal(d.items[2].args, "sh -c echo hi");
	assert_int_equal(d.items[2].line, 8);
	assert_string_equal(d.items[3].args, "<<EOF\necho one");
	assert_string_equal(d.items[4].args, "1000");
	assert_int_equal(d.items[4].line, 12);
	dockerfile_free(&d);

	/* the escape directive: a backtick continues, a backslash is text */
	parse_ok("# escape=`\nFROM x\nRUN dir c:\\ `\n  /s\n", &d);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.items[1].args, "dir c:\\  /s");
	dockerfile_free(&d);

	/* only the builder's instructions are instructions */
	assert_int_equal(dockerfile_parse("FROM x\nRUNS y\n", 14, &d, &err),
			 API_E_PARSE);
	assert_string_equal(err.msg, "2: not an instruction");
	assert_int_equal(dockerfile_parse("FROM x\nTHISISNOINSTRUCTION! y\n",
					  27, &d, &err),
			 API_E_PARSE);
	assert_string_equal(err.msg, "2: not an instruction");
	assert_int_equal(dockerfile_parse("FROM x\0", 7, &d, &err),
			 API_E_PARSE);
}

static void build_ok(const char *text, struct lint_image *li)
{
	struct dockerfile d;
	struct api_error err = {0};

	parse_ok(text, &d);
	assert_int_equal(lint_image_build(&d, li, &err), API_OK);
	dockerfile_free(&d);
}

static void test_record(void **state)
{
	struct lint_image li;
	struct api_error err = {0};
	struct dockerfile d;

	(void)state;
	build_ok("ARG V=3.19\n"
		 "FROM alpine:${V} AS base\n"
		 "ENV A=1 B=\"two words\"\n"
		 "USER app\n"
		 "FROM golang AS build\n"
		 "ARG TOKEN=t0\n"
		 "RUN --mount=type=cache,target=/c go build\n"
		 "FROM base\n"
		 "ENV A=3\n"
		 "ENV C some value\n"
		 "LABEL berth.accept=\"4.6: none\"\n"
		 "COPY --from=build /out /app\n"
		 "HEALTHCHECK --interval=5s CMD wget -q localhost\n",
		 &li);
	/* the final stage is built from base: its record starts there */
	assert_int_equal(li.img.repo_tags.n, 1);
	assert_string_equal(li.img.repo_tags.v[0], "alpine:3.19");
	assert_string_equal(li.img.repo_digests.v[0], "alpine:3.19");
	assert_string_equal(li.img.config.user, "app");
	assert_int_equal(li.user_line, 4);
	assert_int_equal(li.img.config.env.n, 3);
	assert_string_equal(li.img.config.env.v[0], "B=two words");
	assert_string_equal(li.img.config.env.v[1], "A=3");
	assert_string_equal(li.img.config.env.v[2], "C=some value");
	assert_int_equal(li.img.config.healthcheck.test.n, 2);
	assert_string_equal(li.img.config.healthcheck.test.v[0], "CMD-SHELL");
	assert_string_equal(li.img.config.healthcheck.test.v[1],
			    "wget -q localhost");
	assert_int_equal(li.health_line, 13);
	/* newest first, with the lines they came from */
	assert_int_equal(li.h.n, 5);
	assert_string_equal(li.h.items[0].created_by,
			    "COPY --from=build /out /app");
	assert_int_equal(li.h_line[0], 12);
	assert_string_equal(li.h.items[3].created_by,
			    "|1 TOKEN=t0 /bin/sh -c go build");
	assert_int_equal(li.h_line[3], 7);
	assert_int_equal(li.h_line[4], 3);
	assert_int_equal(li.n_from, 2);
	assert_string_equal(li.from[1].ref, "golang:latest");
	assert_false(li.from[1].final_base);
	assert_int_equal(lint_name_line(&li, "TOKEN", 5), 6);
	assert_int_equal(lint_name_line(&li, "A", 1), 9);
	lint_image_free(&li);

	parse_ok("RUN true\n", &d);
	assert_int_equal(lint_image_build(&d, &li, &err), API_E_PARSE);
	assert_string_equal(err.msg, "no FROM instruction");
	dockerfile_free(&d);
}

/* The findings of text, their ids and evidence "id=evidence\n". */
static void lint(const char *text, char *out, size_t n)
{
	struct posture_policy p;
	struct posture_findings f = {0};
	struct api_error err = {0};
	size_t i, k = 0;

	posture_policy_init(&p);
	assert_int_equal(posture_lint(text, strlen(text), "Dockerfile", &p,
				      1700000000, &f, &err),
			 API_OK);
	posture_findings_sort(&f);
	out[0] = '\0';
	for (i = 0; i < f.n && k < n; i++)
		k += (size_t)snprintf(out + k, n - k, "%s=%s\n",
				      f.items[i].rule->id, f.items[i].evidence);
	posture_findings_free(&f);
	posture_policy_free(&p);
}

static void test_rules_lines(void **state)
{
	char got[4096];

	(void)state;
	lint("FROM me/base\n"				  /* 1 */
	     "ARG API_TOKEN\n"				  /* 2 */
	     "ENV DB_PASSWORD=x\n"			  /* 3 */
	     "RUN apt-get update\n"			  /* 4 */
	     "RUN curl -fsSL http://127.0.0.1:9/i | sh\n" /* 5 */
	     "ADD http://127.0.0.1:9/a.tgz /a\n"	  /* 6 */
	     "COPY . /src\n"				  /* 7 */
	     "RUN apk add --no-cache jq\n"		  /* 8 */
	     "FROM alpine AS never\n",			  /* 9 */
	     got, sizeof(got));
	/* the last stage is "never": its record is alpine's, unnamed USER */
	assert_non_null(strstr(got, "berth.image.tag=line 1: FROM "
				    "me/base:latest; line 9: FROM "
				    "alpine:latest\n"));
	assert_non_null(strstr(got, "berth.image.unofficial=line 1: FROM "
				    "docker.io/me/base: a user namespace on "
				    "Docker Hub\n"));
	assert_non_null(strstr(got, "4.10=line 2: build arg API_TOKEN (value "
				    "not shown)\n"));
	assert_non_null(strstr(got, "4.7=line 4: apt-get update\n"));
	assert_non_null(strstr(got, "4.11=line 5: a download piped into a "
				    "shell: curl -fsSL http://127.0.0.1:9/i "
				    "| sh\n"));
	assert_non_null(strstr(got, "4.9=line 6: ADD http://127.0.0.1:9/a.tgz "
				    "/a\n"));
	assert_non_null(strstr(got, "berth.image.copyall=line 7: COPY . "
				    "/src\n"));
	assert_non_null(strstr(got, "berth.image.unpinned=line 8: 1 without "
				    "a version: jq\n"));
	assert_non_null(strstr(got, "4.1=no USER instruction in the final "
				    "stage"));
	assert_non_null(strstr(got, "4.6=no HEALTHCHECK instruction\n"));
	/* ENV of a stage that is not shipped is no secret of the image */
	assert_null(strstr(got, "DB_PASSWORD"));

	/* a pipe that ends the line pipes into nothing (found by fuzzing) */
	lint("FROM alpine:3.19\nRUN curl -o /x http://127.0.0.1:9/ | \n", got,
	     sizeof(got));
	assert_null(strstr(got, "piped into a shell"));
	lint("FROM alpine:3.19\nENV DB_PASSWORD=x\nUSER 0\n"
	     "HEALTHCHECK NONE\n",
	     got, sizeof(got));
	assert_non_null(strstr(got, "4.10=line 2: ENV DB_PASSWORD is set "
				    "(value not shown)\n"));
	assert_non_null(strstr(got, "4.1=line 3: USER \"0\"\n"));
	assert_non_null(strstr(got, "4.6=line 4: HEALTHCHECK NONE\n"));
}

static void test_clean(void **state)
{
	char got[4096];
	size_t lines[4];

	(void)state;
	lint("# syntax=docker/dockerfile:1\n"
	     "FROM alpine:3.19 AS build\n"
	     "RUN apk add --no-cache jq=1.7.1-r0\n"
	     "FROM alpine@sha256:"
	     "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	     "\n"
	     "COPY --from=build /usr/bin/jq /usr/bin/jq\n"
	     "COPY --from=build . /opt/\n"
	     "COPY app.sh /app.sh\n"
	     "RUN apt-get update && apt-get install -y curl=8.5.0-1\n"
	     "USER 1000:1000\n"
	     "HEALTHCHECK CMD /app.sh check\n",
	     got, sizeof(got));
	assert_string_equal(got, "");
	assert_int_equal(posture_lint_lines("line 3: x; line 12: y", lines, 4),
			 2);
	assert_int_equal(lines[0], 3);
	assert_int_equal(lines[1], 12);
	assert_int_equal(
		posture_lint_lines("no line here; inline 4: x", lines, 4), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_record),
		cmocka_unit_test(test_rules_lines),
		cmocka_unit_test(test_clean),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
