#include "tui/keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct action_info {
	const char *name;
	const char *help;
	enum key_context home; /* where keymap_set_key puts an unbound one */
};

static const struct action_info km_actions[ACT_COUNT] = {
	[ACT_NONE] = {"none", "unbound", KCTX_GLOBAL},
	[ACT_APP_QUIT] = {"app.quit", "quit", KCTX_GLOBAL},
	[ACT_APP_HELP] = {"app.help", "help", KCTX_GLOBAL},
	[ACT_APP_REDRAW] = {"app.redraw", "redraw the screen", KCTX_GLOBAL},
	[ACT_APP_MOUSE] = {"app.mouse", "toggle mouse", KCTX_GLOBAL},
	[ACT_APP_EVENTS] = {"app.events", "engine events", KCTX_GLOBAL},
	[ACT_APP_POSTURE] = {"app.posture", "security posture", KCTX_GLOBAL},
	[ACT_PANE_NEXT] = {"pane.next", "next pane", KCTX_GLOBAL},
	[ACT_PANE_PREV] = {"pane.prev", "previous pane", KCTX_GLOBAL},
	[ACT_PANE_CONTAINERS] = {"pane.containers", "containers", KCTX_GLOBAL},
	[ACT_PANE_IMAGES] = {"pane.images", "images", KCTX_GLOBAL},
	[ACT_PANE_VOLUMES] = {"pane.volumes", "volumes", KCTX_GLOBAL},
	[ACT_PANE_NETWORKS] = {"pane.networks", "networks", KCTX_GLOBAL},
	[ACT_LIST_UP] = {"list.up", "move up", KCTX_LIST},
	[ACT_LIST_DOWN] = {"list.down", "move down", KCTX_LIST},
	[ACT_LIST_PAGE_UP] = {"list.page_up", "page up", KCTX_LIST},
	[ACT_LIST_PAGE_DOWN] = {"list.page_down", "page down", KCTX_LIST},
	[ACT_LIST_TOP] = {"list.top", "first row", KCTX_LIST},
	[ACT_LIST_BOTTOM] = {"list.bottom", "last row", KCTX_LIST},
	[ACT_LIST_FILTER] = {"list.filter", "filter", KCTX_LIST},
	[ACT_LIST_MARK] = {"list.mark", "mark row", KCTX_LIST},
	[ACT_LIST_SORT] = {"list.sort", "sort", KCTX_LIST},
	[ACT_LIST_OPEN] = {"list.open", "details", KCTX_LIST},
	[ACT_CONTAINER_START] = {"container.start", "start", KCTX_CONTAINERS},
	[ACT_CONTAINER_STOP] = {"container.stop", "stop", KCTX_CONTAINERS},
	[ACT_CONTAINER_RESTART] = {"container.restart", "restart",
				   KCTX_CONTAINERS},
	[ACT_CONTAINER_PAUSE] = {"container.pause", "pause/unpause",
				 KCTX_CONTAINERS},
	[ACT_CONTAINER_KILL] = {"container.kill", "kill", KCTX_CONTAINERS},
	[ACT_CONTAINER_REMOVE] = {"container.remove", "remove",
				  KCTX_CONTAINERS},
	[ACT_CONTAINER_RENAME] = {"container.rename", "rename",
				  KCTX_CONTAINERS},
	[ACT_CONTAINER_LOGS] = {"container.logs",
				"logs (of the marked ones, merged)",
				KCTX_CONTAINERS},
	[ACT_CONTAINER_LOGS_RUNNING] = {"container.logs_running",
					"logs of every running container, "
					"merged",
					KCTX_CONTAINERS},
	[ACT_CONTAINER_EXEC] = {"container.exec", "shell", KCTX_CONTAINERS},
	[ACT_CONTAINER_INSPECT] = {"container.inspect", "inspect",
				   KCTX_CONTAINERS},
	[ACT_IMAGE_INSPECT] = {"image.inspect", "inspect", KCTX_IMAGES},
	[ACT_IMAGE_REMOVE] = {"image.remove", "remove", KCTX_IMAGES},
	[ACT_IMAGE_PRUNE] = {"image.prune", "prune dangling", KCTX_IMAGES},
	[ACT_VOLUME_INSPECT] = {"volume.inspect", "inspect", KCTX_VOLUMES},
	[ACT_VOLUME_REMOVE] = {"volume.remove", "remove", KCTX_VOLUMES},
	[ACT_VOLUME_PRUNE] = {"volume.prune", "prune unused", KCTX_VOLUMES},
	[ACT_NETWORK_INSPECT] = {"network.inspect", "inspect", KCTX_NETWORKS},
	[ACT_NETWORK_REMOVE] = {"network.remove", "remove", KCTX_NETWORKS},
	[ACT_NETWORK_PRUNE] = {"network.prune", "prune unused", KCTX_NETWORKS},
	[ACT_LOGS_FOLLOW] = {"logs.follow", "follow", KCTX_LOGS},
	[ACT_LOGS_WRAP] = {"logs.wrap", "wrap lines", KCTX_LOGS},
	[ACT_LOGS_TIMESTAMPS] = {"logs.timestamps", "timestamps", KCTX_LOGS},
	[ACT_LOGS_COLOURS] = {"logs.colours", "the programs' own colours",
			      KCTX_LOGS},
	[ACT_LOGS_NEXT_ERROR] = {"logs.next_error", "next error-level line",
				 KCTX_LOGS},
	[ACT_LOGS_PREV_ERROR] = {"logs.prev_error", "previous error-level line",
				 KCTX_LOGS},
	[ACT_LOGS_JUMP_TIME] = {"logs.jump_time", "jump to a time (UTC)",
				KCTX_LOGS},
	[ACT_LOGS_COPY] = {"logs.copy",
			   "copy the line, or the marked lines (OSC 52)",
			   KCTX_LOGS},
	[ACT_LOGS_COPY_VIEW] = {"logs.copy_view",
				"copy every line the filter shows (OSC 52)",
				KCTX_LOGS},
	[ACT_LOGS_FOLD] = {"logs.fold",
			   "open or fold the current multi-line entry",
			   KCTX_LOGS},
	[ACT_LOGS_FOLD_ALL] = {"logs.fold_all",
			       "fold multi-line entries, or show every line",
			       KCTX_LOGS},
	[ACT_LOGS_HIDE_SOURCE] = {"logs.hide_source",
				  "hide the current line's container",
				  KCTX_LOGS},
	[ACT_LOGS_ONLY_SOURCE] = {"logs.only_source",
				  "only the current line's container, or "
				  "every one again",
				  KCTX_LOGS},
	[ACT_LOGS_MARK] = {"logs.mark", "mark a line to copy a range from",
			   KCTX_LOGS},
	[ACT_LOGS_FIELDS] = {"logs.fields",
			     "JSON and logfmt lines as fields, or raw",
			     KCTX_LOGS},
	[ACT_LOGS_JUMP_START] = {"logs.jump_start",
				 "jump to the container's last start",
				 KCTX_LOGS},
	[ACT_VIEW_SEARCH] = {"view.search", "search", KCTX_LOGS},
	[ACT_VIEW_SEARCH_NEXT] = {"view.search_next", "next match", KCTX_LOGS},
	[ACT_VIEW_SEARCH_PREV] = {"view.search_prev", "previous match",
				  KCTX_LOGS},
	[ACT_VIEW_CLOSE] = {"view.close", "back", KCTX_LOGS},
	[ACT_POSTURE_RESCAN] = {"posture.rescan", "rescan", KCTX_POSTURE},
	[ACT_POSTURE_SEVERITY] = {"posture.severity", "minimum severity",
				  KCTX_POSTURE},
	[ACT_DIALOG_CONFIRM] = {"dialog.confirm", "confirm", KCTX_DIALOG},
	[ACT_DIALOG_CANCEL] = {"dialog.cancel", "cancel", KCTX_DIALOG},
	[ACT_DIALOG_NEXT] = {"dialog.next", "next field", KCTX_DIALOG},
	[ACT_DIALOG_PREV] = {"dialog.prev", "previous field", KCTX_DIALOG},
	[ACT_LOGS_SAVE] = {"logs.save", "save to a file", KCTX_LOGS},
	[ACT_LOGS_TAIL] = {"logs.tail", "lines to start with", KCTX_LOGS},
	[ACT_LOGS_SINCE] = {"logs.since", "start time", KCTX_LOGS},
	[ACT_LOGS_REGEX] = {"logs.regex", "regex/substring", KCTX_LOGS},
	[ACT_CONTAINER_ATTACH] = {"container.attach", "attach",
				  KCTX_CONTAINERS},
	[ACT_CONTAINER_UPDATE] = {"container.update", "pull and recreate",
				  KCTX_CONTAINERS},
	[ACT_CONTAINER_CHECK_UPDATES] = {"container.check_updates",
					 "check for image updates",
					 KCTX_CONTAINERS},
	[ACT_CONTAINER_REBUILD] = {"container.rebuild",
				   "rebuild the image and recreate",
				   KCTX_CONTAINERS},
	[ACT_PANE_SERVICES] = {"pane.services", "swarm services", KCTX_GLOBAL},
	[ACT_PANE_NODES] = {"pane.nodes", "swarm nodes", KCTX_GLOBAL},
	[ACT_APP_FLEET] = {"app.fleet", "every engine", KCTX_GLOBAL},
	[ACT_ENGINE_NEXT] = {"engine.next", "next engine", KCTX_GLOBAL},
	[ACT_ENGINE_PREV] = {"engine.prev", "previous engine", KCTX_GLOBAL},
	[ACT_SERVICE_SCALE] = {"service.scale", "scale", KCTX_SWARM},
	[ACT_SERVICE_FORCE_UPDATE] = {"service.force_update", "force update",
				      KCTX_SWARM},
	[ACT_SERVICE_ROLLBACK] = {"service.rollback", "rollback", KCTX_SWARM},
	[ACT_SERVICE_REMOVE] = {"service.remove", "remove", KCTX_SWARM},
	[ACT_SERVICE_LOGS] = {"service.logs", "service logs", KCTX_SWARM},
	[ACT_IMAGE_LAYERS] = {"image.layers", "layers and files (like dive)",
			      KCTX_IMAGES},
	[ACT_LAYERS_FOCUS] = {"layers.focus", "layers / files", KCTX_LAYERS},
	[ACT_LAYERS_CHANGES] = {"layers.changes",
				"only the selected layer's changes",
				KCTX_LAYERS},
	[ACT_CONTAINER_EXPORT] = {"container.export",
				  "export as run line, compose or unit",
				  KCTX_CONTAINERS},
};

