#include <stdio.h>
#include <string.h>

#include "posture/checks.h"
#include "posture/shell_words.h"

void posture_check_image_healthcheck(const struct posture_rule *r,
				     const struct posture_ctx *x,
				     struct posture_findings *out)
{
	const struct api_image_config *c = &x->image->config;
	struct posture_ev e = {0};

	if (!c->has_healthcheck || c->healthcheck.test.n == 0)
		posture_ev_add(&e, "Config.Healthcheck absent");
	else if (c->healthcheck.test.v[0] &&
		 strcmp(c->healthcheck.test.v[0], "NONE") == 0)
		posture_ev_add(&e, "Config.Healthcheck.Test=[NONE]");
	posture_emit(r, x, out, r->severity, &e);
}

/* One simple command of a RUN line: its words, leading variable
 * assignments and sudo/env skipped. */
#define CMD_WORDS 4

static size_t words(const char *cmd, size_t n, char w[CMD_WORDS][32])
{
	size_t k = 0, i = 0;

	while (i < n && k < CMD_WORDS) {
		size_t len;

		while (i < n && (cmd[i] == ' ' || cmd[i] == '\t'))
			i++;
		len = 0;
		while (i + len < n && cmd[i + len] != ' ' &&
		       cmd[i + len] != '\t')
			len++;
		if (len == 0)
			break;
		if (len < 32) {
			memcpy(w[k], cmd + i, len);
			w[k][len] = '\0';
			/* VAR=x, sudo, env: what runs comes after */
			if (!(k == 0 && (memchr(w[k], '=', len) ||
					 strcmp(w[k], "sudo") == 0 ||
					 strcmp(w[k], "env") == 0)))
				k++;
		}
		i += len;
	}
	return k;
}

static int is_word(const char *w, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(w, *set) == 0)
			return 1;
	return 0;
}

/* 1: refreshes a package index; 2: installs or upgrades; 0: neither. */
static int package_step(const char *cmd, size_t n)
{
	static const char *const apt[] = {"apt-get", "apt", "aptitude", NULL};
	static const char *const rpm[] = {"yum", "dnf", "microdnf", NULL};
	static const char *const apt_in[] = {
		"install", "upgrade", "dist-upgrade", "full-upgrade", NULL};
	static const char *const rpm_in[] = {"install", "upgrade", "update",
					     "reinstall", NULL};
	char w[CMD_WORDS][32];
	size_t k = words(cmd, n, w), i;
	const char *verb = NULL;

	if (k == 0)
		return 0;
	/* the first word after the options is the subcommand */
	for (i = 1; i < k && !verb; i++)
		if (w[i][0] != '-')
			verb = w[i];
	if (is_word(w[0], apt))
		return !verb			     ? 0
		       : strcmp(verb, "update") == 0 ? 1
		       : is_word(verb, apt_in)	     ? 2
						     : 0;
	if (strcmp(w[0], "apk") == 0) {
		for (i = 1; i < k; i++)
			if (strcmp(w[i], "add") == 0 ||
			    strcmp(w[i], "upgrade") == 0)
				return 2; /* apk add --update: installs */
		return verb && strcmp(verb, "update") == 0 ? 1 : 0;
	}
	if (is_word(w[0], rpm))
		return !verb ? 0
		       : strcmp(verb, "makecache") == 0 ||
				       strcmp(verb, "check-update") == 0
			       ? 1
		       : is_word(verb, rpm_in) ? 2
					       : 0;
	if (strcmp(w[0], "zypper") == 0)
		return !verb ? 0
		       : strcmp(verb, "refresh") == 0 ||
				       strcmp(verb, "ref") == 0
			       ? 1
		       : strcmp(verb, "install") == 0 ||
				       strcmp(verb, "in") == 0 ||
				       strcmp(verb, "update") == 0 ||
				       strcmp(verb, "up") == 0
			       ? 2
			       : 0;
	return 0;
}

int posture_run_update_alone(const char *run)
{
	int update = 0, install = 0;

	while (run && *run) {
		size_t n = strcspn(run, "&|;\n");
		int st = package_step(run, n);

		update |= st == 1;
		install |= st == 2;
		run += n;
		run += strspn(run, "&|;\n");
	}
	return update && !install;
}

/* The RUN part of a history line: "/bin/sh -c CMD", "RUN /bin/sh -c CMD
 * # buildkit"; a "#(nop)" line is no RUN. */
const char *posture_run_text(const char *created_by)
{
	const char *c = strstr(created_by, "/bin/sh -c ");

	if (!c || strstr(created_by, "#(nop)"))
		return NULL;
	return c + strlen("/bin/sh -c ");
}

const char *posture_layer_run(const struct posture_ctx *x, size_t i)
{
	const char *c = x->history && i < x->history->n
				? x->history->items[i].created_by
				: NULL;

	return c ? posture_run_text(c) : NULL;
}

