#ifndef BERTH_TUI_KEYMAP_H
#define BERTH_TUI_KEYMAP_H

#include <stddef.h>

#include "tui/keyname.h"

/*
 * Key bindings: one table per context whose rows carry the help text,
 * so the help overlay and the key bar are generated from the same rows
 * that dispatch keys.  A struct keymap starts as a copy of the built-in
 * tables (keymap_init) and the config file remaps it (keymap_bind,
 * keymap_set_key).
 *
 * Lookup walks a context, then its parent: a list view (containers,
 * images, ...) falls back to LIST, LIST to GLOBAL.  DIALOG has no
 * parent, so a dialog never quits the app by accident.
 */

enum key_context {
	KCTX_GLOBAL,
	KCTX_LIST,
	KCTX_CONTAINERS,
	KCTX_IMAGES,
	KCTX_VOLUMES,
	KCTX_NETWORKS,
	KCTX_LOGS,
	KCTX_INSPECT,
	KCTX_POSTURE,
	KCTX_DIALOG,
	KCTX_HELP,
	KCTX_SWARM,
	KCTX_LAYERS,
	KCTX_COUNT
};

/* Stable names ("container.stop") are in keymap.c; the config file and
 * the help overlay use them.  Append, never renumber with meaning. */
enum action {
	ACT_NONE,
	ACT_APP_QUIT,
	ACT_APP_HELP,
	ACT_APP_REDRAW,
	ACT_APP_MOUSE,
	ACT_APP_EVENTS,
	ACT_APP_POSTURE,
	ACT_PANE_NEXT,
	ACT_PANE_PREV,
	ACT_PANE_CONTAINERS,
	ACT_PANE_IMAGES,
	ACT_PANE_VOLUMES,
	ACT_PANE_NETWORKS,
	ACT_LIST_UP,
	ACT_LIST_DOWN,
	ACT_LIST_PAGE_UP,
	ACT_LIST_PAGE_DOWN,
	ACT_LIST_TOP,
	ACT_LIST_BOTTOM,
	ACT_LIST_FILTER,
	ACT_LIST_MARK,
	ACT_LIST_SORT,
	ACT_LIST_OPEN,
	ACT_CONTAINER_START,
	ACT_CONTAINER_STOP,
	ACT_CONTAINER_RESTART,
	ACT_CONTAINER_PAUSE,
	ACT_CONTAINER_KILL,
	ACT_CONTAINER_REMOVE,
	ACT_CONTAINER_RENAME,
	ACT_CONTAINER_LOGS,
	ACT_CONTAINER_LOGS_RUNNING,
	ACT_CONTAINER_EXEC,
	ACT_CONTAINER_INSPECT,
	ACT_IMAGE_INSPECT,
	ACT_IMAGE_REMOVE,
	ACT_IMAGE_PRUNE,
	ACT_VOLUME_INSPECT,
	ACT_VOLUME_REMOVE,
	ACT_VOLUME_PRUNE,
	ACT_NETWORK_INSPECT,
	ACT_NETWORK_REMOVE,
	ACT_NETWORK_PRUNE,
	ACT_LOGS_FOLLOW,
	ACT_LOGS_WRAP,
	ACT_LOGS_TIMESTAMPS,
	ACT_VIEW_SEARCH,
	ACT_VIEW_SEARCH_NEXT,
	ACT_VIEW_SEARCH_PREV,
	ACT_VIEW_CLOSE,
	ACT_POSTURE_RESCAN,
	ACT_POSTURE_SEVERITY,
	ACT_DIALOG_CONFIRM,
	ACT_DIALOG_CANCEL,
	ACT_DIALOG_NEXT,
	ACT_DIALOG_PREV,
	ACT_LOGS_SAVE,
	ACT_LOGS_TAIL,
	ACT_LOGS_SINCE,
	ACT_LOGS_REGEX,
	ACT_CONTAINER_ATTACH,
	ACT_CONTAINER_UPDATE,
	ACT_CONTAINER_CHECK_UPDATES,
	ACT_CONTAINER_REBUILD,
	ACT_PANE_SERVICES,
	ACT_PANE_NODES,
	ACT_SERVICE_SCALE,
	ACT_SERVICE_FORCE_UPDATE,
	ACT_SERVICE_ROLLBACK,
	ACT_SERVICE_REMOVE,
	ACT_CONTAINER_EXPORT,
	ACT_APP_FLEET,
	ACT_ENGINE_NEXT,
	ACT_ENGINE_PREV,
	ACT_SERVICE_LOGS,
	ACT_IMAGE_LAYERS,
	ACT_LAYERS_FOCUS,
	ACT_LAYERS_CHANGES,
	ACT_LOGS_COLOURS,
	ACT_LOGS_NEXT_ERROR,
	ACT_LOGS_PREV_ERROR,
	ACT_LOGS_JUMP_TIME,
	ACT_LOGS_JUMP_START,
	ACT_LOGS_FIELDS,
	ACT_LOGS_COPY,
	ACT_LOGS_COPY_VIEW,
	ACT_LOGS_MARK,
	ACT_LOGS_HIDE_SOURCE,
	ACT_LOGS_FOLD,
	ACT_LOGS_FOLD_ALL,
	ACT_LOGS_ONLY_SOURCE,
	ACT_COUNT
};