static const char *const km_ctx_names[KCTX_COUNT] = {
	[KCTX_GLOBAL] = "global",
	[KCTX_LIST] = "list",
	[KCTX_CONTAINERS] = "containers",
	[KCTX_IMAGES] = "images",
	[KCTX_VOLUMES] = "volumes",
	[KCTX_NETWORKS] = "networks",
	[KCTX_LOGS] = "logs",
	[KCTX_INSPECT] = "inspect",
	[KCTX_POSTURE] = "posture",
	[KCTX_DIALOG] = "dialog",
	[KCTX_HELP] = "help",
	[KCTX_SWARM] = "swarm",
	[KCTX_LAYERS] = "layers",
};

static const int km_parents[KCTX_COUNT] = {
	[KCTX_GLOBAL] = -1,
	[KCTX_LIST] = KCTX_GLOBAL,
	[KCTX_CONTAINERS] = KCTX_LIST,
	[KCTX_IMAGES] = KCTX_LIST,
	[KCTX_VOLUMES] = KCTX_LIST,
	[KCTX_NETWORKS] = KCTX_LIST,
	[KCTX_LOGS] = KCTX_LIST,
	[KCTX_INSPECT] = KCTX_LIST,
	[KCTX_POSTURE] = KCTX_LIST,
	[KCTX_DIALOG] = -1,
	[KCTX_HELP] = KCTX_LIST,
	[KCTX_SWARM] = KCTX_LIST,
	[KCTX_LAYERS] = KCTX_LIST,
};

