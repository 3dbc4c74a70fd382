/* The image's build record read for what its author left in it: 4.10
 * secrets (in Env, build args or RUN lines) and 4.11 packages and
 * scripts fetched without verification. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "posture/checks.h"

/* Case-insensitive substring. */
static int has(const char *s, const char *needle)
{
	return s && strcasestr(s, needle) != NULL;
}

static int ends(const char *s, size_t n, const char *tail)
{
	size_t t = strlen(tail);

	return n >= t && strncasecmp(s + n - t, tail, t) == 0;
}

/* A variable name that says it holds a secret.  *_FILE and *_PATH point
 * at one (the Docker secrets convention), GPG_KEY names a public key's
 * fingerprint (the official Python images): neither is one. */
int posture_secret_name(const char *name, size_t n)
{
	char buf[128];

	if (n == 0 || n >= sizeof(buf))
		return 0;
	memcpy(buf, name, n);
	buf[n] = '\0';
	if (ends(buf, n, "_FILE") || ends(buf, n, "_PATH") ||
	    ends(buf, n, "_DIR") || has(buf, "GPG_KEY"))
		return 0;
	return has(buf, "PASSWORD") || has(buf, "PASSWD") ||
	       has(buf, "SECRET") || has(buf, "TOKEN") || has(buf, "APIKEY") ||
	       has(buf, "API_KEY") || ends(buf, n, "_KEY") ||
	       strncasecmp(buf, "AWS_", 4) == 0;
}

static int run_of(const char *s, int (*pred)(int), size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!s[i] || !pred((unsigned char)s[i]))
			return 0;
	return 1;
}

static int upper_or_digit(int c)
{
	return isupper(c) || isdigit(c);
}

/* Text that looks like a credential whatever its name: a private key,
 * an AWS access key id, a GitHub or Slack token. */
const char *posture_secret_value(const char *v)
{
	const char *p;

	if (!v)
		return NULL;
	if (strstr(v, "-----BEGIN") && strstr(v, "PRIVATE KEY"))
		return "a private key";
	for (p = strstr(v, "AKIA"); p; p = strstr(p + 1, "AKIA"))
		if (run_of(p + 4, upper_or_digit, 16))
			return "an AWS access key id";
	if (strstr(v, "ghp_") || strstr(v, "github_pat_"))
		return "a GitHub token";
	if (strstr(v, "xoxb-") || strstr(v, "xoxp-") || strstr(v, "xoxa-"))
		return "a Slack token";
	return NULL;
}

/* "NAME=value" entries of Env. */
static void env_secrets(const struct api_image_config *c, struct posture_ev *e)
{
	const char *kv, *eq, *what;
	size_t i;

	for (i = 0; i < c->env.n; i++) {
		kv = c->env.v[i];
		eq = kv ? strchr(kv, '=') : NULL;
		if (!eq || !eq[1])
			continue;
		what = posture_secret_value(eq + 1);
		if (posture_secret_name(kv, (size_t)(eq - kv)))
			posture_ev_add(e, "Env %.*s is set (value not shown)",
				       (int)(eq - kv), kv);
		else if (what)
			posture_ev_add(e, "Env %.*s holds %s (not shown)",
				       (int)(eq - kv), kv, what);
	}
}

/* Build arg names already said: every RUN after an ARG repeats it. */
struct said {
	char name[16][64];
	size_t n;
};

static int said_before(struct said *s, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strlen(s->name[i]) == n &&
		    strncmp(s->name[i], name, n) == 0)
			return 1;
	if (s->n < 16 && n < sizeof(s->name[0])) {
		memcpy(s->name[s->n], name, n);
		s->name[s->n++][n] = '\0';
	}
	return 0;
}

/* The legacy builder records the build args a RUN saw before it:
 * "|2 A=1 B=2 /bin/sh -c ...".  Names the secret-looking ones, once. */
static void arg_secrets(const char *c, size_t layer, struct said *s,
			struct posture_ev *e)
{
	const char *p = c + 1, *eq, *end;
	long n;
	char *stop;

	n = strtol(p, &stop, 10);
	for (p = stop; n > 0 && *p == ' '; n--) {
		p++;
		eq = strchr(p, '=');
		end = strchr(p, ' ');
		if (!eq || (end && end < eq))
			return;
		if (posture_secret_name(p, (size_t)(eq - p)) &&
		    !said_before(s, p, (size_t)(eq - p)))
			posture_ev_add(e,
				       "History layer %zu: build arg %.*s "
				       "(value not shown)",
				       layer, (int)(eq - p), p);
		p = end ? end : eq + strlen(eq);
	}
}

