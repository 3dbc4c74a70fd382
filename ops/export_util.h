#ifndef BERTH_OPS_EXPORT_UTIL_H
#define BERTH_OPS_EXPORT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "api/container_inspect.h"
#include "api/images.h"

/*
 * What the run, compose and systemd exporters share: an argument vector,
 * shell quoting, and the decisions on what is a default or inherited
 * from the image (img may be NULL: nothing is then inherited).
 */

struct export_argv {
	char **v;
	size_t n;
	size_t cap;
	int nomem; /* sticky: an append failed */
};

void export_argv_add(struct export_argv *a, const char *s);
void export_argv_addf(struct export_argv *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void export_argv_free(struct export_argv *a);

/*
 * s as one POSIX shell word: bare when only safe characters, else in
 * single quotes ('\'' for a quote), or $'...' with \xHH escapes when it
 * holds control characters or invalid UTF-8.  Caller frees.
 */
char *export_shell_quote(const char *s);
/* The length of the valid UTF-8 sequence at s, or 0. */
size_t export_utf8_len(const unsigned char *s);
/* The argv quoted and joined with spaces, prefixed by prog. */
char *export_argv_join(const char *prog, const struct export_argv *a,
		       char *(*quote)(const char *));

/* The shared decisions. */
int export_strv_eq(const struct api_strv *a, const struct api_strv *b);
int export_strv_has(const struct api_strv *v, const char *s);
/* The image sets this exact KEY=VALUE / label. */
int export_env_from_image(const struct api_image_inspect *img, const char *kv);
int export_label_from_image(const struct api_image_inspect *img,
			    const char *key, const char *value);
/* The hostname is the engine's (the id's first 12 characters). */
int export_hostname_generated(const struct api_container_inspect *ci);
/* The container's healthcheck is not the image's. */
int export_health_differs(const struct api_container_inspect *ci,
			  const struct api_image_inspect *img);
/* A Go duration the CLI parses: "1s", "1500ms", "0s". */
void export_duration(int64_t ns, char *buf, size_t len);
/* NanoCpus as the decimal --cpus takes: "0.5", "2". */
void export_cpus(int64_t nano, char *buf, size_t len);
/* "[ip:][hostport:]port[/proto]" for -p; tcp is left implicit. */
void export_port(const char *port, const struct api_host_port *b, char *buf,
		 size_t len);
/* An alias worth exporting (not the short id the engine adds). */
int export_alias_wanted(const struct api_container_inspect *ci,
			const char *alias);
/* The network mode, or NULL for the default ("default", "bridge"). */
const char *export_network_mode(const struct api_container_inspect *ci);
int export_ipc_wanted(const char *mode);
int export_shm_wanted(int64_t shm);
int export_log_wanted(const char *type);

#endif