#define FK(k) BKEY_FUNC(KEY_##k)
#define CTL(c) ((c)&0x1f)
/* A row whose help is the action's own. */
#define B(k, a)                                                                \
	{                                                                      \
		(k), (a), NULL, 0                                              \
	}
#define BAR(k, a)                                                              \
	{                                                                      \
		(k), (a), NULL, KB_BAR                                         \
	}

static const struct key_binding km_global[] = {
	BAR('q', ACT_APP_QUIT),	    BAR('?', ACT_APP_HELP),
	B(CTL('c'), ACT_APP_QUIT),  B(CTL('l'), ACT_APP_REDRAW),
	B('m', ACT_APP_MOUSE),	    B('E', ACT_APP_EVENTS),
	B('P', ACT_APP_POSTURE),    B('\t', ACT_PANE_NEXT),
	B(FK(BTAB), ACT_PANE_PREV), B('1', ACT_PANE_CONTAINERS),
	B('2', ACT_PANE_IMAGES),    B('3', ACT_PANE_VOLUMES),
	B('4', ACT_PANE_NETWORKS),  B('W', ACT_PANE_SERVICES),
	B('N', ACT_PANE_NODES),	    B('H', ACT_APP_FLEET),
	B('>', ACT_ENGINE_NEXT),    B('<', ACT_ENGINE_PREV),
};

