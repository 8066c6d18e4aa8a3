/* sidepick.h: "Which side hurts?" for routines with "sides chosen": two big buttons, Left and
 * Right, and Skip. Left/Right arrows or the d-pad highlight, L or R choose at once, the main button
 * confirms, skip or back skip; a tap on a button answers. What the answer means is the session's. */
#ifndef UNKNOT_SIDEPICK_H
#define UNKNOT_SIDEPICK_H

#include <SDL.h>

#include "input.h"
#include "render.h"
#include "session.h"

/* What an input did. */
typedef enum { SIDEPICK_IGNORED, SIDEPICK_MOVED, SIDEPICK_CHOSEN, SIDEPICK_SKIPPED } SidePickResult;

/* The buttons: SIDES_LEFT, SIDES_RIGHT, or SIDES_NONE for Skip. */
SDL_Rect sidepick_rect(const Render *rd, Sides which);

/* Keys and pad buttons it reads before the bindings: arrows and d-pad left/right move *sel, L and R
 * choose. Other events: SIDEPICK_IGNORED. */
SidePickResult sidepick_event(Sides *sel, const SDL_Event *e);

/* A bound action: press confirms the highlighted side (nothing when none is); skip and back skip. */
SidePickResult sidepick_action(Sides *sel, Action a);

/* A tap at x, y: on Left or Right it chooses that side, on Skip it skips. */
SidePickResult sidepick_tap(Sides *sel, const Render *rd, int x, int y);

/* Draw the question of v (v->kind == SEG_SIDE) with sel highlighted, naming keys (keyhint_side;
 * NULL: the default keys). */
void sidepick_draw(Render *rd, const SessionView *v, Sides sel, const char *keys);

#endif
