#ifndef BERTH_VIEWS_CONTAINER_EXPORT_H
#define BERTH_VIEWS_CONTAINER_EXPORT_H

#include <stddef.h>

#include "api/containers.h"
#include "views/app.h"

/*
 * The containers pane's export: asks for the format (run, compose or
 * systemd; Enter is run), runs `berth export --as FORMAT NAME` as a child
 * (views/childout.h: the console does not link the command's code), shows
 * the text in a dialog and offers to save it to a file.  Read-only: it
 * changes nothing on the engine, so it works with --read-only.
 */
void cexport_start(struct app *a, const struct api_container_summary *s);

/* Pure parts, exposed for unit tests. */
enum cexport_format { CEXPORT_RUN, CEXPORT_COMPOSE, CEXPORT_SYSTEMD };

/* The format an answer names ("" and "r" are run, "Compose", " s "...),
 * or -1. */
int cexport_parse_format(const char *answer);
const char *cexport_format_name(int format);

/* A file name to offer: "web-1.sh", "web-1.compose.yaml", "web-1.service",
 * with anything but [A-Za-z0-9_.-] in the name made '_'. */
void cexport_default_file(const char *name, int format, char *out, size_t n);

/* The dialog's text: all of it when it fits in the dialog, else cut at a
 * line end with how much more the file will hold. */
void cexport_preview(const char *text, size_t len, char *out, size_t n);

/* Writes data to path ("~/" is $HOME), replacing the file.  Returns the
 * bytes written, or -1 with why in err. */
long long cexport_write(const char *path, const char *data, size_t len,
			char *err, size_t errlen);

#endif