static const struct key_binding km_list[] = {
	B(FK(UP), ACT_LIST_UP),
	B('k', ACT_LIST_UP),
	B(FK(DOWN), ACT_LIST_DOWN),
	B('j', ACT_LIST_DOWN),
	B(FK(PPAGE), ACT_LIST_PAGE_UP),
	B(CTL('b'), ACT_LIST_PAGE_UP),
	B(FK(NPAGE), ACT_LIST_PAGE_DOWN),
	B(CTL('f'), ACT_LIST_PAGE_DOWN),
	B(FK(HOME), ACT_LIST_TOP),
	B('g', ACT_LIST_TOP),
	B(FK(END), ACT_LIST_BOTTOM),
	B('G', ACT_LIST_BOTTOM),
	BAR('/', ACT_LIST_FILTER),
	B(' ', ACT_LIST_MARK),
	B('o', ACT_LIST_SORT),
	B('\n', ACT_LIST_OPEN),
};

static const struct key_binding km_containers[] = {
	BAR('s', ACT_CONTAINER_STOP),	    BAR('S', ACT_CONTAINER_START),
	BAR('r', ACT_CONTAINER_RESTART),    BAR('p', ACT_CONTAINER_PAUSE),
	B('K', ACT_CONTAINER_KILL),	    BAR('D', ACT_CONTAINER_REMOVE),
	B(FK(DC), ACT_CONTAINER_REMOVE),    B('R', ACT_CONTAINER_RENAME),
	BAR('l', ACT_CONTAINER_LOGS),	    BAR('e', ACT_CONTAINER_EXEC),
	B('i', ACT_CONTAINER_INSPECT),	    B('a', ACT_CONTAINER_ATTACH),
	B('U', ACT_CONTAINER_UPDATE),	    B('C', ACT_CONTAINER_CHECK_UPDATES),
	B('B', ACT_CONTAINER_REBUILD),	    B('x', ACT_CONTAINER_EXPORT),
	B('L', ACT_CONTAINER_LOGS_RUNNING),
};