void posture_check_image_secrets(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out)
{
	struct posture_ev e = {0};
	struct said s = {0};
	const char *c, *what;
	size_t i;

	env_secrets(&x->image->config, &e);
	for (i = 0; x->history && i < x->history->n; i++) {
		c = x->history->items[i].created_by;
		if (!c)
			continue;
		if (c[0] == '|' && isdigit((unsigned char)c[1]))
			arg_secrets(c, i, &s, &e);
		what = posture_secret_value(c);
		if (what)
			posture_ev_add(&e,
				       "History layer %zu holds %s (not shown)",
				       i, what);
	}
	posture_emit(r, x, out, r->severity, &e);
}

/* A word of cmd at p: p starts cmd or follows a blank or a separator. */
static int word_at(const char *cmd, const char *p)
{
	return p == cmd || strchr(" \t;&|(", p[-1]);
}

static const char *find_word(const char *cmd, const char *w)
{
	const char *p;
	size_t n = strlen(w);

	for (p = strstr(cmd, w); p; p = strstr(p + 1, w))
		if (word_at(cmd, p) && (!p[n] || strchr(" \t;&|)", p[n])))
			return p;
	return NULL;
}

/* w run as a command: at the start, after a separator, or after sudo
 * ("apk add curl" installs curl, it runs nothing). */
static const char *find_cmd(const char *cmd, const char *w)
{
	const char *p, *q;

	for (p = find_word(cmd, w); p; p = find_word(p + 1, w)) {
		for (q = p; q > cmd && (q[-1] == ' ' || q[-1] == '\t'); q--)
			;
		if (q == cmd || strchr(";&|(", q[-1]))
			return p;
		if (q - cmd >= 4 && strncmp(q - 4, "sudo", 4) == 0)
			return p;
	}
	return NULL;
}

/* curl or wget, then a pipe into a shell in the same command. */
static int pipes_to_shell(const char *cmd)
{
	static const char *const shells[] = {
		"sh", "bash", "/bin/sh", "/bin/bash", "ash", "zsh", NULL};
	const char *dl = find_cmd(cmd, "curl"), *p, *q;
	size_t i, n;

	if (!dl)
		dl = find_cmd(cmd, "wget");
	for (p = dl ? strchr(dl, '|') : NULL; p; p = strchr(p + 1, '|')) {
		if (p[1] == '|')
			continue; /* || is no pipe */
		if (p[-1] == '|')
			continue;
		/* q, not p, walks on: p + 1 must stay inside the text */
		q = p + 1;
		while (*q == ' ' || *q == '\t')
			q++;
		if (strncmp(q, "sudo ", 5) == 0)
			q += 5;
		for (i = 0; shells[i]; i++) {
			n = strlen(shells[i]);
			if (strncmp(q, shells[i], n) == 0 &&
			    (!q[n] || strchr(" \t;&|)", q[n])))
				return 1;
		}
	}
	return 0;
}

/* A checksum or signature checked in the same RUN. */
static int verifies(const char *cmd)
{
	static const char *const tools[] = {
		"sha256sum", "sha512sum", "sha1sum",  "md5sum", "gpg",
		"gpgv",	     "cosign",	  "minisign", "shasum", NULL};
	size_t i;

	for (i = 0; tools[i]; i++)
		if (find_word(cmd, tools[i]))
			return 1;
	return 0;
}

/* What in one RUN installs or runs something unverified, or NULL. */
static const char *unverified(const char *cmd)
{
	static const char *const flags[][2] = {
		{"--allow-unauthenticated", "apt without signature checks"},
		{"--allow-insecure-repositories", "apt without signatures"},
		{"--nogpgcheck", "yum/dnf without signature checks"},
		{"--no-check-certificate", "a download without TLS checks"},
		{"--trusted-host", "pip trusting a host without TLS checks"},
		{"--allow-untrusted", "apk without signature checks"},
		{"--insecure", "a download without TLS checks"},
	};
	size_t i;

	if (pipes_to_shell(cmd))
		return "a download piped into a shell";
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (find_word(cmd, flags[i][0]))
			return flags[i][1];
	if ((find_cmd(cmd, "curl") || find_cmd(cmd, "wget")) && !verifies(cmd))
		return "a download with no checksum or signature check";
	return NULL;
}

void posture_check_image_unverified(const struct posture_rule *r,
				    const struct posture_ctx *x,
				    struct posture_findings *out)
{
	struct posture_ev e = {0};
	const char *run, *what;
	size_t i;

	for (i = 0; x->history && i < x->history->n; i++) {
		run = posture_layer_run(x, i);
		what = run ? unverified(run) : NULL;
		/* the command itself may carry a secret: never shown whole */
		if (what && posture_secret_value(run))
			posture_ev_add(&e, "History layer %zu: %s", i, what);
		else if (what)
			posture_ev_add(&e, "History layer %zu: %s: %.100s", i,
				       what, run);
	}
	posture_emit(r, x, out, r->severity, &e);
}