void posture_check_image_update(const struct posture_rule *r,
				const struct posture_ctx *x,
				struct posture_findings *out)
{
	struct posture_ev e = {0};
	size_t i;

	for (i = 0; x->history && i < x->history->n; i++) {
		const char *c = x->history->items[i].created_by;
		const char *run = c ? posture_run_text(c) : NULL;

		/* the RUN itself: the build args before it may be secrets */
		if (run && posture_run_update_alone(run))
			posture_ev_add(&e, "History layer %zu: %.120s", i, run);
	}
	posture_emit(r, x, out, r->severity, &e);
}

/* The bottom layer of most base images is "ADD file:<digest> in /", the
 * rootfs tarball: that is how every image starts, not a Dockerfile
 * choice worth flagging. */
static int is_base_rootfs(const struct api_image_history *h, size_t i,
			  const char *add)
{
	return i + 1 == h->n && strncmp(add, "ADD file:", 9) == 0 &&
	       strstr(add, " in / ");
}

void posture_check_image_add(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	enum posture_severity sev = r->severity;
	struct posture_ev e = {0};
	const char *c, *add;
	size_t i;

	for (i = 0; x->history && i < x->history->n; i++) {
		c = x->history->items[i].created_by;
		if (!c)
			continue;
		add = strstr(c, "#(nop) ADD ");
		if (add)
			add += 7;
		else if (strncmp(c, "ADD ", 4) == 0)
			add = c; /* BuildKit records the instruction itself */
		if (!add || is_base_rootfs(x->history, i, add))
			continue;
		posture_ev_add(&e, "History layer %zu: %.120s", i, add);
		/* a URL is fetched unverified at every build */
		if (strstr(add, "http://") || strstr(add, "https://"))
			sev = POSTURE_SEV_MEDIUM;
	}
	posture_emit(r, x, out, sev, &e);
}

static int ends_latest(const char *ref)
{
	size_t n = ref ? strlen(ref) : 0;

	return n >= 7 && strcmp(ref + n - 7, ":latest") == 0;
}

void posture_check_image_tag(const struct posture_rule *r,
			     const struct posture_ctx *x,
			     struct posture_findings *out)
{
	const struct api_strv *t = &x->image->repo_tags;
	struct posture_ev e = {0};
	size_t i, latest = 0;

	for (i = 0; i < t->n; i++)
		latest += ends_latest(t->v[i]);
	if (t->n == 0)
		posture_ev_add(&e, "RepoTags=[] (untagged)");
	else if (latest == t->n)
		for (i = 0; i < t->n; i++)
			posture_ev_add(&e, "RepoTags=%s", t->v[i]);
	posture_emit(r, x, out, r->severity, &e);
}

/* 1 when a COPY or ADD history line copied a whole folder, what it
 * copied into what: the classic builder records "dir:HASH in DEST",
 * BuildKit the instruction as written ("COPY . /app"). */
static int copies_folder(const char *c, char *what, size_t n)
{
	const char *p = strstr(c, "#(nop) COPY ");
	struct sh_cmd cmd;
	size_t i;

	if (!p)
		p = strstr(c, "#(nop) ADD ");
	if (p) {
		p = strstr(p, " dir:");
		if (!p)
			return 0;
		snprintf(what, n, "%.100s", p + 1);
		for (i = strlen(what); i > 0 && what[i - 1] == ' '; i--)
			what[i - 1] = '\0';
		return 1;
	}
	if (strncmp(c, "COPY ", 5) != 0 && strncmp(c, "ADD ", 4) != 0)
		return 0;
	if (!sh_next(&c, &cmd))
		return 0;
	/* another stage's or image's "." is not the build context */
	for (i = 1; i < cmd.n; i++)
		if (strncmp(cmd.w[i], "--from=", 7) == 0)
			return 0;
	/* the sources are every word but the flags and the last */
	for (i = 1; i + 1 < cmd.n; i++)
		if (strcmp(cmd.w[i], ".") == 0 || strcmp(cmd.w[i], "./") == 0) {
			snprintf(what, n, "%s %s %s", cmd.w[0], cmd.w[i],
				 cmd.w[cmd.n - 1]);
			return 1;
		}
	return 0;
}

void posture_check_image_copyall(const struct posture_rule *r,
				 const struct posture_ctx *x,
				 struct posture_findings *out)
{
	struct posture_ev e = {0};
	char what[128];
	size_t i;

	for (i = 0; x->history && i < x->history->n; i++) {
		const char *c = x->history->items[i].created_by;

		if (c && copies_folder(c, what, sizeof(what)))
			posture_ev_add(&e, "History layer %zu: %s", i, what);
	}
	posture_emit(r, x, out, r->severity, &e);
}