static const struct key_binding km_images[] = {
	BAR('i', ACT_IMAGE_INSPECT), BAR('L', ACT_IMAGE_LAYERS),
	BAR('D', ACT_IMAGE_REMOVE),  B(FK(DC), ACT_IMAGE_REMOVE),
	B('X', ACT_IMAGE_PRUNE),
};

static const struct key_binding km_volumes[] = {
	BAR('i', ACT_VOLUME_INSPECT),
	BAR('D', ACT_VOLUME_REMOVE),
	B(FK(DC), ACT_VOLUME_REMOVE),
	B('X', ACT_VOLUME_PRUNE),
};

static const struct key_binding km_networks[] = {
	BAR('i', ACT_NETWORK_INSPECT),
	BAR('D', ACT_NETWORK_REMOVE),
	B(FK(DC), ACT_NETWORK_REMOVE),
	B('X', ACT_NETWORK_PRUNE),
};

static const struct key_binding km_logs[] = {
	BAR(0x1b, ACT_VIEW_CLOSE),    BAR('f', ACT_LOGS_FOLLOW),
	B('w', ACT_LOGS_WRAP),	      B('t', ACT_LOGS_TIMESTAMPS),
	BAR('/', ACT_VIEW_SEARCH),    B('n', ACT_VIEW_SEARCH_NEXT),
	B('N', ACT_VIEW_SEARCH_PREV), B('&', ACT_LIST_FILTER),
	BAR('s', ACT_LOGS_SAVE),      B('T', ACT_LOGS_TAIL),
	B('S', ACT_LOGS_SINCE),	      B('R', ACT_LOGS_REGEX),
	B('c', ACT_LOGS_COLOURS),     B('e', ACT_LOGS_NEXT_ERROR),
	B('E', ACT_LOGS_PREV_ERROR),  B('@', ACT_LOGS_JUMP_TIME),
	B('^', ACT_LOGS_JUMP_START),  B('J', ACT_LOGS_FIELDS),
	BAR('y', ACT_LOGS_COPY),      B('Y', ACT_LOGS_COPY_VIEW),
	B('v', ACT_LOGS_MARK),	      B('h', ACT_LOGS_HIDE_SOURCE),
	B('o', ACT_LOGS_ONLY_SOURCE), B('z', ACT_LOGS_FOLD),
	B('Z', ACT_LOGS_FOLD_ALL),
};

static const struct key_binding km_inspect[] = {
	BAR(0x1b, ACT_VIEW_CLOSE),    B('q', ACT_VIEW_CLOSE),
	BAR('/', ACT_VIEW_SEARCH),    B('n', ACT_VIEW_SEARCH_NEXT),
	B('N', ACT_VIEW_SEARCH_PREV),
};

static const struct key_binding km_posture[] = {
	BAR(0x1b, ACT_VIEW_CLOSE),
	BAR('r', ACT_POSTURE_RESCAN),
	BAR('f', ACT_POSTURE_SEVERITY),
};

static const struct key_binding km_dialog[] = {
	BAR('y', ACT_DIALOG_CONFIRM), B('\n', ACT_DIALOG_CONFIRM),
	BAR('n', ACT_DIALOG_CANCEL),  B(0x1b, ACT_DIALOG_CANCEL),
	B('\t', ACT_DIALOG_NEXT),     B(FK(BTAB), ACT_DIALOG_PREV),
};

static const struct key_binding km_help[] = {
	BAR(0x1b, ACT_VIEW_CLOSE),
	B('q', ACT_VIEW_CLOSE),
	B('?', ACT_VIEW_CLOSE),
};

static const struct key_binding km_swarm[] = {
	BAR(0x1b, ACT_VIEW_CLOSE),	    BAR('s', ACT_SERVICE_SCALE),
	BAR('F', ACT_SERVICE_FORCE_UPDATE), B('R', ACT_SERVICE_ROLLBACK),
	BAR('D', ACT_SERVICE_REMOVE),	    B(FK(DC), ACT_SERVICE_REMOVE),
	BAR('l', ACT_SERVICE_LOGS),
};

