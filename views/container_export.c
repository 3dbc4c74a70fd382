#include "views/container_export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "tui/dialog.h"
#include "ops/export_fetch.h"

/* Far beyond any real unit or run line; a bigger one is refused whole. */
#define EXPORT_MAX_OUT (256u * 1024u)
/* What the dialog shows before "… more": it holds DIALOG_TEXT_MAX. */
#define PREVIEW_MAX (DIALOG_TEXT_MAX - 160)

static const char *const formats[] = {"run", "compose", "systemd"};

/* One export at a time.  It stays here (not leaked) if another prompt
 * replaces ours before it is answered; the next export frees it. */
struct cexport {
	char name[256];
	int format;
	struct app *a;
	struct job *job;
	char *text;
	size_t len;
};

static struct cexport *cur;

int cexport_parse_format(const char *answer)
{
	size_t b = 0, e;
	int i;

	if (!answer)
		return -1;
	while (answer[b] == ' ' || answer[b] == '\t')
		b++;
	e = strlen(answer);
	while (e > b && (answer[e - 1] == ' ' || answer[e - 1] == '\t'))
		e--;
	if (e == b)
		return CEXPORT_RUN;
	for (i = 0; i < 3; i++)
		if (e - b <= strlen(formats[i]) &&
		    strncasecmp(answer + b, formats[i], e - b) == 0)
			return i;
	return -1;
}

const char *cexport_format_name(int format)
{
	return format >= 0 && format < 3 ? formats[format] : "run";
}

void cexport_default_file(const char *name, int format, char *out, size_t n)
{
	static const char *const ext[] = {".sh", ".compose.yaml", ".service"};
	char safe[200];
	size_t i;

	name = name && *name ? name : "container";
	for (i = 0; i < sizeof(safe) - 1 && name[i]; i++) {
		char c = name[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9') || c == '_' || c == '-' ||
			 (c == '.' && i > 0);
		safe[i] = ok ? c : '_';
	}
	safe[i] = '\0';
	snprintf(out, n, "%s%s", safe,
		 ext[format >= 0 && format < 3 ? format : 0]);
}

void cexport_preview(const char *text, size_t len, char *out, size_t n)
{
	size_t cut = len, lim = n > 100 ? n - 100 : 0;

	if (lim > PREVIEW_MAX)
		lim = PREVIEW_MAX;
	if (len < n && len <= lim) {
		memcpy(out, text, len);
		out[len] = '\0';
		/* The trailing newline would only add a blank line. */
		if (len && out[len - 1] == '\n')
			out[len - 1] = '\0';
		return;
	}
	for (cut = lim; cut > lim / 2 && text[cut - 1] != '\n'; cut--)
		;
	if (cut <= lim / 2) /* one long line: cut between characters */
		for (cut = lim; cut > 0 && (text[cut] & 0xC0) == 0x80; cut--)
			;
	snprintf(out, n, "%.*s%s… %zu more bytes: save it to read them all",
		 (int)cut, text, cut && text[cut - 1] == '\n' ? "" : "\n",
		 len - cut);
}

long long cexport_write(const char *path, const char *data, size_t len,
			char *err, size_t errlen)
{
	char full[4096];
	const char *home = getenv("HOME");
	size_t done = 0;
	int fd;

	if (strncmp(path, "~/", 2) == 0 && home && *home)
		snprintf(full, sizeof(full), "%s/%s", home, path + 2);
	else
		snprintf(full, sizeof(full), "%s", path);
	fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", full, strerror(errno));
		return -1;
	}
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			snprintf(err, errlen, "%s: %s", full,
				 w < 0 ? strerror(errno) : "short write");
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	if (close(fd) != 0) {
		snprintf(err, errlen, "%s: %s", full, strerror(errno));
		return -1;
	}
	return (long long)done;
}

static void drop(void)
{
	if (!cur)
		return;
	job_cancel(cur->job);
	free(cur->text);
	free(cur);
	cur = NULL;
}

static void on_save(struct app *a, const char *path, void *ud)
{
	struct cexport *x = ud;
	char err[512];
	long long n;

	if (x != cur)
		return;
	if (path && *path) {
		n = cexport_write(path, x->text, x->len, err, sizeof(err));
		if (n < 0)
			app_error(a, "export: %s", err);
		else
			app_status(a, "export: %lld bytes written to %s", n,
				   path);
	}
	drop();
}

static void show(struct app *a, struct cexport *x)
{
	static const char *const titles[] = {"docker run", "Compose service",
					     "systemd unit"};
	char title[300], file[256], *preview = malloc(DIALOG_TEXT_MAX);

	if (!preview) {
		app_error(a, "export: out of memory");
		drop();
		return;
	}
	cexport_preview(x->text, x->len, preview, DIALOG_TEXT_MAX);
	snprintf(title, sizeof(title), "%s: %s", titles[x->format], x->name);
	app_message(a, title, preview);
	free(preview);
	/* Answered once the dialog is dismissed: the dialog takes the keys
	 * while it is open. */
	cexport_default_file(x->name, x->format, file, sizeof(file));
	app_prompt(a, "save to (Esc: don't):", file, NULL, on_save, x);
}

static void on_done(void *ud, const char *text, size_t len,
		    const struct api_error *err)
{
	struct cexport *x = ud;
	struct app *a = x->a;

	x->job = NULL;
	if (!text || len > EXPORT_MAX_OUT) {
		app_error(a, "export %s failed: %s", x->name,
			  text ? "more than 256 KiB of output" : err->msg);
		drop();
		return;
	}
	x->text = malloc(len + 1);
	if (!x->text) {
		app_error(a, "export: out of memory");
		drop();
		return;
	}
	memcpy(x->text, text, len + 1);
	x->len = len;
	app_status(a, "export %s: %zu bytes", x->name, x->len);
	app_dirty(a);
	show(a, x);
}

static void on_format(struct app *a, const char *answer, void *ud)
{
	struct cexport *x = ud;
	struct api_error err = {0};

	if (x != cur)
		return;
	if (!answer) {
		drop();
		return;
	}
	x->format = cexport_parse_format(answer);
	if (x->format < 0) {
		app_error(a, "export: the format is run, compose or systemd");
		drop();
		return;
	}
	x->a = a;
	if (export_fetch_start(app_client(a), x->name,
			       (enum export_as)x->format, on_done, x, &x->job,
			       &err) != API_OK) {
		app_error(a, "export %s failed: %s", x->name, err.msg);
		drop();
		return;
	}
	app_status(a, "exporting %s as %s…", x->name, formats[x->format]);
}

void cexport_start(struct app *a, const struct api_container_summary *s)
{
	const char *name = s ? (s->name && *s->name ? s->name : s->id) : NULL;

	if (!name)
		return;
	drop();
	cur = calloc(1, sizeof(*cur));
	if (!cur) {
		app_error(a, "export: out of memory");
		return;
	}
	snprintf(cur->name, sizeof(cur->name), "%s", name);
	app_prompt(a, "export as run, compose or systemd [run]:", "", NULL,
		   on_format, cur);
}
