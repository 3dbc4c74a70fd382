#ifndef BERTH_MODEL_FORMAT_H
#define BERTH_MODEL_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "api/containers.h"

/*
 * Text for numbers the panes show, in the docker CLI's units where it has
 * some, so what berth shows can be checked against `docker ps`, `docker
 * images` and `docker stats`.  Pure functions over caller buffers: every
 * one writes a NUL-terminated string (cut to n) and never allocates.
 */

/* Compact, two units at most: "0s", "45s", "12m 5s", "3h 12m", "2d 4h".
 * Negative durations count as 0. */
void fmt_duration(int64_t secs, char *buf, size_t n);

/* The docker CLI's wording (go-units HumanDuration): "Less than a
 * second", "About a minute", "3 hours", "2 weeks". */
void fmt_human_duration(int64_t secs, char *buf, size_t n);

/* "3 hours ago", or "-" when then is 0 (unknown). */
void fmt_ago(int64_t then, int64_t now, char *buf, size_t n);

/* The inverse of fmt_human_duration: the seconds it stands for, and in
 * *granularity (may be NULL) how coarse that is.  -1 when s is not one. */
int64_t fmt_parse_human_duration(const char *s, int64_t *granularity);

/* From a summary's Status: "Up 2 hours (healthy)" -> 7200 and its
 * granularity; -1 when it does not start with "Up ". */
int64_t fmt_status_up(const char *status, int64_t *granularity);
/* "Exited (0) 3 minutes ago" -> 180; -1 when there is no "... ago". */
int64_t fmt_status_ago(const char *status);
/* "healthy", "unhealthy", "starting", or "" when Status names none. */
const char *fmt_status_health(const char *status);

/* Decimal units with 3 significant digits, as `docker images` and
 * `docker ps -s`: "512B", "1.9MB", "77.8GB". */
void fmt_size(double bytes, char *buf, size_t n);
/* Decimal units with 4 significant digits, as `docker system df`:
 * "1.982MB". */
void fmt_size_df(double bytes, char *buf, size_t n);
/* Binary units with 4 significant digits, as `docker stats`: "1.9MiB". */
void fmt_size_binary(double bytes, char *buf, size_t n);
/* `docker stats`'s MEM USAGE / LIMIT: "12.5MiB / 1.9GiB". */
void fmt_mem_usage(uint64_t usage, uint64_t limit, char *buf, size_t n);

/* "12.34%" as `docker stats`; "--" for a NaN, an infinity or a negative. */
void fmt_percent(double pct, char *buf, size_t n);

/* One port: "0.0.0.0:8080->80/tcp", "[::]:8080->80/tcp", "80/tcp". */
void fmt_port(const struct api_port *p, char *buf, size_t n);
/* A summary's ports in short form: sorted, ", "-separated, and an IPv6
 * binding left out when the same mapping exists on IPv4.  Returns the
 * ports written. */
size_t fmt_ports(const struct api_port *ports, size_t np, char *buf, size_t n);

/*
 * A sparkline of the last width samples of a ring buffer (cap slots, n
 * filled, head where the next goes), oldest left.  max <= 0 scales to
 * the largest sample.  utf8: block characters, else " .:-=+*#".  Fewer
 * samples than width leave the left side blank.  Returns the columns.
 */
int fmt_sparkline(const float *ring, unsigned cap, unsigned n, unsigned head,
		  double max, int width, int utf8, char *buf, size_t len);

#endif