static const struct key_binding km_layers[] = {
	BAR(0x1b, ACT_VIEW_CLOSE),
	BAR('\t', ACT_LAYERS_FOCUS),
	BAR('c', ACT_LAYERS_CHANGES),
};

#define KM_TABLE(t)                                                            \
	{                                                                      \
		t, sizeof(t) / sizeof(t[0])                                    \
	}

static const struct {
	const struct key_binding *rows;
	size_t n;
} km_defaults[KCTX_COUNT] = {
	[KCTX_GLOBAL] = KM_TABLE(km_global),
	[KCTX_LIST] = KM_TABLE(km_list),
	[KCTX_CONTAINERS] = KM_TABLE(km_containers),
	[KCTX_IMAGES] = KM_TABLE(km_images),
	[KCTX_VOLUMES] = KM_TABLE(km_volumes),
	[KCTX_NETWORKS] = KM_TABLE(km_networks),
	[KCTX_LOGS] = KM_TABLE(km_logs),
	[KCTX_INSPECT] = KM_TABLE(km_inspect),
	[KCTX_POSTURE] = KM_TABLE(km_posture),
	[KCTX_DIALOG] = KM_TABLE(km_dialog),
	[KCTX_HELP] = KM_TABLE(km_help),
	[KCTX_SWARM] = KM_TABLE(km_swarm),
	[KCTX_LAYERS] = KM_TABLE(km_layers),
};

void keymap_init(struct keymap *km)
{
	size_t c, i;

	memset(km, 0, sizeof(*km));
	for (c = 0; c < KCTX_COUNT; c++) {
		for (i = 0; i < km_defaults[c].n && i < KEYMAP_MAX; i++) {
			struct key_binding *b = &km->rows[c][i];
			*b = km_defaults[c].rows[i];
			if (b->help == NULL)
				b->help = km_actions[b->action].help;
		}
		km->n[c] = i;
	}
}

int keymap_parent(enum key_context ctx)
{
	if ((unsigned)ctx >= KCTX_COUNT)
		return -1;
	return km_parents[ctx];
}

enum action keymap_lookup(const struct keymap *km, enum key_context ctx,
			  int key)
{
	int c = (unsigned)ctx < KCTX_COUNT ? (int)ctx : -1;
	size_t i;

	for (; c >= 0; c = km_parents[c])
		for (i = 0; i < km->n[c]; i++)
			if (km->rows[c][i].key == key)
				return km->rows[c][i].action;
	return ACT_NONE;
}

int keymap_key_for(const struct keymap *km, enum key_context ctx, enum action a)
{
	int c = (unsigned)ctx < KCTX_COUNT ? (int)ctx : -1;
	size_t i;

	for (; c >= 0; c = km_parents[c])
		for (i = 0; i < km->n[c]; i++)
			if (km->rows[c][i].action == a)
				return km->rows[c][i].key;
	return BKEY_NONE;
}

const char *keymap_action_name(enum action a)
{
	return (unsigned)a < ACT_COUNT ? km_actions[a].name : NULL;
}

const char *keymap_action_help(enum action a)
{
	return (unsigned)a < ACT_COUNT ? km_actions[a].help : NULL;
}

int keymap_action_find(const char *name)
{
	int a;

	for (a = 0; a < ACT_COUNT; a++)
		if (strcasecmp(name, km_actions[a].name) == 0)
			return a;
	return -1;
}

const char *keymap_context_name(enum key_context ctx)
{
	return (unsigned)ctx < KCTX_COUNT ? km_ctx_names[ctx] : NULL;
}

int keymap_context_find(const char *name)
{
	int c;

	for (c = 0; c < KCTX_COUNT; c++)
		if (strcasecmp(name, km_ctx_names[c]) == 0)
			return c;
	return -1;
}

