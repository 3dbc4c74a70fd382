#ifndef BERTH_VIEWS_LAYERS_IMPL_H
#define BERTH_VIEWS_LAYERS_IMPL_H

#include <curses.h>

#include "model/layer_tree.h"
#include "posture/image_contents.h"
#include "tui/screen.h"
#include "views/app.h"

/*
 * The layers pane (what dive shows, inside the console): an image's
 * layers with their sizes, history lines and the files each adds,
 * changes and removes; dive's efficiency and wasted space; and the file
 * system the layers make up to the selected one, as a tree with each
 * file's layer, size, mode and setuid marks, searchable.  Shared by
 * layers.c (loading and keys) and layers_draw.c.
 */

enum { LY_FOCUS_LAYERS, LY_FOCUS_FILES };

struct layers {
	struct app *app;
	struct api_request *req;	  /* the image's inspect */
	char name[256];			  /* as asked for */
	char id[160];			  /* its id, once inspected */
	struct posture_image_contents ic; /* with every layer's files */
	int loaded;
	char msg[300]; /* why nothing is shown yet */
	int timer;     /* waiting for the background read */
	struct layer_tree tree;
	int focus;
	size_t layer;	 /* selected, and the tree's stack */
	size_t ltop;	 /* first layer row shown */
	size_t row, top; /* the tree's selected and first row */
	int tree_h, layers_h;
	char search[128];
	char saved[128];
};

void layers_draw(struct layers *v, WINDOW *w, const struct rect *r);

#endif