/* Shown in the bottom key bar, not only in the help overlay. */
#define KB_BAR 0x1u

struct key_binding {
	int key;
	enum action action;
	const char *help; /* static text; never NULL once in a keymap */
	unsigned flags;	  /* KB_* */
};

#define KEYMAP_MAX 48

struct keymap {
	struct key_binding rows[KCTX_COUNT][KEYMAP_MAX];
	size_t n[KCTX_COUNT];
};

/* Fills km with the built-in bindings.  No allocation: a keymap is a
 * plain value, copied with =, and needs no free. */
void keymap_init(struct keymap *km);

/* The action bound to key in ctx or its parents; ACT_NONE if none. */
enum action keymap_lookup(const struct keymap *km, enum key_context ctx,
			  int key);

/* The context a lookup falls back to after ctx; -1 when none. */
int keymap_parent(enum key_context ctx);

/* Binds KEYNAME to ACTIONNAME in the context named CTXNAME, replacing
 * what that key did there; the action "none" unbinds the key.  On a bad
 * name returns -1 and writes a message naming it into err. */
int keymap_bind(struct keymap *km, const char *ctxname, const char *keyname,
		const char *actionname, char *err, size_t errlen);

/* Makes KEYNAME the only key for ACTIONNAME in every context where the
 * action is bound (its home context if bound nowhere): the config's
 * `key container.stop = C-s`. Same errors as keymap_bind. */
int keymap_set_key(struct keymap *km, const char *actionname,
		   const char *keyname, char *err, size_t errlen);

/* Name <-> value; NULL / -1 for an unknown one. */
const char *keymap_action_name(enum action a);
const char *keymap_action_help(enum action a);
int keymap_action_find(const char *name);
const char *keymap_context_name(enum key_context ctx);
int keymap_context_find(const char *name);

/* One binding as the help overlay shows it. */
struct keymap_entry {
	char key[KEYNAME_MAX];
	const char *action; /* stable name */
	const char *help;
	unsigned flags;
};

/* Iterates the bindings of ctx alone (not its parents) in table order:
 * start with *pos = 0; returns 0 and fills out while there is one. */
int keymap_next(const struct keymap *km, enum key_context ctx, size_t *pos,
		struct keymap_entry *out);

/* The first key bound to action in ctx or its parents, BKEY_NONE if
 * none: for labels like "press ? for help". */
int keymap_key_for(const struct keymap *km, enum key_context ctx,
		   enum action a);

#endif