static void km_remove(struct keymap *km, int c, size_t i)
{
	memmove(&km->rows[c][i], &km->rows[c][i + 1],
		(km->n[c] - i - 1) * sizeof(km->rows[c][0]));
	km->n[c]--;
}

/* Index of the row for key in c, or -1. */
static long km_find_key(const struct keymap *km, int c, int key)
{
	size_t i;

	for (i = 0; i < km->n[c]; i++)
		if (km->rows[c][i].key == key)
			return (long)i;
	return -1;
}

static int km_resolve(const char *actionname, const char *keyname, int *a,
		      int *key, char *err, size_t errlen)
{
	*a = keymap_action_find(actionname);
	if (*a < 0) {
		snprintf(err, errlen, "unknown action '%s'", actionname);
		return -1;
	}
	if (keyname_parse(keyname, key) < 0) {
		snprintf(err, errlen, "unknown key '%s'", keyname);
		return -1;
	}
	return 0;
}

int keymap_bind(struct keymap *km, const char *ctxname, const char *keyname,
		const char *actionname, char *err, size_t errlen)
{
	int c = keymap_context_find(ctxname), a, key;
	long i;

	if (c < 0) {
		snprintf(err, errlen, "unknown context '%s'", ctxname);
		return -1;
	}
	if (km_resolve(actionname, keyname, &a, &key, err, errlen) < 0)
		return -1;
	i = km_find_key(km, c, key);
	if (a == ACT_NONE) {
		if (i >= 0)
			km_remove(km, c, (size_t)i);
		return 0;
	}
	if (i < 0) {
		if (km->n[c] >= KEYMAP_MAX) {
			snprintf(err, errlen, "too many bindings in '%s'",
				 km_ctx_names[c]);
			return -1;
		}
		i = (long)km->n[c]++;
	}
	km->rows[c][i].key = key;
	km->rows[c][i].action = (enum action)a;
	km->rows[c][i].help = km_actions[a].help;
	km->rows[c][i].flags = 0;
	return 0;
}

/* Puts key on the first row of action a in c, dropping the action's
 * other rows and whatever key did there before; 1 if a was bound. */
static int km_rekey(struct keymap *km, int c, int a, int key)
{
	size_t i = 0;
	long first = -1;

	while (i < km->n[c]) {
		struct key_binding *b = &km->rows[c][i];
		if (b->action == (enum action)a && first < 0) {
			first = (long)i++;
			continue;
		}
		if (b->action == (enum action)a || b->key == key) {
			km_remove(km, c, i);
			continue;
		}
		i++;
	}
	if (first < 0)
		return 0;
	/* Removals before it may have moved it up. */
	for (i = 0; i < km->n[c]; i++)
		if (km->rows[c][i].action == (enum action)a)
			km->rows[c][i].key = key;
	return 1;
}

int keymap_set_key(struct keymap *km, const char *actionname,
		   const char *keyname, char *err, size_t errlen)
{
	int a, key, c, found = 0;

	if (km_resolve(actionname, keyname, &a, &key, err, errlen) < 0)
		return -1;
	if (a == ACT_NONE) {
		snprintf(err, errlen, "'none' takes no key");
		return -1;
	}
	for (c = 0; c < KCTX_COUNT; c++)
		found |= km_rekey(km, c, a, key);
	if (found)
		return 0;
	return keymap_bind(km, km_ctx_names[km_actions[a].home], keyname,
			   actionname, err, errlen);
}

int keymap_next(const struct keymap *km, enum key_context ctx, size_t *pos,
		struct keymap_entry *out)
{
	const struct key_binding *b;

	if ((unsigned)ctx >= KCTX_COUNT || *pos >= km->n[ctx])
		return -1;
	b = &km->rows[ctx][(*pos)++];
	keyname_format(b->key, out->key, sizeof(out->key));
	out->action = km_actions[b->action].name;
	out->help = b->help;
	out->flags = b->flags;
	return 0;
}
