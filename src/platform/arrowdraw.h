/* arrowdraw.h: draws the motion arrows (core arrows.h) on the stage: each a bold yellow arrow with
 * a dark outline, bent through its middle point, painted once into a texture cropped to it and
 * copied through the draw list, so a frame where it does not change sends nothing for it and one
 * where it appears, moves or fades sends its box. Painted again only when its place or its
 * strength (in sixteenths) changes. */
#ifndef UNKNOT_ARROWDRAW_H
#define UNKNOT_ARROWDRAW_H

#include <SDL.h>
#include <stdbool.h>

#include "arrows.h"
#include "drawlist.h"

#define ARROWDRAW_ALPHA_STEPS 16 /* a fade is painted in this many steps */

/* The arrows' fill and outline: the brightest colour the figure and the stage never use, on a
 * dark edge, so it reads against the stage card, the mat and the shirt alike. */
#define ARROWDRAW_FILL_R 255
#define ARROWDRAW_FILL_G 214
#define ARROWDRAW_FILL_B 0

typedef struct ArrowDraw ArrowDraw;

/* A drawer for renderer r (borrowed). Returns NULL when out of memory. */
ArrowDraw *arrowdraw_new(SDL_Renderer *r);

/* Free it and its texture (through dl, which may still copy it this frame; dl may be NULL). */
void arrowdraw_free(ArrowDraw *d, DrawList *dl);

/* The box of the pixels arrow p (stage pixels), shaft width w, paints: its fill and dark edge. */
SDL_Rect arrowdraw_extent(const ArrowPath *p, float w);

/* Move each arrow of a (stage pixels, arrows_place) the least way, straight or slanting, so all it
 * paints (arrowdraw_extent) stays within `within` and at least gap pixels from each of the n boxes
 * of avoid (a box with w <= 0 is none): the touch buttons and badges on the stage, so an arrow
 * never reaches over "It hurts". Where one of its nearer ways round (MoveArrows.inner) needs a
 * shorter move, the first that needs the least is drawn instead (the side bend's arc beside "It
 * hurts"); the arrows kept have none left. An arrow that no such move
 * clears is left out (a->count less). */
void arrowdraw_keep_clear(MoveArrows *a, SDL_Rect within, const SDL_Rect *avoid, int n, int gap);

/* Draw arrows a (stage pixels, arrows_place) at strength alpha (0..1; 0 draws nothing) through dl. */
void arrowdraw_draw(ArrowDraw *d, DrawList *dl, const MoveArrows *a, float alpha);

#endif
