#ifndef BERTH_API_CONTAINERS_H
#define BERTH_API_CONTAINERS_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"
#include "api/json.h"
#include "api/query.h"

/*
 * GET /containers/json and the container actions (start, stop, ...).
 * Strings the engine left out are NULL in the models: show them with
 * api_str().
 */

/* One entry of a summary's Ports: a port the container exposes, and where
 * it is published (public_port 0 and ip NULL when it is not). */
struct api_port {
	char *ip;
	unsigned private_port; /* 0 when missing or out of range */
	unsigned public_port;
	char *type; /* "tcp", "udp", "sctp" */
};

/* A mount as the engine lists it, in summaries and in inspect. */
struct api_mount_point {
	char *type; /* "bind", "volume", "tmpfs", ... */
	char *name; /* the volume's name */
	char *source;
	char *destination;
	char *driver;
	char *mode;
	int rw;
	char *propagation;
};

struct api_container_summary {
	char *id;
	struct api_strv names; /* as the engine gives them: "/web" */
	char *name;	       /* the primary name without its '/' */
	char *image;
	char *image_id;
	char *command;
	int64_t created; /* seconds since the epoch */
	char *state;	 /* "running", "exited", ... */
	char *status;	 /* "Up 2 hours (healthy)" */
	/* When the state began: StartedAt while up, FinishedAt once stopped;
	 * seconds since the epoch, 0 when unknown (a list has only Status). */
	int64_t state_since;
	struct api_port *ports;
	size_t n_ports;
	struct api_kvlist labels;
	char *network_mode;
	struct api_strv networks; /* names of the attached networks */
	struct api_mount_point *mounts;
	size_t n_mounts;
};

struct api_container_list {
	struct api_container_summary *items;
	size_t n;
};

struct api_containers_list_opts {
	int all;   /* stopped containers too */
	int limit; /* > 0: only the newest limit containers */
	const struct api_filter *filters;
	size_t n_filters;
};

/* NULL opts: running containers, no filter.  NULL on allocation failure. */
char *api_containers_list_path(const struct api_containers_list_opts *o);
/* Entries that are not objects or lack an Id are skipped. */
api_code api_containers_list_parse(const char *json, size_t len,
				   struct api_container_list *out,
				   struct api_error *err);
api_code api_containers_list(struct api_client *c,
			     const struct api_containers_list_opts *o,
			     struct api_container_list *out,
			     struct api_error *err);
void api_container_list_free(struct api_container_list *l);
void api_container_summary_free(struct api_container_summary *s);

/* The list entry of one container from its inspect body (GET
 * /containers/{id}/json), with Status worded as the engine words it at
 * now (seconds since the epoch). */
api_code api_container_summary_from_inspect(const char *json, size_t len,
					    int64_t now,
					    struct api_container_summary *out,
					    struct api_error *err);

/* What a Status text is made of. */
struct api_status_facts {
	const char *state;  /* State.Status: "running", "exited", ... */
	int64_t since;	    /* StartedAt while up, else FinishedAt; 0 never */
	int64_t exit_code;  /* for exited and restarting */
	const char *health; /* "healthy", "unhealthy", "starting" or NULL */
};
/* "Up 5 minutes (healthy)", "Exited (3) 2 seconds ago", as the engine
 * words them (its State.String()). */
void api_status_text(const struct api_status_facts *f, int64_t now, char *buf,
		     size_t n);
/* RFC 3339 to seconds since the epoch; 0 for Go's zero time or garbage. */
int64_t api_time_parse(const char *s);

/* Maps a Mounts array (shared with inspect); a non-array yields none. */
struct api_mount_point *api_mount_points_map(struct json_map *m,
					     const cJSON *arr, size_t *n);
void api_mount_points_free(struct api_mount_point *mp, size_t n);

enum api_container_action {
	API_CONTAINER_START,
	API_CONTAINER_STOP,
	API_CONTAINER_RESTART,
	API_CONTAINER_KILL,
	API_CONTAINER_PAUSE,
	API_CONTAINER_UNPAUSE,
	API_CONTAINER_REMOVE,
	API_CONTAINER_RENAME,
};

/* NULL opts means every default. */
struct api_container_action_opts {
	int timeout;	      /* stop/restart: seconds, -1: engine default */
	const char *signal;   /* kill: "SIGHUP", "9"; NULL: SIGKILL */
	int force;	      /* remove: kill it first if running */
	int volumes;	      /* remove: its anonymous volumes too */
	const char *new_name; /* rename: required */
};

/* NULL for a bad action, a missing id or rename without a name. */
char *api_container_action_path(enum api_container_action a, const char *id,
				const struct api_container_action_opts *o);
/* "POST" or "DELETE". */
const char *api_container_action_method(enum api_container_action a);
const char *api_container_action_name(enum api_container_action a);
/* What an async caller does with the transport's verdict: a 304 (already
 * started/stopped) is success for start, stop and restart. */
api_code api_container_action_result(enum api_container_action a, api_code code,
				     long http_status, struct api_error *err);
api_code api_container_action(struct api_client *c, enum api_container_action a,
			      const char *id,
			      const struct api_container_action_opts *o,
			      struct api_error *err);

api_code api_container_start(struct api_client *c, const char *id,
			     struct api_error *err);
api_code api_container_stop(struct api_client *c, const char *id, int timeout,
			    struct api_error *err);
api_code api_container_restart(struct api_client *c, const char *id,
			       int timeout, struct api_error *err);
api_code api_container_kill(struct api_client *c, const char *id,
			    const char *signal, struct api_error *err);
api_code api_container_pause(struct api_client *c, const char *id,
			     struct api_error *err);
api_code api_container_unpause(struct api_client *c, const char *id,
			       struct api_error *err);
api_code api_container_remove(struct api_client *c, const char *id, int force,
			      int volumes, struct api_error *err);
api_code api_container_rename(struct api_client *c, const char *id,
			      const char *new_name, struct api_error *err);

#endif
