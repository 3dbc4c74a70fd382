#ifndef BERTH_POSTURE_HOSTFACTS_H
#define BERTH_POSTURE_HOSTFACTS_H

#include <stddef.h>

#include "api/error.h"

/*
 * Host facts: what the engine's own host says about the daemon (its
 * socket, files, command line, daemon.json, mount table and audit
 * rules).  cli/hostfacts_collect.c fills this struct from files and /proc;
 * the host rules (posture/check_host.c) judge it without any I/O, so unit
 * tests build it by hand.  Everything is owned; hostfacts_free accepts a
 * zeroed struct and is safe to call twice.
 */

enum hostfacts_state {
	HF_UNKNOWN, /* not looked at (zeroed struct) */
	HF_ABSENT,  /* ENOENT: nothing to judge */
	HF_PRESENT,
	HF_DENIED, /* EACCES/EPERM: "could not check", never a pass */
};

/* The daemon's files, both for section 3 (ownership and mode) and for
 * the section 1 audit rules. */
enum hostfacts_file_id {
	HF_F_SOCKET,	     /* the engine's unix socket */
	HF_F_DOCKERD,	     /* the daemon's binary */
	HF_F_RUN_CONTAINERD, /* /run/containerd */
	HF_F_DATA_ROOT,	     /* /var/lib/docker or --data-root */
	HF_F_ETC_DOCKER,     /* /etc/docker */
	HF_F_DOCKER_SERVICE, /* the systemd unit */
	HF_F_CONTAINERD_SOCK,
	HF_F_DOCKER_SOCKET_UNIT, /* docker.socket */
	HF_F_ETC_DEFAULT,	 /* /etc/default/docker */
	HF_F_DAEMON_JSON,
	HF_F_CONTAINERD_TOML, /* /etc/containerd/config.toml */
	HF_F_SYSCONFIG,	      /* /etc/sysconfig/docker */
	HF_F_CONTAINERD_BIN,
	HF_F_SHIM,
	HF_F_SHIM_V1,
	HF_F_SHIM_V2,
	HF_F_RUNC,
	HF_F_TLS_CA,
	HF_F_TLS_CERT,
	HF_F_TLS_KEY,
	HF_F_COUNT
};

struct hostfacts_file {
	char *path; /* NULL: no candidate path (e.g. no TLS key given) */
	enum hostfacts_state state;
	int err; /* errno when HF_DENIED */
	unsigned uid, gid;
	unsigned mode;	     /* permission bits, 07777 */
	char *owner, *group; /* names; NULL when not in the databases */
	int is_dir, is_sock;
};

/* One daemon option, from its command line or daemon.json, under the
 * command line's long name: "log-level", "host" (-H, "hosts"),
 * "insecure-registry" ("insecure-registries"), "default-ulimit",
 * "authorization-plugin"; a bare boolean flag has the value "true". */
enum hostfacts_src { HF_SRC_ARGV, HF_SRC_JSON };
struct hostfacts_opt {
	char *key;
	char *value;
	enum hostfacts_src src;
};

struct hostfacts_opts {
	struct hostfacts_opt *items;
	size_t n;
	size_t cap;
};

struct hostfacts {
	/* the engine address berth uses; non-unix means remote */
	char *engine_host;
	int remote;
	int is_root; /* berth's effective uid is 0 */

	struct hostfacts_file files[HF_F_COUNT];
	/* registry certificates under /etc/docker/certs.d (3.7, 3.8) */
	struct hostfacts_file *certs;
	size_t n_certs;
	enum hostfacts_state certs_state;

	/* who can reach the socket: its group's members (group database
	 * plus users whose primary group it is), root left out */
	char **group_members;
	size_t n_group_members;

	long daemon_pid; /* 0: unknown */
	enum hostfacts_state cmdline_state;
	char **argv; /* NULL-terminated */
	size_t argc;
	enum hostfacts_state json_state; /* daemon.json */
	char *json_error;		 /* set when it did not parse */
	struct hostfacts_opts opts;	 /* argv and daemon.json merged */

	char *data_root;
	char *mount_point; /* the mount the data root lies on */
	char *mount_fstype;
	char *mount_device; /* "major:minor" of that mount */
	char *root_device;  /* ... and of "/" */

	enum hostfacts_state audit_state; /* any audit rules file */
	char *audit_rules;		  /* their contents, joined */

	char *engine_version; /* from /version */
	char *api_version;
};

void hostfacts_free(struct hostfacts *h);
/* Appends (copies); API_E_NOMEM on allocation failure. */
api_code hostfacts_opt_add(struct hostfacts_opts *o, const char *key,
			   const char *value, enum hostfacts_src src);
/* The last value of key, or NULL. */
const char *hostfacts_opt_get(const struct hostfacts *h, const char *key);
/* The boolean value of key ("true"/"1" or "false"/"0"), dflt if unset or
 * not a boolean. */
int hostfacts_opt_bool(const struct hostfacts *h, const char *key, int dflt);
/* Parses dockerd's argv (argv[0] skipped) into options; pure. */
api_code hostfacts_parse_argv(struct hostfacts_opts *o, char *const *argv,
			      size_t argc);
/* Parses daemon.json into options; API_E_PARSE (err set) when it is not
 * a JSON object.  Unknown keys are ignored. */
api_code hostfacts_parse_daemon_json(struct hostfacts_opts *o, const char *text,
				     size_t len, struct api_error *err);
void hostfacts_opts_free(struct hostfacts_opts *o);

#endif
