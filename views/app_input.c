#include "views/app_impl.h"

#include <curses.h>
#include <string.h>

#include "tui/keyname.h"

void app_confirm(struct app *a, const char *title, const char *message,
		 const char *yes_label, const char *checkbox, app_confirm_fn fn,
		 void *ud)
{
	if (a->dialog_open && a->confirm_fn)
		a->confirm_fn(a, 0, 0, a->confirm_ud);
	dialog_confirm(&a->dialog, title, message, yes_label, checkbox);
	a->dialog_open = 1;
	a->confirm_fn = fn;
	a->confirm_ud = ud;
	loop_dirty(a->loop);
}

void app_message(struct app *a, const char *title, const char *text)
{
	app_confirm_fn fn = a->dialog_open ? a->confirm_fn : NULL;

	/* A dialog it replaces is answered "no", as app_confirm does. */
	a->confirm_fn = NULL;
	if (fn)
		fn(a, 0, 0, a->confirm_ud);
	dialog_message(&a->dialog, title, text);
	a->dialog_open = 1;
	loop_dirty(a->loop);
}

int app_dialog_key(struct app *a, int key)
{
	enum dialog_result r = dialog_key(&a->dialog, key);
	app_confirm_fn fn = a->confirm_fn;

	if (r == DIALOG_OPEN)
		return 1;
	a->dialog_open = 0;
	a->confirm_fn = NULL;
	if (fn)
		fn(a, r == DIALOG_OK, a->dialog.checked, a->confirm_ud);
	loop_dirty(a->loop);
	return 1;
}

void app_prompt(struct app *a, const char *label, const char *initial,
		app_prompt_fn on_change, app_prompt_fn on_done, void *ud)
{
	snprintf(a->prompt_label, sizeof(a->prompt_label), "%s", label);
	lineedit_init(&a->prompt, 256);
	lineedit_set(&a->prompt, initial ? initial : "");
	a->prompt_change = on_change;
	a->prompt_done = on_done;
	a->prompt_ud = ud;
	a->prompting = 1;
	loop_dirty(a->loop);
}

int app_prompt_key(struct app *a, int key)
{
	char text[LINEEDIT_MAX + 1];
	enum lineedit_result r = lineedit_key(&a->prompt, key);

	lineedit_text(&a->prompt, text, sizeof(text));
	switch (r) {
	case LE_CONSUMED:
		if (a->prompt_change)
			a->prompt_change(a, text, a->prompt_ud);
		break;
	case LE_ENTER:
		a->prompting = 0;
		if (a->prompt_done)
			a->prompt_done(a, text, a->prompt_ud);
		break;
	case LE_ESCAPE:
		a->prompting = 0;
		if (a->prompt_done)
			a->prompt_done(a, NULL, a->prompt_ud);
		break;
	case LE_IGNORED:
		break;
	}
	loop_dirty(a->loop);
	return 1;
}

static void toggle_mouse(struct app *a)
{
	a->mouse = !a->mouse;
	mousemask(
		a->mouse ? (BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED)
			 : 0,
		NULL);
	app_status(a, "mouse %s",
		   a->mouse ? "on (shift+drag to copy text)" : "off");
}

static void on_mouse(struct app *a)
{
	const struct view_ops *v = a->views[a->active];
	const struct rect *m = &a->layout.main;
	MEVENT me;

	if (getmouse(&me) != OK)
		return;
	if (me.bstate & BUTTON4_PRESSED)
		v->action(a->data[a->active], ACT_LIST_UP);
	else if (me.bstate & BUTTON5_PRESSED)
		v->action(a->data[a->active], ACT_LIST_DOWN);
	else if (me.y == 0 && me.x >= 0) {
		/* the tab strip: "berth" then "1 Containers" ... */
		int i;
		for (i = 0; i < a->n_views && i < APP_TABS; i++)
			(void)i;
	} else if (v->click && me.y >= m->y && me.y < m->y + m->h)
		v->click(a->data[a->active], me.y - m->y, me.x - m->x);
	loop_dirty(a->loop);
}

/* Actions the app itself answers, whatever the pane. */
static int app_action(struct app *a, enum action act)
{
	static const char *const tabs[] = {"containers", "images", "volumes",
					   "networks"};

	switch (act) {
	case ACT_APP_QUIT:
		loop_quit(a->loop);
		return 1;
	case ACT_APP_HELP:
		a->help_open = 1;
		a->help_scroll = 0;
		return 1;
	case ACT_APP_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case ACT_APP_MOUSE:
		toggle_mouse(a);
		return 1;
	case ACT_APP_EVENTS:
		app_show_pane(a, "events", NULL);
		return 1;
	case ACT_PANE_SERVICES:
		app_show_pane(a, "services", NULL);
		return 1;
	case ACT_PANE_NODES:
		app_show_pane(a, "nodes", NULL);
		return 1;
	case ACT_APP_FLEET:
		app_show_pane(a, "fleet", NULL);
		return 1;
	case ACT_ENGINE_NEXT:
	case ACT_ENGINE_PREV:
		if (a->n_engines < 2) {
			app_status(a,
				   "one engine only (give -H more than once, "
				   "or --all-contexts)");
			return 1;
		}
		app_select_engine(
			a, (a->sel +
			    (act == ACT_ENGINE_NEXT ? 1 : a->n_engines - 1)) %
				   a->n_engines);
		return 1;
	case ACT_APP_POSTURE:
		app_show_pane(a, "posture", NULL);
		return 1;
	case ACT_PANE_CONTAINERS:
	case ACT_PANE_IMAGES:
	case ACT_PANE_VOLUMES:
	case ACT_PANE_NETWORKS:
		app_show_pane(a, tabs[act - ACT_PANE_CONTAINERS], NULL);
		return 1;
	case ACT_PANE_NEXT:
	case ACT_PANE_PREV: {
		int n = a->n_views < APP_TABS ? a->n_views : APP_TABS;
		int cur = a->active < n ? a->active : 0;
		int next = (cur + (act == ACT_PANE_NEXT ? 1 : n - 1)) % n;
		app_show_pane(a, a->views[next]->name, NULL);
		return 1;
	}
	case ACT_VIEW_CLOSE:
		/* Leaves a pane opened from another (inspect, events). */
		if (a->active >= APP_TABS && a->previous >= 0) {
			app_show_pane(a, a->views[a->previous]->name, NULL);
			return 1;
		}
		return 0;
	default:
		return 0;
	}
}

void app_on_key(int key, void *ud)
{
	struct app *a = ud;
	const struct view_ops *v;
	enum action act;
	unsigned r = VIEW_UNHANDLED;

	loop_dirty(a->loop);
	if (a->dialog_open) {
		app_dialog_key(a, key);
		return;
	}
	if (a->prompting) {
		app_prompt_key(a, key);
		return;
	}
	if (a->help_open) {
		app_help_key(a, key);
		return;
	}
	if (key == BKEY_FUNC(KEY_MOUSE)) {
		on_mouse(a);
		return;
	}
	v = a->views[a->active];
	act = keymap_lookup(&a->opts.keys, v->keyctx, key);
	/* The pane sees its actions first: Esc closes its filter before
	 * it closes the pane. */
	if (act != ACT_NONE)
		r = v->action(a->data[a->active], act);
	if (!(r & VIEW_HANDLED) && act != ACT_NONE && app_action(a, act))
		return;
	if (!(r & VIEW_HANDLED) && act == ACT_NONE && v->key)
		v->key(a->data[a->active], key);
}
